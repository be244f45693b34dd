// run: executes a lowered graph's nodes in topological order over one arena.
#ifndef CTGRAD_EXEC_RUN_HPP
#define CTGRAD_EXEC_RUN_HPP

#include <cstddef>
#include <utility>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad::exec {

namespace detail {
template <class G, class T, class Op, class... Args>
constexpr void run_op(T* arena, T* out, node<Op, Args...>*) {
  Op::template forward<T, typename node<Op, Args...>::shape_type, shape_of_t<Args>...>(
      out, (arena + G::template offset_of<Args>)...);
}

template <class G, class T, class N, std::size_t I>
constexpr void run_node(T* arena) {
  if constexpr (requires { typename N::ctgrad_constant_tag; })
    arena[G::plan.offset[I]] = static_cast<T>(N::value);
  else if constexpr (requires { typename N::op; })
    run_op<G>(arena, arena + G::plan.offset[I], static_cast<N*>(nullptr));
  // Leaves hold data that was bound or fed before the run.
}

template <class G, class T, class... Ns, std::size_t... I>
constexpr void run_all(T* arena, ir::mp_list<Ns...>, std::index_sequence<I...>) {
  (run_node<G, T, Ns, I>(arena), ...);
}
}  // namespace detail

/// Evaluates every node of graph `G` once, in topological order, reading leaves from the arena.
/// Usable in constant expressions. Instantiates one small function per node (a pack expansion, so
/// no recursion depth grows with the graph).
template <class G, class T>
constexpr void run(T* arena) {
  detail::run_all<G>(arena, typename G::nodes{}, std::make_index_sequence<G::size>{});
}

}  // namespace ctgrad::exec

#endif

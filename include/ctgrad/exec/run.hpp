// run: executes a lowered graph's nodes in topological order over one arena.
#ifndef CTGRAD_EXEC_RUN_HPP
#define CTGRAD_EXEC_RUN_HPP

#include <bit>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad::exec {

namespace detail {
/// One compiled kernel per (op, element type, shapes), shared by every node that matches: identical
/// layers reuse it instead of each inlining its own copy (which made -O2 builds of deep networks slow).
template <class Op, class T, class Out, class... In>
[[gnu::noinline]] constexpr void kernel(T* out, const std::conditional_t<true, T, In>*... in) {
  Op::template forward<T, Out, In...>(out, in...);
}

template <class G, std::size_t I, class T, class Op, class... Args, std::size_t... A>
constexpr void run_op(T* arena, node<Op, Args...>*, std::index_sequence<A...>) {
  constexpr auto& info = G::info[I];
  kernel<Op, T, typename node<Op, Args...>::shape_type, shape_of_t<Args>...>(
      arena + G::plan.offset[I], (arena + G::plan.offset[info.inputs[A]])...);
}

template <class G, std::size_t Start, class T, class... Ns, std::size_t... K>
constexpr void run_block([[maybe_unused]] T* arena, ir::mp_list<Ns...>, std::index_sequence<K...>) {
  // Array initialisers run left to right and, unlike folds, take any number of operands.
  [[maybe_unused]] const int seq[] = {
      0, (run_op<G, Start + K>(arena, static_cast<Ns*>(nullptr), std::make_index_sequence<Ns::op_arity>{}), 0)...};
}

template <class G, class T, std::size_t... B>
constexpr void run_blocks(T* arena, std::index_sequence<B...>) {
  using blocks = typename G::blocks;
  [[maybe_unused]] const int seq[] = {
      0, (run_block<G, G::block_start[B]>(
              arena, typename boost::mp11::mp_at_c<blocks, B>::local{},
              std::make_index_sequence<boost::mp11::mp_size<typename boost::mp11::mp_at_c<blocks, B>::local>::value>{}),
          0)...};
}
}  // namespace detail

/// Evaluates every node of graph `G` once, in topological order, reading leaves from the arena.
/// Usable in constant expressions. One small function per node, reached by pack expansion (no
/// recursion whose depth grows with the graph).
template <class G, class T>
constexpr void run(T* arena) {
  for (std::size_t i = 0; i < G::n_atoms; ++i)
    if (G::atoms[i].is_constant) arena[G::plan.offset[i]] = static_cast<T>(std::bit_cast<double>(G::atoms[i].bits));
  detail::run_blocks<G>(arena, std::make_index_sequence<boost::mp11::mp_size<typename G::blocks>::value>{});
}

}  // namespace ctgrad::exec

#endif

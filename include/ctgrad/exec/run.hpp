// run: executes a lowered graph's nodes in topological order over one arena.
#ifndef CTGRAD_EXEC_RUN_HPP
#define CTGRAD_EXEC_RUN_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <utility>

#include <boost/mp11/algorithm.hpp>

#include <ctgrad/config.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad::exec {

/// One step of a program: a kernel and the arena offsets of its output and its operands.
template <class T>
struct step {
  void (*kernel)(T* arena, const std::size_t* offsets) = nullptr;
  std::size_t offsets[CTGRAD_MAX_ARITY + 1]{};
};

namespace detail {
/// The kernel of an (op, element type, shapes) combination with a uniform signature, so that a
/// program is a table of steps: every node that matches shares it, and a graph of any depth adds
/// table entries, not functions to compile.
template <class Op, class T, class Out, class... In>
constexpr void kernel_entry(T* arena, const std::size_t* off) {
  [&]<std::size_t... A>(std::index_sequence<A...>) {
    Op::template forward<T, Out, In...>(arena + off[0], (arena + off[1 + A])...);
  }(std::index_sequence_for<In...>{});
}

/// Node N's kernel as a function of a short name (its op and shapes).
template <class Op, class T, class Out, class... In>
struct kernel_fn {
  static constexpr void run(T* arena, const std::size_t* off) { kernel_entry<Op, T, Out, In...>(arena, off); }
};
template <class T, class N>
struct kernel_of;
template <class T, class Op, class... Args>
struct kernel_of<T, node<Op, Args...>> {
  using type = kernel_fn<Op, T, typename node<Op, Args...>::shape_type, shape_of_t<Args>...>;
};

/// The kernels of the op nodes of block key K (a dummy first element), and of every block of a
/// graph: tables keyed by handles, never by blocks (see ir/graph.hpp on name lengths).
template <class T, class K, class Local = typename K::ctgrad_block::local>
struct block_kernels;
template <class T, class K, class... Ns>
struct block_kernels<T, K, ir::mp_list<Ns...>> {
  static constexpr void (*value[sizeof...(Ns) + 1])(T*, const std::size_t*) = {nullptr, &kernel_of<T, Ns>::type::run...};
};
template <class T, class Keys>
struct kernel_table;
template <class T, class... Ks>
struct kernel_table<T, ir::mp_list<Ks...>> {
  static constexpr void (*const* value[sizeof...(Ks) + 1])(T*, const std::size_t*) = {nullptr, block_kernels<T, Ks>::value...};
};
}  // namespace detail

/// The steps that evaluate graph `G` in element type `T`, in topological order (op nodes only).
template <class G, class T>
struct program {
  static constexpr std::size_t n_steps = G::size - G::n_atoms;
  static constexpr std::array<step<T>, n_steps> steps = [] {
    using kernels = detail::kernel_table<T, typename G::keys>;
    std::array<step<T>, n_steps> s{};
    std::size_t block = 0;
    for (std::size_t k = 0; k < n_steps; ++k) {
      const std::size_t i = G::n_atoms + k;  // blocks follow the atoms in the IR
      while (block + 1 < G::n_blocks && i >= G::block_start[block + 1]) ++block;
      s[k].kernel = kernels::value[block + 1][1 + i - G::block_start[block]];
      s[k].offsets[0] = G::plan.offset[i];
      for (std::size_t a = 0; a < G::info[i].arity; ++a) s[k].offsets[1 + a] = G::plan.offset[G::info[i].inputs[a]];
    }
    return s;
  }();
};

/// Evaluates every node of graph `G` once, in topological order, reading leaves from the arena.
/// Usable in constant expressions.
template <class G, class T>
constexpr void run(T* arena) {
  for (std::size_t i = 0; i < G::n_atoms; ++i)
    if (G::atoms[i].is_constant) arena[G::plan.offset[i]] = static_cast<T>(std::bit_cast<double>(G::atoms[i].bits));
  for (const auto& s : program<G, T>::steps) s.kernel(arena, s.offsets);
}

}  // namespace ctgrad::exec

#endif

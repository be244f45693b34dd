// run: executes a lowered graph's nodes in topological order over one arena.
#ifndef CTGRAD_EXEC_RUN_HPP
#define CTGRAD_EXEC_RUN_HPP

#include <array>
#include <bit>
#include <cstddef>

#include <ctgrad/config.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/exec/kernel.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad::exec {

/// One step of a program: a kernel and the arena offsets of its output and its operands.
template <class T>
struct step {
  kernel_ptr<T> kernel = nullptr;
  std::size_t offsets[CTGRAD_MAX_ARITY + 1]{};
};

/// The steps that evaluate graph `G` in element type `T`, in topological order (op nodes only).
template <class G, element_type T>
struct program {
  static constexpr std::size_t n_steps = G::size - G::n_atoms;
  static constexpr std::array<step<T>, n_steps> steps = [] {
    std::array<step<T>, n_steps> s{};
    for (std::size_t k = 0; k < n_steps; ++k) {
      const std::size_t i = G::n_atoms + k;  // the op nodes follow the atoms in the IR
      s[k].kernel = G::kernels[k]->template get<T>();
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

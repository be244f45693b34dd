// Kernels: each op node's forward code behind one uniform signature, for float and double.
#ifndef CTGRAD_EXEC_KERNEL_HPP
#define CTGRAD_EXEC_KERNEL_HPP

#include <cstddef>
#include <utility>

#include <ctgrad/expr/expression.hpp>

namespace ctgrad::exec {

/// A kernel: computes one node into `arena + offsets[0]` from its operands at `arena +
/// offsets[1...]`.
template <class T>
using kernel_ptr = void (*)(T* arena, const std::size_t* offsets);

/// The element types a program runs in.
template <class T>
concept element_type = __is_same(T, float) || __is_same(T, double);

/// One node's kernel in each element type. A lowered graph holds these, so that the order of its
/// blocks, found at compile time as values, serves a program of either type.
struct kernel_set {
  kernel_ptr<float> f = nullptr;
  kernel_ptr<double> d = nullptr;

  template <element_type T>
  constexpr kernel_ptr<T> get() const noexcept {
    if constexpr (__is_same(T, float))
      return f;
    else
      return d;
  }
};

namespace detail {
/// The kernel of an (op, element type, shapes) combination with the uniform signature, so that a
/// program is a table of steps: every node that matches shares it, and a graph of any depth adds
/// table entries, not functions to compile.
template <class Op, class T, class Out, class... In>
constexpr void kernel_entry(T* arena, const std::size_t* off) {
  [&]<std::size_t... A>(std::index_sequence<A...>) {
    Op::template forward<T, Out, In...>(arena + off[0], (arena + off[1 + A])...);
  }(std::index_sequence_for<In...>{});
}

/// The kernels of an op on given shapes: a short name, shared by every node that matches.
template <class Op, class Out, class... In>
struct kernels_for {
  static constexpr kernel_set value{&kernel_entry<Op, float, Out, In...>, &kernel_entry<Op, double, Out, In...>};
};

/// The kernels of op node N.
template <class N>
struct kernels_of;
template <class Op, class... Args>
struct kernels_of<node<Op, Args...>> {
  using type = kernels_for<Op, typename node<Op, Args...>::shape_type, typename Args::shape_type...>;
};
}  // namespace detail

}  // namespace ctgrad::exec

#endif

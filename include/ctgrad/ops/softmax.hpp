// softmax: the normalised exponential along the class axis (axis 0 by default: features first, batch last).
#ifndef CTGRAD_OPS_SOFTMAX_HPP
#define CTGRAD_OPS_SOFTMAX_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/detail/softmax_kernel.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: the normalised exponential along `Axis`, computed stably.
template <std::size_t Axis>
struct softmax {
  static constexpr std::string_view name = "softmax";
  template <class A>
  using shape_t = A;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    detail::softmax_along<false, Axis, T, A>(out, a);
  }
  static constexpr spelling printed = {"softmax", "\\operatorname{softmax}"};
  /// softmax(a) along axis 0, softmax<k>(a) along axis k; in LaTeX the axis is a subscript.
  static constexpr term print(notation n, const term& a) { return call_along<Axis>(n, printed, a); }

  /// VJP: p ⊙ (g − Σ_axis(g ⊙ p)), with p this node: the Jacobian Diag(p) − ppᵀ applied to g.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<softmax, A> p, G g) noexcept {
    return p % (g - ctgrad::expand_axis<Axis, shape_of_t<A>::dims[Axis]>(ctgrad::sum<static_cast<int>(Axis)>(g % p)));
  }
};
}  // namespace ops

namespace detail {
template <class S, int Axis>
struct softmax_check {
  static_assert(Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank,
                "ctgrad: softmax<axis>(a) needs 0 <= axis < rank of a (the class axis is 0)");
  static constexpr bool ok = Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank;
};
}  // namespace detail

/// `softmax(z)` along axis 0 (the class axis), or `softmax<Axis>(z)`.
template <int Axis = 0, expression A>
constexpr auto softmax(A) noexcept {
  return detail::make_node<ops::softmax<static_cast<std::size_t>(Axis < 0 ? 0 : Axis)>,
                           detail::softmax_check<shape_of_t<A>, Axis>, A>();
}

}  // namespace ctgrad

#endif

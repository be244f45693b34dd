// log_softmax: the logarithm of softmax, as z - logsumexp(z) along the class axis (axis 0 by default: features first, batch last).
#ifndef CTGRAD_OPS_LOG_SOFTMAX_HPP
#define CTGRAD_OPS_LOG_SOFTMAX_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/detail/softmax_kernel.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: the logarithm of softmax, as z - logsumexp(z) along `Axis`, computed stably.
template <std::size_t Axis>
struct log_softmax {
  static constexpr std::string_view name = "log_softmax";
  template <class A>
  using shape_t = A;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    detail::softmax_along<true, Axis, T, A>(out, a);
  }
  static constexpr spelling printed = {"log_softmax", "\\log\\operatorname{softmax}"};
  /// log_softmax(a) along axis 0, log_softmax<k>(a) along axis k; in LaTeX the axis is a subscript.
  static constexpr term print(notation n, const term& a) { return call_along<Axis>(n, printed, a); }

  /// VJP: g − softmax(a) ⊙ Σ_axis g. When g is ±y or c·y for a `distribution` y (each slice
  /// sums to one), Σ_axis g is ±1 or c and the adjoint is ±(y − p) or c·(y − p): the `p − y` of
  /// cross-entropy, written so only when the precondition is part of y's type.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<log_softmax, A> n, G g) noexcept {
    namespace d = ctgrad::detail;
    if constexpr (d::is_distribution_v<G, Axis>)
      return g - ctgrad::exp(n);
    else if constexpr (d::is_distribution_v<typename d::negated<G>::type, Axis>)
      return ctgrad::exp(n) - typename d::negated<G>::type{};
    else if constexpr (d::is_distribution_v<typename d::scaled<G>::rest, Axis>)
      return ctgrad::mul(d::known_t<shape<>, d::bits(d::scaled<G>::value)>{}, typename d::scaled<G>::rest{} - ctgrad::exp(n));
    else
      return g - ctgrad::exp(n) % ctgrad::expand_axis<Axis, shape_of_t<A>::dims[Axis]>(ctgrad::sum<static_cast<int>(Axis)>(g));
  }
};
}  // namespace ops

namespace detail {
template <class S, int Axis>
struct log_softmax_check {
  static_assert(Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank,
                "ctgrad: log_softmax<axis>(a) needs 0 <= axis < rank of a (the class axis is 0)");
  static constexpr bool ok = Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank;
};
}  // namespace detail

/// `log_softmax(z)` along axis 0 (the class axis), or `log_softmax<Axis>(z)`.
template <int Axis = 0, expression A>
constexpr auto log_softmax(A) noexcept {
  return detail::make_node<ops::log_softmax<static_cast<std::size_t>(Axis < 0 ? 0 : Axis)>,
                           detail::log_softmax_check<shape_of_t<A>, Axis>, A>();
}

}  // namespace ctgrad

#endif

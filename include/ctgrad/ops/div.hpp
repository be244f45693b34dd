// div: elementwise quotient with broadcasting, spelled `a / b`.
#ifndef CTGRAD_OPS_DIV_HPP
#define CTGRAD_OPS_DIV_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/binary.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/shape/broadcast.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: broadcast_t<A, B> (aligned from the first axis). Forward: a / b.
struct div : detail::binary_elementwise<div> {
  static constexpr std::string_view name = "div";
  static constexpr int precedence = prec::multiplicative;
  static constexpr std::string_view symbol = "/";
  static constexpr std::string_view latex = "/";
  /// a / b in text, \frac{a}{b} in LaTeX (which needs no parentheses inside, and binds like a
  /// power outside).
  static constexpr term print(notation n, const term& a, const term& b) {
    if (n == notation::text) return binary_elementwise<div>::print(n, a, b);
    return {"\\frac{" + a.text + "}{" + b.text + "}", prec::postfix, a.rank > b.rank ? a.rank : b.rank};
  }
  template <class T>
  static constexpr T apply(T a, T b) noexcept {
    return a / b;
  }
  /// 0/x = 0 (for x != 0), x/1 = x, and constant folding. (x/c stays a division: x·(1/c) would
  /// round differently.)
  template <class A, class B>
  static constexpr auto rewrite(A a, B b) noexcept {
    namespace d = ctgrad::detail;
    using S = broadcast_t<shape_of_t<A>, shape_of_t<B>>;
    if constexpr (d::known<A>::ok && d::known<B>::ok)
      return binary_elementwise<div>::rewrite(a, b);
    else if constexpr (d::known<A>::zero)
      return d::known_t<S, ctgrad::detail::bits(0.0)>{};
    else if constexpr (d::known<B>::one && d::has_shape_v<A, S>)
      return a;
    else
      return node<div, A, B>{};
  }

  /// VJP: the adjoint of operand I given the adjoint `g` of this node `n`; operands that were
  /// broadcast get theirs summed back to their own shape.
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp([[maybe_unused]] node<div, A, B> n, G g) noexcept {
    if constexpr (I == 0)
      return detail::reduce_to<shape_of_t<A>>(g / B{});
    else  // d(a/b)/db = -(a/b)/b
      return -detail::reduce_to<shape_of_t<B>>(g % n / B{});
  }
};
}  // namespace ops

namespace detail {
template <class A, class B>
struct div_check {
  static_assert(broadcastable_v<A, B>,
                "ctgrad: div(a, b) needs broadcastable shapes: aligned from the first axis, each pair of dims equal or 1");
  static constexpr bool ok = broadcastable_v<A, B>;
};
}  // namespace detail

/// `operator/`: elementwise quotient; a scalar or a shorter shape broadcasts.
template <expression A, expression B>
constexpr auto operator/(A, B) noexcept {
  return detail::make_node<ops::div, detail::div_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

CTGRAD_REFUSE_PLAIN_NUMBER(/)

}  // namespace ctgrad

#endif

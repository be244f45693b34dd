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
  template <class T>
  static constexpr T apply(T a, T b) noexcept {
    return a / b;
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

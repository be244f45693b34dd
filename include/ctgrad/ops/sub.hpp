// sub: elementwise difference with broadcasting, spelled `a - b`.
#ifndef CTGRAD_OPS_SUB_HPP
#define CTGRAD_OPS_SUB_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/binary.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/shape/broadcast.hpp>

namespace ctgrad {
namespace ops {
struct add;
/// Shape rule: broadcast_t<A, B> (aligned from the first axis). Forward: a - b.
struct sub : detail::binary_elementwise<sub> {
  static constexpr std::string_view name = "sub";
  static constexpr int precedence = prec::additive;
  static constexpr std::string_view symbol = "-";
  static constexpr std::string_view latex = "-";
  template <class T>
  static constexpr T apply(T a, T b) noexcept {
    return a - b;
  }
  /// x - 0 = x, 0 - x = -x, a - (-b) = a + b, and constant folding.
  template <class A, class B>
  static constexpr auto rewrite(A a, B b) noexcept {
    namespace d = ctgrad::detail;
    using S = broadcast_t<shape_of_t<A>, shape_of_t<B>>;
    if constexpr (d::known<B>::zero && d::has_shape_v<A, S>)
      return a;
    else if constexpr (d::known<A>::zero && d::has_shape_v<B, S>)
      return -b;
    else if constexpr (d::is_op_v<B, neg> && !d::known<A>::ok)
      return node<add, A, d::arg_t<B, 0>>{};
    else
      return binary_elementwise<sub>::rewrite(a, b);
  }

  /// VJP: the adjoint of operand I given the adjoint `g` of this node `n`; operands that were
  /// broadcast get theirs summed back to their own shape.
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp([[maybe_unused]] node<sub, A, B> n, G g) noexcept {
    if constexpr (I == 0)
      return detail::reduce_to<shape_of_t<A>>(g);
    else
      return -detail::reduce_to<shape_of_t<B>>(g);
  }
};
}  // namespace ops

namespace detail {
template <class A, class B>
struct sub_check {
  static_assert(broadcastable_v<A, B>,
                "ctgrad: sub(a, b) needs broadcastable shapes: aligned from the first axis, each pair of dims equal or 1");
  static constexpr bool ok = broadcastable_v<A, B>;
};
}  // namespace detail

/// `operator-`: elementwise difference; a scalar or a shorter shape broadcasts.
template <expression A, expression B>
constexpr auto operator-(A, B) noexcept {
  return detail::make_node<ops::sub, detail::sub_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

CTGRAD_REFUSE_PLAIN_NUMBER(-)

}  // namespace ctgrad

#endif

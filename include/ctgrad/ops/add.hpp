// add: elementwise sum with broadcasting, spelled `a + b`.
#ifndef CTGRAD_OPS_ADD_HPP
#define CTGRAD_OPS_ADD_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/binary.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/shape/broadcast.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: broadcast_t<A, B> (aligned from the first axis). Forward: a + b.
struct add : detail::binary_elementwise<add> {
  static constexpr std::string_view name = "add";
  static constexpr int precedence = prec::additive;
  static constexpr std::string_view symbol = "+";
  static constexpr std::string_view latex = "+";
  template <class T>
  static constexpr T apply(T a, T b) noexcept {
    return a + b;
  }
  /// x + 0 = x, 0 + x = x, a + (-b) = a - b, (-a) + b = b - a, a + (-c)·x = a - c·x, and
  /// constant folding.
  template <class A, class B>
  static constexpr auto rewrite(A a, B b) noexcept {
    namespace d = ctgrad::detail;
    using S = broadcast_t<shape_of_t<A>, shape_of_t<B>>;
    if constexpr (d::known<B>::zero && d::has_shape_v<A, S>)
      return a;
    else if constexpr (d::known<A>::zero && d::has_shape_v<B, S>)
      return b;
    else if constexpr (d::is_op_v<B, neg>)
      return a - d::arg_t<B, 0>{};
    else if constexpr (d::is_op_v<A, neg>)
      return b - d::arg_t<A, 0>{};
    else if constexpr (d::scaled<B>::negative)  // a + (-c)·x = a - c·x
      return a - ctgrad::mul(d::known_t<shape<>, d::bits(-d::scaled<B>::value)>{}, typename d::scaled<B>::rest{});
    else
      return binary_elementwise<add>::rewrite(a, b);
  }

  /// VJP: the adjoint of operand I given the adjoint `g` of this node `n`; operands that were
  /// broadcast get theirs summed back to their own shape.
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp([[maybe_unused]] node<add, A, B> n, G g) noexcept {
    if constexpr (I == 0)
      return detail::reduce_to<shape_of_t<A>>(g);
    else
      return detail::reduce_to<shape_of_t<B>>(g);
  }
};
}  // namespace ops

namespace detail {
template <class A, class B>
struct add_check {
  static_assert(broadcastable_v<A, B>,
                "ctgrad: add(a, b) needs broadcastable shapes: aligned from the first axis, each pair of dims equal or 1");
  static constexpr bool ok = broadcastable_v<A, B>;
};
}  // namespace detail

/// `operator+`: elementwise sum; a scalar or a shorter shape broadcasts.
template <expression A, expression B>
constexpr auto operator+(A, B) noexcept {
  return detail::make_node<ops::add, detail::add_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

CTGRAD_REFUSE_PLAIN_NUMBER(+)

}  // namespace ctgrad

#endif

// heaviside: elementwise step function, 1 where x > 0, else 0 (the derivative of relu).
#ifndef CTGRAD_OPS_HEAVISIDE_HPP
#define CTGRAD_OPS_HEAVISIDE_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/fill.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: 1 where x > 0, else 0. heaviside(0) = 0, matching
/// relu's choice of subgradient at 0 (relu(x) = x·heaviside(x)); heaviside(NaN) = 0 too.
struct heaviside : detail::unary_elementwise<heaviside> {
  static constexpr std::string_view name = "heaviside";
  static constexpr std::string_view latex = "\\operatorname{heaviside}";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x > T(0) ? T(1) : T(0);
  }
  /// VJP: zero (piecewise constant; the jump at 0 has no derivative).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<heaviside, A>, G) noexcept {
    return zeros<shape_of_t<A>>;
  }
};
}  // namespace ops

/// `heaviside(a)`: elementwise 1 where a > 0, else 0 (heaviside(0) = 0): the derivative of relu.
template <expression A>
constexpr auto heaviside(A) noexcept {
  return ctgrad::detail::make_node<ops::heaviside, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

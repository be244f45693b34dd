// sign: elementwise -1, 0 or +1.
#ifndef CTGRAD_OPS_SIGN_HPP
#define CTGRAD_OPS_SIGN_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/fill.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: +1 for x > 0, -1 for x < 0, x itself for ±0 and NaN
/// (so zeros keep their sign and NaN stays NaN).
struct sign : detail::unary_elementwise<sign> {
  static constexpr std::string_view name = "sign";
  static constexpr std::string_view latex = "\\operatorname{sign}";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x > T(0) ? T(1) : (x < T(0) ? T(-1) : x);
  }
  /// VJP: zero (piecewise constant; the jump at 0 has no derivative).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<sign, A>, G) noexcept {
    return zeros<shape_of_t<A>>;
  }
};
}  // namespace ops

/// `sign(a)`: elementwise -1, 0 or +1; NaN stays NaN.
template <expression A>
constexpr auto sign(A) noexcept {
  return ctgrad::detail::make_node<ops::sign, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

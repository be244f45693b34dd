// sqrt: elementwise square root.
#ifndef CTGRAD_OPS_SQRT_HPP
#define CTGRAD_OPS_SQRT_HPP

#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise square root.
struct sqrt : detail::unary_elementwise<sqrt> {
  static constexpr std::string_view name = "sqrt";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::sqrt(x);
  }
};
}  // namespace ops

/// `sqrt(a)`: elementwise square root.
template <expression A>
constexpr auto sqrt(A) noexcept {
  return ctgrad::detail::make_node<ops::sqrt, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

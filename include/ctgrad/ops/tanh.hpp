// tanh: elementwise hyperbolic tangent.
#ifndef CTGRAD_OPS_TANH_HPP
#define CTGRAD_OPS_TANH_HPP

#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise hyperbolic tangent.
struct tanh : detail::unary_elementwise<tanh> {
  static constexpr std::string_view name = "tanh";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::tanh(x);
  }
};
}  // namespace ops

/// `tanh(a)`: elementwise hyperbolic tangent.
template <expression A>
constexpr auto tanh(A) noexcept {
  return ctgrad::detail::make_node<ops::tanh, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

// square: elementwise square.
#ifndef CTGRAD_OPS_SQUARE_HPP
#define CTGRAD_OPS_SQUARE_HPP

#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise square.
struct square : detail::unary_elementwise<square> {
  static constexpr std::string_view name = "square";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x * x;
  }
};
}  // namespace ops

/// `square(a)`: elementwise square.
template <expression A>
constexpr auto square(A) noexcept {
  return ctgrad::detail::make_node<ops::square, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

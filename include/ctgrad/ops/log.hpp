// log: elementwise natural logarithm.
#ifndef CTGRAD_OPS_LOG_HPP
#define CTGRAD_OPS_LOG_HPP

#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise natural logarithm.
struct log : detail::unary_elementwise<log> {
  static constexpr std::string_view name = "log";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::log(x);
  }
};
}  // namespace ops

/// `log(a)`: elementwise natural logarithm.
template <expression A>
constexpr auto log(A) noexcept {
  return ctgrad::detail::make_node<ops::log, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

// log: elementwise natural logarithm.
#ifndef CTGRAD_OPS_LOG_HPP
#define CTGRAD_OPS_LOG_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/log_softmax.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise natural logarithm.
struct log : detail::unary_elementwise<log> {
  static constexpr std::string_view name = "log";
  static constexpr std::string_view latex = "\\log";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::log(x);
  }
  /// log(softmax(z)) is built as log_softmax(z): z − logsumexp(z), finite where the written form
  /// would take the log of an underflowed 0. Constants fold.
  using unary_elementwise<log>::rewrite;
  template <std::size_t Axis, class Z>
  static constexpr node<log_softmax<Axis>, Z> rewrite(node<softmax<Axis>, Z>) noexcept {
    return {};
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<log, A> n, G g) noexcept {
    return g / A{};
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

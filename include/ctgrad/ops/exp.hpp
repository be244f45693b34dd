// exp: elementwise natural exponential.
#ifndef CTGRAD_OPS_EXP_HPP
#define CTGRAD_OPS_EXP_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
template <std::size_t Axis>
struct log_softmax;
/// Shape rule: the operand's shape. Forward: elementwise natural exponential.
struct exp : detail::unary_elementwise<exp> {
  static constexpr std::string_view name = "exp";
  static constexpr std::string_view latex = "\\exp";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::exp(x);
  }
  /// exp(log_softmax(z)) is softmax(z) (the node a graph most likely has already). Constants fold.
  using unary_elementwise<exp>::rewrite;
  template <std::size_t Axis, class Z>
  static constexpr node<softmax<Axis>, Z> rewrite(node<log_softmax<Axis>, Z>) noexcept {
    return {};
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<exp, A> n, G g) noexcept {
    return g % n;
  }
};
}  // namespace ops

/// `exp(a)`: elementwise natural exponential.
template <expression A>
constexpr auto exp(A) noexcept {
  return ctgrad::detail::make_node<ops::exp, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

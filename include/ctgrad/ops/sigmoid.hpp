// sigmoid: elementwise logistic function 1 / (1 + e^-x), stable for large |x|.
#ifndef CTGRAD_OPS_SIGMOID_HPP
#define CTGRAD_OPS_SIGMOID_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise logistic function 1 / (1 + e^-x), stable for large |x|.
struct sigmoid : detail::unary_elementwise<sigmoid> {
  static constexpr std::string_view name = "sigmoid";
  static constexpr std::string_view latex = "\\sigma";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::sigmoid(x);
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<sigmoid, A> n, G g) noexcept {
    return g % (n % (scalar_c<1> - n));
  }
};
}  // namespace ops

/// `sigmoid(a)`: elementwise logistic function 1 / (1 + e^-x), stable for large |x|.
template <expression A>
constexpr auto sigmoid(A) noexcept {
  return ctgrad::detail::make_node<ops::sigmoid, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

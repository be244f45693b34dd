// tanh: elementwise hyperbolic tangent.
#ifndef CTGRAD_OPS_TANH_HPP
#define CTGRAD_OPS_TANH_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/square.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise hyperbolic tangent.
struct tanh : detail::unary_elementwise<tanh> {
  static constexpr std::string_view name = "tanh";
  static constexpr std::string_view latex = "\\tanh";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::tanh(x);
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<tanh, A> n, G g) noexcept {
    return g % (scalar_c<1> - ctgrad::square(n));
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

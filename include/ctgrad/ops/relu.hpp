// relu: elementwise max(x, 0).
#ifndef CTGRAD_OPS_RELU_HPP
#define CTGRAD_OPS_RELU_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/heaviside.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise max(x, 0).
struct relu : detail::unary_elementwise<relu> {
  static constexpr std::string_view name = "relu";
  static constexpr std::string_view latex = "\\operatorname{relu}";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x > T(0) ? x : T(0);
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<relu, A> n, G g) noexcept {
    return g % ctgrad::heaviside(A{});
  }
};
}  // namespace ops

/// `relu(a)`: elementwise max(x, 0).
template <expression A>
constexpr auto relu(A) noexcept {
  return ctgrad::detail::make_node<ops::relu, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

// sqrt: elementwise square root.
#ifndef CTGRAD_OPS_SQRT_HPP
#define CTGRAD_OPS_SQRT_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise square root.
struct sqrt : detail::unary_elementwise<sqrt> {
  static constexpr std::string_view name = "sqrt";
  /// sqrt(a); in LaTeX \sqrt{a}.
  static constexpr term print(notation n, const term& a) {
    if (n == notation::text) return call(n, {name, name}, a, a.rank);
    return {"\\sqrt{" + a.text + "}", prec::primary, a.rank};
  }
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::sqrt(x);
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<sqrt, A> n, G g) noexcept {
    return g / (scalar_c<2> * n);
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

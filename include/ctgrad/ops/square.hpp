// square: elementwise square.
#ifndef CTGRAD_OPS_SQUARE_HPP
#define CTGRAD_OPS_SQUARE_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise square.
struct square : detail::unary_elementwise<square> {
  static constexpr std::string_view name = "square";
  /// square(a); in LaTeX a^{2}.
  static constexpr term print(notation n, const term& a) {
    if (n == notation::text) return call(n, {name, name}, a, a.rank);
    return superscript(n, a, "2", a.rank);
  }
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x * x;
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<square, A> n, G g) noexcept {
    return scalar_c<2> * (g % A{});
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

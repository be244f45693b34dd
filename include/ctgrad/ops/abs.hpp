// abs: elementwise absolute value.
#ifndef CTGRAD_OPS_ABS_HPP
#define CTGRAD_OPS_ABS_HPP

#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sign.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: elementwise absolute value.
struct abs : detail::unary_elementwise<abs> {
  static constexpr std::string_view name = "abs";
  /// abs(a); in LaTeX \lvert a\rvert.
  static constexpr term print(notation n, const term& a) {
    if (n == notation::text) return call(n, {name, name}, a, a.rank);
    return {"\\lvert " + a.text + "\\rvert", prec::primary, a.rank};
  }
  template <class T>
  static constexpr T apply(T x) noexcept {
    return x < T(0) ? -x : x;
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<abs, A> n, G g) noexcept {
    return g % ctgrad::sign(A{});
  }
};
}  // namespace ops

/// `abs(a)`: elementwise absolute value.
template <expression A>
constexpr auto abs(A) noexcept {
  return ctgrad::detail::make_node<ops::abs, ctgrad::detail::no_check, A>();
}

}  // namespace ctgrad

#endif

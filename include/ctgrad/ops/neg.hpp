// neg: elementwise negation, spelled `-a`.
#ifndef CTGRAD_OPS_NEG_HPP
#define CTGRAD_OPS_NEG_HPP

#include <string>
#include <string_view>

#include <cstddef>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>

namespace ctgrad {
namespace ops {
struct sub;
/// Shape rule: the operand's shape. Forward: -x.
struct neg : detail::unary_elementwise<neg> {
  static constexpr std::string_view name = "neg";
  template <class T>
  static constexpr T apply(T x) noexcept {
    return -x;
  }
  static constexpr term print(notation, const term& a) {
    return {"-" + operand(a, prec::postfix), prec::prefix, a.rank};
  }
  /// -(-x) = x, -(a - b) = b - a, and constant folding.
  using unary_elementwise<neg>::rewrite;
  template <class A>
  static constexpr A rewrite(node<neg, A>) noexcept {
    return {};
  }
  template <class A, class B>
  static constexpr node<sub, B, A> rewrite(node<sub, A, B>) noexcept {
    return {};
  }
  /// VJP: the adjoint of the operand, given the adjoint `g` of this node `n`.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp([[maybe_unused]] node<neg, A> n, G g) noexcept {
    return -g;
  }
};
}  // namespace ops

/// `-a`: elementwise negation.
template <expression A>
constexpr auto operator-(A) noexcept {
  return detail::make_node<ops::neg, detail::no_check, A>();
}

}  // namespace ctgrad

#endif

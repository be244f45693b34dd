// pow: elementwise power with a compile-time constant exponent.
#ifndef CTGRAD_OPS_POW_HPP
#define CTGRAD_OPS_POW_HPP

#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/unary.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/print/number.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: the operand's shape. Forward: x^p for the constant p whose bits are `PBits`.
template <std::uint64_t PBits>
struct pow : detail::unary_elementwise<pow<PBits>> {
  static constexpr std::string_view name = "pow";
  static constexpr double exponent = std::bit_cast<double>(PBits);
  template <class T>
  static constexpr T apply(T x) noexcept {
    return math::pow(x, static_cast<T>(exponent));
  }
  /// a^3 in text, a^{3} in LaTeX.
  static constexpr term print(notation n, const term& a) {
    if (n == notation::latex) return superscript(n, a, latex_number(exponent).view(), a.rank);
    return superscript(n, a, format_number(exponent).view(), a.rank);
  }
  /// VJP: g ⊙ p·a^(p-1).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<pow, A>, G g) noexcept;
};
}  // namespace ops

namespace detail {
template <class P>
struct pow_check {
  static_assert(constant_expression<P>,
                "ctgrad: pow(a, p) needs a compile-time constant exponent such as 3_c or scalar_c<1, 2>");
  static constexpr bool ok = constant_expression<P>;
};
template <class P>
struct pow_exponent_bits {
  static constexpr std::uint64_t value = 0;
};
template <std::uint64_t Bits>
struct pow_exponent_bits<constant<Bits>> {
  static constexpr std::uint64_t value = Bits;
};
}  // namespace detail

/// `pow(a, 3_c)`: elementwise power with a constant exponent.
template <expression A, expression P>
constexpr auto pow(A, P) noexcept {
  return detail::make_node<ops::pow<detail::pow_exponent_bits<P>::value>, detail::pow_check<P>, A>();
}

template <std::uint64_t PBits>
template <std::size_t I, class A, class G>
constexpr auto ops::pow<PBits>::vjp(node<pow, A>, G g) noexcept {
  constexpr double p = std::bit_cast<double>(PBits);
  return g % (constant<PBits>{} * ctgrad::pow(A{}, constant<std::bit_cast<std::uint64_t>(p - 1.0)>{}));
}

}  // namespace ctgrad

#endif

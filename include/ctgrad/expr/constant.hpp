// Compile-time scalar constants: `2_c`, `0.5_c`, `scalar_c<1, 3>`.
#ifndef CTGRAD_EXPR_CONSTANT_HPP
#define CTGRAD_EXPR_CONSTANT_HPP

#include <bit>
#include <cstdint>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

/// A scalar constant whose value (a double, stored by its bit pattern because clang 14 has no
/// floating-point template arguments) is part of its type.
template <std::uint64_t Bits>
struct constant {
  using ctgrad_expression_tag = void;
  using ctgrad_constant_tag = void;
  using shape_type = shape<>;
  static constexpr double value = std::bit_cast<double>(Bits);
};

template <class T>
concept constant_expression = expression<T> && requires { typename T::ctgrad_constant_tag; };

/// `scalar_c<1, 3>`: the rational constant Num/Den as a constant expression.
template <std::int64_t Num, std::int64_t Den = 1>
inline constexpr constant<std::bit_cast<std::uint64_t>(static_cast<double>(Num) / static_cast<double>(Den))>
    scalar_c{};

namespace detail {
/// Parses a decimal literal (digits, optional '.', optional exponent) at compile time.
template <char... Cs>
constexpr double parse_literal() {
  constexpr char s[] = {Cs..., '\0'};
  double mantissa = 0;
  int exp10 = 0;
  std::size_t i = 0;
  for (; s[i] >= '0' && s[i] <= '9'; ++i) mantissa = mantissa * 10 + (s[i] - '0');
  if (s[i] == '.') {
    for (++i; s[i] >= '0' && s[i] <= '9'; ++i) {
      mantissa = mantissa * 10 + (s[i] - '0');
      --exp10;
    }
  }
  if (s[i] == 'e' || s[i] == 'E') {
    ++i;
    bool neg = false;
    if (s[i] == '-' || s[i] == '+') neg = s[i++] == '-';
    int e = 0;
    for (; s[i] >= '0' && s[i] <= '9'; ++i) e = e * 10 + (s[i] - '0');
    exp10 += neg ? -e : e;
  }
  // Scale by an exactly representable power of ten where possible (one rounding for short literals).
  double p = 1;
  for (int k = 0; k < (exp10 < 0 ? -exp10 : exp10); ++k) p *= 10;
  return exp10 < 0 ? mantissa / p : mantissa * p;
}
}  // namespace detail

namespace literals {
/// `2_c`, `0.5_c`, `1e-3_c`: a compile-time scalar constant expression.
template <char... Cs>
constexpr auto operator""_c() noexcept {
  return constant<std::bit_cast<std::uint64_t>(detail::parse_literal<Cs...>())>{};
}
}  // namespace literals

}  // namespace ctgrad

#endif

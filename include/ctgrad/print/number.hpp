// format_number, format_integer: the decimal spellings of constants, axes and sizes in printed
// formulas, computed exactly so that they are usable in constant expressions.
#ifndef CTGRAD_PRINT_NUMBER_HPP
#define CTGRAD_PRINT_NUMBER_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <ctgrad/print/constexpr_string.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {

namespace detail {

/// The exact decimal digits of c·2^e2 (e2 >= 0) or of c·5^-e2 (e2 < 0, which is c·2^e2 times
/// 10^-e2), most significant first, without leading zeros. Base-10^9 limbs make the digits
/// immediate; 88 limbs hold the longest case, (2^55)·5^1076 (769 digits).
struct exact_decimal {
  std::array<char, 800> digit{};
  int size = 0;
};

constexpr exact_decimal exact_digits(std::uint64_t c, int e2) {
  constexpr std::uint32_t base = 1000000000;
  std::array<std::uint32_t, 88> limb{};
  int n = 0;
  for (; c != 0; c /= base) limb[n++] = static_cast<std::uint32_t>(c % base);
  auto times = [&](std::uint64_t f) {  // f < 2^32, so limb·f + carry < 2^64
    std::uint64_t carry = 0;
    for (int i = 0; i < n; ++i) {
      const std::uint64_t x = limb[i] * f + carry;
      limb[i] = static_cast<std::uint32_t>(x % base);
      carry = x / base;
    }
    for (; carry != 0; carry /= base) limb[n++] = static_cast<std::uint32_t>(carry % base);
  };
  if (e2 >= 0) {
    for (; e2 >= 31; e2 -= 31) times(std::uint64_t{1} << 31);
    times(std::uint64_t{1} << e2);
  } else {
    int k = -e2;
    for (; k >= 13; k -= 13) times(1220703125);  // 5^13
    std::uint64_t p = 1;
    for (; k > 0; --k) p *= 5;
    times(p);
  }
  exact_decimal out;
  for (int i = n - 1; i >= 0; --i) {
    char chunk[9] = {};
    std::uint32_t x = limb[i];
    for (int j = 8; j >= 0; --j, x /= 10) chunk[j] = static_cast<char>('0' + x % 10);
    int j = 0;
    if (i == n - 1)
      while (j < 8 && chunk[j] == '0') ++j;
    for (; j < 9; ++j) out.digit[out.size++] = chunk[j];
  }
  return out;
}

/// A double as printf's "%.*g" writes it with the fewest digits (1 to 17) that read back as the
/// same double: the sign, the significant digits and the decimal exponent of the first digit.
struct shortest_decimal {
  enum kind_t { finite, zero, infinity, not_a_number } kind = finite;
  bool negative = false;
  std::array<char, 17> digit{};
  int precision = 0;  // the P of "%.*g": digit[0..P) are the digits, trailing zeros included
  int exponent = 0;   // value = digit[0].digit[1...] × 10^exponent
};

/// Rounds v = m·2^e to P significant digits for P = 1, 2, ... (correctly, ties to even, as glibc's
/// printf does) and stops at the first P whose decimal lies inside v's rounding interval (its ends
/// included when m is even: strtod rounds ties to even), which is what the printf/scanf loop this
/// replaces found by trial. Exact: the interval's ends and v are expanded in full (at most 769
/// digits) and compared as digit strings.
constexpr shortest_decimal shortest(double v) {
  shortest_decimal r;
  const auto bits = std::bit_cast<std::uint64_t>(v);
  r.negative = (bits >> 63) != 0;
  const int biased = static_cast<int>((bits >> 52) & 0x7ff);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0x7ff) {
    r.kind = fraction != 0 ? shortest_decimal::not_a_number : shortest_decimal::infinity;
    return r;
  }
  if (biased == 0 && fraction == 0) {
    r.kind = shortest_decimal::zero;
    return r;
  }
  const std::uint64_t m = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
  const int e = biased == 0 ? -1074 : biased - 1075;
  // In units of 2^(e-2): v is 4m, the upper end 4m + 2, the lower end 4m - 2, or 4m - 1 at a power
  // of two, where the double below is nearer.
  const bool closer_below = fraction == 0 && biased > 1;
  const exact_decimal lo = exact_digits(4 * m - (closer_below ? 1 : 2), e - 2);
  const exact_decimal mid = exact_digits(4 * m, e - 2);
  const exact_decimal hi = exact_digits(4 * m + 2, e - 2);
  const int shift = e - 2 < 0 ? 2 - e : 0;  // each is its digits times 10^-shift
  const bool ends_included = m % 2 == 0;

  for (int p = 1; p <= 17; ++p) {
    // The p-digit rounding of mid, as an integer of `len` digits: digit[0..p) then zeros.
    std::array<char, 17> d{};
    int len = mid.size;
    for (int i = 0; i < p; ++i) d[i] = i < mid.size ? mid.digit[i] : '0';
    if (p < mid.size) {
      bool up = mid.digit[p] > '5';
      if (mid.digit[p] == '5') {
        bool rest = false;
        for (int i = p + 1; i < mid.size; ++i) rest = rest || mid.digit[i] != '0';
        up = rest || (d[p - 1] - '0') % 2 == 1;
      }
      if (up) {
        int i = p - 1;
        for (; i >= 0 && d[i] == '9'; --i) d[i] = '0';
        if (i >= 0) {
          ++d[i];
        } else {  // 99.. rounded up to 100..: one digit longer
          d[0] = '1';
          ++len;
        }
      }
    } else {
      len = mid.size;  // p digits or more: mid itself
    }
    // -1, 0, 1 as the rounding compares with x.
    auto compare = [&](const exact_decimal& x) {
      if (len != x.size) return len < x.size ? -1 : 1;
      for (int i = 0; i < len; ++i) {
        const char c = i < p ? d[i] : '0';
        if (c != x.digit[i]) return c < x.digit[i] ? -1 : 1;
      }
      return 0;
    };
    const int above_lo = compare(lo), below_hi = -compare(hi);
    const bool inside = (above_lo > 0 || (above_lo == 0 && ends_included)) &&
                        (below_hi > 0 || (below_hi == 0 && ends_included));
    if (inside || p == 17) {
      r.digit = d;
      r.precision = p;
      r.exponent = len - 1 - shift;
      return r;
    }
  }
  return r;  // not reached: 17 digits always read back
}

/// Appends `x` in decimal.
constexpr void append_integer(constexpr_string& s, long long x) {
  if (x < 0) s += '-';
  unsigned long long u = x < 0 ? 0ULL - static_cast<unsigned long long>(x) : static_cast<unsigned long long>(x);
  char buf[20] = {};
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  while (n > 0) s += buf[--n];
}

}  // namespace detail

/// "2" for 2, "-1" for -1: an axis, a size or an index in a printed formula.
constexpr constexpr_string format_integer(long long x) {
  constexpr_string s;
  detail::append_integer(s, x);
  return s;
}

/// Prints 2 as "2" and 0.5 as "0.5": the fewest significant digits (up to 17) that round-trip,
/// spelled as printf's "%.*g" spells them (1e-08, 1e+02, -0, inf, nan).
constexpr constexpr_string format_number(double v) {
  const detail::shortest_decimal d = detail::shortest(v);
  constexpr_string s;
  if (d.negative) s += '-';
  if (d.kind == detail::shortest_decimal::not_a_number) return s += "nan";
  if (d.kind == detail::shortest_decimal::infinity) return s += "inf";
  if (d.kind == detail::shortest_decimal::zero) return s += '0';
  const int p = d.precision, x = d.exponent;
  int last = p;  // "%g" drops trailing zeros of the fraction
  auto fraction_end = [&](int first) {
    while (last > first && d.digit[last - 1] == '0') --last;
    return last;
  };
  if (x < -4 || x >= p) {
    s += d.digit[0];
    const int end = fraction_end(1);
    if (end > 1) s += '.';
    for (int i = 1; i < end; ++i) s += d.digit[i];
    s += x < 0 ? "e-" : "e+";
    if (x > -10 && x < 10) s += '0';
    detail::append_integer(s, x < 0 ? -x : x);
  } else if (x >= 0) {
    for (int i = 0; i <= x; ++i) s += d.digit[i];
    const int end = fraction_end(x + 1);
    if (end > x + 1) s += '.';
    for (int i = x + 1; i < end; ++i) s += d.digit[i];
  } else {
    s += "0.";
    s.append(static_cast<std::size_t>(-x - 1), '0');
    const int end = fraction_end(0);
    for (int i = 0; i < end; ++i) s += d.digit[i];
  }
  return s;
}

/// The same number in LaTeX: "%g"'s exponent form as a power of ten (1e-08 as `10^{-8}`, 2.5e-07
/// as `2.5 \times 10^{-7}`), but integers below 10^16 in full (1e+02 as `100`); `\infty`,
/// `\mathrm{NaN}`.
constexpr constexpr_string latex_number(double v) {
  const detail::shortest_decimal d = detail::shortest(v);
  const int p = d.precision, x = d.exponent;
  if (d.kind != detail::shortest_decimal::finite || (x >= -4 && x < p)) {
    if (d.kind == detail::shortest_decimal::not_a_number) return "\\mathrm{NaN}";
    if (d.kind == detail::shortest_decimal::infinity) return d.negative ? "-\\infty" : "\\infty";
    return format_number(v);
  }
  constexpr_string s;
  if (d.negative) s += '-';
  if (x >= 0 && x < 16) {
    for (int i = 0; i < p; ++i) s += d.digit[i];
    s.append(static_cast<std::size_t>(x + 1 - p), '0');
    return s;
  }
  int end = p;
  while (end > 1 && d.digit[end - 1] == '0') --end;
  if (end > 1 || d.digit[0] != '1') {
    s += d.digit[0];
    if (end > 1) s += '.';
    for (int i = 1; i < end; ++i) s += d.digit[i];
    s += " \\times ";
  }
  s += "10^{";
  detail::append_integer(s, x);
  s += '}';
  return s;
}

/// `f(a)` along axis 0 (the default), `f<k>(a)` (LaTeX `f_{k}(a)`) along axis k: softmax and
/// log_softmax.
template <std::size_t Axis>
constexpr term call_along(notation n, spelling f, const term& a) {
  if constexpr (Axis == 0)
    return call(n, f, a, a.rank);
  else
    return call(n, f, format_integer(static_cast<long long>(Axis)).view(), a, a.rank);
}

/// A constant as a term: numbers bind like names, except that -2 binds like -x, and in LaTeX
/// `10^{-8}` like a power and `2.5 \times 10^{-7}` like a product.
constexpr term number_term(notation n, double v, std::size_t rank = 0) {
  const bool negative = v < 0;
  if (n == notation::text) return {format_number(v), negative ? prec::prefix : prec::primary, rank};
  constexpr_string s = latex_number(v);
  int p = negative ? prec::prefix : prec::primary;
  const std::string_view t = s.view();
  if (t.find("\\times") != std::string_view::npos)
    p = prec::multiplicative;
  else if (!negative && t.find("^{") != std::string_view::npos)
    p = prec::postfix;
  return {std::move(s), p, rank};
}

}  // namespace ctgrad

#endif

// ctgrad/ops/detail/math.hpp: constexpr exp, log, tanh, pow, ... that call <cmath> at run time.
#ifndef CTGRAD_OPS_DETAIL_MATH_HPP
#define CTGRAD_OPS_DETAIL_MATH_HPP

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace ctgrad::math {

/// True for the floating types the functions of ctgrad::math accept (float, double).
template <class T>
inline constexpr bool math_float_v = std::is_same_v<T, float> || std::is_same_v<T, double>;

namespace detail {

// Compile-time kernels. All of them work in double (float arguments are widened, results narrowed
// once). Compile-time floating-point evaluation rejects any operation that overflows a finite value
// to infinity (GCC) or creates a NaN (Clang), so special values are returned, never computed.
// The kernels evaluate in double-double where cancellation or rounding would cost accuracy, so the
// results are correctly rounded except in rare near-halfway cases (measured: <= 1 ulp).

inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// ln 2 = ln2_hi + ln2_lo + ln2_lo2; ln2_hi has 32 significant bits, so k * ln2_hi is exact for |k| < 2^21.
inline constexpr double ln2_hi = 0x1.62e42feep-1;
inline constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
inline constexpr double ln2_lo2 = 0x1.cc01f97b57a08p-87;
inline constexpr double inv_ln2 = 0x1.71547652b82fep+0;
inline constexpr double sqrt2 = 0x1.6a09e667f3bcdp+0;

constexpr bool is_nan(double x) noexcept { return x != x; }
constexpr bool sign_bit(double x) noexcept { return (std::bit_cast<std::uint64_t>(x) >> 63) != 0; }
constexpr double fabs_ct(double x) noexcept {
    return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) & ~(std::uint64_t{1} << 63));
}
constexpr double copysign_ct(double mag, double sgn) noexcept {
    return sign_bit(sgn) ? -fabs_ct(mag) : fabs_ct(mag);
}
// 2^k for -1022 <= k <= 1023.
constexpr double pow2(int k) noexcept {
    return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}
// Unbiased exponent of a finite nonzero normal double.
constexpr int exponent_of(double x) noexcept {
    return static_cast<int>((std::bit_cast<std::uint64_t>(x) >> 52) & 0x7ff) - 1023;
}

// x * 2^k with IEEE overflow to inf and gradual underflow; x finite, nonzero and normal.
constexpr double scale2(double x, long long k) noexcept {
    const long long en = exponent_of(x) + k;
    if (en > 1023) return copysign_ct(inf, x);
    if (en < -1075) return copysign_ct(0.0, x);
    // Adding d << 52 (modulo 2^64, so d may be negative) adds d to the exponent field.
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    if (en >= -1022) return std::bit_cast<double>(bits + (static_cast<std::uint64_t>(k) << 52));
    // Subnormal result: build the normal value x * 2^(k + 600), let one multiplication round it.
    return std::bit_cast<double>(bits + (static_cast<std::uint64_t>(k + 600) << 52)) * 0x1p-600;
}

// float or double from a double result, rounding once; out-of-range values go to +-inf.
template <class T>
constexpr T narrow(double x) noexcept {
    if constexpr (std::is_same_v<T, double>) {
        return x;
    } else {
        if (is_nan(x)) return std::numeric_limits<float>::quiet_NaN();
        // Halfway between FLT_MAX and 2^128; ties go to even, which is infinity.
        if (x >= 0x1.ffffffp+127) return std::numeric_limits<float>::infinity();
        if (x <= -0x1.ffffffp+127) return -std::numeric_limits<float>::infinity();
        return static_cast<float>(x);
    }
}

// ---- double-double arithmetic (value = hi + lo, |lo| <= ulp(hi) / 2) --------------------------

struct dd {
    double hi;
    double lo;
};

constexpr dd fast_two_sum(double a, double b) noexcept {  // needs |a| >= |b| or a == 0
    const double s = a + b;
    return {s, b - (s - a)};
}
constexpr dd two_sum(double a, double b) noexcept {
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}
constexpr dd split(double a) noexcept {  // Veltkamp; |a| < 2^996
    const double t = 134217729.0 * a;  // 2^27 + 1
    const double hi = t - (t - a);
    return {hi, a - hi};
}
constexpr dd two_prod(double a, double b) noexcept {  // Dekker: a * b exactly
    const double p = a * b;
    const dd as = split(a);
    const dd bs = split(b);
    return {p, ((as.hi * bs.hi - p) + as.hi * bs.lo + as.lo * bs.hi) + as.lo * bs.lo};
}
constexpr dd dd_add(dd a, dd b) noexcept {
    dd s = two_sum(a.hi, b.hi);
    const dd t = two_sum(a.lo, b.lo);
    s = fast_two_sum(s.hi, s.lo + t.hi);
    return fast_two_sum(s.hi, s.lo + t.lo);
}
constexpr dd dd_add(dd a, double b) noexcept {
    const dd s = two_sum(a.hi, b);
    return fast_two_sum(s.hi, s.lo + a.lo);
}
constexpr dd dd_neg(dd a) noexcept { return {-a.hi, -a.lo}; }
constexpr dd dd_mul(dd a, dd b) noexcept {
    const dd p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}
constexpr dd dd_mul(dd a, double b) noexcept {
    const dd p = two_prod(a.hi, b);
    return fast_two_sum(p.hi, p.lo + a.lo * b);
}
constexpr dd dd_div(dd a, dd b) noexcept {  // two-term long division, ~2^-104 relative
    const double q1 = a.hi / b.hi;
    const dd r = dd_add(a, dd_neg(dd_mul(b, q1)));
    return fast_two_sum(q1, r.hi / b.hi);
}

// ---- exp ---------------------------------------------------------------------------------------

// e^r - 1 for |r| <= ~0.35 (r = r.hi + r.lo): r + r^2/2 + r^3 P(r), Taylor through r^15/15!,
// truncation < 2^-67 relative.
constexpr dd expm1_small(dd r) noexcept {
    const double x = r.hi;
    double p = 1.0 / 1307674368000.0;  // 1/15!
    p = p * x + 1.0 / 87178291200.0;
    p = p * x + 1.0 / 6227020800.0;
    p = p * x + 1.0 / 479001600.0;
    p = p * x + 1.0 / 39916800.0;
    p = p * x + 1.0 / 3628800.0;
    p = p * x + 1.0 / 362880.0;
    p = p * x + 1.0 / 40320.0;
    p = p * x + 1.0 / 5040.0;
    p = p * x + 1.0 / 720.0;
    p = p * x + 1.0 / 120.0;
    p = p * x + 1.0 / 24.0;
    p = p * x + 1.0 / 6.0;
    p *= x * x * x;
    const dd sq = two_prod(x, x);
    const double h2 = 0.5 * sq.hi;
    // d/dr e^r at x, applied to the low part of r
    const double corr = r.lo * (1.0 + x + h2);
    const dd s = fast_two_sum(x, h2);
    return fast_two_sum(s.hi, s.lo + (0.5 * sq.lo + p + corr));
}

struct exp_parts {
    dd mant;     // e^r, in [0.7, 1.42]
    int k;       // e^x = mant * 2^k
};

// Range reduction x = k ln2 + r, |r| <= ~ln2/2, for a double-double x with |x.hi| <= 746.
constexpr exp_parts exp_reduce(dd x) noexcept {
    const double kd = x.hi * inv_ln2;
    const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    const double kk = static_cast<double>(k);
    const double a = x.hi - kk * ln2_hi;  // exact (Sterbenz)
    const dd r = two_sum(a, (x.lo - kk * ln2_lo) - kk * ln2_lo2);
    return {dd_add(expm1_small(r), 1.0), k};
}

constexpr double exp_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x > 709.79) return inf;    // ln(DBL_MAX) = 709.7827...; scale2 settles the boundary
    if (x < -745.14) return 0.0;   // below ln(2^-1075)
    const exp_parts e = exp_reduce({x, 0.0});
    return scale2(e.mant.hi + e.mant.lo, e.k);
}

// e^x as a double-double for |x| <= 60 (the power of two scales both parts exactly).
constexpr dd exp_dd(double x) noexcept {
    const exp_parts e = exp_reduce({x, 0.0});
    const double s = pow2(e.k);
    return {e.mant.hi * s, e.mant.lo * s};
}

// e^x - 1 as a double-double for |x| <= 60.
constexpr dd expm1_dd(double x) noexcept {
    if (fabs_ct(x) <= 0.34657359027997264) return expm1_small({x, 0.0});  // ln2 / 2
    return dd_add(exp_dd(x), -1.0);
}

constexpr double expm1_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x < -38.0) return -1.0;            // e^x < 2^-54: rounds to -1
    if (x > 40.0) return exp_ct(x);        // 1 < ulp(e^x) / 2
    if (fabs_ct(x) < 0x1p-54) return x;    // also keeps -0
    const dd r = expm1_dd(x);
    return r.hi + r.lo;
}

// ---- log ---------------------------------------------------------------------------------------

// ln x as a double-double for finite x > 0: x = 2^e m, m in [sqrt(1/2), sqrt(2)),
// ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716.
constexpr dd log_dd(double x) noexcept {
    int e = 0;
    if (x < 0x1p-1022) {  // subnormal: make it normal first
        x *= 0x1p54;
        e = -54;
    }
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    e += static_cast<int>(bits >> 52) - 1023;
    double m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
    if (m > sqrt2) {
        m *= 0.5;
        ++e;
    }
    const double f = m - 1.0;  // exact
    const dd s = dd_div({f, 0.0}, two_sum(2.0, f));
    const dd z = dd_mul(s, s);
    const double zh = z.hi;
    // 2 atanh(s) = 2s + s z (2/3 + z Q(z)),  Q(z) = sum_{i>=2} 2 z^(i-2) / (2i + 1); z <= 0.0295
    double q = 2.0 / 25.0;
    q = q * zh + 2.0 / 23.0;
    q = q * zh + 2.0 / 21.0;
    q = q * zh + 2.0 / 19.0;
    q = q * zh + 2.0 / 17.0;
    q = q * zh + 2.0 / 15.0;
    q = q * zh + 2.0 / 13.0;
    q = q * zh + 2.0 / 11.0;
    q = q * zh + 2.0 / 9.0;
    q = q * zh + 2.0 / 7.0;
    q = q * zh + 2.0 / 5.0;
    const dd inner = dd_add(dd{0x1.5555555555555p-1, 0x1.5555555555555p-55}, zh * q);  // 2/3 + z Q
    const dd lm = dd_add(dd{2.0 * s.hi, 2.0 * s.lo}, dd_mul(dd_mul(s, z), inner));
    if (e == 0) return lm;
    const double ed = static_cast<double>(e);
    const dd el = dd_add(fast_two_sum(ed * ln2_hi, ed * ln2_lo), ed * ln2_lo2);
    return dd_add(el, lm);
}

constexpr double log_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x < 0.0) return nan;
    if (x == 0.0) return -inf;
    if (x == inf) return inf;
    const dd r = log_dd(x);
    return r.hi + r.lo;
}

// ln(1 + v) as a double-double for a double-double v > -1 with 1 + v.hi > 0 finite.
constexpr dd log1p_dd(dd v) noexcept {
    // 1 + v = u + c with u = fl(1 + v.hi); ln(u + c) = ln u + ln(1 + w), w = c / u, |w| <~ 2^-53.
    const dd u = two_sum(1.0, v.hi);
    // Beyond 2^100, |w| < 2^-100 needs no extra precision (and Dekker's split would overflow).
    const dd w = u.hi < 0x1p100 ? dd_div(two_sum(u.lo, v.lo), {u.hi, 0.0}) : dd{(u.lo + v.lo) / u.hi, 0.0};
    return dd_add(dd_add(log_dd(u.hi), w), -0.5 * w.hi * w.hi);
}

constexpr double log1p_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x < -1.0) return nan;
    if (x == -1.0) return -inf;
    if (x == inf) return inf;
    if (fabs_ct(x) < 0x1p-54) return x;  // x - x^2/2 rounds to x; keeps -0
    const dd r = log1p_dd({x, 0.0});
    return r.hi + r.lo;
}

// ---- hyperbolic, logistic ----------------------------------------------------------------------

constexpr double tanh_ct(double x) noexcept {
    if (is_nan(x)) return x;
    const double ax = fabs_ct(x);
    if (ax >= 22.0) return x > 0 ? 1.0 : -1.0;   // 1 - tanh(22) < 2^-62
    if (ax < 0x1p-28) return x;                   // x^3/3 below half an ulp; keeps -0
    // tanh|x| = t / (t + 2), t = e^(2|x|) - 1: no cancellation for small |x|.
    const dd t = expm1_dd(2.0 * ax);
    const dd q = dd_div(t, dd_add(t, 2.0));
    const double r = q.hi + q.lo;
    return x < 0 ? -r : r;
}

// Both work with e^-|x| <= 1, so nothing overflows; beyond |x| = 40 the correction terms are
// below half an ulp.
constexpr double sigmoid_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x > 40.0) return 1.0;
    if (x < -40.0) return exp_ct(x);  // e^x (1 - e^x + ...)
    const dd e = exp_dd(-fabs_ct(x));
    const dd q = dd_div(x >= 0.0 ? dd{1.0, 0.0} : e, dd_add(e, 1.0));
    return q.hi + q.lo;
}

constexpr double softplus_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x > 40.0) return x;            // x + e^-x rounds to x
    if (x < -40.0) return exp_ct(x);   // e^x (1 - e^x / 2 + ...)
    // max(x, 0) + ln(1 + e^-|x|)
    const dd l = log1p_dd(exp_dd(-fabs_ct(x)));
    const dd r = x > 0.0 ? dd_add(l, x) : l;
    return r.hi + r.lo;
}

// ---- sqrt --------------------------------------------------------------------------------------

// Correctly rounded square root: digit-by-digit integer root of the 106-bit scaled mantissa.
constexpr double sqrt_ct(double x) noexcept {
    if (is_nan(x)) return x;
    if (x < 0.0) return nan;
    if (x == 0.0 || x == inf) return x;
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(x);
    const int field = static_cast<int>(bits >> 52);
    std::uint64_t m = bits & 0x000fffffffffffffULL;
    int q;  // x = m * 2^q, 2^52 <= m < 2^53
    if (field == 0) {
        q = -1074;
        while ((m & (std::uint64_t{1} << 52)) == 0) {
            m <<= 1;
            --q;
        }
    } else {
        m |= std::uint64_t{1} << 52;
        q = field - 1075;
    }
    if ((q & 1) != 0) {  // make q even: m in [2^52, 2^54)
        m <<= 1;
        --q;
    }
    // root = floor(sqrt(m * 2^52)) in [2^52, 2^53); bit pairs 26..52 of m * 2^52 come from m.
    std::uint64_t rem = 0;
    std::uint64_t root = 0;
    for (int i = 52; i >= 0; --i) {
        const std::uint64_t pair = i >= 26 ? (m >> (2 * i - 52)) & 3U : 0U;
        rem = (rem << 2) | pair;
        const std::uint64_t trial = (root << 2) | 1U;
        if (rem >= trial) {
            rem -= trial;
            root = (root << 1) | 1U;
        } else {
            root <<= 1;
        }
    }
    if (rem > root) ++root;  // remainder above root + 1/4: the fraction exceeds one half
    return static_cast<double>(root) * pow2((q - 52) / 2);
}

// ---- powers ------------------------------------------------------------------------------------

// Double-double with a separate exponent, so repeated squaring cannot overflow: value = (hi + lo) 2^e,
// hi in [0.5, 1).
struct dde {
    double hi;
    double lo;
    long long e;
};

constexpr dde dde_normalize(dd v, long long e) noexcept {
    const int shift = exponent_of(v.hi) + 1;  // hi * 2^-shift in [0.5, 1)
    // hi: exact exponent-field update, valid for any normal hi (|shift| may exceed 1022).
    // lo != 0 only for products of normalized values, where |shift| <= 2.
    const double hi = std::bit_cast<double>(std::bit_cast<std::uint64_t>(v.hi) -
                                            (static_cast<std::uint64_t>(shift) << 52));
    return {hi, v.lo == 0.0 ? 0.0 : v.lo * pow2(-shift), e + shift};
}
constexpr dde dde_mul(dde a, dde b) noexcept {
    return dde_normalize(dd_mul(dd{a.hi, a.lo}, dd{b.hi, b.lo}), a.e + b.e);
}

constexpr bool is_odd_integer(double y) noexcept {  // y finite
    const double ay = fabs_ct(y);
    if (ay >= 0x1p53) return false;
    const auto n = static_cast<std::int64_t>(ay);
    return static_cast<double>(n) == ay && (n & 1) != 0;
}
constexpr bool is_integer(double y) noexcept {  // y finite
    const double ay = fabs_ct(y);
    if (ay >= 0x1p52) return true;
    return static_cast<double>(static_cast<std::int64_t>(ay)) == ay;
}

constexpr double pow_int_ct(double x, long long n) noexcept {
    if (n == 0) return 1.0;
    if (is_nan(x)) return x;
    const bool odd = (n & 1) != 0;
    if (x == 0.0) {
        if (n < 0) return odd ? copysign_ct(inf, x) : inf;
        return odd ? x : 0.0;
    }
    if (fabs_ct(x) == inf) {
        const bool neg = odd && x < 0;
        if (n < 0) return neg ? -0.0 : 0.0;
        return neg ? -inf : inf;
    }
    // Binary powering in double-double: relative error ~ 2^-100 even after 62 products.
    double ax = fabs_ct(x);
    long long e0 = 0;
    if (ax < 0x1p-1022) {
        ax *= 0x1p54;
        e0 = -54;
    }
    dde base = dde_normalize({ax, 0.0}, e0);
    dde acc{0.5, 0.0, 1};
    auto un = n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    while (un != 0) {
        if ((un & 1U) != 0) acc = dde_mul(acc, base);
        un >>= 1;
        if (un != 0) base = dde_mul(base, base);
    }
    if (n < 0) {
        const dd r = dd_div({1.0, 0.0}, {acc.hi, acc.lo});
        acc = dde_normalize(r, -acc.e);
    }
    const double v = acc.hi + acc.lo;  // may round up to 1.0; scale2 handles it
    const double r = scale2(v, acc.e);
    return (odd && x < 0) ? -r : r;
}

constexpr double pow_ct(double x, double y) noexcept {
    if (y == 0.0 || x == 1.0) return 1.0;  // even for NaN partners (C99 Annex F)
    if (is_nan(x)) return x;
    if (is_nan(y)) return y;
    const double ay = fabs_ct(y);
    if (ay == inf) {
        const double ax = fabs_ct(x);
        if (ax == 1.0) return 1.0;
        return ((ax < 1.0) == (y > 0)) ? 0.0 : inf;
    }
    const bool y_int = is_integer(y);
    const bool odd = y_int && is_odd_integer(y);
    if (x == 0.0) {
        if (y < 0) return odd ? copysign_ct(inf, x) : inf;
        return odd ? x : 0.0;
    }
    if (x == -inf) {
        if (y < 0) return odd ? -0.0 : 0.0;
        return odd ? -inf : inf;
    }
    if (x == inf) return y < 0 ? 0.0 : inf;
    if (x < 0 && !y_int) return nan;
    if (y_int && ay <= 0x1p31) return pow_int_ct(x, static_cast<long long>(y));
    const double ax = fabs_ct(x);
    const bool neg = x < 0 && odd;
    if (ax == 1.0) return neg ? -1.0 : 1.0;
    // |y| > 2^62 and ax != 1: |y ln ax| >= 2^62 * 2^-53 (ln ax is at least about 2^-53).
    if (ay > 0x1p62) return ((ax > 1.0) == (y > 0)) ? inf : 0.0;  // such y is even
    const dd t = dd_mul(log_dd(ax), y);
    double r;
    if (t.hi > 709.79) {
        r = inf;
    } else if (t.hi < -745.14) {
        r = 0.0;
    } else {
        const exp_parts e = exp_reduce(t);
        r = scale2(e.mant.hi + e.mant.lo, e.k);
    }
    return neg ? -r : r;
}

// ---- run-time exp, written so that a loop of it vectorises ---------------------------------------
// libm's exp is a call the compiler cannot vectorise (and would not without -fno-math-errno). This
// one is branch-free: x = n ln 2 + r with |r| <= ln 2 / 2 (Cody-Waite: ln 2 in two parts), e^r by
// Cephes' polynomial (float) or Padé form (double), then 2^n as two exact powers of two so that
// results in the subnormal range and overflow to +inf come out of the multiplications themselves.
// Within 2 ulp of the correctly rounded result over the whole range (tests/unit/math.cpp).
template <class T>
struct exp_consts;
template <>
struct exp_consts<float> {
  static constexpr float lo = -104.0f, hi = 89.0f;  // e^lo rounds to 0, e^hi to +inf
  static constexpr float ln2_hi = 0.693359375f, ln2_lo = -2.12194440e-4f;
  using bits = std::uint32_t;
  static constexpr int mant = 23, bias = 127;
};
template <>
struct exp_consts<double> {
  static constexpr double lo = -746.0, hi = 710.0;
  static constexpr double ln2_hi = 6.93145751953125e-1, ln2_lo = 1.42860682030941723212e-6;
  using bits = std::uint64_t;
  static constexpr int mant = 52, bias = 1023;
};

/// 2^k for |k| within the normal exponent range, exactly.
template <class T>
[[gnu::always_inline]] inline T pow2(std::int32_t k) noexcept {
  using C = exp_consts<T>;
  return std::bit_cast<T>(static_cast<typename C::bits>(static_cast<typename C::bits>(k + C::bias) << C::mant));
}

template <class T>
[[gnu::always_inline]] inline T exp_rt(T x) noexcept {
  using C = exp_consts<T>;
  const bool nan = x != x;
  T v = nan ? T(0) : x;
  v = v < C::lo ? C::lo : v;
  v = v > C::hi ? C::hi : v;
  const T nf = __builtin_rint(v * T(1.44269504088896340736));  // n = round(x / ln 2)
  const T r = (v - nf * C::ln2_hi) - nf * C::ln2_lo;
  T p;
  if constexpr (__is_same(T, float)) {
    const T r2 = r * r;
    p = ((((((T(1.9875691500e-4) * r + T(1.3981999507e-3)) * r + T(8.3334519073e-3)) * r + T(4.1665795894e-2)) * r +
           T(1.6666665459e-1)) * r + T(5.0000001201e-1)) * r2 + r) + T(1);
  } else {
    const T r2 = r * r;
    const T px = r * ((T(1.26177193074810590878e-4) * r2 + T(3.02994407707441961300e-2)) * r2 + T(9.99999999999999999910e-1));
    const T qx = ((T(3.00198505138664455042e-6) * r2 + T(2.52448340349684104192e-3)) * r2 + T(2.27265548208155028766e-1)) * r2 +
                 T(2.00000000000000000009e0);
    p = T(1) + T(2) * (px / (qx - px));
  }
  const auto n = static_cast<std::int32_t>(nf);
  const std::int32_t n1 = n >> 1, n2 = n - n1;
  const T y = p * pow2<T>(n1) * pow2<T>(n2);
  return nan ? x : y;
}

/// 1 / (1 + e^-x) from e^-|x| (which never overflows), without a branch.
template <class T>
[[gnu::always_inline]] inline T sigmoid_rt(T x) noexcept {
  const T e = exp_rt(x < T(0) ? x : -x);
  const T q = T(1) / (T(1) + e);
  return x < T(0) ? e * q : (x != x ? x : q);
}

}  // namespace detail

// ---- public interface --------------------------------------------------------------------------
// Each function evaluates the kernels above during constant evaluation and, at run time, the
// <cmath> function, except exp and sigmoid in float and double, which use exp_rt (vectorisable,
// within 2 ulp).

/// e^x. Constant evaluation: overflow gives +inf, underflow 0. Example: `static_assert(exp(0.0) == 1.0)`.
template <class T>
    requires math_float_v<T>
constexpr T exp(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::exp_ct(static_cast<double>(x)));
    if constexpr (__is_same(T, float) || __is_same(T, double))
      return detail::exp_rt(x);
    else
      return std::exp(x);
}

/// Natural logarithm: log(0) = -inf, log(x < 0) = NaN.
template <class T>
    requires math_float_v<T>
constexpr T log(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::log_ct(static_cast<double>(x)));
    return std::log(x);
}

/// ln(1 + x), accurate for small |x|.
template <class T>
    requires math_float_v<T>
constexpr T log1p(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::log1p_ct(static_cast<double>(x)));
    return std::log1p(x);
}

/// e^x - 1, accurate for small |x|.
template <class T>
    requires math_float_v<T>
constexpr T expm1(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::expm1_ct(static_cast<double>(x)));
    return std::expm1(x);
}

/// Hyperbolic tangent; exactly +-1 for large |x|.
template <class T>
    requires math_float_v<T>
constexpr T tanh(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::tanh_ct(static_cast<double>(x)));
    return std::tanh(x);
}

/// Logistic function 1 / (1 + e^-x); never overflows (sigmoid(1000) == 1, sigmoid(-1000) == 0).
template <class T>
    requires math_float_v<T>
constexpr T sigmoid(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::sigmoid_ct(static_cast<double>(x)));
    if constexpr (__is_same(T, float) || __is_same(T, double)) {
      return detail::sigmoid_rt(x);
    } else {
      if (x >= T(0)) return T(1) / (T(1) + std::exp(-x));
      const T e = std::exp(x);
      return e / (T(1) + e);
    }
}

/// Softplus ln(1 + e^x), computed as max(x, 0) + log1p(e^-|x|) so it never overflows.
template <class T>
    requires math_float_v<T>
constexpr T softplus(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::softplus_ct(static_cast<double>(x)));
    return x > T(0) ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

/// Square root, correctly rounded in both paths.
template <class T>
    requires math_float_v<T>
constexpr T sqrt(T x) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::sqrt_ct(static_cast<double>(x)));
    return std::sqrt(x);
}

/// |x| (abs(-0.0) == +0.0).
template <class T>
    requires math_float_v<T>
constexpr T abs(T x) noexcept {
    if (std::is_constant_evaluated()) {
        if constexpr (std::is_same_v<T, float>) {
            return std::bit_cast<float>(std::bit_cast<std::uint32_t>(x) & 0x7fffffffU);
        } else {
            return detail::fabs_ct(x);
        }
    }
    return std::fabs(x);
}

/// x^n for an integer n (std::pow semantics: pow_int(0.0, -1) == inf, pow_int(-2.0, 3) == -8).
/// Constant evaluation multiplies in double-double, so representable results are exact.
template <class T>
    requires math_float_v<T>
constexpr T pow_int(T x, int n) noexcept {
    if (std::is_constant_evaluated()) return detail::narrow<T>(detail::pow_int_ct(static_cast<double>(x), n));
    // <cmath> promotes (float, int) to double: the same single rounding to T as the constexpr path.
    return static_cast<T>(std::pow(x, n));
}

/// x^y with std::pow's special cases: negative x needs an integer y, integer y is exact,
/// otherwise e^(y ln x) with ln x carried in double-double. The exponent's type follows x.
template <class T>
    requires math_float_v<T>
constexpr T pow(T x, std::type_identity_t<T> y) noexcept {
    if (std::is_constant_evaluated()) {
        return detail::narrow<T>(detail::pow_ct(static_cast<double>(x), static_cast<double>(y)));
    }
    return std::pow(x, y);
}

}  // namespace ctgrad::math

#endif  // CTGRAD_OPS_DETAIL_MATH_HPP

// tests/static/math.cpp: compile-time checks of ctgrad::math against values computed with mpmath (200-bit).
#include <ctgrad/ops/detail/math.hpp>

#include <bit>
#include <cstdint>
#include <limits>

namespace {

namespace m = ctgrad::math;

// Reference literals are the correctly rounded values from python3 + mpmath at 200 bits.

template <class T>
constexpr bool close(T got, T want, T rel) {
    const T d = got > want ? got - want : want - got;
    const T w = want < 0 ? -want : want;
    return d <= rel * w;
}
constexpr bool close(double got, double want) { return close(got, want, 4e-16); }  // about 2 ulp
constexpr bool close(float got, float want) { return close(got, want, 2.4e-7F); }   // 2 ulp

template <class T>
constexpr bool is_nan(T x) { return x != x; }
constexpr bool neg_sign(double x) { return (std::bit_cast<std::uint64_t>(x) >> 63) != 0; }

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr float inff = std::numeric_limits<float>::infinity();

// ---- exp
static_assert(m::exp(0.0) == 1.0);
static_assert(close(m::exp(1.0), 2.718281828459045));
static_assert(close(m::exp(-1.0), 0.36787944117144233));
static_assert(close(m::exp(10.0), 22026.465794806718));
static_assert(close(m::exp(-10.0), 4.5399929762484854e-05));
static_assert(close(m::exp(0.5), 1.6487212707001282));
static_assert(close(m::exp(1e-10), 1.0000000001));
static_assert(close(m::exp(700.0), 1.0142320547350045e+304));
static_assert(close(m::exp(-700.0), 9.85967654375977e-305));
static_assert(close(m::exp(709.78), 1.7928227943945155e+308));
static_assert(m::exp(-745.0) == 5e-324);  // smallest subnormal
static_assert(m::exp(710.0) == inf);
static_assert(m::exp(1000.0) == inf);
static_assert(m::exp(-1000.0) == 0.0);
static_assert(m::exp(inf) == inf);
static_assert(m::exp(-inf) == 0.0);
static_assert(is_nan(m::exp(std::numeric_limits<double>::quiet_NaN())));

// ---- log
static_assert(m::log(1.0) == 0.0);
static_assert(close(m::log(10.0), 2.302585092994046));
static_assert(close(m::log(2.0), 0.6931471805599453));
static_assert(close(m::log(0.5), -0.6931471805599453));
static_assert(close(m::log(1e300), 690.7755278982137));
static_assert(close(m::log(1e-300), -690.7755278982137));
static_assert(close(m::log(5e-324), -744.4400719213812));  // subnormal argument
static_assert(close(m::log(1.0000001), 9.999999505838704e-08));
static_assert(m::log(0.0) == -inf);
static_assert(m::log(-0.0) == -inf);
static_assert(m::log(inf) == inf);
static_assert(is_nan(m::log(-1.0)));
static_assert(is_nan(m::log(-inf)));

// ---- log1p
static_assert(close(m::log1p(1e-10), 9.999999999500001e-11));
static_assert(close(m::log1p(-0.5), -0.6931471805599453));
static_assert(close(m::log1p(1.0), 0.6931471805599453));
static_assert(close(m::log1p(1e300), 690.7755278982137));
static_assert(m::log1p(1e-300) == 1e-300);
static_assert(m::log1p(0.0) == 0.0 && neg_sign(m::log1p(-0.0)));
static_assert(m::log1p(-1.0) == -inf);
static_assert(is_nan(m::log1p(-2.0)));

// ---- expm1
static_assert(close(m::expm1(1e-10), 1.00000000005e-10));
static_assert(close(m::expm1(-1e-5), -9.999950000166666e-06));
static_assert(close(m::expm1(1.0), 1.7182818284590453));
static_assert(close(m::expm1(-2.0), -0.8646647167633873));
static_assert(close(m::expm1(30.0), 10686474581523.463));
static_assert(m::expm1(-50.0) == -1.0);
static_assert(m::expm1(1000.0) == inf);
static_assert(m::expm1(-inf) == -1.0);

// ---- tanh
static_assert(m::tanh(0.0) == 0.0 && neg_sign(m::tanh(-0.0)));
static_assert(close(m::tanh(0.5), 0.46211715726000974));
static_assert(close(m::tanh(0.1), 0.09966799462495582));
static_assert(close(m::tanh(1e-5), 9.999999999666668e-06));
static_assert(close(m::tanh(-3.0), -0.9950547536867305));
static_assert(m::tanh(20.0) == 1.0);  // 1 - 8.5e-18 rounds to 1
static_assert(m::tanh(25.0) == 1.0);
static_assert(m::tanh(-1000.0) == -1.0);
static_assert(m::tanh(inf) == 1.0 && m::tanh(-inf) == -1.0);

// ---- sigmoid
static_assert(m::sigmoid(0.0) == 0.5);
static_assert(close(m::sigmoid(1.0), 0.7310585786300049));
static_assert(close(m::sigmoid(-5.0), 0.0066928509242848554));
static_assert(close(m::sigmoid(30.0), 0.9999999999999064));
static_assert(close(m::sigmoid(-700.0), 9.85967654375977e-305));
static_assert(m::sigmoid(1000.0) == 1.0);
static_assert(m::sigmoid(-1000.0) == 0.0);
static_assert(m::sigmoid(inf) == 1.0 && m::sigmoid(-inf) == 0.0);

// ---- softplus
static_assert(close(m::softplus(0.0), 0.6931471805599453));
static_assert(close(m::softplus(1.0), 1.3132616875182228));
static_assert(close(m::softplus(20.0), 20.000000002061153));
static_assert(close(m::softplus(-30.0), 9.357622968839737e-14));
static_assert(close(m::softplus(-700.0), 9.85967654375977e-305));
// ln(1 + e^-800) = 3.7e-348 is below the smallest subnormal: the result is +0, not NaN or -inf.
static_assert(m::softplus(-800.0) == 0.0 && !neg_sign(m::softplus(-800.0)));
static_assert(m::softplus(800.0) == 800.0);
static_assert(m::softplus(inf) == inf && m::softplus(-inf) == 0.0);

// ---- sqrt (correctly rounded: exact equality)
static_assert(m::sqrt(2.0) == 1.4142135623730951);
static_assert(m::sqrt(3.0) == 1.7320508075688772);
static_assert(m::sqrt(0.25) == 0.5);
static_assert(m::sqrt(1e300) == 1e+150);
static_assert(m::sqrt(1e-310) == 9.999999999999986e-156);  // subnormal argument
static_assert(m::sqrt(inf) == inf);
static_assert(m::sqrt(-0.0) == 0.0 && neg_sign(m::sqrt(-0.0)));
static_assert(is_nan(m::sqrt(-1.0)));

// ---- abs
static_assert(m::abs(-3.5) == 3.5 && m::abs(2.0) == 2.0);
static_assert(!neg_sign(m::abs(-0.0)));
static_assert(m::abs(-inf) == inf);

// ---- pow, pow_int
static_assert(m::pow(2.0, 10.0) == 1024.0 && m::pow(2.0, 3) == 8.0);  // the exponent converts to T
static_assert(m::pow(-2.0, 3.0) == -8.0);
static_assert(m::pow(-1.5, 3.0) == -3.375);
static_assert(m::pow(10.0, -3.0) == 0.001);
static_assert(m::pow(10.0, 23.0) == 1e+23);
static_assert(m::pow(7.0, -2.0) == 0.02040816326530612);
static_assert(m::pow(3.0, 40.0) == 1.2157665459056929e+19);
static_assert(close(m::pow(2.0, 0.5), 1.4142135623730951));
static_assert(close(m::pow(1.5, 2.5), 2.7556759606310752));
static_assert(close(m::pow(2.0, 0.1), 1.0717734625362931));
static_assert(close(m::pow(0.5, 1000.5), 6.599170332783212e-302));
static_assert(close(m::pow(1.0001, 1e6), 2.6747109931126854e+43));
static_assert(close(m::pow(0.999, 1e5), 3.5385276883431275e-44));
static_assert(is_nan(m::pow(-8.0, 1.0 / 3.0)));
static_assert(m::pow(0.0, 0.0) == 1.0 && m::pow(std::numeric_limits<double>::quiet_NaN(), 0.0) == 1.0);
static_assert(m::pow(0.0, -1.0) == inf && m::pow(-0.0, -1.0) == -inf && m::pow(-0.0, -2.0) == inf);
static_assert(m::pow(-0.0, 3.0) == 0.0 && neg_sign(m::pow(-0.0, 3.0)));
static_assert(m::pow(2.0, 2000.0) == inf && m::pow(2.0, -2000.0) == 0.0);
static_assert(m::pow(-1.0, inf) == 1.0 && m::pow(0.5, inf) == 0.0 && m::pow(0.5, -inf) == inf);
static_assert(m::pow_int(3.0, 40) == 1.2157665459056929e+19);
static_assert(m::pow_int(10.0, 22) == 1e22 && m::pow_int(10.0, 23) == 1e+23);
static_assert(m::pow_int(0.1, 3) == 0.0010000000000000002);
static_assert(m::pow_int(2.0, -1074) == 5e-324);
static_assert(m::pow_int(-2.0, -1075) == 0.0 && neg_sign(m::pow_int(-2.0, -1075)));  // tie to even
static_assert(m::pow_int(-2.0, 5) == -32.0 && m::pow_int(-2.0, -2) == 0.25);
static_assert(m::pow_int(0.0, -3) == inf && m::pow_int(-0.0, -3) == -inf && m::pow_int(5.0, 0) == 1.0);
static_assert(m::pow_int(10.0, 400) == inf && m::pow_int(-10.0, 401) == -inf);

// ---- float
static_assert(close(m::exp(1.0F), 2.7182817F));
static_assert(close(m::exp(20.0F), 4.851652e+08F));
static_assert(close(m::exp(88.0F), 1.6516363e+38F));
static_assert(m::exp(89.0F) == inff && m::exp(-104.0F) == 0.0F);
static_assert(m::exp(-100.0F) == 3.8e-44F);  // float subnormal
static_assert(close(m::log(10.0F), 2.3025851F));
static_assert(m::log(0.0F) == -inff);
static_assert(close(m::log1p(1e-4F), 9.9995e-05F));
static_assert(close(m::expm1(1e-4F), 0.000100004996F));
static_assert(close(m::tanh(0.5F), 0.46211717F));
static_assert(m::tanh(10.0F) == 1.0F);
static_assert(close(m::sigmoid(1.0F), 0.7310586F));
static_assert(m::sigmoid(1000.0F) == 1.0F && m::sigmoid(-1000.0F) == 0.0F);
static_assert(close(m::softplus(1.0F), 1.3132616F));
static_assert(m::softplus(-100.0F) == 3.8e-44F && m::softplus(800.0F) == 800.0F);
static_assert(m::sqrt(2.0F) == 1.4142135F);
static_assert(m::abs(-1.5F) == 1.5F);
static_assert(close(m::pow(1.5F, 2.5F), 2.755676F));
static_assert(m::pow_int(10.0F, 10) == 1e+10F && m::pow(10.0F, 10.0F) == 1e+10F);
static_assert(m::pow_int(10.0F, 39) == inff);

// usable in constant expressions of any kind, noexcept
static_assert(noexcept(m::exp(1.0)) && noexcept(m::pow(1.0, 2.0)));
constexpr double table[] = {m::exp(0.25), m::log(4.0), m::tanh(2.0)};
static_assert(close(table[1], 2.0 * m::log(2.0)));

}  // namespace

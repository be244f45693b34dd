// tests/unit/math.cpp: ctgrad::math compile-time results, tabulated at compile time, against <cmath>.
#include <ctgrad/ops/detail/math.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>

namespace {

namespace m = ctgrad::math;

constexpr std::size_t n_points = 200;

template <class T>
using table = std::array<T, n_points>;

// n_points evenly spaced points in [lo, hi].
template <class T>
constexpr table<T> linear(T lo, T hi) {
    table<T> xs{};
    for (std::size_t i = 0; i < n_points; ++i) {
        xs[i] = lo + (hi - lo) * static_cast<T>(i) / static_cast<T>(n_points - 1);
    }
    return xs;
}

// lo, lo*q, lo*q^2, ...: a geometric sweep that does not use the code under test.
template <class T>
constexpr table<T> geometric(T lo, T q) {
    table<T> xs{};
    T x = lo;
    for (std::size_t i = 0; i < n_points; ++i, x *= q) xs[i] = x;
    return xs;
}

// f applied to each point. Called from a constexpr variable's initializer, so every call of a
// ctgrad::math function inside f is constant-evaluated and takes the compile-time path.
template <class T, class F>
constexpr table<T> tabulate(const table<T>& xs, F f) {
    table<T> ys{};
    for (std::size_t i = 0; i < n_points; ++i) ys[i] = f(xs[i]);
    return ys;
}

struct worst {
    double rel = 0;  // largest |got - want| / |want| (non-finite mismatches count as inf)
    double x = 0;    // where
};

template <class T, class Ref>
worst max_rel_error(const table<T>& xs, const table<T>& got, Ref ref) {
    worst w;
    for (std::size_t i = 0; i < n_points; ++i) {
        const T want = ref(xs[i]);
        double rel = 0;
        if (!std::isfinite(want) || !std::isfinite(got[i])) {
            const bool same = (std::isnan(want) && std::isnan(got[i])) || want == got[i];
            rel = same ? 0.0 : std::numeric_limits<double>::infinity();
        } else if (want == 0) {
            rel = got[i] == 0 ? 0.0 : std::numeric_limits<double>::infinity();
        } else {
            rel = std::fabs(static_cast<double>(got[i]) - static_cast<double>(want)) /
                  std::fabs(static_cast<double>(want));
        }
        if (rel > w.rel) w = {rel, static_cast<double>(xs[i])};
    }
    return w;
}

constexpr double tol_d = 1e-14;
constexpr double tol_f = 1e-6;

#define CTGRAD_CHECK_TABLE(xs, ys, ref, tol)                        \
    do {                                                            \
        const worst w_ = max_rel_error(xs, ys, ref);                \
        INFO("max rel error " << w_.rel << " at x = " << w_.x);     \
        CHECK(w_.rel <= (tol));                                     \
    } while (false)

// Stable reference formulas evaluated with <cmath>.
template <class T>
T sigmoid_ref(T x) {
    if (x >= 0) return T(1) / (T(1) + std::exp(-x));
    const T e = std::exp(x);
    return e / (T(1) + e);
}
template <class T>
T softplus_ref(T x) {
    return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}

// ---- double tables ------------------------------------------------------------------------------

constexpr auto exp_wide_x = linear(-700.0, 700.0);
constexpr auto exp_wide_y = tabulate(exp_wide_x, [](double x) { return m::exp(x); });
constexpr auto exp_near_x = linear(-2.0, 2.0);
constexpr auto exp_near_y = tabulate(exp_near_x, [](double x) { return m::exp(x); });

constexpr auto log_wide_x = geometric(1e-298, 31.0);  // up to ~1e+298
constexpr auto log_wide_y = tabulate(log_wide_x, [](double x) { return m::log(x); });
constexpr auto log_near_x = linear(0.5, 2.0);
constexpr auto log_near_y = tabulate(log_near_x, [](double x) { return m::log(x); });

constexpr auto log1p_x = linear(-0.99, 10.0);
constexpr auto log1p_y = tabulate(log1p_x, [](double x) { return m::log1p(x); });
constexpr auto log1p_small_x = linear(-1e-9, 1e-9);
constexpr auto log1p_small_y = tabulate(log1p_small_x, [](double x) { return m::log1p(x); });

constexpr auto expm1_x = linear(-40.0, 40.0);
constexpr auto expm1_y = tabulate(expm1_x, [](double x) { return m::expm1(x); });
constexpr auto expm1_small_x = linear(-1e-3, 1e-3);
constexpr auto expm1_small_y = tabulate(expm1_small_x, [](double x) { return m::expm1(x); });

constexpr auto tanh_x = linear(-25.0, 25.0);
constexpr auto tanh_y = tabulate(tanh_x, [](double x) { return m::tanh(x); });
constexpr auto tanh_small_x = linear(-0.5, 0.5);
constexpr auto tanh_small_y = tabulate(tanh_small_x, [](double x) { return m::tanh(x); });

constexpr auto act_x = linear(-40.0, 40.0);
constexpr auto sigmoid_y = tabulate(act_x, [](double x) { return m::sigmoid(x); });
constexpr auto softplus_y = tabulate(act_x, [](double x) { return m::softplus(x); });

constexpr auto sqrt_x = geometric(1e-300, 29.0);
constexpr auto sqrt_y = tabulate(sqrt_x, [](double x) { return m::sqrt(x); });

// pow over a 200-point sweep of (x, y) pairs: x in [0.1, 10], y in [-30, 30] (i * 79 mod 200 mixes them)
constexpr auto pow_x = linear(0.1, 10.0);
constexpr auto pow_e = linear(-30.0, 30.0);
constexpr double pow_y_of(std::size_t i) { return pow_e[(i * 79) % n_points]; }
constexpr auto pow_i = [] {
    table<double> is{};
    for (std::size_t i = 0; i < n_points; ++i) is[i] = static_cast<double>(i);
    return is;
}();
constexpr auto pow_r = tabulate(pow_i, [](double i) {
    const auto k = static_cast<std::size_t>(i);
    return m::pow(pow_x[k], pow_y_of(k));
});
constexpr int pow_int_n(std::size_t i) { return static_cast<int>(i % 61) - 30; }
constexpr auto pow_int_r = tabulate(pow_i, [](double i) {
    const auto k = static_cast<std::size_t>(i);
    return m::pow_int(-pow_x[k], pow_int_n(k));  // negative bases: sign from parity
});

// ---- float tables -------------------------------------------------------------------------------

constexpr auto expf_x = linear(-85.0F, 85.0F);
constexpr auto expf_y = tabulate(expf_x, [](float x) { return m::exp(x); });
constexpr auto logf_x = geometric(1e-37F, 1.5F);  // up to ~1e-2
constexpr auto logf_y = tabulate(logf_x, [](float x) { return m::log(x); });
constexpr auto logf_near_x = linear(0.5F, 2.0F);
constexpr auto logf_near_y = tabulate(logf_near_x, [](float x) { return m::log(x); });
constexpr auto log1pf_x = linear(-0.99F, 10.0F);
constexpr auto log1pf_y = tabulate(log1pf_x, [](float x) { return m::log1p(x); });
constexpr auto expm1f_x = linear(-1.0F, 1.0F);
constexpr auto expm1f_y = tabulate(expm1f_x, [](float x) { return m::expm1(x); });
constexpr auto tanhf_x = linear(-12.0F, 12.0F);
constexpr auto tanhf_y = tabulate(tanhf_x, [](float x) { return m::tanh(x); });
constexpr auto actf_x = linear(-20.0F, 20.0F);
constexpr auto sigmoidf_y = tabulate(actf_x, [](float x) { return m::sigmoid(x); });
constexpr auto softplusf_y = tabulate(actf_x, [](float x) { return m::softplus(x); });
constexpr auto sqrtf_y = tabulate(logf_x, [](float x) { return m::sqrt(x); });

}  // namespace

TEST_CASE("math: compile-time exp and log match cmath", "[math]") {
    CTGRAD_CHECK_TABLE(exp_wide_x, exp_wide_y, [](double x) { return std::exp(x); }, tol_d);
    CTGRAD_CHECK_TABLE(exp_near_x, exp_near_y, [](double x) { return std::exp(x); }, tol_d);
    CTGRAD_CHECK_TABLE(log_wide_x, log_wide_y, [](double x) { return std::log(x); }, tol_d);
    CTGRAD_CHECK_TABLE(log_near_x, log_near_y, [](double x) { return std::log(x); }, tol_d);
    CTGRAD_CHECK_TABLE(expf_x, expf_y, [](float x) { return std::exp(x); }, tol_f);
    CTGRAD_CHECK_TABLE(logf_x, logf_y, [](float x) { return std::log(x); }, tol_f);
    CTGRAD_CHECK_TABLE(logf_near_x, logf_near_y, [](float x) { return std::log(x); }, tol_f);
}

TEST_CASE("math: compile-time log1p and expm1 match cmath", "[math]") {
    CTGRAD_CHECK_TABLE(log1p_x, log1p_y, [](double x) { return std::log1p(x); }, tol_d);
    CTGRAD_CHECK_TABLE(log1p_small_x, log1p_small_y, [](double x) { return std::log1p(x); }, tol_d);
    CTGRAD_CHECK_TABLE(expm1_x, expm1_y, [](double x) { return std::expm1(x); }, tol_d);
    CTGRAD_CHECK_TABLE(expm1_small_x, expm1_small_y, [](double x) { return std::expm1(x); }, tol_d);
    CTGRAD_CHECK_TABLE(log1pf_x, log1pf_y, [](float x) { return std::log1p(x); }, tol_f);
    CTGRAD_CHECK_TABLE(expm1f_x, expm1f_y, [](float x) { return std::expm1(x); }, tol_f);
}

TEST_CASE("math: compile-time tanh sigmoid and softplus match cmath", "[math]") {
    CTGRAD_CHECK_TABLE(tanh_x, tanh_y, [](double x) { return std::tanh(x); }, tol_d);
    CTGRAD_CHECK_TABLE(tanh_small_x, tanh_small_y, [](double x) { return std::tanh(x); }, tol_d);
    CTGRAD_CHECK_TABLE(act_x, sigmoid_y, sigmoid_ref<double>, tol_d);
    CTGRAD_CHECK_TABLE(act_x, softplus_y, softplus_ref<double>, tol_d);
    CTGRAD_CHECK_TABLE(tanhf_x, tanhf_y, [](float x) { return std::tanh(x); }, tol_f);
    CTGRAD_CHECK_TABLE(actf_x, sigmoidf_y, sigmoid_ref<float>, tol_f);
    CTGRAD_CHECK_TABLE(actf_x, softplusf_y, softplus_ref<float>, tol_f);
}

TEST_CASE("math: compile-time sqrt is correctly rounded", "[math]") {
    for (std::size_t i = 0; i < n_points; ++i) {
        INFO("x = " << sqrt_x[i]);
        CHECK(sqrt_y[i] == std::sqrt(sqrt_x[i]));
        CHECK(sqrtf_y[i] == std::sqrt(logf_x[i]));
    }
}

TEST_CASE("math: compile-time pow and pow_int match std::pow", "[math]") {
    table<double> pow_want{};
    table<double> pow_int_want{};
    for (std::size_t i = 0; i < n_points; ++i) {
        pow_want[i] = std::pow(pow_x[i], pow_y_of(i));
        pow_int_want[i] = std::pow(-pow_x[i], pow_int_n(i));
    }
    CTGRAD_CHECK_TABLE(pow_i, pow_r, [&](double i) { return pow_want[static_cast<std::size_t>(i)]; }, tol_d);
    CTGRAD_CHECK_TABLE(pow_i, pow_int_r, [&](double i) { return pow_int_want[static_cast<std::size_t>(i)]; },
                       tol_d);
}

// Distance from `got` to `want` (the long double result) in units in the last place of T at want.
template <class T>
double ulps(T got, long double want) {
    const T w = static_cast<T>(want);
    T ulp = std::nextafter(std::fabs(w), std::numeric_limits<T>::infinity()) - std::fabs(w);
    if (!(ulp > 0)) ulp = std::numeric_limits<T>::denorm_min();
    return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

// Run-time exp (a vectorisable polynomial, not libm): within 2 ulp from underflow to overflow,
// on a sweep that lands on neither a table point of the kernel nor a round number.
template <class T>
void check_runtime_exp(T lo, T hi) {
    constexpr int n = 20011;
    double worst = 0;
    T at = 0;
    for (int i = 0; i <= n; ++i) {
        volatile T xv = lo + (hi - lo) * static_cast<T>(i) / static_cast<T>(n);
        const T x = xv;
        const T got = m::exp(x);
        const long double want = std::exp(static_cast<long double>(x));
        const double u = static_cast<T>(want) == got ? 0.0 : ulps(got, want);
        if (u > worst) {
            worst = u;
            at = x;
        }
    }
    INFO("worst at x = " << at);
    CHECK(worst <= 2.0);
}

TEST_CASE("math: run-time exp is within 2 ulp, with IEEE special values", "[math]") {
    check_runtime_exp<float>(-103.0F, 88.7F);
    check_runtime_exp<float>(-1.0F, 1.0F);
    check_runtime_exp<double>(-744.0, 709.7);
    check_runtime_exp<double>(-1.0, 1.0);
    volatile float inf_f = std::numeric_limits<float>::infinity();
    volatile double nan_d = std::numeric_limits<double>::quiet_NaN();
    CHECK(m::exp(static_cast<float>(inf_f)) == std::numeric_limits<float>::infinity());
    CHECK(m::exp(-static_cast<float>(inf_f)) == 0.0F);
    CHECK(std::isnan(m::exp(static_cast<double>(nan_d))));
    CHECK(std::isnan(m::sigmoid(static_cast<double>(nan_d))));
    volatile double big = 800.0;
    CHECK(m::exp(static_cast<double>(big)) == std::numeric_limits<double>::infinity());
    CHECK(m::exp(-static_cast<double>(big)) == 0.0);
    CHECK(m::exp(static_cast<float>(89.0F + static_cast<float>(big) * 0)) == std::numeric_limits<float>::infinity());
}

TEST_CASE("math: run-time path is cmath", "[math]") {
    // Not constant-evaluated (the argument is read from a volatile): both sides call libm (exp and
    // sigmoid excepted, see above).
    volatile double xv = 0.75;
    const double x = xv;
    CHECK(m::log(x) == std::log(x));
    CHECK(m::tanh(x) == std::tanh(x));
    CHECK(m::pow(x, 3.5) == std::pow(x, 3.5));
    CHECK(m::sigmoid(1000.0 * x) == 1.0);
    CHECK(m::sigmoid(-1000.0 * x) == 0.0);
    CHECK(m::softplus(1000.0 * x) == 750.0);
    CHECK(m::softplus(-1000.0 * x) == 0.0);
    CHECK(m::sigmoid(static_cast<float>(-200.0 * x)) == 0.0F);
}

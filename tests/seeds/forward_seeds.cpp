// tests/seeds/forward_seeds.cpp: forward values of seed cases S01, S04, S19, S21 and S27
// (../shared/seed-cases.md) as ctgrad graphs, in float and double.
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace forward_seeds {

namespace ct = ctgrad;
using namespace ct::literals;

// The catalogue prints about 6 significant digits: compare with 5e-6 relative / 1e-6 absolute.
Approx catalogue(double want) {
  return Approx(want).epsilon(5e-6).margin(1e-6);
}
// Full-precision references (Python, repr) where the catalogue gives a closed form or exact inputs.
template <class T>
Approx precise(double want) {
  return std::is_same_v<T, float> ? Approx(want).epsilon(1e-5).margin(1e-7)
                                  : Approx(want).epsilon(1e-12).margin(1e-13);
}

template <class Got, std::size_t N>
void check_catalogue(const Got& got, const std::array<double, N>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  std::size_t i = 0;
  for (auto v : got) {
    INFO("element " << i);
    CHECK(v == catalogue(want[i]));
    ++i;
  }
}
template <class T, class Got, std::size_t N>
void check_precise(const Got& got, const std::array<double, N>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  std::size_t i = 0;
  for (auto v : got) {
    INFO("element " << i);
    CHECK(v == precise<T>(want[i]));
    ++i;
  }
}

// Pseudo-random batches: value k for seed s is ((37k + 11s + 5) mod 23 - 11) / 8 (exact in float).
template <std::size_t N>
constexpr std::array<double, N> pseudo_random(int seed) {
  std::array<double, N> a{};
  for (std::size_t k = 0; k < N; ++k)
    a[k] = static_cast<double>((37 * static_cast<int>(k) + 11 * seed + 5) % 23 - 11) / 8;
  return a;
}

// ---------------------------------------------------------------------------------------------
// S01: x3 = W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2).

namespace s01 {
constexpr auto x = ct::input<"x", 2>;
constexpr auto W1 = ct::param<"W1", 3, 2>;
constexpr auto b1 = ct::param<"b1", 3>;
constexpr auto W2 = ct::param<"W2", 2, 3>;
constexpr auto b2 = ct::param<"b2", 2>;
constexpr auto fW1 = ct::feed(W1, std::array<double, 6>{1, 2, 0, -1, 3, 1});
constexpr auto fb1 = ct::feed(b1, std::array<double, 3>{1, 0, -1});
constexpr auto fW2 = ct::feed(W2, std::array<double, 6>{2, 0, 1, -1, 1, 0});
constexpr auto fb2 = ct::feed(b2, std::array<double, 2>{0.5, -0.5});
constexpr auto fx = ct::feed(x, std::array<double, 2>{1, 2});

constexpr auto x2 = W1 * x + b1;
constexpr auto x3 = W2 * x2 + b2;
constexpr auto W21 = W2 * W1;
constexpr auto c21 = W2 * b1 + b2;

// A batch of 5 samples (features x batch), both ways.
constexpr auto X = ct::input<"X", 2, 5>;
constexpr auto layered = W2 * (W1 * X + b1) + b2;
constexpr auto collapsed = W21 * X + c21;
}  // namespace s01

TEMPLATE_TEST_CASE("S01 forward: affine of affine collapses to one affine map", "[seed][S01]", float, double) {
  using namespace s01;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(x2) == ct::shape<3>{});
  STATIC_REQUIRE(ct::shape_of(W21) == ct::shape<2, 2>{});
  STATIC_REQUIRE(ct::shape_of(collapsed) == ct::shape<2, 5>{});

  check_catalogue(ct::evaluate<T>(x2, fx, fW1, fb1), std::array{6.0, -2.0, 4.0});
  check_catalogue(ct::evaluate<T>(x3, fx, fW1, fb1, fW2, fb2), std::array{16.5, -8.5});
  check_catalogue(ct::evaluate<T>(W21, fW1, fW2), std::array{5.0, 5.0, -1.0, -3.0});
  check_catalogue(ct::evaluate<T>(c21, fb1, fW2, fb2), std::array{1.5, -1.5});
  // The same through transposes: x·W1ᵀ (vector times matrix) and W1ᵀ·W2ᵀ = (W2W1)ᵀ.
  check_catalogue(ct::evaluate<T>(x * ct::transpose(W1) + b1, fx, fW1, fb1), std::array{6.0, -2.0, 4.0});
  check_catalogue(ct::evaluate<T>(ct::transpose(W1) * ct::transpose(W2), fW1, fW2), std::array{5.0, -1.0, 5.0, -3.0});
  // The collapsed map applied to the seed's x.
  check_catalogue(ct::evaluate<T>(W21 * x + c21, fx, fW1, fb1, fW2, fb2), std::array{16.5, -8.5});

  // ∂x3/∂x = W2W1: a forward difference is exact for an affine map (dyadic data).
  for (std::size_t j = 0; j < 2; ++j) {
    std::array<double, 2> xj{1, 2};
    xj[j] += 1;
    const auto hi = ct::evaluate<T>(x3, ct::feed(x, xj), fW1, fb1, fW2, fb2);
    const auto lo = ct::evaluate<T>(x3, fx, fW1, fb1, fW2, fb2);
    // Column j of W2W1 = [[5, 5], [-1, -3]].
    CHECK(hi[0] - lo[0] == catalogue(5.0));
    CHECK(hi[1] - lo[1] == catalogue(j == 0 ? -1.0 : -3.0));
  }

  // The identity on batches of pseudo-random x, both graphs compiled together.
  auto g = ct::compile<T>(layered, collapsed);
  g.bind(W1, fW1.get()).bind(b1, fb1.get()).bind(W2, fW2.get()).bind(b2, fb2.get());
  // Python, seed 7: W2(W1X + b1) + b2 row-major.
  check_catalogue(g.eval(ct::feed(X, pseudo_random<10>(7))),
                  std::array{4.625, -6.625, 10.875, -0.375, -11.625, -2.875, 1.625, -5.375, -0.875, 3.625});
  for (int seed : {7, 8, 9, 10}) {
    INFO("seed " << seed);
    auto lhs = g.eval(ct::feed(X, pseudo_random<10>(seed)));
    auto rhs = g.result(collapsed);
    REQUIRE(lhs.size() == 10);
    for (std::size_t i = 0; i < 10; ++i) CHECK(lhs.data()[i] == precise<T>(rhs.data()[i]));
  }
}

// ---------------------------------------------------------------------------------------------
// S04: f(x, y) = m/n, m = x² + σ(y), n = 3x + y − σ(x), at (1, 0).

namespace s04 {
constexpr auto x = ct::input<"x">;
constexpr auto y = ct::input<"y">;
constexpr auto m = ct::square(x) + ct::sigmoid(y);
constexpr auto n = 3_c * x + y - ct::sigmoid(x);
constexpr auto f = m / n;  // x feeds both m and n
constexpr auto fx = ct::feed(x, 1.0);
constexpr auto fy = ct::feed(y, 0.0);

constexpr double dist(double a, double b) { return a > b ? a - b : b - a; }
// f = 3(1+e)/(2(3+2e)) = 0.6611012456612012 (Python), checked by the compiler.
constexpr double f_ct = ct::evaluate<double>(f, fx, fy);
static_assert(dist(f_ct, 0.6611012456612012) < 1e-13, "S04: constexpr f(1, 0)");
static_assert(dist(ct::evaluate<float>(f, fx, fy), 0.6611012456612012) < 1e-6, "S04: constexpr f(1, 0) in float");
}  // namespace s04

TEMPLATE_TEST_CASE("S04 forward: f = m over n at x = 1 and y = 0", "[seed][S04]", float, double) {
  using namespace s04;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(f) == ct::shape<>{});
  const T fv = ct::evaluate<T>(f, fx, fy);
  CHECK(fv == catalogue(0.661101));
  CHECK(fv == precise<T>(0.6611012456612012));
  CHECK(ct::evaluate<T>(m, fx, fy) == catalogue(1.5));
  CHECK(ct::evaluate<T>(n, fx, fy) == catalogue(2.268941));
  CHECK(ct::evaluate<T>(n, fx, fy) == precise<T>(2.268941421369995));
  // ∂f/∂m = 1/n and ∂f/∂n = −m/n² as forward values (seed eq 10).
  CHECK(ct::evaluate<T>(1_c / n, fx, fy) == catalogue(0.440734));
  CHECK(ct::evaluate<T>(-m / ct::square(n), fx, fy) == catalogue(-0.291370));

  auto g = ct::compile<T>(f, m, n);
  CHECK(g.eval(ct::feed(x, T(1)), ct::feed(y, T(0))) == catalogue(0.661101));
  CHECK(g.result(m) == catalogue(1.5));
  CHECK(g.result(n) == catalogue(2.268941));
}

// ---------------------------------------------------------------------------------------------
// S19 and S21: n = 3 inputs, a = 4 hidden units, K = 2 outputs; one sample as a 3 x 1 batch.

namespace s19 {
constexpr auto x = ct::input<"x", 3, 1>;
constexpr auto y = ct::input<"y", 2, 1>;
constexpr auto W1 = ct::param<"W1", 4, 3>;
constexpr auto b1 = ct::param<"b1", 4>;
constexpr auto W2 = ct::param<"W2", 2, 4>;
constexpr auto b2 = ct::param<"b2", 2>;
constexpr auto fx = ct::feed(x, std::array<double, 3>{1, -2, 0.5});
constexpr auto fW1 = ct::feed(W1, std::array<double, 12>{.2, -.1, .4, -.5, .3, .1, .3, .2, -.2, .1, -.4, .6});
constexpr auto fb1 = ct::feed(b1, std::array<double, 4>{.1, -.2, .05, 0});
constexpr auto fW2 = ct::feed(W2, std::array<double, 8>{.5, -.3, .2, .1, -.2, .4, .3, -.5});
constexpr auto fb2 = ct::feed(b2, std::array<double, 2>{.05, -.05});

CTGRAD_LET(s1, W1 * x + b1);
// S19: Linear -> 3·ReLU -> Linear -> identity, C = ‖ŷ − y‖².
CTGRAD_LET(a1, 3_c * ct::relu(s1));
CTGRAD_LET(yhat, W2 * a1 + b2);
constexpr auto C = ct::sum(ct::square(yhat - y));
// S21: tanh hidden layer, sigmoid output, C = ‖σ(s2) − y‖².
CTGRAD_LET(t1, ct::tanh(s1));
CTGRAD_LET(s2, W2 * t1 + b2);
CTGRAD_LET(sig2, ct::sigmoid(s2));
constexpr auto C21 = ct::sum(ct::square(sig2 - y));
}  // namespace s19

TEMPLATE_TEST_CASE("S19 forward: MLP with 3·ReLU and squared error", "[seed][S19]", float, double) {
  using namespace s19;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(s1) == ct::shape<4, 1>{});
  STATIC_REQUIRE(ct::shape_of(yhat) == ct::shape<2, 1>{});
  STATIC_REQUIRE(ct::shape_of(C) == ct::shape<>{});
  const auto fy = ct::feed(y, std::array<double, 2>{1, -1});

  check_catalogue(ct::evaluate<T>(s1, fx, fW1, fb1), std::array{0.7, -1.25, -0.15, 1.2});
  check_catalogue(ct::evaluate<T>(a1, fx, fW1, fb1), std::array{2.1, 0.0, 0.0, 3.6});
  check_catalogue(ct::evaluate<T>(yhat, fx, fW1, fb1, fW2, fb2), std::array{1.46, -2.27});
  const T cost = ct::evaluate<T>(C, fx, fW1, fb1, fW2, fb2, fy);
  CHECK(cost == catalogue(1.8245));
  CHECK(cost == precise<T>(1.8244999999999991));

  auto g = ct::compile<T>(C, s1, a1, yhat);
  g.bind(W1, fW1.get()).bind(b1, fb1.get()).bind(W2, fW2.get()).bind(b2, fb2.get());
  CHECK(g.eval(ct::feed(x, fx.get()), ct::feed(y, fy.get())) == catalogue(1.8245));
  check_catalogue(g.result(s1), std::array{0.7, -1.25, -0.15, 1.2});
  check_catalogue(g.result(a1), std::array{2.1, 0.0, 0.0, 3.6});
  check_catalogue(g.result(yhat), std::array{1.46, -2.27});
  CHECK(g.result(yhat).shape()[0] == 2);
  CHECK(g.result(yhat).shape()[1] == 1);
}

TEMPLATE_TEST_CASE("S21 forward: tanh hidden layer and sigmoid output with squared error", "[seed][S21]", float,
                   double) {
  using namespace s19;
  using T = TestType;
  const auto fy = ct::feed(y, std::array<double, 2>{1, 0});

  check_catalogue(ct::evaluate<T>(t1, fx, fW1, fb1), std::array{0.604368, -0.848284, -0.148885, 0.833655});
  check_catalogue(ct::evaluate<T>(s2, fx, fW1, fb1, fW2, fb2), std::array{0.660257, -0.971680});
  check_catalogue(ct::evaluate<T>(sig2, fx, fW1, fb1, fW2, fb2), std::array{0.659318, 0.274546});
  check_precise<T>(ct::evaluate<T>(sig2, fx, fW1, fb1, fW2, fb2), std::array{0.6593182151747163, 0.27454580410440105});
  const T cost = ct::evaluate<T>(C21, fx, fW1, fb1, fW2, fb2, fy);
  CHECK(cost == catalogue(0.191439));
  CHECK(cost == precise<T>(0.19143947706307302));

  auto g = ct::compile<T>(C21, t1, s2, sig2);
  g.bind(W1, fW1.get()).bind(b1, fb1.get()).bind(W2, fW2.get()).bind(b2, fb2.get());
  CHECK(g.eval(ct::feed(x, fx.get()), ct::feed(y, fy.get())) == catalogue(0.191439));
  check_catalogue(g.result(t1), std::array{0.604368, -0.848284, -0.148885, 0.833655});
  check_catalogue(g.result(s2), std::array{0.660257, -0.971680});
  check_catalogue(g.result(sig2), std::array{0.659318, 0.274546});
}

// ---------------------------------------------------------------------------------------------
// S27: softmax is invariant under a shift; 2-class softmax is [σ(x1 − x2), 1 − σ(x1 − x2)].

namespace s27 {
constexpr auto x = ct::input<"x", 3>;
constexpr auto fx = ct::feed(x, std::array<double, 3>{1, 2, 3});
// Three samples as columns: x, x + 100, x + 1000.
constexpr auto X = ct::input<"X", 3, 3>;
constexpr auto fX = ct::feed(X, std::array<double, 9>{1, 101, 1001, 2, 102, 1002, 3, 103, 1003});
constexpr auto z = ct::input<"z", 2>;
constexpr auto d = ct::param<"d", 2>;  // [1, -1]: d·z = z1 − z2
constexpr auto fz = ct::feed(z, std::array<double, 2>{0.7, -0.4});
constexpr auto fd = ct::feed(d, std::array<double, 2>{1, -1});
}  // namespace s27

TEMPLATE_TEST_CASE("S27 forward: softmax shift invariance and the 2-class identity", "[seed][S27]", float,
                   double) {
  using namespace s27;
  using T = TestType;
  constexpr std::array p{0.0900306, 0.244728, 0.665241};
  check_catalogue(ct::evaluate<T>(ct::softmax(x), fx), p);
  check_catalogue(ct::evaluate<T>(ct::softmax(x + 100_c), fx), p);
  check_catalogue(ct::evaluate<T>(ct::softmax(x + 1000_c), fx), p);
  check_catalogue(ct::evaluate<T>(ct::softmax(x - 1_c), fx), p);  // S([0, x2 − x1, x3 − x1])
  check_precise<T>(ct::evaluate<T>(ct::softmax(x + 1000_c), fx),
                   std::array{0.09003057317038046, 0.24472847105479764, 0.6652409557748218});

  // The naive formula overflows at +1000 (exp(1001) = inf, inf/inf = NaN); the op does not.
  const auto naive = ct::evaluate<T>(ct::exp(x + 1000_c) / ct::sum(ct::exp(x + 1000_c)), fx);
  CHECK(std::isnan(naive[0]));

  // Column-wise over a batch (axis 0 is the class axis): every column is p.
  auto g = ct::compile<T>(ct::softmax(X));
  const auto cols = g.eval(fX);
  for (std::size_t j = 0; j < 3; ++j)
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("class " << i << ", sample " << j);
      CHECK(cols(i, j) == catalogue(p[i]));
    }

  // Two classes: S([0.7, −0.4]) = [σ(1.1), 1 − σ(1.1)] = [0.750260, 0.249740].
  check_catalogue(ct::evaluate<T>(ct::softmax(z), fz), std::array{0.750260, 0.249740});
  CHECK(ct::evaluate<T>(ct::sigmoid(d * z), fz, fd) == catalogue(0.750260));
  CHECK(ct::evaluate<T>(1_c - ct::sigmoid(d * z), fz, fd) == catalogue(0.249740));
  const auto q = ct::evaluate<T>(ct::softmax(z), fz);
  CHECK(q[0] == precise<T>(ct::evaluate<T>(ct::sigmoid(d * z), fz, fd)));
}

}  // namespace forward_seeds

// tests/seeds/grad_seeds.cpp: gradients of seed cases S01, S02, S04, S11, S19–S22, S26, S29, S34 and
// S37 (../shared/seed-cases.md) from ct::grad, evaluated with ct::evaluate (and ct::compile for the
// S20 training step), in float and double, against the catalogue's numbers and closed forms.
#include <ctgrad/ctgrad.hpp>
#include <ctgrad/autodiff/grad.hpp>

#include <catch2/catch.hpp>

#include "catalogue.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>

namespace grad_seeds {

namespace ct = ctgrad;
using namespace ct::literals;

using seed_catalogue::catalogue;
using seed_catalogue::check_catalogue;

// Closed forms computed here with <cmath>, and identities: 1e-12 in double.
template <class T>
Approx closed(double want) {
  return std::is_same_v<T, float> ? Approx(want).epsilon(1e-5).margin(1e-6)
                                  : Approx(want).epsilon(1e-12).margin(1e-12);
}

template <class T, class Got, std::size_t N>
void check_closed(const Got& got, const std::array<double, N>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  std::size_t i = 0;
  for (auto v : got) {
    INFO("element " << i << " (row-major)");
    CHECK(static_cast<double>(v) == closed<T>(want[i]));
    ++i;
  }
}

// a ⊗ b, row-major: the expected weight gradient from a catalogue bias gradient and the layer input.
template <std::size_t M, std::size_t N>
std::array<double, M * N> outer(const std::array<double, M>& a, const std::array<double, N>& b) {
  std::array<double, M * N> r{};
  for (std::size_t i = 0; i < M; ++i)
    for (std::size_t j = 0; j < N; ++j) r[i * N + j] = a[i] * b[j];
  return r;
}
template <std::size_t N>
std::array<double, N> scaled(const std::array<double, N>& a, double s) {
  std::array<double, N> r{};
  for (std::size_t i = 0; i < N; ++i) r[i] = a[i] * s;
  return r;
}

template <class T, std::size_t N>
std::array<double, N> as_double(const std::array<T, N>& a) {
  std::array<double, N> r{};
  for (std::size_t i = 0; i < N; ++i) r[i] = static_cast<double>(a[i]);
  return r;
}

// Pseudo-random values in [-1.5, 1.5): a small LCG, the same on every platform.
template <std::size_t N>
std::array<double, N> pseudo_random(std::uint64_t seed) {
  std::array<double, N> a{};
  std::uint64_t s = seed * 0x9e3779b97f4a7c15ULL + 1;
  for (auto& v : a) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    v = 3.0 * (static_cast<double>(s >> 11) * 0x1.0p-53) - 1.5;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------
// S01: x3 = W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2). The Jacobian ∂x3/∂x = W2W1 row by row:
// row i is the gradient of e_i·x3 = sum(e_i % x3) with respect to x.

namespace s01 {
constexpr auto x = ct::input<"s01x", 2>;
constexpr auto e = ct::input<"s01e", 2>;  // selects an output component
constexpr auto W1 = ct::param<"s01W1", 3, 2>;
constexpr auto b1 = ct::param<"s01b1", 3>;
constexpr auto W2 = ct::param<"s01W2", 2, 3>;
constexpr auto b2 = ct::param<"s01b2", 2>;
constexpr auto fx = ct::feed(x, std::array<double, 2>{1, 2});
constexpr auto fW1 = ct::feed(W1, std::array<double, 6>{1, 2, 0, -1, 3, 1});
constexpr auto fb1 = ct::feed(b1, std::array<double, 3>{1, 0, -1});
constexpr auto fW2 = ct::feed(W2, std::array<double, 6>{2, 0, 1, -1, 1, 0});
constexpr auto fb2 = ct::feed(b2, std::array<double, 2>{0.5, -0.5});

constexpr auto x3 = W2 * (W1 * x + b1) + b2;
constexpr auto x3_collapsed = (W2 * W1) * x + (W2 * b1 + b2);
constexpr auto g = ct::grad(ct::sum(e % x3), x, W1, b1, W2, b2, e);
constexpr auto gc = ct::grad(ct::sum(e % x3_collapsed), x);
}  // namespace s01

TEMPLATE_TEST_CASE("S01 gradients: Jacobian of affine of affine is W2W1, row by row", "[seed][grad][S01]", float,
                   double) {
  using namespace s01;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(g[x]) == ct::shape<2>{});
  STATIC_REQUIRE(ct::shape_of(g[W1]) == ct::shape<3, 2>{});

  // W2W1 = [[5, 5], [-1, -3]], W2ᵀe_i (the adjoint of x2) and x2 = [6, -2, 4] (catalogue).
  constexpr std::array<std::array<double, 2>, 2> W21{{{5, 5}, {-1, -3}}};
  constexpr std::array<std::array<double, 3>, 2> W2t_e{{{2, 0, 1}, {-1, 1, 0}}};
  constexpr std::array<double, 3> x2{6, -2, 4};
  std::array<double, 4> jacobian{};
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("output component " << i);
    std::array<double, 2> ei{};
    ei[i] = 1;
    const auto fe = ct::feed(e, ei);
    const auto row = ct::evaluate<T>(g[x], fx, fe, fW1, fb1, fW2, fb2);
    check_catalogue<T>(row, W21[i]);
    jacobian[2 * i] = row[0];
    jacobian[2 * i + 1] = row[1];
    // The collapsed map has the same Jacobian.
    check_catalogue<T>(ct::evaluate<T>(gc[x], fx, fe, fW1, fb1, fW2, fb2), W21[i]);
    // Parameters: ∂/∂W1 = (W2ᵀe)xᵀ, ∂/∂b1 = W2ᵀe, ∂/∂W2 = e x2ᵀ, ∂/∂b2 = e; and ∂/∂e = x3.
    check_catalogue<T>(ct::evaluate<T>(g[W1], fx, fe, fW1, fb1, fW2, fb2), outer(W2t_e[i], std::array{1.0, 2.0}));
    check_catalogue<T>(ct::evaluate<T>(g[b1], fx, fe, fW1, fb1, fW2, fb2), W2t_e[i]);
    check_catalogue<T>(ct::evaluate<T>(g[W2], fx, fe, fW1, fb1, fW2, fb2), outer(ei, x2));
    check_catalogue<T>(ct::evaluate<T>(g[b2], fx, fe, fW1, fb1, fW2, fb2), ei);
    check_catalogue<T>(ct::evaluate<T>(g[e], fx, fe, fW1, fb1, fW2, fb2), std::array{16.5, -8.5});
  }
  check_catalogue<T>(jacobian, std::array{5.0, 5.0, -1.0, -3.0});

  // The Jacobian does not depend on x (affine map): the same rows at a pseudo-random x.
  const auto fx_random = ct::feed(x, pseudo_random<2>(1));
  check_catalogue<T>(ct::evaluate<T>(g[x], fx_random, ct::feed(e, std::array{0.0, 1.0}), fW1, fb1, fW2, fb2),
                     W21[1]);
}

// ---------------------------------------------------------------------------------------------
// S04: f(x, y) = m/n, m = x² + σ(y), n = 3x + y − σ(x), at (1, 0); x feeds both m and n (fan-out).

namespace s04 {
constexpr auto x = ct::input<"s04x">;
constexpr auto y = ct::input<"s04y">;
constexpr auto m = ct::square(x) + ct::sigmoid(y);
constexpr auto n = 3_c * x + y - ct::sigmoid(x);
constexpr auto f = m / n;
constexpr auto g = ct::grad(f, x, y);
constexpr auto fx = ct::feed(x, 1.0);
constexpr auto fy = ct::feed(y, 0.0);

// The quotient alone, with m and n as leaves: ∂f/∂m = 1/n, ∂f/∂n = −m/n² (seed eq 10).
constexpr auto ml = ct::input<"s04m">;
constexpr auto nl = ct::input<"s04n">;
constexpr auto gq = ct::grad(ml / nl, ml, nl);

constexpr double dist(double a, double b) { return a > b ? a - b : b - a; }
// (3 + 5e − e²)/(2(3 + 2e)²) = 0.06464541376552302 (Python), at compile time.
static_assert(dist(ct::evaluate<double>(g[x], fx, fy), 0.06464541376552302) < 1e-13, "S04: constexpr df/dx");
}  // namespace s04

TEMPLATE_TEST_CASE("S04 gradients: scalar chain rule with fan-out at x = 1, y = 0", "[seed][grad][S04]", float,
                   double) {
  using namespace s04;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(g[x]) == ct::shape<>{});
  const T dfdx = ct::evaluate<T>(g[x], fx, fy);
  const T dfdy = ct::evaluate<T>(g[y], fx, fy);
  CHECK(dfdx == catalogue<T>(0.0646454));
  CHECK(dfdy == catalogue<T>(-0.181186));
  // The closed forms (catalogue, confirming the seed).
  const double e = std::exp(1.0);
  CHECK(dfdx == closed<T>((3 + 5 * e - e * e) / (2 * (3 + 2 * e) * (3 + 2 * e))));
  CHECK(dfdy == closed<T>(-(1 + e) * (3 + 4 * e) / (4 * (3 + 2 * e) * (3 + 2 * e))));

  // The intermediate adjoints, at m = 1.5 and n = (3 + 2e)/(1 + e).
  const double nv = (3 + 2 * e) / (1 + e);
  const auto fm = ct::feed(ml, 1.5);
  const auto fn = ct::feed(nl, nv);
  CHECK(ct::evaluate<T>(gq[ml], fm, fn) == catalogue<T>(0.440734));
  CHECK(ct::evaluate<T>(gq[nl], fm, fn) == catalogue<T>(-0.291370));
  CHECK(ct::evaluate<T>(gq[ml], fm, fn) == closed<T>(1 / nv));
  CHECK(ct::evaluate<T>(gq[nl], fm, fn) == closed<T>(-1.5 / (nv * nv)));

  // The two paths from x, m and n, summed: ∂f/∂x = (1/n)(2x − 0) + (−m/n²)(3 − σ'(1)).
  const double s1 = 1 / (1 + std::exp(-1.0));
  CHECK(dfdx == closed<T>(2 / nv - 1.5 / (nv * nv) * (3 - s1 * (1 - s1))));
}

// ---------------------------------------------------------------------------------------------
// S11: ℓ = ‖x − σ(W2 σ(W1x + b1) + b2)‖², all four parameter gradients.

namespace s11 {
constexpr auto x = ct::input<"s11x", 3>;
constexpr auto W1 = ct::param<"s11W1", 2, 3>;
constexpr auto b1 = ct::param<"s11b1", 2>;
constexpr auto W2 = ct::param<"s11W2", 3, 2>;
constexpr auto b2 = ct::param<"s11b2", 3>;
constexpr auto h = ct::sigmoid(W1 * x + b1);
constexpr auto xhat = ct::sigmoid(W2 * h + b2);
constexpr auto loss = ct::sum(ct::square(x - xhat));  // x feeds the encoder and the loss
constexpr auto g = ct::grad(loss, W1, b1, W2, b2);
constexpr auto fx = ct::feed(x, std::array<double, 3>{.9, .1, .6});
constexpr auto fW1 = ct::feed(W1, std::array<double, 6>{.2, -.4, .1, .5, .3, -.2});
constexpr auto fb1 = ct::feed(b1, std::array<double, 2>{.1, -.1});
constexpr auto fW2 = ct::feed(W2, std::array<double, 6>{.3, -.6, -.2, .4, .7, .1});
constexpr auto fb2 = ct::feed(b2, std::array<double, 3>{0, .1, -.1});
}  // namespace s11

TEMPLATE_TEST_CASE("S11 gradients: autoencoder reconstruction loss, all four parameters", "[seed][grad][S11]",
                   float, double) {
  using namespace s11;
  using T = TestType;
  STATIC_REQUIRE(ct::shape_of(g[W2]) == ct::shape<3, 2>{});
  CHECK(ct::evaluate<T>(loss, fx, fW1, fb1, fW2, fb2) == catalogue<T>(0.399863));
  check_catalogue<T>(ct::evaluate<T>(g[b2], fx, fW1, fb1, fW2, fb2), std::array{-0.219236, 0.223774, -0.005475});
  check_catalogue<T>(ct::evaluate<T>(g[W2], fx, fW1, fb1, fW2, fb2),
                     std::array{-0.125939, -0.123789, 0.128546, 0.126351, -0.003145, -0.003091});
  check_catalogue<T>(ct::evaluate<T>(g[b1], fx, fW1, fb1, fW2, fb2), std::array{-0.027956, 0.054205});
  check_catalogue<T>(ct::evaluate<T>(g[W1], fx, fW1, fb1, fW2, fb2),
                     std::array{-0.025160, -0.002796, -0.016773, 0.048784, 0.005420, 0.032523});
}

// ---------------------------------------------------------------------------------------------
// S19 and S20: Linear → 3·ReLU → Linear → identity, C = ‖ŷ − y‖²; one sample as a 3 x 1 batch,
// so the bias gradients go through the adjoint of broadcasting.

namespace s19 {
constexpr auto x = ct::input<"s19x", 3, 1>;
constexpr auto y = ct::input<"s19y", 2, 1>;
constexpr auto W1 = ct::param<"s19W1", 4, 3>;
constexpr auto b1 = ct::param<"s19b1", 4>;
constexpr auto W2 = ct::param<"s19W2", 2, 4>;
constexpr auto b2 = ct::param<"s19b2", 2>;
constexpr std::array<double, 12> W1v{.2, -.1, .4, -.5, .3, .1, .3, .2, -.2, .1, -.4, .6};
constexpr std::array<double, 4> b1v{.1, -.2, .05, 0};
constexpr std::array<double, 8> W2v{.5, -.3, .2, .1, -.2, .4, .3, -.5};
constexpr std::array<double, 2> b2v{.05, -.05};
constexpr auto fx = ct::feed(x, std::array<double, 3>{1, -2, 0.5});
constexpr auto fy = ct::feed(y, std::array<double, 2>{1, -1});

CTGRAD_LET(s1, W1 * x + b1);
CTGRAD_LET(a1, 3_c * ct::relu(s1));
CTGRAD_LET(yhat, W2 * a1 + b2);
constexpr auto C = ct::sum(ct::square(yhat - y));
constexpr auto g = ct::grad(C, W1, b1, W2, b2);
// The same net with the scale on the right and without let handles.
constexpr auto C_right = ct::sum(ct::square(W2 * (ct::relu(W1 * x + b1) * 3_c) + b2 - y));
constexpr auto g_right = ct::grad(C_right, W1, b1, W2, b2);

// Catalogue gradients (row-major).
constexpr std::array<double, 12> dW1{2.904, -5.808, 1.452, 0, 0, 0, 0, 0, 0, 4.086, -8.172, 2.043};
constexpr std::array<double, 4> db1{2.904, 0, 0, 4.086};
constexpr std::array<double, 8> dW2{1.932, 0, 0, 3.312, -5.334, 0, 0, -9.144};
constexpr std::array<double, 2> db2{0.92, -2.54};
}  // namespace s19

TEMPLATE_TEST_CASE("S19 gradients: MLP with 3·ReLU and squared error", "[seed][grad][S19]", float, double) {
  using namespace s19;
  using T = TestType;
  // Each gradient has its parameter's shape (the seed's a1(∂C/∂s2) is the transpose of W2's shape).
  STATIC_REQUIRE(ct::shape_of(g[W1]) == ct::shape<4, 3>{});
  STATIC_REQUIRE(ct::shape_of(g[b1]) == ct::shape<4>{});
  STATIC_REQUIRE(ct::shape_of(g[W2]) == ct::shape<2, 4>{});
  STATIC_REQUIRE(ct::shape_of(g[b2]) == ct::shape<2>{});
  const auto fW1 = ct::feed(W1, W1v);
  const auto fb1 = ct::feed(b1, b1v);
  const auto fW2 = ct::feed(W2, W2v);
  const auto fb2 = ct::feed(b2, b2v);

  CHECK(ct::evaluate<T>(C, fx, fy, fW1, fb1, fW2, fb2) == catalogue<T>(1.8245));
  check_catalogue<T>(ct::evaluate<T>(g[b2], fx, fy, fW1, fb1, fW2, fb2), db2);
  check_catalogue<T>(ct::evaluate<T>(g[W2], fx, fy, fW1, fb1, fW2, fb2), dW2);
  check_catalogue<T>(ct::evaluate<T>(g[b1], fx, fy, fW1, fb1, fW2, fb2), db1);
  check_catalogue<T>(ct::evaluate<T>(g[W1], fx, fy, fW1, fb1, fW2, fb2), dW1);

  SECTION("relu(s1) * 3, written out without let handles") {
    CHECK(ct::evaluate<T>(C_right, fx, fy, fW1, fb1, fW2, fb2) == catalogue<T>(1.8245));
    check_catalogue<T>(ct::evaluate<T>(g_right[b2], fx, fy, fW1, fb1, fW2, fb2), db2);
    check_catalogue<T>(ct::evaluate<T>(g_right[W2], fx, fy, fW1, fb1, fW2, fb2), dW2);
    check_catalogue<T>(ct::evaluate<T>(g_right[b1], fx, fy, fW1, fb1, fW2, fb2), db1);
    check_catalogue<T>(ct::evaluate<T>(g_right[W1], fx, fy, fW1, fb1, fW2, fb2), dW1);
  }
}

TEMPLATE_TEST_CASE("S20 gradients: accumulation over two passes and one SGD step", "[seed][grad][S20]", float,
                   double) {
  using namespace s19;
  using T = TestType;
  // The loss and its four gradients, planned together in one arena.
  auto net = ct::compile<T>(C, g[W1], g[b1], g[W2], g[b2]);
  std::array<T, 12> pW1{};
  std::array<T, 4> pb1{};
  std::array<T, 8> pW2{};
  std::array<T, 2> pb2{};
  for (std::size_t i = 0; i < 12; ++i) pW1[i] = static_cast<T>(W1v[i]);
  for (std::size_t i = 0; i < 4; ++i) pb1[i] = static_cast<T>(b1v[i]);
  for (std::size_t i = 0; i < 8; ++i) pW2[i] = static_cast<T>(W2v[i]);
  for (std::size_t i = 0; i < 2; ++i) pb2[i] = static_cast<T>(b2v[i]);
  net.bind(W1, pW1).bind(b1, pb1).bind(W2, pW2).bind(b2, pb2);

  // Zero the accumulators, then two backward passes without zeroing in between.
  std::array<T, 12> aW1{};
  std::array<T, 4> ab1{};
  std::array<T, 8> aW2{};
  std::array<T, 2> ab2{};
  auto accumulate = [](auto& acc, const auto& grad) {
    REQUIRE(static_cast<std::size_t>(grad.size()) == acc.size());
    for (std::size_t i = 0; i < acc.size(); ++i) acc[i] += grad.data()[i];
  };
  T cost = 0;
  for (int pass = 0; pass < 2; ++pass) {
    cost = net.eval(fx, fy);
    accumulate(aW1, net.result(g[W1]));
    accumulate(ab1, net.result(g[b1]));
    accumulate(aW2, net.result(g[W2]));
    accumulate(ab2, net.result(g[b2]));
  }
  CHECK(cost == catalogue<T>(1.8245));
  check_catalogue<T>(aW1, scaled(dW1, 2));
  check_catalogue<T>(ab1, scaled(db1, 2));
  check_catalogue<T>(aW2, scaled(dW2, 2));
  check_catalogue<T>(ab2, scaled(db2, 2));
  // Exactly twice one pass (g + g is exact in floating point); the last pass's values are still in the arena.
  auto check_twice = [](const auto& acc, const auto& grad) {
    for (std::size_t i = 0; i < acc.size(); ++i) CHECK(acc[i] == 2 * grad.data()[i]);
  };
  check_twice(aW1, net.result(g[W1]));
  check_twice(ab1, net.result(g[b1]));
  check_twice(aW2, net.result(g[W2]));
  check_twice(ab2, net.result(g[b2]));

  // The protocol for one SGD step: forward and loss, zero the gradients, backward, update
  // θ ← θ − 0.02 ∇C in plain C++. C: 1.8245 → 0.249625.
  aW1 = {};
  ab1 = {};
  aW2 = {};
  ab2 = {};
  CHECK(net.eval(fx, fy) == catalogue<T>(1.8245));
  accumulate(aW1, net.result(g[W1]));
  accumulate(ab1, net.result(g[b1]));
  accumulate(aW2, net.result(g[W2]));
  accumulate(ab2, net.result(g[b2]));
  const T lr = static_cast<T>(0.02);
  for (std::size_t i = 0; i < 12; ++i) pW1[i] -= lr * aW1[i];
  for (std::size_t i = 0; i < 4; ++i) pb1[i] -= lr * ab1[i];
  for (std::size_t i = 0; i < 8; ++i) pW2[i] -= lr * aW2[i];
  for (std::size_t i = 0; i < 2; ++i) pb2[i] -= lr * ab2[i];
  // b2 after the step: b2 − 0.02·[0.92, −2.54].
  CHECK(pb2[0] == catalogue<T>(0.05 - 0.02 * 0.92));
  CHECK(pb2[1] == catalogue<T>(-0.05 + 0.02 * 2.54));
  net.bind(W1, pW1).bind(b1, pb1).bind(W2, pW2).bind(b2, pb2);
  CHECK(net.eval(fx, fy) == catalogue<T>(0.249625));
  // The same value through evaluate with the updated parameters.
  CHECK(ct::evaluate<T>(C, fx, fy, ct::feed(W1, pW1), ct::feed(b1, pb1), ct::feed(W2, pW2), ct::feed(b2, pb2)) ==
        catalogue<T>(0.249625));
}

// ---------------------------------------------------------------------------------------------
// S21 and S22: the same x, W and b with a tanh hidden layer and a sigmoid output, y = [1, 0]; here
// x is a plain vector (no batch axis). S21: C = ‖σ(s2) − y‖². S22: binary cross-entropy.

namespace s21 {
constexpr auto x = ct::input<"s21x", 3>;
constexpr auto y = ct::input<"s21y", 2>;
constexpr auto W1 = ct::param<"s21W1", 4, 3>;
constexpr auto b1 = ct::param<"s21b1", 4>;
constexpr auto W2 = ct::param<"s21W2", 2, 4>;
constexpr auto b2 = ct::param<"s21b2", 2>;
constexpr auto fx = ct::feed(x, std::array<double, 3>{1, -2, 0.5});
constexpr auto fy = ct::feed(y, std::array<double, 2>{1, 0});
constexpr auto fW1 = ct::feed(W1, s19::W1v);
constexpr auto fb1 = ct::feed(b1, s19::b1v);
constexpr auto fW2 = ct::feed(W2, s19::W2v);
constexpr auto fb2 = ct::feed(b2, s19::b2v);

constexpr auto a1 = ct::tanh(W1 * x + b1);
constexpr auto s2 = W2 * a1 + b2;
constexpr auto yhat = ct::sigmoid(s2);
constexpr auto C = ct::sum(ct::square(yhat - y));
constexpr auto g = ct::grad(C, W1, b1, W2, b2);

// S22: C = −(1/K) Σ [y log ŷ + (1 − y) log(1 − ŷ)], K = 2, written out (no fused sigmoid-BCE).
// Not named `bce`: argument-dependent lookup would find ctgrad's own, constrained (so preferred)
// bce(p, y), which has no 1/K.
template <class Yhat, class Y>
constexpr auto bce_written_out(Yhat yh, Y yy) {
  return -(0.5_c * ct::sum(yy % ct::log(yh) + (1_c - yy) % ct::log(1_c - yh)));
}
constexpr auto C22 = bce_written_out(yhat, y);
constexpr auto g22 = ct::grad(C22, b2);
// ŷ and s2 as leaves: ∂C/∂ŷ and ∂C/∂s2 directly.
constexpr auto yhat_leaf = ct::input<"s22yhat", 2>;
constexpr auto s2_leaf = ct::input<"s22s2", 2>;
constexpr auto g22_yhat = ct::grad(bce_written_out(yhat_leaf, y), yhat_leaf);
constexpr auto g22_s2 = ct::grad(bce_written_out(ct::sigmoid(s2_leaf), y), s2_leaf);
}  // namespace s21

TEMPLATE_TEST_CASE("S21 gradients: tanh hidden layer, sigmoid output, squared error", "[seed][grad][S21]", float,
                   double) {
  using namespace s21;
  using T = TestType;
  constexpr std::array<double, 2> db2{-0.153046, 0.109363};
  constexpr std::array<double, 4> db1{-0.062456, 0.025142, 0.002151, -0.021347};
  CHECK(ct::evaluate<T>(C, fx, fy, fW1, fb1, fW2, fb2) == catalogue<T>(0.191439));
  check_catalogue<T>(ct::evaluate<T>(g[b2], fx, fy, fW1, fb1, fW2, fb2), db2);
  check_catalogue<T>(ct::evaluate<T>(g[b1], fx, fy, fW1, fb1, fW2, fb2), db1);
  // ∂C/∂W = outer products: ∂C/∂W2 = (∂C/∂b2) a1ᵀ with a1 = tanh(s1) (catalogue), ∂C/∂W1 = (∂C/∂b1) xᵀ.
  check_catalogue<T>(ct::evaluate<T>(g[W2], fx, fy, fW1, fb1, fW2, fb2),
                     outer(db2, std::array{0.604368, -0.848284, -0.148885, 0.833655}));
  check_catalogue<T>(ct::evaluate<T>(g[W1], fx, fy, fW1, fb1, fW2, fb2), outer(db1, std::array{1.0, -2.0, 0.5}));
}

TEMPLATE_TEST_CASE("S22 gradients: tanh hidden layer, sigmoid output, binary cross-entropy", "[seed][grad][S22]",
                   float, double) {
  using namespace s21;
  using T = TestType;
  CHECK(ct::evaluate<T>(C22, fx, fy, fW1, fb1, fW2, fb2) == catalogue<T>(0.368753));
  // The network's own ŷ and s2 (their forward values are checked in forward_seeds.cpp) feed the leaves.
  const auto yhat_v = ct::evaluate<T>(yhat, fx, fW1, fb1, fW2, fb2);
  const auto s2_v = ct::evaluate<T>(s2, fx, fW1, fb1, fW2, fb2);
  const auto fyhat = ct::feed(yhat_leaf, yhat_v);
  const auto fs2 = ct::feed(s2_leaf, s2_v);
  CHECK(ct::evaluate<T>(bce_written_out(yhat_leaf, y), fyhat, fy) == catalogue<T>(0.368753));

  // ∂C/∂ŷ = (ŷ − y)/(K ŷ(1 − ŷ)) = [−0.758359, 0.689223]. The seed (001 Q1.3(b)) writes
  // (1/K)(y − ŷ)/(ŷ − ŷ²) = [0.758359, −0.689223]: the sign is flipped there. We assert the correct sign.
  const auto dyhat = ct::evaluate<T>(g22_yhat[yhat_leaf], fyhat, fy);
  check_catalogue<T>(dyhat, std::array{-0.758359, 0.689223});
  CHECK(dyhat[0] < 0);  // y0 = 1 > ŷ0: raising ŷ0 lowers the loss
  CHECK(dyhat[1] > 0);  // y1 = 0 < ŷ1
  CHECK_FALSE(dyhat[0] == catalogue<T>(0.758359));   // the seed's (wrong) value
  CHECK_FALSE(dyhat[1] == catalogue<T>(-0.689223));

  // ∂C/∂s2 = (ŷ − y)/K (what a fused sigmoid-BCE adjoint would give), with s2 as a leaf and through
  // the whole network as ∂C/∂b2 (s2 = W2 a1 + b2).
  constexpr std::array<double, 2> ds2{-0.170341, 0.137273};
  check_catalogue<T>(ct::evaluate<T>(g22_s2[s2_leaf], fs2, fy), ds2);
  check_catalogue<T>(ct::evaluate<T>(g22[b2], fx, fy, fW1, fb1, fW2, fb2), ds2);
  if constexpr (std::is_same_v<T, double>) {
    // (ŷ − y)/K from the catalogue's ŷ, and the product rule ∂C/∂s2 = ∂C/∂ŷ ⊙ ŷ(1 − ŷ).
    for (std::size_t i = 0; i < 2; ++i) {
      INFO("element " << i);
      const double yi = i == 0 ? 1.0 : 0.0;
      CHECK((yhat_v[i] - yi) / 2 == catalogue<T>(ds2[i]));
      CHECK(ct::evaluate<T>(g22_s2[s2_leaf], fs2, fy)[i] == closed<T>(dyhat[i] * yhat_v[i] * (1 - yhat_v[i])));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// S26 (and S25 for the ratio): L = ½(σ(a) − y)² at (a, y) = (2, 0), (−5, 1), (0, 1), three points at
// once (elementwise, so the gradient with respect to a holds the three derivatives).

namespace s26 {
constexpr auto a = ct::input<"s26a", 3>;
constexpr auto y = ct::input<"s26y", 3>;
constexpr auto f = ct::sigmoid(a);
constexpr auto mse = ct::sum(0.5_c * ct::square(f - y));
constexpr auto ce = -ct::sum(y % ct::log(f) + (1_c - y) % ct::log(1_c - f));
constexpr auto g_mse = ct::grad(mse, a);
constexpr auto g_bce = ct::grad(ce, a);
constexpr std::array<double, 3> av{2, -5, 0};
constexpr std::array<double, 3> yv{0, 1, 1};
constexpr auto fa = ct::feed(a, av);
constexpr auto fy = ct::feed(y, yv);
// A single point as a scalar graph.
constexpr auto as = ct::input<"s26as">;
constexpr auto ys = ct::input<"s26ys">;
constexpr auto g_scalar = ct::grad(0.5_c * ct::square(ct::sigmoid(as) - ys), as);
}  // namespace s26

TEMPLATE_TEST_CASE("S26 gradients: sigmoid with squared error at three points", "[seed][grad][S26]", float,
                   double) {
  using namespace s26;
  using T = TestType;
  const auto d_mse = ct::evaluate<T>(g_mse[a], fa, fy);
  check_catalogue<T>(d_mse, std::array{0.0924780, -0.00660356, -0.125});
  // Closed form (f − y) f (1 − f) (seed).
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("point " << i);
    const double fi = 1 / (1 + std::exp(-av[i]));
    CHECK(d_mse[i] == closed<T>((fi - yv[i]) * fi * (1 - fi)));
    CHECK(ct::evaluate<T>(g_scalar[as], ct::feed(as, av[i]), ct::feed(ys, yv[i])) == closed<T>((fi - yv[i]) * fi * (1 - fi)));
  }
  // S25: sigmoid + cross-entropy gives σ(a) − y; the ratio MSE/CE is f(1 − f).
  const auto d_bce = ct::evaluate<T>(g_bce[a], fa, fy);
  check_catalogue<T>(d_bce, std::array{0.880797, -0.993307, -0.5});
  std::array<double, 3> ratio{};
  for (std::size_t i = 0; i < 3; ++i) ratio[i] = static_cast<double>(d_mse[i]) / static_cast<double>(d_bce[i]);
  check_catalogue<T>(ratio, std::array{0.104994, 0.00664806, 0.25});
  CHECK(1 / ratio[1] > 150);  // at a = −5, y = 1 the MSE gradient is 150× smaller (seed Q1.7)
}

// ---------------------------------------------------------------------------------------------
// S29: y = W2 σ(W1x + b1) + b2 equals the tanh network with W̃1 = W1/2, b̃1 = b1/2, W̃2 = W2/2,
// b̃2 = b2 + ½ W2·1 (tanh t = 2σ(2t) − 1). D = 2 inputs, M = 3 hidden units, K = 2 outputs, 20 samples.

namespace s29 {
constexpr auto X = ct::input<"s29X", 2, 20>;
constexpr auto W1 = ct::param<"s29W1", 3, 2>;
constexpr auto b1 = ct::param<"s29b1", 3>;
constexpr auto W2 = ct::param<"s29W2", 2, 3>;
constexpr auto b2 = ct::param<"s29b2", 2>;
constexpr auto V1 = ct::param<"s29V1", 3, 2>;  // the tanh net's parameters
constexpr auto c1 = ct::param<"s29c1", 3>;
constexpr auto V2 = ct::param<"s29V2", 2, 3>;
constexpr auto c2 = ct::param<"s29c2", 2>;
constexpr auto R = ct::input<"s29R", 2, 20>;  // a non-uniform upstream adjoint
constexpr auto y_sigmoid = W2 * ct::sigmoid(W1 * X + b1) + b2;
constexpr auto y_tanh = V2 * ct::tanh(V1 * X + c1) + c2;
constexpr auto g_sigmoid = ct::grad(ct::sum(R % y_sigmoid), X, W1);
constexpr auto g_tanh = ct::grad(ct::sum(R % y_tanh), X, V1);

// The scalar example: w1 = 2, w10 = −1, w2 = 3, w20 = 0.5 → Θ' = (1, −0.5, 1.5, 2), at x = 0.7.
constexpr auto x = ct::input<"s29x">;
constexpr auto w1 = ct::param<"s29w1">;
constexpr auto w10 = ct::param<"s29w10">;
constexpr auto w2 = ct::param<"s29w2">;
constexpr auto w20 = ct::param<"s29w20">;
constexpr auto sigmoid_net = w2 * ct::sigmoid(w1 * x + w10) + w20;
constexpr auto tanh_net = w2 * ct::tanh(w1 * x + w10) + w20;
constexpr auto g_sigmoid_net = ct::grad(sigmoid_net, x);
constexpr auto g_tanh_net = ct::grad(tanh_net, x);
}  // namespace s29

TEMPLATE_TEST_CASE("S29 rewrite: the sigmoid network equals the rewritten tanh network", "[seed][grad][S29]",
                   float, double) {
  using namespace s29;
  using T = TestType;
  const auto w1v = pseudo_random<6>(291);
  const auto b1v = pseudo_random<3>(292);
  const auto w2v = pseudo_random<6>(293);
  const auto b2v = pseudo_random<2>(294);
  // The rewrite, in plain C++.
  std::array<double, 6> v1v{}, v2v{};
  std::array<double, 3> c1v{};
  std::array<double, 2> c2v{};
  for (std::size_t i = 0; i < 6; ++i) v1v[i] = w1v[i] / 2;
  for (std::size_t i = 0; i < 3; ++i) c1v[i] = b1v[i] / 2;
  for (std::size_t i = 0; i < 6; ++i) v2v[i] = w2v[i] / 2;
  for (std::size_t k = 0; k < 2; ++k) c2v[k] = b2v[k] + 0.5 * (w2v[3 * k] + w2v[3 * k + 1] + w2v[3 * k + 2]);
  const auto fW1 = ct::feed(W1, w1v);
  const auto fb1 = ct::feed(b1, b1v);
  const auto fW2 = ct::feed(W2, w2v);
  const auto fb2 = ct::feed(b2, b2v);
  const auto fV1 = ct::feed(V1, v1v);
  const auto fc1 = ct::feed(c1, c1v);
  const auto fV2 = ct::feed(V2, v2v);
  const auto fc2 = ct::feed(c2, c2v);
  const auto fR = ct::feed(R, pseudo_random<40>(296));

  for (std::uint64_t seed : {1, 2, 3}) {
    INFO("input batch " << seed);
    const auto fX = ct::feed(X, pseudo_random<40>(seed));
    const auto ys = ct::evaluate<T>(y_sigmoid, fX, fW1, fb1, fW2, fb2);
    const auto yt = ct::evaluate<T>(y_tanh, fX, fV1, fc1, fV2, fc2);
    check_closed<T>(yt, as_double(ys));
    // Equal functions of X have equal gradients; W1 = 2·V1, so ∂/∂W1 = ½ ∂/∂V1.
    const auto gs = ct::evaluate<T>(g_sigmoid[X], fX, fR, fW1, fb1, fW2, fb2);
    const auto gt = ct::evaluate<T>(g_tanh[X], fX, fR, fV1, fc1, fV2, fc2);
    check_closed<T>(gt, as_double(gs));
    const auto gsW = ct::evaluate<T>(g_sigmoid[W1], fX, fR, fW1, fb1, fW2, fb2);
    const auto gtV = ct::evaluate<T>(g_tanh[V1], fX, fR, fV1, fc1, fV2, fc2);
    for (std::size_t i = 0; i < 6; ++i) CHECK(gsW[i] == closed<T>(gtV[i] / 2));
  }

  // The catalogue's scalar example: both parametrisations give 2.296064 at x = 0.7, and the same slope
  // w2 w1 σ'(0.4) = 1.5 tanh'(0.2).
  const auto fx = ct::feed(x, 0.7);
  const auto fsig = std::tuple{ct::feed(w1, 2.0), ct::feed(w10, -1.0), ct::feed(w2, 3.0), ct::feed(w20, 0.5)};
  const auto ftanh = std::tuple{ct::feed(w1, 1.0), ct::feed(w10, -0.5), ct::feed(w2, 1.5), ct::feed(w20, 2.0)};
  auto eval = [&](auto e, const auto& params) {
    return std::apply([&](const auto&... p) { return ct::evaluate<T>(e, fx, p...); }, params);
  };
  const double s04 = 1 / (1 + std::exp(-0.4));
  const double t02 = std::tanh(0.2);
  CHECK(eval(sigmoid_net, fsig) == catalogue<T>(2.296064));
  CHECK(eval(tanh_net, ftanh) == catalogue<T>(2.296064));
  CHECK(eval(sigmoid_net, fsig) == closed<T>(1.5 * t02 + 2));
  CHECK(eval(tanh_net, ftanh) == closed<T>(3 * s04 + 0.5));
  CHECK(eval(g_sigmoid_net[x], fsig) == closed<T>(1.5 * (1 - t02 * t02)));
  CHECK(eval(g_tanh_net[x], ftanh) == closed<T>(6 * s04 * (1 - s04)));
}

// ---------------------------------------------------------------------------------------------
// S02 and S34: softmax regression. S02: ℓ = −Σ y log softmax(Wx + b), ∂ℓ/∂W = (ŷ − y)xᵀ, ∂ℓ/∂b = ŷ − y.
// S34: the same with log base 10, i.e. ℓ/ln10: the gradient is (ŷ − y)xᵀ/ln10, not the seed's
// −y_i x_j (1 − ŷ_i)/ln10.

namespace s02 {
constexpr auto x = ct::input<"s02x", 4>;
constexpr auto y = ct::input<"s02y", 3>;
constexpr auto W = ct::param<"s02W", 3, 4>;
constexpr auto b = ct::param<"s02b", 3>;
constexpr auto fx = ct::feed(x, std::array<double, 4>{1, 2, -1, .5});
constexpr auto fy = ct::feed(y, std::array<double, 3>{0, 1, 0});
constexpr auto fW = ct::feed(W, std::array<double, 12>{.1, -.2, .3, 0, .5, .1, -.4, .2, -.3, .2, .1, .4});
constexpr auto fb = ct::feed(b, std::array<double, 3>{.1, -.1, 0});
constexpr auto loss = -ct::sum(y % ct::log(ct::softmax(W * x + b)));
constexpr auto g = ct::grad(loss, W, b);

// ŷ − y with the catalogue's ŷ = [0.125521, 0.621710, 0.252769], and x: the expected ∂ℓ/∂W = (ŷ − y)xᵀ.
constexpr std::array<double, 3> yhat_minus_y{0.125521, -0.378290, 0.252769};
constexpr std::array<double, 4> xv{1, 2, -1, .5};
}  // namespace s02

namespace s34 {
constexpr auto x = ct::input<"s34x", 4>;
constexpr auto y = ct::input<"s34y", 3>;
constexpr auto W = ct::param<"s34W", 3, 4>;
constexpr auto b = ct::param<"s34b", 3>;
constexpr auto loss = -ct::sum(y % ct::log(ct::softmax(W * x + b))) / 2.302585092994046_c;  // ln 10
constexpr auto g = ct::grad(loss, W, b);
}  // namespace s34

TEMPLATE_TEST_CASE("S02 gradients: softmax regression cross-entropy", "[seed][grad][S02]", float, double) {
  using namespace s02;
  using T = TestType;
  CHECK(ct::evaluate<T>(loss, fx, fy, fW, fb) == catalogue<T>(0.475281));
  check_catalogue<T>(ct::evaluate<T>(g[b], fx, fy, fW, fb), yhat_minus_y);
  const auto dW = ct::evaluate<T>(g[W], fx, fy, fW, fb);
  // Row 1 as printed in the catalogue, then the whole matrix as (ŷ − y)xᵀ.
  check_catalogue<T>(std::array<T, 4>{dW[4], dW[5], dW[6], dW[7]},
                     std::array{-0.378290, -0.756579, 0.378290, -0.189145});
  check_catalogue<T>(dW, outer(yhat_minus_y, xv));
}

TEMPLATE_TEST_CASE("S34 gradients: softmax regression with log base 10", "[seed][grad][S34]", float, double) {
  using T = TestType;
  const auto fx = ct::feed(s34::x, std::array<double, 4>{1, 2, -1, .5});
  const auto fy = ct::feed(s34::y, std::array<double, 3>{0, 1, 0});
  const auto fW = ct::feed(s34::W, std::array<double, 12>{.1, -.2, .3, 0, .5, .1, -.4, .2, -.3, .2, .1, .4});
  const auto fb = ct::feed(s34::b, std::array<double, 3>{.1, -.1, 0});
  const double ln10 = std::log(10.0);
  CHECK(ct::evaluate<T>(s34::loss, fx, fy, fW, fb) == catalogue<T>(0.475281 / ln10));
  check_catalogue<T>(ct::evaluate<T>(s34::g[s34::b], fx, fy, fW, fb), scaled(s02::yhat_minus_y, 1 / ln10));
  const auto dW = ct::evaluate<T>(s34::g[s34::W], fx, fy, fW, fb);
  check_catalogue<T>(dW, scaled(outer(s02::yhat_minus_y, s02::xv), 1 / ln10));

  // The seed's −y_i x_j (1 − ŷ_i)/ln10 (catalogue: row 0 [0, 0, 0, 0], row 1 [−0.164289, −0.328578,
  // 0.164289, −0.082145]). With the one-hot y = e_1 it agrees with the right answer on row 1 only
  // (there −(1 − ŷ_1) = ŷ_1 − y_1); rows 0 and 2 must not be its zeros.
  check_catalogue<T>(std::array<T, 4>{dW[4], dW[5], dW[6], dW[7]},
                     std::array{-0.164289, -0.328578, 0.164289, -0.082145});
  for (std::size_t j = 0; j < 4; ++j) {
    INFO("column " << j);
    CHECK_FALSE(dW[j] == catalogue<T>(0.0));      // row 0: seed 0
    CHECK_FALSE(dW[8 + j] == catalogue<T>(0.0));  // row 2: seed 0
    // Nor is it the natural-log gradient (the 1/ln10 is really there).
    CHECK_FALSE(dW[j] == catalogue<T>(s02::yhat_minus_y[0] * s02::xv[j]));
  }
}

// ---------------------------------------------------------------------------------------------
// S37: ∂/∂z of −Σ y log softmax(z) is ŷ Σy − y; it is ŷ − y only when Σy = 1. z = [1, 2, 0.5].

namespace s37 {
constexpr auto z = ct::input<"s37z", 3>;
constexpr auto y = ct::input<"s37y", 3>;
constexpr auto loss = -ct::sum(y % ct::log(ct::softmax(z)));
constexpr auto g = ct::grad(loss, z);
constexpr auto fz = ct::feed(z, std::array<double, 3>{1, 2, .5});
constexpr std::array<double, 3> yhat{0.231224, 0.628532, 0.140244};
}  // namespace s37

TEMPLATE_TEST_CASE("S37 gradients: softmax cross-entropy with targets that do not sum to one", "[seed][grad][S37]",
                   float, double) {
  using namespace s37;
  using T = TestType;
  const auto d_half = ct::evaluate<T>(g[z], fz, ct::feed(y, std::array{.5, .5, .5}));
  check_catalogue<T>(d_half, std::array{-0.153164, 0.442798, -0.289633});
  // ŷ·1.5 − y from the catalogue's ŷ; not ŷ − y.
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("element " << i);
    CHECK(d_half[i] == catalogue<T>(yhat[i] * 1.5 - 0.5));
    CHECK_FALSE(d_half[i] == catalogue<T>(yhat[i] - 0.5));
  }
  const auto d_soft = ct::evaluate<T>(g[z], fz, ct::feed(y, std::array{.2, .7, .1}));
  check_catalogue<T>(d_soft, std::array{0.031224, -0.071468, 0.040244});
  // Σy = 1: ŷ − y.
  check_catalogue<T>(d_soft, std::array{yhat[0] - .2, yhat[1] - .7, yhat[2] - .1});
  if constexpr (std::is_same_v<T, double>) {
    const double s = std::exp(1.0) + std::exp(2.0) + std::exp(0.5);
    const std::array<double, 3> p{std::exp(1.0) / s, std::exp(2.0) / s, std::exp(0.5) / s};
    check_closed<T>(d_half, std::array{1.5 * p[0] - .5, 1.5 * p[1] - .5, 1.5 * p[2] - .5});
    check_closed<T>(d_soft, std::array{p[0] - .2, p[1] - .7, p[2] - .1});
  }
}

}  // namespace grad_seeds

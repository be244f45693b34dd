// tests/unit/grad_fd_losses.cpp: the fused losses softmax_cross_entropy, bce_with_logits and the
// cross_entropy / bce front ends: gradients against central finite differences (double, random
// inputs), forward values against log-sum-exp / log-sigmoid formulas written out here, the
// `distribution` targets (logit gradient softmax(z) − y, checked against that formula and against
// differences in z alone), saturated logits (seed S03 and the issue's ±800 / ±1000 cases: exact
// losses and gradients in float and double), and the distribution precondition (seed S37).
// Expected values: ../shared/seed-cases.md (S03, S25, S37) and the closed forms in this file.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace grad_fd_test {

using Catch::Contains;

// ---------------------------------------------------------------------------------------------
// Hand references in double. A tensor is row-major; a softmax axis splits it into `outer` slices
// before the axis, `n` classes along it and `inner` positions after it.

struct axis_split {
  std::size_t outer, n, inner;
  std::size_t at(std::size_t o, std::size_t k, std::size_t i) const { return (o * n + k) * inner + i; }
};

// −Σ y ⊙ log softmax(z) = Σ_slices Σ_k y_k (log Σ_j e^{z_j} − z_k).
template <std::size_t N>
double ce_ref(const std::array<double, N>& z, const std::array<double, N>& y, axis_split s) {
  double total = 0;
  for (std::size_t o = 0; o < s.outer; ++o)
    for (std::size_t i = 0; i < s.inner; ++i) {
      double se = 0;
      for (std::size_t k = 0; k < s.n; ++k) se += std::exp(z[s.at(o, k, i)]);
      const double lse = std::log(se);
      for (std::size_t k = 0; k < s.n; ++k) total += y[s.at(o, k, i)] * (lse - z[s.at(o, k, i)]);
    }
  return total;
}

// softmax(z) along the axis.
template <std::size_t N>
std::array<double, N> softmax_ref(const std::array<double, N>& z, axis_split s) {
  std::array<double, N> p{};
  for (std::size_t o = 0; o < s.outer; ++o)
    for (std::size_t i = 0; i < s.inner; ++i) {
      double se = 0;
      for (std::size_t k = 0; k < s.n; ++k) se += std::exp(z[s.at(o, k, i)]);
      for (std::size_t k = 0; k < s.n; ++k) p[s.at(o, k, i)] = std::exp(z[s.at(o, k, i)]) / se;
    }
  return p;
}

// Σ −y log σ(a) − (1 − y) log(1 − σ(a)), σ(a) = 1 / (1 + e^{−a}).
template <std::size_t N>
double bce_ref(const std::array<double, N>& a, const std::array<double, N>& y) {
  double total = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const double p = 1 / (1 + std::exp(-a[i]));
    total += -y[i] * std::log(p) - (1 - y[i]) * std::log(1 - p);
  }
  return total;
}

// Targets in (0, 1) and probabilities for bce(p, y) away from 0 and 1.
template <ct::leaf_expression L>
constexpr arg<L> unit(L l) {
  return {l, domain{0.05, 0.95, false}};
}
// Logits up to ±6: the softmax and the sigmoid well away from uniform.
template <ct::leaf_expression L>
constexpr arg<L> wide(L l) {
  return {l, domain{0.5, 6.0, true}};
}

// K × B values whose every column is a probability distribution (positive draws, normalised).
template <std::size_t K, std::size_t B>
std::array<double, K * B> draw_distribution(lcg& rng) {
  std::array<double, K * B> y{};
  for (std::size_t j = 0; j < B; ++j) {
    double s = 0;
    for (std::size_t k = 0; k < K; ++k) s += y[k * B + j] = 0.05 + rng.uniform();
    for (std::size_t k = 0; k < K; ++k) y[k * B + j] /= s;
  }
  return y;
}

// Central differences of the scalar `loss` in `leaf` around `v`, the other leaves fed by `others`.
template <class Loss, class Leaf, std::size_t N, class... Feeds>
std::array<double, N> central_differences(Loss loss, Leaf leaf, const std::array<double, N>& v,
                                          const Feeds&... others) {
  std::array<double, N> r{};
  for (std::size_t i = 0; i < N; ++i) {
    auto plus = v, minus = v;
    const double h = 1e-6 * std::max(1.0, std::abs(v[i]));
    plus[i] = v[i] + h;
    minus[i] = v[i] - h;
    r[i] = (ct::evaluate<double>(loss, ct::feed(leaf, plus), others...) -
            ct::evaluate<double>(loss, ct::feed(leaf, minus), others...)) /
           (plus[i] - minus[i]);
  }
  return r;
}

template <std::size_t N>
void check_close(const std::array<double, N>& got, const std::array<double, N>& want, double rel) {
  for (std::size_t i = 0; i < N; ++i) {
    INFO("element " << i << ": got " << got[i] << ", want " << want[i]);
    CHECK(got[i] == Approx(want[i]).epsilon(rel).margin(rel));
  }
}

template <std::size_t N>
void check_fd(const std::array<double, N>& analytic, const std::array<double, N>& numeric) {
  for (std::size_t i = 0; i < N; ++i) {
    INFO("element " << i);
    compare(analytic[i], numeric[i]);
  }
}

// ---------------------------------------------------------------------------------------------
// Leaves.

constexpr auto z5 = ct::input<"lz5", 5>;
constexpr auto t5 = ct::input<"lt5", 5>;
constexpr auto Z43 = ct::input<"lZ43", 4, 3>;
constexpr auto T43 = ct::input<"lT43", 4, 3>;
constexpr auto Z232 = ct::input<"lZ232", 2, 3, 2>;
constexpr auto T232 = ct::input<"lT232", 2, 3, 2>;
constexpr auto a6 = ct::input<"la6", 6>;
constexpr auto t6 = ct::input<"lt6", 6>;
constexpr auto A34 = ct::input<"lA34", 3, 4>;
constexpr auto T34 = ct::input<"lT34", 3, 4>;
constexpr auto Wl = ct::param<"lW", 4, 5>;
constexpr auto bl = ct::param<"lb", 4>;
constexpr auto xl = ct::input<"lx", 5, 3>;

// ---------------------------------------------------------------------------------------------

TEST_CASE("losses fd: softmax_cross_entropy w.r.t. logits and an input target", "[grad][fd][losses]") {
  CHECK_VJP(ct::softmax_cross_entropy(z5, t5), 101, z5, t5);
  CHECK_VJP(ct::softmax_cross_entropy(z5, t5), 102, wide(z5), pos(t5));
  CHECK_VJP(ct::softmax_cross_entropy<0>(Z43, T43), 103, Z43, T43);
  CHECK_VJP(ct::softmax_cross_entropy<1>(Z43, T43), 104, Z43, T43);
  CHECK_VJP(ct::softmax_cross_entropy<1>(Z43, T43), 105, wide(Z43), pos(T43));
  CHECK_VJP(ct::softmax_cross_entropy<1>(Z232, T232), 106, Z232, T232);  // outer and inner slices
  CHECK_VJP(ct::softmax_cross_entropy<2>(Z232, T232), 107, Z232, T232);
}

TEST_CASE("losses fd: cross_entropy(softmax(z), y) is fused and differentiates", "[grad][fd][losses]") {
  STATIC_REQUIRE(std::is_same_v<decltype(ct::cross_entropy(ct::softmax<1>(Z43), T43)),
                                decltype(ct::softmax_cross_entropy<1>(Z43, T43))>);
  CHECK_VJP(ct::cross_entropy(ct::softmax(Z43), T43), 111, Z43, pos(T43));
  CHECK_VJP(ct::cross_entropy(ct::softmax<1>(Z43), T43), 112, Z43, T43);
  // Softmax regression on a batch of 3: the adjoint of the fused node flows into matmul and add.
  CHECK_VJP(ct::cross_entropy(ct::softmax(Wl * xl + bl), ct::input<"lY", 4, 3>), 113, Wl, bl, xl,
            pos(ct::input<"lY", 4, 3>));
}

TEST_CASE("losses fd: bce_with_logits w.r.t. logits and targets", "[grad][fd][losses]") {
  CHECK_VJP(ct::bce_with_logits(a6, t6), 201, a6, unit(t6));
  CHECK_VJP(ct::bce_with_logits(a6, t6), 202, wide(a6), t6);  // any target: the loss is affine in y
  CHECK_VJP(ct::bce_with_logits(A34, T34), 203, A34, unit(T34));
  CHECK_VJP(ct::bce_with_logits(A34, T34), 204, wide(A34), unit(T34));
  STATIC_REQUIRE(std::is_same_v<decltype(ct::bce(ct::sigmoid(A34), T34)), decltype(ct::bce_with_logits(A34, T34))>);
  CHECK_VJP(ct::bce(ct::sigmoid(A34), T34), 205, A34, unit(T34));
  CHECK_VJP(ct::bce(ct::sigmoid(ct::tanh(A34) % T34), T34), 206, A34, unit(T34));  // y on both sides
}

TEST_CASE("losses fd: cross_entropy and bce of probabilities that are not a softmax or sigmoid",
          "[grad][fd][losses]") {
  // The general −Σ y log p and −Σ [y log p + (1 − y) log(1 − p)], p fed directly.
  STATIC_REQUIRE(std::is_same_v<decltype(ct::cross_entropy(a6, t6)), decltype(-ct::sum(t6 % ct::log(a6)))>);
  CHECK_VJP(ct::cross_entropy(a6, t6), 301, pos(a6), t6);
  CHECK_VJP(ct::cross_entropy(A34, T34), 302, pos(A34), pos(T34));
  CHECK_VJP(ct::cross_entropy(ct::exp(A34), T34), 303, A34, T34);  // exp is not a softmax: not fused
  CHECK_VJP(ct::bce(a6, t6), 304, unit(a6), unit(t6));
  CHECK_VJP(ct::bce(A34, T34), 305, unit(A34), unit(T34));
}

TEST_CASE("losses: forward values against the log-sum-exp and log-sigmoid formulas", "[losses]") {
  lcg rng{401};
  {
    const auto z = draw<5>(rng, any), y = draw<5>(rng, positive);
    CHECK(ct::evaluate<double>(ct::softmax_cross_entropy(z5, t5), ct::feed(z5, z), ct::feed(t5, y)) ==
          Approx(ce_ref(z, y, {1, 5, 1})).epsilon(1e-12));
    CHECK(ct::evaluate<double>(ct::cross_entropy(ct::softmax(z5), t5), ct::feed(z5, z), ct::feed(t5, y)) ==
          Approx(ce_ref(z, y, {1, 5, 1})).epsilon(1e-12));
  }
  {
    const auto z = draw<12>(rng, domain{0.5, 6.0, true}), y = draw<12>(rng, any);
    const auto fz = ct::feed(Z43, z);
    const auto fy = ct::feed(T43, y);
    CHECK(ct::evaluate<double>(ct::softmax_cross_entropy<0>(Z43, T43), fz, fy) ==
          Approx(ce_ref(z, y, {1, 4, 3})).epsilon(1e-12));
    CHECK(ct::evaluate<double>(ct::softmax_cross_entropy<1>(Z43, T43), fz, fy) ==
          Approx(ce_ref(z, y, {4, 3, 1})).epsilon(1e-12));
    // The two axes give different numbers (the test would see a swapped axis).
    CHECK(ce_ref(z, y, {1, 4, 3}) != Approx(ce_ref(z, y, {4, 3, 1})).epsilon(1e-6));
  }
  {
    const auto z = draw<12>(rng, any), y = draw<12>(rng, positive);
    CHECK(ct::evaluate<double>(ct::softmax_cross_entropy<1>(Z232, T232), ct::feed(Z232, z), ct::feed(T232, y)) ==
          Approx(ce_ref(z, y, {2, 3, 2})).epsilon(1e-12));
  }
  {
    const auto a = draw<6>(rng, domain{0.5, 6.0, true}), y = draw<6>(rng, domain{0.0, 1.0, false});
    CHECK(ct::evaluate<double>(ct::bce_with_logits(a6, t6), ct::feed(a6, a), ct::feed(t6, y)) ==
          Approx(bce_ref(a, y)).epsilon(1e-12));
    CHECK(ct::evaluate<double>(ct::bce(ct::sigmoid(a6), t6), ct::feed(a6, a), ct::feed(t6, y)) ==
          Approx(bce_ref(a, y)).epsilon(1e-12));
  }
  {
    // General forms: p fed directly.
    const auto p = draw<6>(rng, domain{0.05, 0.95, false}), y = draw<6>(rng, domain{0.0, 1.0, false});
    double ce = 0, bce = 0;
    for (std::size_t i = 0; i < 6; ++i) {
      ce -= y[i] * std::log(p[i]);
      bce -= y[i] * std::log(p[i]) + (1 - y[i]) * std::log(1 - p[i]);
    }
    CHECK(ct::evaluate<double>(ct::cross_entropy(a6, t6), ct::feed(a6, p), ct::feed(t6, y)) ==
          Approx(ce).epsilon(1e-12));
    CHECK(ct::evaluate<double>(ct::bce(a6, t6), ct::feed(a6, p), ct::feed(t6, y)) == Approx(bce).epsilon(1e-12));
  }
  // Seed S02: W = [[.1,−.2,.3,0],[.5,.1,−.4,.2],[−.3,.2,.1,.4]], b = [.1,−.1,0], x = [1,2,−1,.5],
  // y = e_1: ℓ = 0.475281.
  constexpr auto W = ct::param<"s02W", 3, 4>;
  constexpr auto b = ct::param<"s02b", 3>;
  constexpr auto x = ct::input<"s02x", 4>;
  constexpr auto y = ct::distribution<"s02y", 3>;
  CHECK(ct::evaluate<double>(ct::cross_entropy(ct::softmax(W * x + b), y),
                             ct::feed(W, std::array{.1, -.2, .3, 0., .5, .1, -.4, .2, -.3, .2, .1, .4}),
                             ct::feed(b, std::array{.1, -.1, 0.}), ct::feed(x, std::array{1., 2., -1., .5}),
                             ct::feed(y, std::array{0., 1., 0.})) == Approx(0.475281).epsilon(5e-6));
}

// ---------------------------------------------------------------------------------------------
// Distribution targets: y cannot be perturbed freely (it must stay a distribution), so the logit
// gradient is checked against softmax(z) − y written out and against differences in z alone.

constexpr auto dz5 = ct::input<"dz5", 5>;
constexpr auto dy5 = ct::distribution<"dy5", 5>;
constexpr auto dZ43 = ct::input<"dZ43", 4, 3>;
constexpr auto dY43 = ct::distribution<"dY43", 4, 3>;

template <class Loss, class Z, class Y, std::size_t N>
void check_distribution_logits(Loss loss, Z z, Y y, const std::array<double, N>& zv, const std::array<double, N>& yv,
                               axis_split s) {
  constexpr auto g = ct::grad(Loss{}, Z{});
  // The short form is what grad built (so the numbers below test it, not the general one).
  STATIC_REQUIRE(std::is_same_v<ct::definition_t<decltype(g[z])>, decltype(ct::softmax(z) - y)>);
  const auto fy = ct::feed(y, yv);
  const auto got = ct::evaluate<double>(g[z], ct::feed(z, zv), fy);
  const auto p = softmax_ref(zv, s);
  std::array<double, N> want{};
  for (std::size_t i = 0; i < N; ++i) want[i] = p[i] - yv[i];
  check_close(got, want, 1e-12);
  check_fd(got, central_differences(loss, z, zv, fy));
  CHECK(ct::evaluate<double>(loss, ct::feed(z, zv), fy) == Approx(ce_ref(zv, yv, s)).epsilon(1e-12));
}

TEST_CASE("losses fd: distribution targets: the logit gradient is softmax(z) - y", "[grad][fd][losses]") {
  lcg rng{501};
  for (int rep = 0; rep < 3; ++rep) {
    INFO("repetition " << rep);
    const auto z = draw<5>(rng, rep == 2 ? domain{0.5, 6.0, true} : any);
    check_distribution_logits(ct::cross_entropy(ct::softmax(dz5), dy5), dz5, dy5, z, draw_distribution<5, 1>(rng),
                              {1, 5, 1});
    check_distribution_logits(ct::softmax_cross_entropy(dz5, dy5), dz5, dy5, z, std::array{0., 0., 1., 0., 0.},
                              {1, 5, 1});
    const auto Z = draw<12>(rng, rep == 2 ? domain{0.5, 6.0, true} : any);
    check_distribution_logits(ct::cross_entropy(ct::softmax(dZ43), dY43), dZ43, dY43, Z,
                              draw_distribution<4, 3>(rng), {1, 4, 3});
    // One-hot columns: classes 3, 0, 1.
    check_distribution_logits(ct::softmax_cross_entropy(dZ43, dY43), dZ43, dY43, Z,
                              std::array{0., 1., 0., 0., 0., 1., 0., 0., 0., 1., 0., 0.}, {1, 4, 3});
    // The spelled-out form is rewritten to log_softmax, whose adjoint is the same short form.
    check_distribution_logits(-ct::sum(dY43 % ct::log(ct::softmax(dZ43))), dZ43, dY43, Z,
                              draw_distribution<4, 3>(rng), {1, 4, 3});
  }
}

TEST_CASE("losses fd: softmax regression on a batch with distribution targets", "[grad][fd][losses]") {
  // ℓ = cross_entropy(softmax(W·x + b), y), x of 4 features × batch 2: ∂ℓ/∂W = D xᵀ,
  // ∂ℓ/∂b = Σ_cols D, ∂ℓ/∂x = Wᵀ D with D = softmax(W·x + b) − y.
  constexpr auto W = ct::param<"dW", 3, 4>;
  constexpr auto b = ct::param<"db", 3>;
  constexpr auto x = ct::input<"dx", 4, 2>;
  constexpr auto y = ct::distribution<"dy", 3, 2>;
  constexpr auto loss = ct::cross_entropy(ct::softmax(W * x + b), y);
  constexpr auto g = ct::grad(loss, W, b, x);
  lcg rng{601};
  const auto Wv = draw<12>(rng, any);
  const auto bv = draw<3>(rng, any);
  const auto xv = draw<8>(rng, any);
  const auto yv = draw_distribution<3, 2>(rng);
  // By hand: Z = W x + b, P = softmax of each column, D = P − Y.
  std::array<double, 6> Zv{};
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 2; ++j) {
      Zv[i * 2 + j] = bv[i];
      for (std::size_t k = 0; k < 4; ++k) Zv[i * 2 + j] += Wv[i * 4 + k] * xv[k * 2 + j];
    }
  const auto P = softmax_ref(Zv, {1, 3, 2});
  std::array<double, 6> D{};
  for (std::size_t i = 0; i < 6; ++i) D[i] = P[i] - yv[i];
  std::array<double, 12> dW{};
  std::array<double, 3> db{};
  std::array<double, 8> dx{};
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 2; ++j) {
      db[i] += D[i * 2 + j];
      for (std::size_t k = 0; k < 4; ++k) {
        dW[i * 4 + k] += D[i * 2 + j] * xv[k * 2 + j];
        dx[k * 2 + j] += Wv[i * 4 + k] * D[i * 2 + j];
      }
    }
  const auto fW = ct::feed(W, Wv);
  const auto fb = ct::feed(b, bv);
  const auto fx = ct::feed(x, xv);
  const auto fy = ct::feed(y, yv);
  CHECK(ct::evaluate<double>(loss, fW, fb, fx, fy) == Approx(ce_ref(Zv, yv, {1, 3, 2})).epsilon(1e-12));
  const auto gW = ct::evaluate<double>(g[W], fW, fb, fx, fy);
  const auto gb = ct::evaluate<double>(g[b], fW, fb, fx, fy);
  const auto gx = ct::evaluate<double>(g[x], fW, fb, fx, fy);
  check_close(gW, dW, 1e-12);
  check_close(gb, db, 1e-12);
  check_close(gx, dx, 1e-12);
  check_fd(gW, central_differences(loss, W, Wv, fb, fx, fy));
  check_fd(gb, central_differences(loss, b, bv, fW, fx, fy));
  check_fd(gx, central_differences(loss, x, xv, fW, fb, fy));
}

// ---------------------------------------------------------------------------------------------
// Saturated inputs (issue acceptance): logits 800, 0, −800 and sigmoid of ±1000 give finite losses
// and exact gradients, in float and double. Every expected value below is exact in both types.

namespace saturated {
constexpr auto z = ct::input<"sz", 3>;
constexpr auto y = ct::distribution<"sy", 3>;
constexpr auto yi = ct::input<"syi", 3>;
constexpr auto ce = ct::cross_entropy(ct::softmax(z), y);
constexpr auto ce_written = -ct::sum(y % ct::log(ct::softmax(z)));
constexpr auto ce_input = ct::cross_entropy(ct::softmax(z), yi);
constexpr auto g = ct::grad(ce, z);
constexpr auto g_written = ct::grad(ce_written, z);
constexpr auto g_input = ct::grad(ce_input, z);

// Seed S03: W = 0 (3 × 4), b = [0, 800, 0], x = [1, 2, −1, .5], y = e_0.
constexpr auto W = ct::param<"s03W", 3, 4>;
constexpr auto b = ct::param<"s03b", 3>;
constexpr auto x = ct::input<"s03x", 4>;
constexpr auto y3 = ct::distribution<"s03y", 3>;
constexpr auto loss3 = ct::cross_entropy(ct::softmax(W * x + b), y3);
constexpr auto g3 = ct::grad(loss3, W, b);

constexpr auto a = ct::input<"sa">;
constexpr auto t = ct::input<"st">;
constexpr auto bce1 = ct::bce(ct::sigmoid(a), t);
constexpr auto gb1 = ct::grad(bce1, a, t);
constexpr auto a4 = ct::input<"sa4", 4>;
constexpr auto t4 = ct::input<"st4", 4>;
constexpr auto bce4 = ct::bce(ct::sigmoid(a4), t4);
constexpr auto gb4 = ct::grad(bce4, a4, t4);
}  // namespace saturated

template <class Got, std::size_t N>
void check_exact(const Got& got, const std::array<double, N>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  std::size_t i = 0;
  for (auto v : got) {
    INFO("element " << i << " (row-major)");
    CHECK(static_cast<double>(v) == want[i]);
    ++i;
  }
}

TEMPLATE_TEST_CASE("losses: softmax cross-entropy at logits 800, 0, -800 is exact", "[losses][saturated]", float,
                   double) {
  using T = TestType;
  using namespace saturated;
  const auto fz = ct::feed(z, std::array<T, 3>{800, 0, -800});
  const auto e2 = std::array<T, 3>{0, 0, 1};
  const auto e0 = std::array<T, 3>{1, 0, 0};

  // y = e_2: the loss is 800 − (−800) + log(1 + e^−800 + e^−1600) = 1600, the gradient (1, 0, −1).
  CHECK(ct::evaluate<T>(ce, fz, ct::feed(y, e2)) == T(1600));
  check_exact(ct::evaluate<T>(g[z], fz, ct::feed(y, e2)), std::array{1., 0., -1.});
  CHECK(ct::evaluate<T>(ce_written, fz, ct::feed(y, e2)) == T(1600));
  check_exact(ct::evaluate<T>(g_written[z], fz, ct::feed(y, e2)), std::array{1., 0., -1.});
  CHECK(ct::evaluate<T>(ce_input, fz, ct::feed(yi, e2)) == T(1600));  // general adjoint, Σy = 1
  check_exact(ct::evaluate<T>(g_input[z], fz, ct::feed(yi, e2)), std::array{1., 0., -1.});
  // y = e_0: the right class wins by 800: loss 0, gradient 0.
  CHECK(ct::evaluate<T>(ce, fz, ct::feed(y, e0)) == T(0));
  check_exact(ct::evaluate<T>(g[z], fz, ct::feed(y, e0)), std::array{0., 0., 0.});
  CHECK(ct::evaluate<T>(ce_written, fz, ct::feed(y, e0)) == T(0));
  check_exact(ct::evaluate<T>(g_written[z], fz, ct::feed(y, e0)), std::array{0., 0., 0.});

  // The same through ct::compile: the loss and its gradient as two outputs of one graph.
  auto net = ct::compile<T>(ce, g[z]);
  CHECK(net.eval(fz, ct::feed(y, e2)) == T(1600));
  check_exact(net.result(g[z]), std::array{1., 0., -1.});
  CHECK(net.eval(fz, ct::feed(y, e0)) == T(0));
  check_exact(net.result(g[z]), std::array{0., 0., 0.});
  auto written = ct::compile<T>(ce_written, g_written[z]);
  CHECK(written.eval(fz, ct::feed(y, e2)) == T(1600));
  check_exact(written.result(g_written[z]), std::array{1., 0., -1.});
}

TEMPLATE_TEST_CASE("losses: seed S03, saturated softmax regression: loss 800 and exact gradients",
                   "[losses][saturated][S03]", float, double) {
  using T = TestType;
  using namespace saturated;
  const std::array<T, 12> zero{};
  const auto fW = ct::feed(W, zero);
  const auto fb = ct::feed(b, std::array<T, 3>{0, 800, 0});
  const auto fx = ct::feed(x, std::array<T, 4>{1, 2, -1, .5});
  const auto fy = ct::feed(y3, std::array<T, 3>{1, 0, 0});
  const std::array dW{-1., -2., 1., -.5, 1., 2., -1., .5, 0., 0., 0., 0.};
  CHECK(ct::evaluate<T>(loss3, fW, fb, fx, fy) == T(800));
  check_exact(ct::evaluate<T>(g3[W], fW, fb, fx, fy), dW);
  check_exact(ct::evaluate<T>(g3[b], fW, fb, fx, fy), std::array{-1., 1., 0.});

  auto net = ct::compile<T>(loss3, g3[W], g3[b]);
  net.bind(W, std::vector<T>(12, T(0))).bind(b, std::vector<T>{0, 800, 0});
  CHECK(net.eval(fx, fy) == T(800));
  check_exact(net.result(g3[W]), dW);
  check_exact(net.result(g3[b]), std::array{-1., 1., 0.});
}

TEMPLATE_TEST_CASE("losses: bce of sigmoid at a = +-1000 is exact", "[losses][saturated]", float, double) {
  using T = TestType;
  using namespace saturated;
  struct point {
    double a, y, loss, da;
  };
  // loss = max(a, 0) − a·y + log(1 + e^−|a|) = 0 or 1000; ∂/∂a = σ(a) − y ∈ {0, ±1}; ∂/∂y = −a.
  for (const point p : {point{1000, 1, 0, 0}, point{1000, 0, 1000, 1}, point{-1000, 0, 0, 0},
                        point{-1000, 1, 1000, -1}}) {
    INFO("a = " << p.a << ", y = " << p.y);
    const auto fa = ct::feed(a, static_cast<T>(p.a));
    const auto ft = ct::feed(t, static_cast<T>(p.y));
    CHECK(ct::evaluate<T>(bce1, fa, ft) == T(p.loss));
    CHECK(ct::evaluate<T>(gb1[a], fa, ft) == T(p.da));
    CHECK(ct::evaluate<T>(gb1[t], fa, ft) == T(-p.a));
  }
  // All four at once, compiled.
  auto net = ct::compile<T>(bce4, gb4[a4], gb4[t4]);
  const auto fa4 = ct::feed(a4, std::array<T, 4>{1000, 1000, -1000, -1000});
  CHECK(net.eval(fa4, ct::feed(t4, std::array<T, 4>{1, 0, 0, 1})) == T(2000));
  check_exact(net.result(gb4[a4]), std::array{0., 1., 0., -1.});
  check_exact(net.result(gb4[t4]), std::array{-1000., -1000., 1000., 1000.});
}

// ---------------------------------------------------------------------------------------------
// The distribution precondition (seed S37): data that is not a distribution is refused, naming the
// leaf, the column and what was found; the same values in an `input` target are accepted and give
// the general gradient ŷ·Σy − y.

namespace precondition {
constexpr auto z = ct::input<"pz", 3>;
constexpr auto y = ct::distribution<"py", 3>;
constexpr auto yi = ct::input<"pyi", 3>;
constexpr auto loss = ct::cross_entropy(ct::softmax(z), y);
constexpr auto loss_i = ct::cross_entropy(ct::softmax(z), yi);
constexpr auto g = ct::grad(loss, z);
constexpr auto g_i = ct::grad(loss_i, z);
constexpr auto Z = ct::input<"pZ", 3, 2>;
constexpr auto Y = ct::distribution<"pY", 3, 2>;
constexpr auto loss2 = ct::cross_entropy(ct::softmax(Z), Y);
}  // namespace precondition

TEMPLATE_TEST_CASE("losses: a distribution leaf refuses values that are not a distribution", "[losses][distribution]",
                   float, double) {
  using T = TestType;
  using namespace precondition;
  const std::vector<T> zv{1, 2, .5};
  const std::vector<T> ok{.2, .7, .1};
  const std::vector<T> half{.5, .5, .5};
  const std::vector<T> nan{std::numeric_limits<T>::quiet_NaN(), .5, .5};
  const std::vector<T> negative{-.5, 1, .5};  // sums to 1

  auto net = ct::compile<T>(loss, g[z]);
  net.bind(z, zv);
  REQUIRE_THROWS_AS(net.bind(y, half), std::invalid_argument);
  REQUIRE_THROWS_WITH(net.bind(y, half), Contains("py") && Contains("column 0") && Contains("sums to 1.5"));
  REQUIRE_THROWS_WITH(net.bind(y, nan), Contains("py") && Contains("column 0") && Contains("nan"));
  REQUIRE_THROWS_WITH(net.bind(y, negative), Contains("py") && Contains("column 0") && Contains("-0.5"));
  // The leaf was never bound with good values: eval names it.
  REQUIRE_THROWS_AS(net.eval(), std::logic_error);
  REQUIRE_THROWS_WITH(net.eval(), Contains("py"));
  // Good values, then bad ones: the bad bind leaves the leaf unbound, not holding the bad values.
  net.bind(y, ok);
  CHECK(net.eval() == Approx(ce_ref(std::array{1., 2., .5}, std::array{.2, .7, .1}, {1, 3, 1}))
                          .epsilon(std::is_same_v<T, float> ? 1e-5 : 1e-12));
  REQUIRE_THROWS_AS(net.bind(y, half), std::invalid_argument);
  REQUIRE_THROWS_AS(net.eval(), std::logic_error);
  REQUIRE_THROWS_WITH(net.eval(), Contains("py"));
  // A feed to eval is checked the same way.
  REQUIRE_THROWS_WITH(net.eval(ct::feed(y, half)), Contains("py") && Contains("sums to 1.5"));
  net.bind(y, ok);
  CHECK_NOTHROW(net.eval());
  // And ct::evaluate.
  const auto fz = ct::feed(z, std::array<T, 3>{1, 2, .5});
  REQUIRE_THROWS_WITH(ct::evaluate<T>(loss, fz, ct::feed(y, std::array<T, 3>{.5, .5, .5})),
                      Contains("py") && Contains("column 0") && Contains("sums to 1.5"));

  // A matrix target: the column that fails is named (column 1 sums to 0.9).
  auto net2 = ct::compile<T>(loss2);
  REQUIRE_THROWS_WITH(net2.bind(Y, std::vector<T>{.2, .3, .3, .3, .5, .3}),
                      Contains("pY") && Contains("column 1") && Contains("sums to 0.9"));
  CHECK_NOTHROW(net2.bind(Y, std::vector<T>{.2, .3, .3, .3, .5, .4}));
}

TEMPLATE_TEST_CASE("losses: seed S37, an input target with the same values gets the general gradient",
                   "[losses][distribution][S37]", float, double) {
  using T = TestType;
  using namespace precondition;
  const double tol = std::is_same_v<T, float> ? 1e-4 : 5e-6;
  const auto fz = ct::feed(z, std::array<T, 3>{1, 2, .5});
  // y = [.5, .5, .5] as an input: ŷ·1.5 − y = [−0.153164, 0.442798, −0.289633].
  const auto d_half = ct::evaluate<T>(g_i[z], fz, ct::feed(yi, std::array<T, 3>{.5, .5, .5}));
  const std::array want_half{-0.153164, 0.442798, -0.289633};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("element " << i);
    CHECK(d_half[i] == Approx(want_half[i]).epsilon(tol).margin(1e-6));
  }
  auto net = ct::compile<T>(loss_i, g_i[z]);
  CHECK_NOTHROW(net.eval(fz, ct::feed(yi, std::vector<T>{.5, .5, .5})));
  check_close([&] {
    std::array<double, 3> r{};
    for (std::size_t i = 0; i < 3; ++i) r[i] = static_cast<double>(net.result(g_i[z])(i));
    return r;
  }(), want_half, tol);
  // y = [.2, .7, .1] as a distribution: ŷ − y = [0.031224, −0.071468, 0.040244].
  const auto d_soft = ct::evaluate<T>(g[z], fz, ct::feed(y, std::array<T, 3>{.2, .7, .1}));
  const std::array want_soft{0.031224, -0.071468, 0.040244};
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("element " << i);
    CHECK(d_soft[i] == Approx(want_soft[i]).epsilon(tol).margin(1e-6));
  }
}

}  // namespace grad_fd_test

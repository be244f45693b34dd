// tests/seeds/train_seeds.cpp: seed cases S12 (one SGD step) and S13 (two momentum steps) of
// ../shared/seed-cases.md, both from the S11 autoencoder, as compiled training steps
// (ct::compile(loss, grad(loss, ...), optimizer)), in float and double, against the catalogue.
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include "catalogue.hpp"

#include <array>
#include <cstddef>
#include <type_traits>
#include <vector>

namespace train_seeds {

namespace ct = ctgrad;
using namespace ct::literals;

using seed_catalogue::catalogue;
using seed_catalogue::check_catalogue;

template <class View>
std::vector<double> values(const View& v) {
  std::vector<double> r;
  for (auto e : v) r.push_back(static_cast<double>(e));
  return r;
}

// ---------------------------------------------------------------------------------------------
// S11's autoencoder: ℓ = ‖x − σ(W2 σ(W1x + b1) + b2)‖², logistic σ at both layers.

namespace s11 {
constexpr auto x = ct::input<"s12x", 3>;
constexpr auto W1 = ct::param<"s12W1", 2, 3>;
constexpr auto b1 = ct::param<"s12b1", 2>;
constexpr auto W2 = ct::param<"s12W2", 3, 2>;
constexpr auto b2 = ct::param<"s12b2", 3>;
constexpr auto h = ct::sigmoid(W1 * x + b1);
constexpr auto xhat = ct::sigmoid(W2 * h + b2);
constexpr auto loss = ct::sum(ct::square(x - xhat));
constexpr auto g = ct::grad(loss, W1, b1, W2, b2);
constexpr auto fx = ct::feed(x, std::array<double, 3>{.9, .1, .6});

// Binds S11's initial parameters.
template <class Step>
void bind_initial(Step& m) {
  m.bind(W1, std::vector<double>{.2, -.4, .1, .5, .3, -.2})
      .bind(b1, std::vector<double>{.1, -.1})
      .bind(W2, std::vector<double>{.3, -.6, -.2, .4, .7, .1})
      .bind(b2, std::vector<double>{0, .1, -.1});
}
}  // namespace s11

// ---------------------------------------------------------------------------------------------
// S12: θ ← θ − α∇ℓ with α = 0.5, one step from S11. ℓ: 0.399863 → 0.319106.

TEMPLATE_TEST_CASE("S12 training: one SGD step from the S11 autoencoder", "[seed][train][S12]", float, double) {
  using namespace s11;
  using T = TestType;
  auto m = ct::compile<T>(loss, g, ct::sgd{.lr = 0.5});
  STATIC_REQUIRE(decltype(m)::state_size == 0);
  bind_initial(m);

  // The loss at the initial parameters, before stepping.
  CHECK(m.eval(fx) == catalogue<T>(0.399863));
  // step() returns the loss before the update...
  CHECK(m.step(fx) == catalogue<T>(0.399863));
  CHECK(m.steps() == 1);
  // ...and the gradients of that step stay readable (S11's).
  check_catalogue<T>(m.result(g[b2]), std::array{-0.219236, 0.223774, -0.005475});
  check_catalogue<T>(m.result(g[W1]), std::array{-0.025160, -0.002796, -0.016773, 0.048784, 0.005420, 0.032523});

  // The parameters after the step: θ − 0.5·∇ of S11.
  check_catalogue<T>(m.parameter(W1), std::array{0.212580, -0.398602, 0.108387, 0.475608, 0.297290, -0.216261});
  check_catalogue<T>(m.parameter(b2), std::array{0.109618, -0.011887, -0.097263});
  check_catalogue<T>(m.parameter(b1), std::array{0.1 + 0.5 * 0.027956, -0.1 - 0.5 * 0.054205});
  check_catalogue<T>(m.parameter(W2), std::array{0.3 + 0.5 * 0.125939, -0.6 + 0.5 * 0.123789, -0.2 - 0.5 * 0.128546,
                                                 0.4 - 0.5 * 0.126351, 0.7 + 0.5 * 0.003145, 0.1 + 0.5 * 0.003091});

  // The loss at the new parameters (eval does not update).
  CHECK(m.eval(fx) == catalogue<T>(0.319106));
  CHECK(m.eval(fx) == catalogue<T>(0.319106));
  CHECK(m.steps() == 1);
  check_catalogue<T>(m.parameter(b2), std::array{0.109618, -0.011887, -0.097263});
}

// ---------------------------------------------------------------------------------------------
// S13: v ← ηv + α∇ℓ(θ), θ ← θ − v with η = 0.9, α = 0.5, v₀ = 0, two steps from S11.
// ℓ: 0.399863 → 0.319106 (= S12) → 0.198077.

TEMPLATE_TEST_CASE("S13 training: two momentum steps from the S11 autoencoder", "[seed][train][S13]", float,
                   double) {
  using namespace s11;
  using T = TestType;
  auto m = ct::compile<T>(loss, g, ct::momentum{.lr = 0.5, .momentum = 0.9});
  // One velocity value per parameter value: 6 + 2 + 6 + 3.
  STATIC_REQUIRE(decltype(m)::state_size == 17);
  bind_initial(m);

  // Step 1: v = α∇ from zero, the same update as S12's SGD step.
  CHECK(m.step(fx) == catalogue<T>(0.399863));
  const std::vector<double> b2_0{0, .1, -.1};
  const std::vector<double> b2_1 = values(m.parameter(b2));
  check_catalogue<T>(b2_1, std::array{0.109618, -0.011887, -0.097263});
  check_catalogue<T>(m.parameter(W1), std::array{0.212580, -0.398602, 0.108387, 0.475608, 0.297290, -0.216261});

  // Step 2: the gradient re-evaluated at the new parameters; the loss returned is at θ₁.
  CHECK(m.step(fx) == catalogue<T>(0.319106));
  const std::vector<double> b2_2 = values(m.parameter(b2));
  const std::vector<double> grad_b2_2 = values(m.result(g[b2]));  // ∇ℓ(θ₁) w.r.t. b2
  check_catalogue<T>(m.parameter(W1), std::array{0.237928, -0.395786, 0.125286, 0.434314, 0.292702, -0.243791});
  check_catalogue<T>(b2_2, std::array{0.306707, -0.213802, -0.092548});
  CHECK(m.eval(fx) == catalogue<T>(0.198077));
  CHECK(m.steps() == 2);

  // The velocity has no accessor; θ ← θ − v makes it the last change of the parameter:
  // v_b2 (after step 2) = θ_b2(after step 1) − θ_b2(after step 2).
  std::vector<double> v_b2(3), v_b2_formula(3);
  for (std::size_t i = 0; i < 3; ++i) {
    v_b2[i] = b2_1[i] - b2_2[i];
    // and the seed's recurrence: v₂ = η·v₁ + α·∇ℓ(θ₁) with v₁ = θ₀ − θ₁.
    v_b2_formula[i] = 0.9 * (b2_0[i] - b2_1[i]) + 0.5 * grad_b2_2[i];
  }
  check_catalogue<T>(v_b2, std::array{-0.197089, 0.201914, -0.004714});
  check_catalogue<T>(v_b2_formula, std::array{-0.197089, 0.201914, -0.004714});
}

}  // namespace train_seeds

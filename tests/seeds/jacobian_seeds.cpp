// tests/seeds/jacobian_seeds.cpp: seed cases S23, S24 and S28 (Jacobians) with ct::jacobian, and
// S28's Hessian-vector form with ct::hvp, against ../shared/seed-cases.md.
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>

namespace jacobian_seeds {

namespace ct = ctgrad;

template <class Got, std::size_t N>
void check_all(const Got& got, const std::array<double, N>& want, double eps) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  for (std::size_t i = 0; i < N; ++i) {
    INFO("element " << i);
    CHECK(got[i] == Approx(want[i]).epsilon(eps).margin(1e-6));
  }
}

TEMPLATE_TEST_CASE("S23 Jacobian of W1x + W2x is W1 + W2", "[seed][jacobian]", float, double) {
  constexpr auto x = ct::input<"s23x", 3>;
  constexpr auto W1 = ct::param<"s23W1", 2, 3>;
  constexpr auto W2 = ct::param<"s23W2", 2, 3>;
  constexpr auto J = ct::jacobian(W1 * x + W2 * x, x);
  STATIC_REQUIRE(ct::shape_of(J) == ct::shape<2, 3>{});
  const auto got = ct::evaluate<TestType>(J, ct::feed(x, std::array{0.3, -1.0, 2.0}),
                                          ct::feed(W1, std::array{1.0, 2.0, 0.0, -1.0, 0.5, 3.0}),
                                          ct::feed(W2, std::array{0.0, 1.0, -2.0, 4.0, 0.0, 1.0}));
  check_all(got, std::array{1.0, 3.0, -2.0, 3.0, 0.5, 4.0}, 1e-6);
}

TEMPLATE_TEST_CASE("S24 Jacobian of W2(W1x) is W2W1; with W1 = W2 = W it is W squared", "[seed][jacobian]", float,
                   double) {
  constexpr auto x = ct::input<"s24x", 2>;
  constexpr auto W1 = ct::param<"s24W1", 3, 2>;
  constexpr auto W2 = ct::param<"s24W2", 2, 3>;
  const auto J = ct::evaluate<TestType>(ct::jacobian(W2 * (W1 * x), x), ct::feed(x, std::array{1.0, 1.0}),
                                        ct::feed(W1, std::array{1.0, 0.0, 2.0, -1.0, 0.5, 3.0}),
                                        ct::feed(W2, std::array{1.0, 2.0, 0.0, 0.0, -1.0, 1.0}));
  check_all(J, std::array{5.0, -2.0, -1.5, 4.0}, 1e-6);
  // The seed wrote W1ᵀW1 = [[10, 14], [14, 20]] for W1 = W2; the Jacobian is W² = [[7, 10], [15, 22]].
  constexpr auto W = ct::param<"s24W", 2, 2>;
  const auto J2 = ct::evaluate<TestType>(ct::jacobian(W * (W * x), x), ct::feed(x, std::array{0.5, -1.0}),
                                         ct::feed(W, std::array{1.0, 2.0, 3.0, 4.0}));
  check_all(J2, std::array{7.0, 10.0, 15.0, 22.0}, 1e-6);
  CHECK(J2[1] != Approx(14.0));
}

TEMPLATE_TEST_CASE("S28 softmax Jacobian Diag(p) - ppT, its VJP, and the Hessian of cross-entropy", "[seed][jacobian]",
                   float, double) {
  constexpr auto z = ct::input<"s28z", 3>;
  const auto zv = std::array{1.0, 2.0, 3.0};
  const auto J = ct::evaluate<TestType>(ct::jacobian(ct::softmax(z), z), ct::feed(z, zv));
  const std::array<double, 9> want{0.0819251, -0.0220330, -0.0598920, -0.0220330, 0.184836,
                                   -0.162803, -0.0598920, -0.162803, 0.222695};
  check_all(J, want, 5e-6);
  // J = Jᵀ and J·1 = 0.
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(J[i * 3 + 0] + J[i * 3 + 1] + J[i * 3 + 2] == Approx(0.0).margin(1e-6));
    for (std::size_t j = 0; j < 3; ++j) CHECK(J[i * 3 + j] == Approx(J[j * 3 + i]).margin(1e-7));
  }
  // vᵀJ = p ⊙ (v − pᵀv) for v = [1, −1, 2]: the VJP of softmax.
  constexpr auto v = ct::input<"s28v", 3>;
  const auto vv = std::array{1.0, -1.0, 2.0};
  const std::array<double, 3> vjp{-0.0158259, -0.532476, 0.548302};
  check_all(ct::evaluate<TestType>(ct::grad(ct::sum(v % ct::softmax(z)), z)[z], ct::feed(z, zv), ct::feed(v, vv)),
            vjp, 5e-6);
  // The Hessian of cross-entropy of softmax in z is the same J: hvp gives J·v.
  constexpr auto y = ct::distribution<"s28y", 3>;
  check_all(ct::evaluate<TestType>(ct::hvp(ct::cross_entropy(ct::softmax(z), y), z, v), ct::feed(z, zv),
                                   ct::feed(v, vv), ct::feed(y, std::array{0.0, 1.0, 0.0})),
            vjp, 5e-6);
}

}  // namespace jacobian_seeds

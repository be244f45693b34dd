// tests/unit/grad_fd_embed.cpp: embed and take (the ops Jacobians are built from), jacobian and
// hvp against central finite differences.
#include "grad_fd_check.hpp"

#include <ctgrad/autodiff/jacobian.hpp>
#include <ctgrad/ops/embed.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/tanh.hpp>

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto ea = ct::input<"ea", 4>;
constexpr auto eM = ct::param<"eM", 3, 4>;
constexpr auto eT = ct::param<"eT", 2, 3, 4>;

TEST_CASE("grad fd: embed and take", "[grad][fd][embed]") {
  CHECK_VJP((ct::embed<1, ct::shape<3, 4>>(ea)), 41, ea);
  CHECK_VJP((ct::embed<5, ct::shape<2, 3, 4>>(ct::tanh(ea))), 42, ea);
  CHECK_VJP((ct::embed<1, ct::shape<2, 3, 4>>(eM)), 43, eM);
  CHECK_VJP((ct::take<2, ct::shape<4>>(eM)), 44, eM);
  CHECK_VJP((ct::take<1, ct::shape<3, 4>>(eT)), 45, eT);
  CHECK_VJP((ct::take<0, ct::shape<4>>(eM) % ea), 46, eM, ea);
}

TEST_CASE("forward: embed places a block, take reads it back", "[forward][embed]") {
  const auto e = ct::evaluate<double>(ct::embed<1, ct::shape<3, 2>>(ct::input<"p", 2>),
                                      ct::feed(ct::input<"p", 2>, std::array{5.0, -6.0}));
  const std::array<double, 6> want{0, 0, 5, -6, 0, 0};
  for (std::size_t i = 0; i < 6; ++i) CHECK(e[i] == want[i]);
  const auto t = ct::evaluate<double>(ct::take<2, ct::shape<2>>(ct::input<"q", 3, 2>),
                                      ct::feed(ct::input<"q", 3, 2>, std::array{1.0, 2.0, 3.0, 4.0, 5.0, 6.0}));
  CHECK(t[0] == 5.0);
  CHECK(t[1] == 6.0);
  STATIC_REQUIRE(ct::is_zero_v<decltype(ct::embed<1, ct::shape<3, 2>>(ct::zeros<ct::shape<2>>))>);
}

// jacobian(e, x)(i, j) against (e(x + h·e_j) − e(x − h·e_j)) / 2h, element by element.
TEST_CASE("grad fd: jacobian of a small network, element by element", "[grad][fd][jacobian]") {
  constexpr auto x = ct::input<"jx", 3>;
  constexpr auto W = ct::param<"jW", 2, 3>;
  constexpr auto e = ct::exp(W * ct::tanh(x)) % ct::softmax(W * x);
  constexpr auto J = ct::jacobian(e, x);
  STATIC_REQUIRE(ct::shape_of(J) == ct::shape<2, 3>{});
  const std::array<double, 3> xv{0.3, -0.7, 1.1};
  const std::array<double, 6> Wv{0.5, -0.2, 0.8, -1.0, 0.4, 0.3};
  const auto Jv = ct::evaluate<double>(J, ct::feed(x, xv), ct::feed(W, Wv));
  for (std::size_t j = 0; j < 3; ++j) {
    auto xp = xv, xm = xv;
    const double h = 1e-6;
    xp[j] += h;
    xm[j] -= h;
    const auto ep = ct::evaluate<double>(e, ct::feed(x, xp), ct::feed(W, Wv));
    const auto em = ct::evaluate<double>(e, ct::feed(x, xm), ct::feed(W, Wv));
    for (std::size_t i = 0; i < 2; ++i) {
      INFO("J(" << i << ", " << j << ")");
      CHECK(Jv[i * 3 + j] == Approx((ep[i] - em[i]) / (2 * h)).epsilon(1e-7).margin(1e-9));
    }
  }
}

TEST_CASE("grad fd: hvp is the derivative of the gradient along v", "[grad][fd][hvp]") {
  constexpr auto z = ct::input<"hz", 3>;
  constexpr auto v = ct::input<"hv", 3>;
  constexpr auto loss = ct::sum(ct::tanh(z) % ct::exp(z));
  constexpr auto Hv = ct::hvp(loss, z, v);
  constexpr auto g = ct::grad(loss, z)[z];
  const std::array<double, 3> zv{0.2, -0.5, 0.9}, vv{1.0, -2.0, 0.5};
  const auto got = ct::evaluate<double>(Hv, ct::feed(z, zv), ct::feed(v, vv));
  const double h = 1e-6;
  std::array<double, 3> zp{}, zm{};
  for (std::size_t k = 0; k < 3; ++k) {
    zp[k] = zv[k] + h * vv[k];
    zm[k] = zv[k] - h * vv[k];
  }
  const auto gp = ct::evaluate<double>(g, ct::feed(z, zp));
  const auto gm = ct::evaluate<double>(g, ct::feed(z, zm));
  for (std::size_t k = 0; k < 3; ++k) CHECK(got[k] == Approx((gp[k] - gm[k]) / (2 * h)).epsilon(1e-7).margin(1e-9));
}

}  // namespace grad_fd_test

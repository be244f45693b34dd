// tests/unit/grad_fd_graph.cpp: gradients through fan-out, CTGRAD_LET handles and chains, and
// leaves the loss ignores, against central finite differences.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <type_traits>

namespace grad_fd_test {

constexpr auto gx = ct::input<"x", 3, 2>;
constexpr auto gW = ct::param<"W", 3, 3>;
constexpr auto gV = ct::param<"V", 3, 3>;
constexpr auto gc = ct::param<"c", 3>;

TEST_CASE("grad fd: a node read several times (fan-out)", "[grad][fd][graph]") {
  CHECK_VJP(ct::tanh(gx) % ct::tanh(gx), 1, gx);
  CHECK_VJP(ct::exp(gx) + ct::exp(gx) % gx, 2, gx);
  // The seed S04 shape: x feeds both numerator and denominator.
  CHECK_VJP((ct::square(gx) + ct::sigmoid(gW * gx)) / (3_c * gx + ct::exp(gW * gx) - ct::sigmoid(gx) + 4_c), 3, gx,
            gW);
  CHECK_VJP(gW * gW * gx, 4, gx, gW);  // W read twice by one product chain
}

CTGRAD_LET(fan_h, ct::tanh(gW * gx + gc));
CTGRAD_LET(fan_res, fan_h + gV * fan_h);  // h + V·h: the handle read twice

TEST_CASE("grad fd: a let handle read twice, h + V*h", "[grad][fd][graph][let]") {
  CHECK_VJP(fan_h + gV * fan_h, 11, gx, gW, gV, gc);
  CHECK_VJP(fan_res, 12, gx, gW, gV, gc);
  CHECK_VJP(fan_h % fan_h, 13, gx, gW, gc);
  CHECK_VJP(ct::sum(fan_res % fan_h), 14, gx, gW, gV, gc);
}

constexpr auto cW1 = ct::param<"W1", 3, 3>;
constexpr auto cW2 = ct::param<"W2", 3, 3>;
constexpr auto cW3 = ct::param<"W3", 2, 3>;
constexpr auto cb1 = ct::param<"b1", 3>;
constexpr auto cb2 = ct::param<"b2", 3>;
constexpr auto cb3 = ct::param<"b3", 2>;
CTGRAD_LET(chain1, ct::tanh(cW1 * gx + cb1));
CTGRAD_LET(chain2, ct::sigmoid(cW2 * chain1 + cb2) + chain1);
CTGRAD_LET(chain3, ct::log_softmax(cW3 * chain2 + cb3));

TEST_CASE("grad fd: a chain of three let layers", "[grad][fd][graph][let]") {
  CHECK_VJP(chain3, 21, gx, cW1, cW2, cW3, cb1, cb2, cb3);
  CHECK_VJP(ct::mean(ct::square(chain3)), 22, gx, cW1, cW2, cW3, cb1, cb2, cb3);
}

constexpr auto ua = ct::input<"ua", 2, 3>;
constexpr auto ub = ct::param<"ub", 4>;
constexpr auto us = ct::param<"us">;

TEST_CASE("grad: a leaf the loss does not use has a zero gradient", "[grad][zero]") {
  constexpr auto loss = ct::sum(ct::tanh(ua));
  constexpr auto g = ct::grad(loss, ua, ub, us);
  STATIC_REQUIRE(ct::is_zero_v<decltype(g[ub])>);
  STATIC_REQUIRE(ct::is_zero_v<decltype(g[us])>);
  STATIC_REQUIRE(!ct::is_zero_v<decltype(g[ua])>);
  STATIC_REQUIRE(std::is_same_v<ct::shape_of_t<decltype(g[ub])>, ct::shape<4>>);
  STATIC_REQUIRE(std::is_same_v<ct::shape_of_t<decltype(g[us])>, ct::shape<>>);
  const auto fa = ct::feed(ua, std::array<double, 6>{0.5, -1.0, 2.0, 0.25, -0.75, 1.5});
  const auto fb = ct::feed(ub, std::array<double, 4>{1.0, 2.0, 3.0, 4.0});
  const auto fs = ct::feed(us, 7.0);
  const auto gb = ct::evaluate<double>(g[ub], fa, fb, fs);
  for (double v : gb) CHECK(v == 0.0);
  CHECK(ct::evaluate<double>(g[us], fa, fb, fs) == 0.0);
  // A leaf whose only path is multiplied by a constant zero is not structurally zero, but its
  // gradient evaluates to 0 and agrees with finite differences.
  CHECK_VJP(ct::tanh(ua) + 0_c * ub * ub, 41, ua, ub);
}

}  // namespace grad_fd_test

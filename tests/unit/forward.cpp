// tests/unit/forward.cpp: forward values of elementwise ops, broadcasting, matrix products, fan-out,
// let handles and a small MLP (constant evaluation, run-time evaluate(), compiled graph), against
// reference numbers computed independently in Python (plain math); and the formula printer.
#include "forward_check.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>

namespace forward_test {

TEMPLATE_TEST_CASE("forward: elementwise add sub div mul and neg", "[forward]", float, double) {
  CHECK_FORWARD(A + B, ({2.0, -1.0, 0.0, 3.5, 3.25, 0.5}), fA, fB);
  CHECK_FORWARD(A - B, ({-1.0, -1.5, 4.0, 2.5, -4.75, 2.5}), fA, fB);
  CHECK_FORWARD(A / P, ({2.0, -0.8333333333333334, 1.0, 0.75, -1.5, 0.5}), fA, fP);
  CHECK_FORWARD(A % B, ({0.75, -0.3125, -4.0, 1.5, -3.0, -1.5}), fA, fB);
  CHECK_FORWARD(ct::mul(A, B), ({0.75, -0.3125, -4.0, 1.5, -3.0, -1.5}), fA, fB);
  CHECK_FORWARD(-A, ({-0.5, 1.25, -2.0, -3.0, 0.75, -1.5}), fA);
}

TEMPLATE_TEST_CASE("forward: broadcasting of a bias over the batch", "[forward][broadcast]", float, double) {
  CHECK_FORWARD(A + b, ({1.0, -0.75, 2.5, 2.0, -1.75, 0.5}), fA, fb);
  CHECK_FORWARD(b + A, ({1.0, -0.75, 2.5, 2.0, -1.75, 0.5}), fA, fb);
  CHECK_FORWARD(A - b, ({0.0, -1.75, 1.5, 4.0, 0.25, 2.5}), fA, fb);
  CHECK_FORWARD(b % A, ({0.25, -0.625, 1.0, -3.0, 0.75, -1.5}), fA, fb);
  STATIC_REQUIRE(ct::shape_of(A + b) == ct::shape<2, 3>{});
}

TEMPLATE_TEST_CASE("forward: broadcasting of scalar constants and rank-0 leaves", "[forward][broadcast]", float,
                   double) {
  CHECK_FORWARD(A + 2_c, ({2.5, 0.75, 4.0, 5.0, 1.25, 3.5}), fA);
  CHECK_FORWARD(2_c + A, ({2.5, 0.75, 4.0, 5.0, 1.25, 3.5}), fA);
  CHECK_FORWARD(1_c - A, ({0.5, 2.25, -1.0, -2.0, 1.75, -0.5}), fA);
  CHECK_FORWARD(A / 2_c, ({0.25, -0.625, 1.0, 1.5, -0.375, 0.75}), fA);
  CHECK_FORWARD(1_c / P, ({4.0, 0.6666666666666666, 0.5, 0.25, 2.0, 0.3333333333333333}), fP);
  CHECK_FORWARD(0.5_c * A, ({0.25, -0.625, 1.0, 1.5, -0.375, 0.75}), fA);
  CHECK_FORWARD(A * 0.5_c, ({0.25, -0.625, 1.0, 1.5, -0.375, 0.75}), fA);
  CHECK_FORWARD((A % ct::scalar_c<1, 2>), ({0.25, -0.625, 1.0, 1.5, -0.375, 0.75}), fA);
  CHECK_FORWARD(A * s, ({0.25, -0.625, 1.0, 1.5, -0.375, 0.75}), fA, fs);
  CHECK_FORWARD(s + A, ({1.0, -0.75, 2.5, 3.5, -0.25, 2.0}), fA, fs);
  CHECK_FORWARD(s * 3_c, ({1.5}), fs);
}

TEMPLATE_TEST_CASE("forward: broadcasting of size-1 dimensions", "[forward][broadcast]", float, double) {
  // [2 x 1] + [1 x 3] -> [2 x 3]: both operands stretch.
  STATIC_REQUIRE(ct::shape_of(c + r) == ct::shape<2, 3>{});
  CHECK_FORWARD(c + r, ({3.0, 0.0, 2.5, 0.0, -3.0, -0.5}), fc, fr);
  CHECK_FORWARD(A % r, ({0.5, 2.5, 1.0, 3.0, 1.5, 0.75}), fA, fr);
  CHECK_FORWARD(A - c, ({-1.5, -3.25, 0.0, 4.0, 0.25, 2.5}), fA, fc);
}

TEMPLATE_TEST_CASE("forward: matrix products in all four forms and transpose", "[forward][matmul]", float,
                   double) {
  STATIC_REQUIRE(ct::shape_of(A * M) == ct::shape<2, 2>{});
  STATIC_REQUIRE(ct::shape_of(A * v) == ct::shape<2>{});
  STATIC_REQUIRE(ct::shape_of(v * M) == ct::shape<2>{});
  STATIC_REQUIRE(ct::shape_of(v * v) == ct::shape<>{});
  STATIC_REQUIRE(ct::shape_of(ct::transpose(A)) == ct::shape<3, 2>{});
  CHECK_FORWARD(A * M, ({-5.0, 5.4375, -0.75, 2.8125}), fA, fM);
  CHECK_FORWARD(ct::matmul(A, M), ({-5.0, 5.4375, -0.75, 2.8125}), fA, fM);
  CHECK_FORWARD(M * A, ({-1.0, -0.875, 1.25, 1.75, -2.6875, 4.375, 8.25, -0.375, 1.5}), fA, fM);
  CHECK_FORWARD(A * v, ({3.25, 7.5}), fA, fv);
  CHECK_FORWARD(v * M, ({-0.75, 0.25}), fv, fM);
  CHECK_FORWARD(v * v, ({5.25}), fv);
  CHECK_FORWARD(ct::transpose(A), ({0.5, 3.0, -1.25, -0.75, 2.0, 1.5}), fA);
  // (A·M)ᵀ = Mᵀ·Aᵀ
  CHECK_FORWARD(ct::transpose(M) * ct::transpose(A), ({-5.0, -0.75, 5.4375, 2.8125}), fA, fM);
  CHECK_FORWARD(ct::transpose(A * M), ({-5.0, -0.75, 5.4375, 2.8125}), fA, fM);
}

// s = A + B is read three times, by two different nodes, one of which reads it twice.
constexpr auto fan = A + B;
constexpr auto fanned = (fan % fan) - ct::exp(fan) + fan;

TEMPLATE_TEST_CASE("forward: a node read several times (fan-out)", "[forward][graph]", float, double) {
  CHECK_FORWARD(fanned,
                ({-1.3890560989306504, -0.36787944117144233, -1.0, -17.36545195869231, -11.977839917193062,
                  -0.8987212707001282}),
                fA, fB);
}

CTGRAD_LET(hl, ct::tanh(P * M + b));
CTGRAD_LET(h2, hl % hl + hl);
constexpr auto let_out = ct::sum(hl % hl) + ct::mean(hl);

TEMPLATE_TEST_CASE("forward: CTGRAD_LET handles evaluate as their definitions", "[forward][let]", float, double) {
  STATIC_REQUIRE(ct::shape_of(hl) == ct::shape<2, 2>{});
  CHECK_FORWARD(hl, ({0.6351489523872873, 0.9999972580855863, -0.46211715726000974, 0.9999904298110103}), fP, fM,
                fb);
  CHECK_FORWARD(h2, ({1.038563144105956, 1.9999917742642768, -0.24856489022593717, 1.9999712895246193}), fP, fM,
                fb);
  CHECK_FORWARD(let_out, ({3.1601967054010096}), fP, fM, fb);
  CHECK_FORWARD(ct::let<"hl2">(ct::tanh(P * M + b)),
                ({0.6351489523872873, 0.9999972580855863, -0.46211715726000974, 0.9999904298110103}), fP, fM, fb);
}

// An MLP on pseudo-random inputs: value k of the leaf with seed s is ((37k + 11s + 5) mod 23 - 11) / 8.
template <std::size_t N>
constexpr std::array<double, N> pseudo_random(int seed) {
  std::array<double, N> a{};
  for (std::size_t k = 0; k < N; ++k)
    a[k] = static_cast<double>((37 * static_cast<int>(k) + 11 * seed + 5) % 23 - 11) / 8;
  return a;
}
constexpr auto mx = ct::input<"x", 3, 4>;
constexpr auto my = ct::input<"y", 2, 4>;
constexpr auto mW1 = ct::param<"W1", 4, 3>;
constexpr auto mb1 = ct::param<"b1", 4>;
constexpr auto mW2 = ct::param<"W2", 2, 4>;
constexpr auto mb2 = ct::param<"b2", 2>;
CTGRAD_LET(mh, ct::tanh(mW1 * mx + mb1));
CTGRAD_LET(mp, ct::softmax(mW2 * mh + mb2));
constexpr auto mloss = ct::mean(ct::square(mp - my));

TEMPLATE_TEST_CASE("forward: evaluate and compile agree on an MLP with pseudo-random inputs", "[forward][graph]",
                   float, double) {
  using T = TestType;
  constexpr auto xs = pseudo_random<12>(1);
  constexpr auto W1s = pseudo_random<12>(2);
  constexpr auto b1s = pseudo_random<4>(3);
  constexpr auto W2s = pseudo_random<8>(4);
  constexpr auto b2s = pseudo_random<2>(5);
  constexpr auto ys = pseudo_random<8>(6);
  // The generator itself, against Python.
  STATIC_REQUIRE(xs[0] == 0.625);
  STATIC_REQUIRE(W1s[11] == 1.125);
  STATIC_REQUIRE(ys[3] == 1.25);

  constexpr std::array p_want{0.6717386740796524, 0.18244467672390577, 0.7278986459432004, 0.07037198758634149,
                              0.3282613259203476, 0.8175553232760943,  0.2721013540567995, 0.9296280124136584};
  constexpr double loss_want = 1.449830786978323;

  const auto fx = ct::feed(mx, xs);
  const auto fW1 = ct::feed(mW1, W1s);
  const auto fb1 = ct::feed(mb1, b1s);
  const auto fW2 = ct::feed(mW2, W2s);
  const auto fb2 = ct::feed(mb2, b2s);
  const auto ev_p = ct::evaluate<T>(mp, fx, fW1, fb1, fW2, fb2);
  const T ev_loss = ct::evaluate<T>(mloss, fx, fW1, fb1, fW2, fb2, ct::feed(my, ys));
  check_values<T>(ev_p, p_want, "evaluate p");
  check_values<T>(ev_loss, std::array{loss_want}, "evaluate loss");

  auto g = ct::compile<T>(mloss, mp);
  g.bind(mW1, W1s).bind(mb1, b1s).bind(mW2, W2s).bind(mb2, b2s);
  const T loss = g.eval(ct::feed(mx, xs), ct::feed(my, ys));
  check_values<T>(loss, std::array{loss_want}, "compiled loss");
  auto p = g.result(mp);
  check_values<T>(p, p_want, "compiled p");
  // Same kernels, same order of operations: the two paths agree to the last bit.
  CHECK(loss == ev_loss);
  for (std::size_t i = 0; i < 8; ++i) CHECK(p.data()[i] == ev_p[i]);
}

// ---------------------------------------------------------------------------------------------

constexpr auto pW = ct::param<"W", 2, 3>;
constexpr auto px = ct::input<"x", 3, 4>;
constexpr auto pb = ct::param<"b", 2>;
CTGRAD_LET(h, ct::relu(pW * px + pb));

TEST_CASE("to_string prints formulas with leaf and let names", "[print]") {
  CHECK(ct::to_string(pW * px + pb) == "W·x + b");
  CHECK(ct::to_string(pW * px) == "W·x");
  CHECK(ct::to_string(px - px % px) == "x - x ⊙ x");
  CHECK(ct::to_string(px / 2_c) == "x / 2");
  CHECK(ct::to_string(px + 0.5_c) == "x + 0.5");
  CHECK(ct::to_string(-px) == "-x");
  CHECK(ct::to_string(ct::transpose(pW)) == "Wᵀ");
  CHECK(ct::to_string(ct::transpose(pW) * pb) == "Wᵀ·b");
  CHECK(ct::to_string(ct::pow(px, 3_c)) == "x^3");
  CHECK(ct::to_string(ct::pow(px, 0.5_c)) == "x^0.5");
  CHECK(ct::to_string(ct::tanh(px)) == "tanh(x)");
  CHECK(ct::to_string(ct::sum(px)) == "sum(x)");
  CHECK(ct::to_string(ct::sum<1>(px)) == "sum<1>(x)");
  CHECK(ct::to_string(ct::mean<0>(px)) == "mean<0>(x)");
  CHECK(ct::to_string(ct::softmax(px)) == "softmax(x)");
  CHECK(ct::to_string(ct::log_softmax<1>(px)) == "log_softmax<1>(x)");
  // A let handle prints its definition at the top level and its name inside other formulas.
  CHECK(ct::to_string(h) == ct::to_string(ct::relu(pW * px + pb)));
  CHECK(ct::to_string(ct::sum(h)) == "sum(h)");
  CHECK(ct::to_string(h % h) == "h ⊙ h");
  CHECK(ct::to_string(ct::sum(ct::let<"z">(pW * px)) + 1_c) == "sum(z) + 1");
}

TEST_CASE("to_string brackets by precedence as in the design notation", "[print]") {
  // Postfix ᵀ and ^ bind tighter than · and unary minus: such an operand needs parentheses.
  CHECK(ct::to_string(ct::transpose(pW * px)) == "(W·x)ᵀ");
  CHECK(ct::to_string(ct::pow(pW * px, 2_c)) == "(W·x)^2");
  CHECK(ct::to_string(ct::pow(-px, 2_c)) == "(-x)^2");
  // A function call's own parentheses suffice (design.md: "softmax(W2·h + b2)").
  CHECK(ct::to_string(ct::relu(pW * px + pb)) == "relu(W·x + b)");
  CHECK(ct::to_string(h) == "relu(W·x + b)");
}

}  // namespace forward_test

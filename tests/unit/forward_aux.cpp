// tests/unit/forward_aux.cpp: forward values of the auxiliary ops that gradients are built from
// (sum_to, broadcast_to, expand_axis, outer, sign, heaviside, fill/zeros/ones) through constant
// evaluation, run-time evaluate() and a compiled graph, against reference numbers computed
// independently in Python (plain loops over nested lists); special values (±0, NaN, ±inf); nodes
// without operands through the whole pipeline; and the formula printer.
#include "forward_check.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>

namespace forward_aux_test {

using namespace forward_test;  // ct, literals, the CHECK_FORWARD helpers, leaves A b r c v s T3 and feeds

template <std::size_t... D>
using sh = ct::shape<D...>;

constexpr auto W = ct::param<"W", 2, 1, 4>;
constexpr auto fW = ct::feed(W, std::array<double, 8>{1.0, -1.0, 0.5, 2.0, -0.5, 0.25, 1.5, -2.0});

// Special values: +0, -0, NaN, +inf, -inf, a tiny positive number (normal in float too).
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr auto X = ct::input<"X", 6>;
constexpr auto fX = ct::feed(X, std::array<double, 6>{0.0, -0.0, qnan, inf, -inf, 1e-30});

TEMPLATE_TEST_CASE("forward: sum_to sums over the broadcast axes", "[forward][aux][sum_to]", float, double) {
  CHECK_FORWARD((ct::sum_to<sh<2>>(A)), ({1.25, 3.75}), fA);
  CHECK_FORWARD((ct::sum_to<sh<2, 1>>(A)), ({1.25, 3.75}), fA);
  CHECK_FORWARD((ct::sum_to<sh<1, 3>>(A)), ({3.5, -2.0, 3.5}), fA);
  CHECK_FORWARD((ct::sum_to<sh<>>(A)), ({5.0}), fA);
  CHECK_FORWARD((ct::sum_to<sh<1>>(A)), ({5.0}), fA);
  // S == g's shape: a copy.
  CHECK_FORWARD((ct::sum_to<sh<2, 3>>(A)), ({0.5, -1.25, 2.0, 3.0, -0.75, 1.5}), fA);
  CHECK_FORWARD((ct::sum_to<sh<>>(s)), ({0.5}), fs);
  // Rank 3: [2 x 3 x 4] down to every pattern of kept axes.
  CHECK_FORWARD((ct::sum_to<sh<2>>(T3)), ({-6.75, 29.25}), fT);
  CHECK_FORWARD((ct::sum_to<sh<1, 3, 1>>(T3)), ({-0.5, 7.5, 15.5}), fT);
  CHECK_FORWARD((ct::sum_to<sh<2, 3>>(T3)), ({-6.25, -2.25, 1.75, 5.75, 9.75, 13.75}), fT);
  CHECK_FORWARD((ct::sum_to<sh<2, 1, 4>>(T3)), ({-2.875, -2.0, -1.375, -0.5, 6.25, 6.875, 7.75, 8.375}), fT);
  CHECK_FORWARD((ct::sum_to<sh<1, 1, 4>>(T3)), ({3.375, 4.875, 6.375, 7.875}), fT);
  // Inside a graph: the bias gradient of A + b.
  CHECK_FORWARD((ct::sum_to<sh<2>>(A + b)), ({2.75, 0.75}), fA, fb);
}

TEMPLATE_TEST_CASE("forward: broadcast_to repeats along stretched and missing axes", "[forward][aux][broadcast_to]",
                   float, double) {
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3>>(b)), ({0.5, 0.5, 0.5, -1.0, -1.0, -1.0}), fb);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3>>(r)), ({1.0, -2.0, 0.5, 1.0, -2.0, 0.5}), fr);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3>>(c)), ({2.0, 2.0, 2.0, -1.0, -1.0, -1.0}), fc);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3>>(s)), ({0.5, 0.5, 0.5, 0.5, 0.5, 0.5}), fs);
  CHECK_FORWARD((ct::broadcast_to<sh<3, 2>>(v)), ({2.0, 2.0, -1.0, -1.0, 0.5, 0.5}), fv);
  CHECK_FORWARD((ct::broadcast_to<sh<3>>(v)), ({2.0, -1.0, 0.5}), fv);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 2, 3>>(b)),
                ({0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0}), fb);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3, 2>>(A)),
                ({0.5, 0.5, -1.25, -1.25, 2.0, 2.0, 3.0, 3.0, -0.75, -0.75, 1.5, 1.5}), fA);
  CHECK_FORWARD((ct::broadcast_to<sh<2, 3, 4>>(r)),
                ({1.0, 1.0, 1.0, 1.0, -2.0, -2.0, -2.0, -2.0, 0.5, 0.5, 0.5, 0.5,
                  1.0, 1.0, 1.0, 1.0, -2.0, -2.0, -2.0, -2.0, 0.5, 0.5, 0.5, 0.5}),
                fr);
}

TEMPLATE_TEST_CASE("forward: sum_to is the adjoint of broadcast_to", "[forward][aux][sum_to]", float, double) {
  // <sum_to<S>(g), w> == <g, broadcast_to<G>(w)> == -9.09375 (both sides computed in Python).
  CHECK_FORWARD((ct::sum(ct::sum_to<sh<2, 1, 4>>(T3) % W)), ({-9.09375}), fT, fW);
  CHECK_FORWARD((ct::sum(T3 % ct::broadcast_to<sh<2, 3, 4>>(W))), ({-9.09375}), fT, fW);
}

TEMPLATE_TEST_CASE("forward: expand_axis inserts a repeated axis", "[forward][aux][expand_axis]", float, double) {
  CHECK_FORWARD((ct::expand_axis<1, 4>(v)), ({2.0, 2.0, 2.0, 2.0, -1.0, -1.0, -1.0, -1.0, 0.5, 0.5, 0.5, 0.5}), fv);
  CHECK_FORWARD((ct::expand_axis<0, 2>(v)), ({2.0, -1.0, 0.5, 2.0, -1.0, 0.5}), fv);
  CHECK_FORWARD((ct::expand_axis<0, 2>(A)), ({0.5, -1.25, 2.0, 3.0, -0.75, 1.5, 0.5, -1.25, 2.0, 3.0, -0.75, 1.5}), fA);
  CHECK_FORWARD((ct::expand_axis<1, 2>(A)), ({0.5, -1.25, 2.0, 0.5, -1.25, 2.0, 3.0, -0.75, 1.5, 3.0, -0.75, 1.5}), fA);
  CHECK_FORWARD((ct::expand_axis<2, 2>(A)), ({0.5, 0.5, -1.25, -1.25, 2.0, 2.0, 3.0, 3.0, -0.75, -0.75, 1.5, 1.5}), fA);
  CHECK_FORWARD((ct::expand_axis<0, 3>(s)), ({0.5, 0.5, 0.5}), fs);
  CHECK_FORWARD((ct::expand_axis<1, 1>(v)), ({2.0, -1.0, 0.5}), fv);
  // sum<k> undoes expand_axis<k, n> up to the factor n.
  CHECK_FORWARD((ct::sum<1>(ct::expand_axis<1, 4>(v))), ({8.0, -4.0, 2.0}), fv);
}

TEMPLATE_TEST_CASE("forward: outer product of two vectors", "[forward][aux][outer]", float, double) {
  CHECK_FORWARD((ct::outer(v, b)), ({1.0, -2.0, -0.5, 1.0, 0.25, -0.5}), fv, fb);
  CHECK_FORWARD((ct::outer(b, v)), ({1.0, -0.5, 0.25, -2.0, 1.0, -0.5}), fv, fb);
  CHECK_FORWARD((ct::outer(v, v)), ({4.0, -2.0, 1.0, -2.0, 1.0, -0.5, 1.0, -0.5, 0.25}), fv);
  CHECK_FORWARD((ct::outer(ct::exp(b), v)),
                ({3.2974425414002564, -1.6487212707001282, 0.8243606353500641, 0.7357588823428847,
                  -0.36787944117144233, 0.18393972058572117}),
                fv, fb);
}

TEMPLATE_TEST_CASE("forward: sign and heaviside", "[forward][aux][sign]", float, double) {
  CHECK_FORWARD((ct::sign(A)), ({1.0, -1.0, 1.0, 1.0, -1.0, 1.0}), fA);
  CHECK_FORWARD((ct::heaviside(A)), ({1.0, 0.0, 1.0, 1.0, 0.0, 1.0}), fA);
  // A - c has an exact 0 at (0, 2): sign 0, heaviside 0.
  CHECK_FORWARD((ct::sign(A - c)), ({-1.0, -1.0, 0.0, 1.0, 1.0, 1.0}), fA, fc);
  CHECK_FORWARD((ct::heaviside(A - c)), ({0.0, 0.0, 0.0, 1.0, 1.0, 1.0}), fA, fc);
  // relu(x) == x·heaviside(x)
  CHECK_FORWARD((A % ct::heaviside(A)), ({0.5, 0.0, 2.0, 3.0, 0.0, 1.5}), fA);
}

// Each path's 6 results on X = {+0, -0, NaN, +inf, -inf, 1e-30}.
template <class R>
void check_sign_specials(const R& got, const char* path) {
  INFO("path: " << path);
  std::array<double, 6> g{};
  std::size_t i = 0;
  for (auto x : got) g[i++] = static_cast<double>(x);
  REQUIRE(i == 6);
  CHECK(g[0] == 0.0);
  CHECK(!std::signbit(g[0]));
  CHECK(g[1] == 0.0);
  CHECK(std::signbit(g[1]));  // -0 keeps its sign
  CHECK(std::isnan(g[2]));
  CHECK(g[3] == 1.0);
  CHECK(g[4] == -1.0);
  CHECK(g[5] == 1.0);
}
template <class R>
void check_heaviside_specials(const R& got, const char* path) {
  INFO("path: " << path);
  constexpr std::array<double, 6> want{0.0, 0.0, 0.0, 1.0, 0.0, 1.0};  // heaviside(0) = heaviside(NaN) = 0
  std::size_t i = 0;
  for (auto x : got) {
    INFO("element " << i);
    REQUIRE(i < 6);
    CHECK(static_cast<double>(x) == want[i]);
    ++i;
  }
  CHECK(i == 6);
}

TEMPLATE_TEST_CASE("forward: sign and heaviside at ±0, NaN and ±inf", "[forward][aux][sign]", float, double) {
  constexpr auto ce_sign = ct::evaluate<TestType>(ct::sign(X), fX);
  static_assert(ce_sign[2] != ce_sign[2]);  // NaN stays NaN in constant evaluation too
  check_sign_specials(ce_sign, "evaluate (constant expression)");
  check_sign_specials(ct::evaluate<TestType>(ct::sign(X), fX), "evaluate (run time)");
  auto gs = ct::compile<TestType>(ct::sign(X));
  check_sign_specials(gs.eval(fX), "compile + eval");

  constexpr auto ce_h = ct::evaluate<TestType>(ct::heaviside(X), fX);
  check_heaviside_specials(ce_h, "evaluate (constant expression)");
  check_heaviside_specials(ct::evaluate<TestType>(ct::heaviside(X), fX), "evaluate (run time)");
  auto gh = ct::compile<TestType>(ct::heaviside(X));
  check_heaviside_specials(gh.eval(fX), "compile + eval");
}

TEMPLATE_TEST_CASE("forward: fill, zeros and ones next to leaves", "[forward][aux][fill]", float, double) {
  CHECK_FORWARD((A + ct::ones<sh<2, 3>>), ({1.5, -0.25, 3.0, 4.0, 0.25, 2.5}), fA);
  // 0 ⊙ A simplifies to the zeros node when built (A is then no part of the graph).
  STATIC_REQUIRE(ct::is_zero_v<decltype(A % ct::zeros<sh<2, 3>>)>);
  CHECK_FORWARD((A - ct::fill<sh<2>>(-2_c)), ({2.5, 0.75, 4.0, 5.0, 1.25, 3.5}), fA);
  CHECK_FORWARD((A % ct::fill<sh<2, 3>>(ct::scalar_c<1, 3>)),
                ({0.16666666666666666, -0.41666666666666663, 0.6666666666666666, 1.0, -0.25, 0.5}), fA);
  CHECK_FORWARD((ct::zeros<sh<2, 3>> + A), ({0.5, -1.25, 2.0, 3.0, -0.75, 1.5}), fA);
  CHECK_FORWARD((ct::sum(ct::fill<sh<2, 3>>(0.25_c)) * s), ({0.75}), fs);
}

// Graphs whose only nodes have no operands: no leaves to feed, nothing but op nodes in the IR.
template <class T, class E, std::size_t N>
void check_no_feeds(E e, const std::array<double, N>& want) {
  check_runtime<T>(e, want, abs_tol<T>);
}

TEMPLATE_TEST_CASE("forward: nodes without operands through evaluate and compile", "[forward][aux][fill]", float,
                   double) {
  using T = TestType;
  constexpr auto z = ct::zeros<sh<2, 3>>;
  constexpr auto o = ct::ones<sh<4>>;
  constexpr auto half = ct::fill<sh<>>(0.5_c);
  constexpr auto neg = ct::fill<sh<2>>(-2_c);

  // The IR: no atoms, one op node of arity 0.
  using G = ct::ir::graph<std::remove_const_t<decltype(z)>>;
  STATIC_REQUIRE(G::n_atoms == 0);
  STATIC_REQUIRE(G::size == 1);
  STATIC_REQUIRE(G::info[0].kind == ct::ir::node_kind::op);
  STATIC_REQUIRE(G::info[0].arity == 0);
  STATIC_REQUIRE(G::info[0].size == 6);
  STATIC_REQUIRE(ct::exec::program<G, T>::n_steps == 1);

  // Constant evaluation with no feeds at all.
  constexpr auto ce_z = ct::evaluate<T>(z);
  STATIC_REQUIRE(ce_z.size() == 6);
  STATIC_REQUIRE(ce_z[0] == T(0) && ce_z[5] == T(0));
  constexpr T ce_half = ct::evaluate<T>(half);
  STATIC_REQUIRE(ce_half == T(0.5));
  STATIC_REQUIRE(ct::evaluate<T>(ct::sum(o)) == T(4));
  STATIC_REQUIRE(ct::evaluate<T>(ct::sum(neg) + half) == T(-3.5));
  // Two fill nodes sharing one graph with a constant, and one node read twice.
  STATIC_REQUIRE(ct::evaluate<T>(ct::sum(o % o) * 2_c) == T(8));

  check_no_feeds<T>(z, std::array<double, 6>{0.0, 0.0, 0.0, 0.0, 0.0, 0.0});
  check_no_feeds<T>(o, std::array<double, 4>{1.0, 1.0, 1.0, 1.0});
  check_no_feeds<T>(half, std::array<double, 1>{0.5});
  check_no_feeds<T>(neg, std::array<double, 2>{-2.0, -2.0});
  check_no_feeds<T>(ct::outer(neg, o), std::array<double, 8>{-2.0, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0, -2.0});
  check_no_feeds<T>(ct::sum(neg) + half, std::array<double, 1>{-3.5});

  // A compiled graph evaluated twice (the fill node runs again: its buffer may have been reused).
  auto g = ct::compile<T>(ct::sum(ct::expand_axis<1, 3>(o) % ct::ones<sh<4, 3>>));
  CHECK(g.eval() == near<T>(12.0));
  CHECK(g.eval() == near<T>(12.0));

  // Several outputs, one of them a fill node, next to a bound leaf.
  auto g2 = ct::compile<T>(A + ct::ones<sh<2, 3>>, ct::ones<sh<2, 3>>);
  auto r1 = g2.eval(fA);
  check_values<T>(r1, std::array<double, 6>{1.5, -0.25, 3.0, 4.0, 0.25, 2.5}, "compile, first output");
  check_values<T>(g2.result(ct::ones<sh<2, 3>>), std::array<double, 6>{1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
                  "compile, second output");
}

TEST_CASE("print: the auxiliary ops", "[print][aux]") {
  CHECK(ct::to_string(ct::sum_to<sh<2>>(A)) == "sum_to<2>(A)");
  CHECK(ct::to_string(ct::sum_to<sh<>>(A + b)) == "sum_to<>(A + b)");
  CHECK(ct::to_string(ct::broadcast_to<sh<2, 3>>(b)) == "broadcast_to<2, 3>(b)");
  CHECK(ct::to_string(ct::expand_axis<1, 4>(v)) == "expand_axis<1, 4>(v)");
  CHECK(ct::to_string(ct::outer(v, b)) == "v ⊗ b");
  CHECK(ct::to_string(ct::outer(v + v, b)) == "(v + v) ⊗ b");
  CHECK(ct::to_string(M - ct::outer(v, b)) == "M - v ⊗ b");
  CHECK(ct::to_string(ct::sign(A)) == "sign(A)");
  CHECK(ct::to_string(ct::heaviside(A - c)) == "heaviside(A - c)");
  CHECK(ct::to_string(ct::zeros<sh<2, 3>>) == "zeros(2, 3)");
  CHECK(ct::to_string(ct::ones<sh<4>>) == "ones(4)");
  CHECK(ct::to_string(ct::fill<sh<2>>(0.5_c)) == "fill(2; 0.5)");
  CHECK(ct::to_string(ct::fill<sh<2, 3>>(-2_c)) == "fill(2, 3; -2)");
  CHECK(ct::to_string(ct::zeros<sh<>>) == "0");
  CHECK(ct::to_string(ct::ones<sh<>>) == "1");
  CHECK(ct::to_string(A % ct::fill<sh<>>(-2_c)) == "-2·A");  // a known scale is written first
}

}  // namespace forward_aux_test

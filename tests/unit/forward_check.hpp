// tests/unit/forward_check.hpp: shared by forward.cpp and forward_unary.cpp: the three-way forward
// check (constant evaluation, run-time evaluate(), compiled graph), the leaves and their data.
#ifndef CTGRAD_TESTS_UNIT_FORWARD_CHECK_HPP
#define CTGRAD_TESTS_UNIT_FORWARD_CHECK_HPP

#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>

// A named namespace, not an anonymous one: clang warns about the unused `name` member of a
// CTGRAD_LET handle with internal linkage (-Wunused-const-variable), and names must not clash with
// other test files of the same executable.
namespace forward_test {

namespace ct = ctgrad;
using namespace ct::literals;

// ---------------------------------------------------------------------------------------------
// Comparison. References are Python doubles printed with repr(); float results are compared to
// 1e-5 relative, double results to 1e-12. The absolute margins only matter for references of 0.

template <class T>
constexpr double rel_tol = std::is_same_v<T, float> ? 1e-5 : 1e-12;
template <class T>
constexpr double abs_tol = std::is_same_v<T, float> ? 1e-7 : 1e-13;

template <class T>
Approx near(double want) {
  return Approx(want).epsilon(rel_tol<T>).margin(abs_tol<T>);
}

// `got` is a scalar T, a std::array<T, N> (evaluate) or an xtensor view (compiled graph).
// `margin` widens the absolute tolerance where the evaluation itself is ill-conditioned.
template <class T, class Got, std::size_t N>
void check_values(const Got& got, const std::array<double, N>& want, const char* path, double margin = abs_tol<T>) {
  INFO("path: " << path);
  if constexpr (std::is_arithmetic_v<Got>) {
    static_assert(N == 1, "a scalar result needs one reference value");
    static_assert(std::is_same_v<Got, T>);
    CHECK(got == near<T>(want[0]).margin(margin));
  } else {
    REQUIRE(static_cast<std::size_t>(got.size()) == N);
    std::size_t i = 0;
    for (auto v : got) {
      static_assert(std::is_same_v<std::decay_t<decltype(v)>, T>);
      INFO("element " << i);
      CHECK(v == near<T>(want[i]).margin(margin));
      ++i;
    }
  }
}

// Run-time evaluate() and a compiled graph (whose result view must have the expression's shape).
template <class T, class E, std::size_t N, class... Feeds>
void check_runtime(E e, const std::array<double, N>& want, double margin, const Feeds&... feeds) {
  using S = ct::shape_of_t<E>;
  static_assert(S::size == N, "reference has the wrong number of values");
  check_values<T>(ct::evaluate<T>(e, feeds...), want, "evaluate (run time)", margin);
  auto g = ct::compile<T>(e);
  auto r = g.eval(feeds...);
  if constexpr (S::rank > 0) {
    REQUIRE(r.shape().size() == S::rank);
    for (std::size_t d = 0; d < S::rank; ++d) CHECK(r.shape()[d] == S::dims[d]);
  }
  check_values<T>(r, want, "compile + eval", margin);
}

#define CTGRAD_TEST_UNPAREN(...) __VA_ARGS__

// Checks `expr` three ways: evaluate() in a constant expression, evaluate() at run time, and
// compile()+eval(). `want` is a parenthesised braced list of doubles (row-major): ({1.0, 2.0}).
// CHECK_FORWARD_MARGIN takes the absolute tolerance explicitly.
#define CHECK_FORWARD_MARGIN(expr, want, margin, ...)                                     \
  do {                                                                                    \
    INFO("expression: " #expr);                                                           \
    constexpr auto e_ = (expr);                                                           \
    constexpr std::array want_ = std::array CTGRAD_TEST_UNPAREN want;                     \
    constexpr auto ce_ = ct::evaluate<TestType>(e_, __VA_ARGS__);                         \
    check_values<TestType>(ce_, want_, "evaluate (constant expression)", margin);         \
    check_runtime<TestType>(e_, want_, margin, __VA_ARGS__);                              \
  } while (false)
#define CHECK_FORWARD(expr, want, ...) CHECK_FORWARD_MARGIN(expr, want, abs_tol<TestType>, __VA_ARGS__)

// ---------------------------------------------------------------------------------------------
// Leaves and their data. Inputs are exact binary fractions, so only the op under test rounds.

constexpr auto A = ct::input<"A", 2, 3>;
constexpr auto B = ct::input<"B", 2, 3>;
constexpr auto P = ct::param<"P", 2, 3>;  // positive entries (log, sqrt, fractional powers)
constexpr auto b = ct::param<"b", 2>;     // a bias: one value per row, repeated over the batch
constexpr auto r = ct::input<"r", 1, 3>;  // a row: size-1 first axis
constexpr auto c = ct::input<"c", 2, 1>;  // a column: size-1 last axis
constexpr auto M = ct::param<"M", 3, 2>;
constexpr auto v = ct::input<"v", 3>;
constexpr auto s = ct::input<"s">;  // a rank-0 leaf
constexpr auto T3 = ct::input<"T", 2, 3, 4>;
constexpr auto Z = ct::input<"Z", 3, 3>;  // extreme logits
constexpr auto u = ct::input<"u", 5>;

constexpr auto fA = ct::feed(A, std::array<double, 6>{0.5, -1.25, 2.0, 3.0, -0.75, 1.5});
constexpr auto fB = ct::feed(B, std::array<double, 6>{1.5, 0.25, -2.0, 0.5, 4.0, -1.0});
constexpr auto fP = ct::feed(P, std::array<double, 6>{0.25, 1.5, 2.0, 4.0, 0.5, 3.0});
constexpr auto fb = ct::feed(b, std::array<double, 2>{0.5, -1.0});
constexpr auto fr = ct::feed(r, std::array<double, 3>{1.0, -2.0, 0.5});
constexpr auto fc = ct::feed(c, std::array<double, 2>{2.0, -1.0});
constexpr auto fM = ct::feed(M, std::array<double, 6>{1.0, -0.5, 2.0, 0.25, -1.5, 3.0});
constexpr auto fv = ct::feed(v, std::array<double, 3>{2.0, -1.0, 0.5});
constexpr auto fs = ct::feed(s, 0.5);
// T[i][j][k] = (12i + 4j + k)/4 - 2, plus 1/8 where i + j + k is odd.
constexpr auto fT = ct::feed(T3, std::array<double, 24>{-2.0, -1.625, -1.5, -1.125, -0.875, -0.75, -0.375, -0.25,
                                                       0.0,  0.375,  0.5,  0.875,  1.125,  1.25,  1.625, 1.75,
                                                       2.0,  2.375,  2.5,  2.875,  3.125,  3.25,  3.625, 3.75});
// Columns (samples): [1000, 999, 1000], [-1000, -1000, 1000], [0, 0.5, -0.5].
constexpr auto fZ = ct::feed(Z, std::array<double, 9>{1000.0, -1000.0, 0.0, 999.0, -1000.0, 0.5, 1000.0, 1000.0, -0.5});
constexpr auto fu = ct::feed(u, std::array<double, 5>{1000.0, -1000.0, 0.0, 40.0, -40.0});

}  // namespace forward_test

#endif

// tests/unit/binding.cpp: run-time binding of compiled graphs: shape and size errors, unbound leaves,
// rebinding, persistence of parameters, and the shapes of result views.
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <xtensor/xarray.hpp>
#include <xtensor/xfixed.hpp>
#include <xtensor/xtensor.hpp>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace binding_test {

namespace ct = ctgrad;
using namespace ct::literals;
using Catch::Contains;

// out = W1·x + b1 with x of 3 features x batch 2; two more outputs of rank 0 and rank 1.
constexpr auto x = ct::input<"x", 3, 2>;
constexpr auto W1 = ct::param<"W1", 2, 3>;
constexpr auto b1 = ct::param<"b1", 2>;
constexpr auto out = W1 * x + b1;
constexpr auto total = ct::sum(out);
constexpr auto rows = ct::sum<1>(out);

template <class T>
auto make_graph() {
  return ct::compile<T>(out, total, rows);
}

// References (Python): W1 = [[1,2,3],[4,5,6]], b1 = [0.5,-0.5], x1 = [[1,0],[0,1],[1,1]],
// x2 = [[2,1],[-1,0],[0.5,3]]; W1b = [[0,1,0],[1,0,-1]].
//   W1·x1 + b1  = [[4.5, 5.5], [9.5, 10.5]],   sum 30,   row sums [10, 20]
//   W1·x2 + b1  = [[2, 10.5], [5.5, 21.5]],    sum 39.5, row sums [12.5, 27]
//   W1b·x1 + b1 = [[0.5, 1.5], [-0.5, -1.5]],  sum 0,    row sums [2, -2]
//   W1b·x2 + b1 = [[-0.5, 0.5], [1, -2.5]],    sum -1.5, row sums [0, -1.5]
const std::vector<double> W1_values{1, 2, 3, 4, 5, 6};
const std::vector<double> W1b_values{0, 1, 0, 1, 0, -1};
const std::vector<double> b1_values{0.5, -0.5};
const std::vector<double> x1_values{1, 0, 0, 1, 1, 1};
const std::vector<double> x2_values{2, 1, -1, 0, 0.5, 3};

template <class View>
std::vector<double> flat(const View& v) {
  std::vector<double> r;
  for (auto e : v) r.push_back(static_cast<double>(e));
  return r;
}

// Values in these tests are small dyadic numbers: every path computes them exactly.
template <class View>
void check_exact(const View& v, const std::vector<double>& want) {
  CHECK(flat(v) == want);
}

// ---------------------------------------------------------------------------------------------

TEMPLATE_TEST_CASE("bind: an xarray of the wrong shape throws naming the leaf and both shapes", "[bind]", float,
                   double) {
  using T = TestType;
  auto g = make_graph<T>();
  const xt::xarray<T> transposed{{1, 2}, {3, 4}, {5, 6}};
  REQUIRE_THROWS_AS(g.bind(W1, transposed), std::invalid_argument);
  REQUIRE_THROWS_WITH(g.bind(W1, transposed),
                      Contains("W1") && Contains("expected") && Contains("(2, 3)") && Contains("(3, 2)"));

  // Same size, wrong rank.
  const xt::xarray<T> flat6{1, 2, 3, 4, 5, 6};
  REQUIRE_THROWS_AS(g.bind(W1, flat6), std::invalid_argument);
  REQUIRE_THROWS_WITH(g.bind(W1, flat6), Contains("W1") && Contains("(2, 3)") && Contains("(6,)"));

  // A vector leaf, and a container of fixed rank but run-time extents.
  REQUIRE_THROWS_WITH(g.bind(b1, xt::xarray<T>{1, 2, 3}), Contains("b1") && Contains("(2,)") && Contains("(3,)"));
  const xt::xtensor<T, 2> wide = xt::zeros<T>({2, 4});
  REQUIRE_THROWS_WITH(g.bind(W1, wide), Contains("W1") && Contains("(2, 3)") && Contains("(2, 4)"));

  // An input fed at eval() is checked the same way.
  const xt::xarray<T> x_wrong = xt::zeros<T>({2, 3});
  g.bind(W1, W1_values).bind(b1, b1_values);
  REQUIRE_THROWS_AS(g.eval(ct::feed(x, x_wrong)), std::invalid_argument);
  REQUIRE_THROWS_WITH(g.eval(ct::feed(x, x_wrong)), Contains("x") && Contains("(3, 2)") && Contains("(2, 3)"));
}

TEMPLATE_TEST_CASE("bind: a std::vector of the wrong size throws with the expected and actual counts", "[bind]",
                   float, double) {
  using T = TestType;
  auto g = make_graph<T>();
  const std::vector<T> five{1, 2, 3, 4, 5};
  REQUIRE_THROWS_AS(g.bind(W1, five), std::invalid_argument);
  REQUIRE_THROWS_WITH(g.bind(W1, five), Contains("W1") && Contains("expected 6") && Contains("got 5"));
  REQUIRE_THROWS_WITH(g.bind(b1, std::vector<T>{}), Contains("b1") && Contains("expected 2") && Contains("got 0"));
  g.bind(W1, W1_values).bind(b1, b1_values);
  REQUIRE_THROWS_WITH(g.eval(ct::feed(x, std::vector<T>(7))),
                      Contains("x") && Contains("expected 6") && Contains("got 7"));
}

namespace {
// True when f() throws std::logic_error itself (std::invalid_argument, a binding error, derives from
// it and must not count), with a message containing `text`.
template <class F>
bool throws_logic_error_naming(F f, const std::string& text) {
  try {
    f();
  } catch (const std::invalid_argument&) {
    return false;
  } catch (const std::logic_error& e) {
    return std::string(e.what()).find(text) != std::string::npos;
  }
  return false;
}
}  // namespace

TEMPLATE_TEST_CASE("eval: a leaf with no value throws std::logic_error naming it", "[bind]", float, double) {
  using T = TestType;
  {
    auto g = make_graph<T>();
    g.bind(W1, W1_values);
    CHECK(throws_logic_error_naming([&] { g.eval(ct::feed(x, x1_values)); }, "b1"));
  }
  {
    auto g = make_graph<T>();
    g.bind(W1, W1_values).bind(b1, b1_values);
    CHECK(throws_logic_error_naming([&] { g.eval(); }, "x"));
  }
  {
    // A failed bind leaves the leaf unbound.
    auto g = make_graph<T>();
    g.bind(W1, W1_values);
    CHECK_THROWS_AS(g.bind(b1, std::vector<T>{1, 2, 3}), std::invalid_argument);
    CHECK(throws_logic_error_naming([&] { g.eval(ct::feed(x, x1_values)); }, "b1"));
  }
}

TEMPLATE_TEST_CASE("bind: a failed bind keeps the previous values", "[bind]", float, double) {
  using T = TestType;
  auto g = make_graph<T>();
  g.bind(W1, W1_values).bind(b1, b1_values);
  CHECK_THROWS_AS(g.bind(W1, xt::xarray<T>{{9, 9}, {9, 9}, {9, 9}}), std::invalid_argument);
  CHECK_THROWS_AS(g.bind(W1, std::vector<T>(5, T(9))), std::invalid_argument);
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
}

TEMPLATE_TEST_CASE("bind: rebinding a parameter replaces its values", "[bind]", float, double) {
  using T = TestType;
  auto g = make_graph<T>();
  g.bind(W1, xt::xarray<T>{{1, 2, 3}, {4, 5, 6}}).bind(b1, b1_values);
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
  g.bind(W1, xt::xarray<T>{{0, 1, 0}, {1, 0, -1}});
  check_exact(g.eval(ct::feed(x, x1_values)), {0.5, 1.5, -0.5, -1.5});
  CHECK(g.result(total) == T(0));
  // Every accepted container type rebinds the same way.
  g.bind(W1, std::array<double, 6>{1, 2, 3, 4, 5, 6});
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
  g.bind(W1, xt::xtensor_fixed<T, xt::xshape<2, 3>>{{0, 1, 0}, {1, 0, -1}});
  check_exact(g.eval(ct::feed(x, x1_values)), {0.5, 1.5, -0.5, -1.5});
  g.bind(W1, xt::xtensor<double, 2>{{1, 2, 3}, {4, 5, 6}});  // converted to T
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
}

TEMPLATE_TEST_CASE("bind: a bound parameter persists across evals with different inputs", "[bind]", float,
                   double) {
  using T = TestType;
  auto g = make_graph<T>();
  g.bind(W1, W1_values).bind(b1, b1_values);
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
  check_exact(g.eval(ct::feed(x, xt::xarray<T>{{2, 1}, {-1, 0}, {0.5, 3}})), {2, 10.5, 5.5, 21.5});
  CHECK(g.result(total) == T(39.5));
  check_exact(g.eval(ct::feed(x, x1_values)), {4.5, 5.5, 9.5, 10.5});
  // An input, once fed, also stays until it is fed again.
  check_exact(g.eval(), {4.5, 5.5, 9.5, 10.5});
  g.bind(W1, W1b_values);
  check_exact(g.eval(ct::feed(x, x2_values)), {-0.5, 0.5, 1, -2.5});
}

TEMPLATE_TEST_CASE("eval: results are views of the outputs' shapes into the arena", "[bind]", float, double) {
  using T = TestType;
  auto g = make_graph<T>();
  g.bind(W1, W1_values).bind(b1, b1_values);

  auto o = g.eval(ct::feed(x, x1_values));
  REQUIRE(o.dimension() == 2);
  CHECK(o.shape()[0] == 2);
  CHECK(o.shape()[1] == 2);
  CHECK(o(1, 0) == T(9.5));  // row-major: row 1 (second feature), column 0 (first sample)
  CHECK(o(0, 1) == T(5.5));

  // A scalar output is returned as T, not as a view.
  STATIC_REQUIRE(std::is_same_v<decltype(g.result(total)), T>);
  CHECK(g.result(total) == T(30));
  auto r = g.result(rows);
  REQUIRE(r.dimension() == 1);
  CHECK(r.shape()[0] == 2);
  check_exact(r, {10, 20});

  // A graph whose first output is a scalar returns it from eval().
  auto gs = ct::compile<T>(total);
  gs.bind(W1, W1_values).bind(b1, b1_values);
  STATIC_REQUIRE(std::is_same_v<decltype(gs.eval(ct::feed(x, x1_values))), T>);
  CHECK(gs.eval(ct::feed(x, x1_values)) == T(30));

  // Views alias the arena: the next evaluation updates them in place.
  g.eval(ct::feed(x, x2_values));
  check_exact(o, {2, 10.5, 5.5, 21.5});
  check_exact(r, {12.5, 27});

  // The arena size is a compile-time constant.
  STATIC_REQUIRE(decltype(g)::arena_size > 0);
}

}  // namespace binding_test

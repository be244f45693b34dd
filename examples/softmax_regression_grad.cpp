// examples/softmax_regression_grad.cpp: the gradient of softmax regression, seed case S02.
//
//   ŷ = softmax(W·x + b),   ℓ = −Σᵢ yᵢ log ŷᵢ        (W: 3 classes × 4 features, y one-hot)
//
// The seed derives ∂ℓ/∂b = ŷ − y and ∂ℓ/∂W = (ŷ − y)·xᵀ. That short form needs Σy = 1 (seed S37):
// declaring y a `distribution` puts the precondition in its type (and checks it when y is fed), and
// then ct::grad derives exactly that formula, printed below as an outer product.
#include <ctgrad/ctgrad.hpp>

#include <array>
#include <cstddef>
#include <cstdio>
#include <string>
#include <type_traits>

namespace ct = ctgrad;
using namespace ct::literals;

constexpr auto W = ct::param<"W", 3, 4>;
constexpr auto b = ct::param<"b", 3>;
constexpr auto x = ct::input<"x", 4>;  // one sample, a column of 4 features
constexpr auto y = ct::distribution<"y", 3>;  // its one-hot label: a distribution over 3 classes

constexpr auto y_hat = ct::softmax(W * x + b);
constexpr auto loss = -ct::sum(y % ct::log(y_hat));  // built as −Σ y ⊙ log_softmax(W·x + b): stable
constexpr auto g = ct::grad(loss, W, b);  // g[W]: 3 × 4, g[b]: 3; expressions, not numbers
static_assert(ct::shape_of(g[W]) == ct::shape<3, 4>{} && ct::shape_of(g[b]) == ct::shape<3>{});
// The gradients ARE the seed's formulas, as types: ŷ − y and (ŷ − y) ⊗ x.
static_assert(std::is_same_v<ct::definition_t<decltype(g[b])>, decltype(y_hat - y)>);
static_assert(std::is_same_v<ct::definition_t<decltype(g[W])>, decltype(ct::outer(y_hat - y, x))>);

// The inputs of S02 (row-major).
constexpr std::array<double, 12> W_val{0.1, -0.2, 0.3, 0.0,   //
                                       0.5, 0.1, -0.4, 0.2,   //
                                       -0.3, 0.2, 0.1, 0.4};
constexpr std::array<double, 3> b_val{0.1, -0.1, 0.0};
constexpr std::array<double, 4> x_val{1.0, 2.0, -1.0, 0.5};
constexpr std::array<double, 3> y_val{0.0, 1.0, 0.0};

// Small graphs also evaluate at compile time: the seed's ∂ℓ/∂b = ŷ − y, checked by the compiler.
constexpr auto at_S02 = [](auto expr) {
  return ct::evaluate<double>(expr, ct::feed(W, W_val), ct::feed(b, b_val), ct::feed(x, x_val), ct::feed(y, y_val));
};
constexpr bool close_to(double u, double v, double tol) { return u - v < tol && v - u < tol; }
constexpr bool dl_db_is_y_hat_minus_y = [] {
  const auto db = at_S02(g[b]);
  const auto p = at_S02(y_hat);
  for (std::size_t i = 0; i < 3; ++i)
    if (!close_to(db[i], p[i] - y_val[i], 1e-12)) return false;
  return true;
}();
static_assert(dl_db_is_y_hat_minus_y, "S02: dl/db = softmax(W·x + b) - y");
static_assert(close_to(at_S02(loss), 0.475281, 1e-6), "S02: loss = 0.475281 (catalogue)");

// "[v(0), v(1), ..., v(n-1)]" with printf's %g (6 significant digits).
template <class At>
std::string list(std::size_t n, At v) {
  std::string s = "[";
  for (std::size_t i = 0; i < n; ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%g", i == 0 ? "" : ", ", static_cast<double>(v(i)));
    s += buf;
  }
  return s + "]";
}

int main() {
  // At run time: plan the loss and both gradients as one graph (shared nodes computed once), bind
  // the parameters, feed the sample.
  auto net = ct::compile<double>(loss, g[W], g[b]);
  net.bind(W, W_val).bind(b, b_val);
  const double l = net.eval(ct::feed(x, x_val), ct::feed(y, y_val));
  const auto dW = net.result(g[W]);  // views into the graph's arena
  const auto db = net.result(g[b]);

  std::printf("S02 loss = %g\n", l);
  std::printf("S02 dl/db = %s\n", list(3, [&](std::size_t i) { return db(i); }).c_str());
  for (std::size_t i = 0; i < 3; ++i)  // row i of (ŷ - y)·xᵀ
    std::printf("S02 dl/dW row %zu = %s\n", i, list(4, [&](std::size_t j) { return dW(i, j); }).c_str());
  std::printf("S02 symbolic dl/dW = %s\n", ct::to_string(g[W]).c_str());
  std::printf("S02 symbolic dl/db = %s\n", ct::to_string(g[b]).c_str());
}

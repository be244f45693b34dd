// tests/static/grad.cpp: grad() in constant expressions: seed S04's partial derivatives, gradient
// shapes of an MLP, and the structural zero of a leaf the loss does not use.
// Expected values: ../shared/seed-cases.md (S04), closed forms re-checked with python3 (math module,
// double precision) and against central differences of f.
#include <ctgrad/autodiff/grad.hpp>
#include <ctgrad/exec/evaluate.hpp>
#include <ctgrad/exec/feed.hpp>
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/expr/let.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/fill.hpp>
#include <ctgrad/ops/log_softmax.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/square.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/tanh.hpp>

#include <type_traits>

// Named, not anonymous: see shapes.cpp (CTGRAD_LET handles and clang's -Wunused-const-variable).
namespace ctgrad_static_grad {

namespace ct = ctgrad;
using namespace ct::literals;

constexpr bool close(double got, double want, double tol) {
  return (got > want ? got - want : want - got) <= tol;
}
// Catalogue decimals carry 6 significant digits; the python3 closed forms are compared to 1e-12.
constexpr double tol6 = 1e-6;
constexpr double tol12 = 1e-12;

// ---- S04: f(x, y) = m / n, m = x^2 + sigmoid(y), n = 3x + y - sigmoid(x), at (x, y) = (1, 0).
// x feeds both m and n, so its adjoint is the sum of two paths.
// df/dx = (3 + 5e - e^2) / (2 (3 + 2e)^2), df/dy = -(1 + e)(3 + 4e) / (4 (3 + 2e)^2).
constexpr auto x = ct::input<"x">;
constexpr auto y = ct::input<"y">;
constexpr auto f_plain = (ct::square(x) + ct::sigmoid(y)) / (3_c * x + y - ct::sigmoid(x));
CTGRAD_LET(m, ct::square(x) + ct::sigmoid(y));
CTGRAD_LET(n, 3_c * x + y - ct::sigmoid(x));
constexpr auto f_let = m / n;

template <class E>
constexpr double at(E e, double xv, double yv) {
  return ct::evaluate<double>(e, ct::feed(x, xv), ct::feed(y, yv));
}

constexpr auto g_plain = ct::grad(f_plain, x, y);
constexpr auto g_let = ct::grad(f_let, x, y);

static_assert(close(at(g_plain[x], 1, 0), 0.0646454, tol6));
static_assert(close(at(g_plain[y], 1, 0), -0.181186, tol6));
static_assert(close(at(g_plain[x], 1, 0), 0.06464541376552302, tol12));   // python3 closed form
static_assert(close(at(g_plain[y], 1, 0), -0.18118636373299435, tol12));  // python3 closed form
static_assert(close(at(g_let[x], 1, 0), 0.0646454, tol6));
static_assert(close(at(g_let[y], 1, 0), -0.181186, tol6));
static_assert(close(at(g_let[x], 1, 0), 0.06464541376552302, tol12));
static_assert(close(at(g_let[y], 1, 0), -0.18118636373299435, tol12));
// Another point, (x, y) = (2, -1): python3 quotient rule with sigma' = sigma (1 - sigma).
static_assert(close(at(g_plain[x], 2, -1), 0.24270624064911384, tol12));
static_assert(close(at(g_plain[y], 2, -1), -0.20385968143408015, tol12));
static_assert(close(at(g_let[x], 2, -1), 0.24270624064911384, tol12));
static_assert(close(at(g_let[y], 2, -1), -0.20385968143408015, tol12));
// The partials are scalars.
static_assert(std::is_same_v<ct::shape_of_t<decltype(g_plain[x])>, ct::shape<>>);
static_assert(std::is_same_v<ct::shape_of_t<decltype(g_let[y])>, ct::shape<>>);

// ---- An MLP: every gradient has its leaf's shape.
constexpr auto mx = ct::input<"mx", 5, 3>;
constexpr auto my = ct::input<"my", 4, 3>;
constexpr auto W1 = ct::param<"W1", 6, 5>;
constexpr auto b1 = ct::param<"b1", 6>;
constexpr auto W2 = ct::param<"W2", 4, 6>;
constexpr auto b2 = ct::param<"b2", 4>;
CTGRAD_LET(h, ct::tanh(W1 * mx + b1));
CTGRAD_LET(logp, ct::log_softmax(W2 * h + b2));
constexpr auto loss = -ct::sum(my % logp);
constexpr auto gm = ct::grad(loss, W1, b1, W2, b2, mx, my);

template <class G, class L>
constexpr bool has_leaf_shape(G g, L leaf) {
  return std::is_same_v<ct::shape_of_t<decltype(g[leaf])>, ct::shape_of_t<L>>;
}
static_assert(has_leaf_shape(gm, W1) && has_leaf_shape(gm, b1) && has_leaf_shape(gm, W2) &&
              has_leaf_shape(gm, b2) && has_leaf_shape(gm, mx) && has_leaf_shape(gm, my));
static_assert(std::is_same_v<ct::shape_of_t<decltype(gm[W1])>, ct::shape<6, 5>>);
static_assert(std::is_same_v<ct::shape_of_t<decltype(gm[b1])>, ct::shape<6>>);
static_assert(std::is_same_v<ct::shape_of_t<decltype(gm[W2])>, ct::shape<4, 6>>);
static_assert(std::is_same_v<ct::shape_of_t<decltype(gm[b2])>, ct::shape<4>>);
static_assert(!ct::is_zero_v<decltype(gm[W1])> && !ct::is_zero_v<decltype(gm[b2])>);

// ---- A leaf the loss does not use: zeros of its shape, recognised from the type.
constexpr auto unused = ct::param<"unused", 3, 2>;
constexpr auto gu = ct::grad(f_plain, x, unused);
static_assert(ct::is_zero_v<decltype(gu[unused])>);
static_assert(std::is_same_v<ct::shape_of_t<decltype(gu[unused])>, ct::shape<3, 2>>);
static_assert(!ct::is_zero_v<decltype(gu[x])>);
static_assert(ct::is_zero_v<decltype(ct::grad(loss, W1, unused)[unused])>);

}  // namespace ctgrad_static_grad

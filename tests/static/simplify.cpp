// tests/static/simplify.cpp: nodes are simplified when they are built, so the TYPE of an expression
// (and of a gradient) is already its simplified form: one static_assert per rewrite rule (constant
// folding, 0·x, 1·x, x + 0, −(−x), (Aᵀ)ᵀ, log(softmax), exp(log_softmax)), and the gradient types of
// the fused losses: seed S25 (sigmoid + BCE → σ(a) − y) and seed S02 (softmax regression → ŷ − y,
// (ŷ − y)·xᵀ), the short forms only for a `distribution` target (S37: not for any other target).
// Seed S04's partial derivatives in constant expressions are in grad.cpp.
#include <ctgrad/ctgrad.hpp>

#include <type_traits>

// Named, not anonymous: see shapes.cpp (clang's -Wunused-const-variable).
namespace ctgrad_static_simplify {

namespace ct = ctgrad;
using namespace ct::literals;

template <class A, class B>
inline constexpr bool same = std::is_same_v<std::remove_cvref_t<A>, std::remove_cvref_t<B>>;
/// The expression a gradient handle `g[x]` (printed "∂x") names.
template <class G>
using def = ct::definition_t<G>;

using S34 = ct::shape<3, 4>;
constexpr auto X = ct::input<"X", 3, 4>;
constexpr auto Y = ct::input<"Y", 3, 4>;
constexpr auto W = ct::param<"W", 3, 4>;
constexpr auto s = ct::input<"s">;
constexpr auto v = ct::input<"v", 3>;

// ---- Constant folding: of constants, of fills, and through the reductions.
static_assert(same<decltype(2_c + 3_c), decltype(5_c)>);
static_assert(same<decltype(2_c * 3_c), decltype(6_c)>);
static_assert(same<decltype(7_c - 3_c), decltype(4_c)>);
static_assert(same<decltype(3_c / 4_c), decltype(0.75_c)>);
static_assert(same<decltype(-(2_c)), decltype(0_c - 2_c)>);
static_assert(same<decltype(ct::sum(ct::ones<S34>)), decltype(12_c)>);
static_assert(same<decltype(ct::sum(ct::fill<S34>(0.5_c))), decltype(6_c)>);
static_assert(same<decltype(ct::sum<1>(ct::ones<S34>)), decltype(ct::fill<ct::shape<3>>(4_c))>);
static_assert(same<decltype(ct::ones<S34> + ct::ones<S34>), decltype(ct::fill<S34>(2_c))>);
static_assert(same<decltype(ct::transpose(ct::ones<S34>)), decltype(ct::ones<ct::shape<4, 3>>)>);
// Not folded: a leaf is not a known value.
static_assert(!same<decltype(ct::sum(X)), decltype(12_c)>);

// ---- 0·x → 0 (a zero fill of the broadcast shape for a tensor, the constant 0 for a scalar).
static_assert(same<decltype(0_c * X), decltype(ct::zeros<S34>)>);
static_assert(same<decltype(X * 0_c), decltype(ct::zeros<S34>)>);
static_assert(same<decltype(ct::zeros<S34> % X), decltype(ct::zeros<S34>)>);
static_assert(same<decltype(0_c * s), decltype(0_c)>);
static_assert(ct::is_zero_v<decltype(0_c * X)>);
static_assert(ct::is_zero_v<decltype(0_c * ct::tanh(X))>);
static_assert(ct::is_zero_v<decltype(2_c * (0_c * X))>);  // 0·x is zeros, and c·zeros folds
static_assert(ct::is_zero_v<decltype(ct::zeros<ct::shape<3>> % v)>);
static_assert(!ct::is_zero_v<decltype(1_c * X)> && !ct::is_zero_v<decltype(2_c * X)>);

// ---- 1·x → x, (−1)·x → −x, c1·(c2·x) → (c1c2)·x, and a known tensor factor becomes a scalar one.
static_assert(same<decltype(1_c * X), decltype(X)>);
static_assert(same<decltype(X * 1_c), decltype(X)>);
static_assert(same<decltype(ct::ones<S34> % X), decltype(X)>);
static_assert(same<decltype(1_c * s), decltype(s)>);
static_assert(same<decltype((-1_c) * X), decltype(-X)>);
static_assert(same<decltype(2_c * (3_c * X)), decltype(6_c * X)>);
static_assert(same<decltype((X * 3_c) * 2_c), decltype(6_c * X)>);
static_assert(same<decltype(0.5_c * (2_c * X)), decltype(X)>);
static_assert(same<decltype(ct::fill<S34>(2_c) % X), decltype(2_c * X)>);
static_assert(!same<decltype(2_c * X), decltype(X)>);

// ---- x + 0 → x, 0 + x → x, x − 0 → x, 0 − x → −x (only where the shape does not change).
static_assert(same<decltype(X + ct::zeros<S34>), decltype(X)>);
static_assert(same<decltype(ct::zeros<S34> + X), decltype(X)>);
static_assert(same<decltype(X + 0_c), decltype(X)>);
static_assert(same<decltype(X - ct::zeros<S34>), decltype(X)>);
static_assert(same<decltype(ct::zeros<S34> - X), decltype(-X)>);
static_assert(same<decltype(s + 0_c), decltype(s)>);
// A zero that broadcasts x to a larger shape is not dropped: the result keeps the larger shape.
static_assert(ct::shape_of(v + ct::zeros<S34>) == S34{});
static_assert(!same<decltype(v + ct::zeros<S34>), decltype(v)>);

// ---- −(−x) → x, and the sign rules around it.
static_assert(same<decltype(-(-X)), decltype(X)>);
static_assert(same<decltype(-(-(-X))), decltype(-X)>);
static_assert(same<decltype(-(X - Y)), decltype(Y - X)>);
static_assert(same<decltype(X + (-Y)), decltype(X - Y)>);
static_assert(same<decltype((-X) + Y), decltype(Y - X)>);
static_assert(same<decltype(X - (-Y)), decltype(X + Y)>);

// ---- (Aᵀ)ᵀ → A.
static_assert(same<decltype(ct::transpose(ct::transpose(W))), decltype(W)>);
static_assert(same<decltype(ct::transpose(ct::transpose(W % X))), decltype(W % X)>);
static_assert(!same<decltype(ct::transpose(W)), decltype(W)>);

// ---- log(softmax(z)) → log_softmax(z), exp(log_softmax(z)) → softmax(z), along the same axis.
static_assert(same<decltype(ct::log(ct::softmax(X))), decltype(ct::log_softmax(X))>);
static_assert(same<decltype(ct::log(ct::softmax<1>(X))), decltype(ct::log_softmax<1>(X))>);
static_assert(same<decltype(ct::log(ct::softmax(v))), decltype(ct::log_softmax(v))>);
static_assert(same<decltype(ct::exp(ct::log_softmax(X))), decltype(ct::softmax(X))>);
static_assert(same<decltype(ct::exp(ct::log_softmax<1>(X))), decltype(ct::softmax<1>(X))>);
static_assert(!same<decltype(ct::log(ct::softmax<1>(X))), decltype(ct::log_softmax<0>(X))>);
static_assert(!same<decltype(ct::log(ct::exp(X))), decltype(X)>);  // not a rule (log∘exp of a leaf)

// ---- The fused losses are what cross_entropy and bce build, and only from softmax / sigmoid.
constexpr auto yd = ct::distribution<"yd", 3>;
constexpr auto yv = ct::input<"yv", 3>;
static_assert(same<decltype(ct::cross_entropy(ct::softmax(v), yv)), decltype(ct::softmax_cross_entropy(v, yv))>);
static_assert(same<decltype(ct::cross_entropy(ct::softmax<1>(X), Y)), decltype(ct::softmax_cross_entropy<1>(X, Y))>);
static_assert(same<decltype(ct::cross_entropy(v, yv)), decltype(-ct::sum(yv % ct::log(v)))>);
static_assert(same<decltype(ct::bce(ct::sigmoid(X), Y)), decltype(ct::bce_with_logits(X, Y))>);
static_assert(!same<decltype(ct::bce(X, Y)), decltype(ct::bce_with_logits(X, Y))>);
static_assert(ct::shape_of(ct::cross_entropy(ct::softmax(X), Y)) == ct::shape<>{});
static_assert(ct::shape_of(ct::bce(X, Y)) == ct::shape<>{});

// ---- S25: ∂/∂a of bce(sigmoid(a), y) is σ(a) − y, and ∂/∂y is −a.
constexpr auto a = ct::input<"a", 3>;
constexpr auto yb = ct::input<"yb", 3>;
constexpr auto g25 = ct::grad(ct::bce(ct::sigmoid(a), yb), a, yb);
static_assert(same<def<decltype(g25[a])>, decltype(ct::sigmoid(a) - yb)>);
static_assert(same<def<decltype(g25[yb])>, decltype(-a)>);
static_assert(decltype(g25[a])::name == "∂a");  // g[x] is a let handle named after its leaf
// The written-out BCE is not fused, and its adjoint is not that short form.
static_assert(!same<def<decltype(ct::grad(ct::bce(a, yb), a)[a])>, decltype(ct::sigmoid(a) - yb)>);

// ---- S02: ℓ = cross_entropy(softmax(W·x + b), y): with y a distribution, ∂ℓ/∂b = ŷ − y and
// ∂ℓ/∂W = (ŷ − y)·xᵀ as types; with y an input (S37: Σy need not be 1) the general form.
constexpr auto W2 = ct::param<"W2", 3, 4>;
constexpr auto b2 = ct::param<"b2", 3>;
constexpr auto x2 = ct::input<"x2", 4>;
constexpr auto g02 = ct::grad(ct::cross_entropy(ct::softmax(W2 * x2 + b2), yd), W2, b2);
static_assert(same<def<decltype(g02[b2])>, decltype(ct::softmax(W2 * x2 + b2) - yd)>);
static_assert(same<def<decltype(g02[W2])>, decltype(ct::outer(ct::softmax(W2 * x2 + b2) - yd, x2))>);
constexpr auto g02i = ct::grad(ct::cross_entropy(ct::softmax(W2 * x2 + b2), yv), W2, b2);
static_assert(!same<def<decltype(g02i[b2])>, decltype(ct::softmax(W2 * x2 + b2) - yv)>);
static_assert(!same<def<decltype(g02i[W2])>, decltype(ct::outer(ct::softmax(W2 * x2 + b2) - yv, x2))>);
static_assert(ct::shape_of(g02i[b2]) == ct::shape<3>{} && ct::shape_of(g02i[W2]) == ct::shape<3, 4>{});
// The spelled-out −Σ y ⊙ log softmax(z) is rewritten to log_softmax, whose adjoint with a
// distribution y is the same ŷ − y.
static_assert(same<def<decltype(ct::grad(-ct::sum(yd % ct::log(ct::softmax(v))), v)[v])>, decltype(ct::softmax(v) - yd)>);
static_assert(!same<def<decltype(ct::grad(-ct::sum(yv % ct::log(ct::softmax(v))), v)[v])>, decltype(ct::softmax(v) - yv)>);
// The short form needs the distribution's class axis (0): along axis 1 it is the general one.
constexpr auto Yd = ct::distribution<"Yd", 3, 4>;
static_assert(same<def<decltype(ct::grad(ct::softmax_cross_entropy(X, Yd), X)[X])>, decltype(ct::softmax(X) - Yd)>);
static_assert(!same<def<decltype(ct::grad(ct::softmax_cross_entropy<1>(X, Yd), X)[X])>, decltype(ct::softmax<1>(X) - Yd)>);

}  // namespace ctgrad_static_simplify

// tests/static/shapes.cpp: result shapes of every op, broadcasting rules and let handles, as static_asserts.
// Only the headers under test: the umbrella also pulls in xtensor (about 1 s of parsing) for compile().
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/expr/let.hpp>
#include <ctgrad/ops/abs.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/log_softmax.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/mean.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/relu.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/sqrt.hpp>
#include <ctgrad/ops/square.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/tanh.hpp>
#include <ctgrad/ops/transpose.hpp>
#include <ctgrad/shape/broadcast.hpp>
#include <ctgrad/shape/shape.hpp>

#include <string>
#include <type_traits>

// A named namespace, not an anonymous one: clang -Wunused-const-variable flags the `name` member of
// CTGRAD_LET handles declared in an anonymous namespace whose name is never read.
namespace ctgrad_static_shapes {

namespace ct = ctgrad;
using namespace ct::literals;

// ---- shape<Dims...> itself
static_assert(ct::shape<>::rank == 0 && ct::shape<>::size == 1);
static_assert(ct::shape<7>::rank == 1 && ct::shape<7>::size == 7);
static_assert(ct::shape<2, 3, 4>::rank == 3 && ct::shape<2, 3, 4>::size == 24);
static_assert(ct::shape<2, 3, 4>::dims[0] == 2 && ct::shape<2, 3, 4>::dims[2] == 4);
static_assert(ct::shape<2, 3>{} == ct::shape<2, 3>{});
static_assert(!(ct::shape<2, 3>{} == ct::shape<3, 2>{}));
static_assert(!(ct::shape<6>{} == ct::shape<2, 3>{}));  // same size, different shape
static_assert(__is_same(ct::remove_axis_t<ct::shape<2, 3, 4>, 0>, ct::shape<3, 4>));
static_assert(__is_same(ct::remove_axis_t<ct::shape<2, 3, 4>, 1>, ct::shape<2, 4>));
static_assert(__is_same(ct::remove_axis_t<ct::shape<2, 3, 4>, 2>, ct::shape<2, 3>));
static_assert(__is_same(ct::remove_axis_t<ct::shape<5>, 0>, ct::shape<>));

// ---- broadcasting: aligned from the FIRST axis (features first, batch last); size-1 dims stretch
template <class A, class B, class R>
constexpr bool broadcasts_to = ct::broadcastable_v<A, B> && ct::broadcastable_v<B, A> &&
                               __is_same(ct::broadcast_t<A, B>, R) && __is_same(ct::broadcast_t<B, A>, R);

static_assert(broadcasts_to<ct::shape<2, 3>, ct::shape<2, 3>, ct::shape<2, 3>>);
static_assert(broadcasts_to<ct::shape<4>, ct::shape<4, 5>, ct::shape<4, 5>>);  // a column over the batch
static_assert(broadcasts_to<ct::shape<>, ct::shape<2, 3>, ct::shape<2, 3>>);    // a scalar with anything
static_assert(broadcasts_to<ct::shape<>, ct::shape<>, ct::shape<>>);
static_assert(broadcasts_to<ct::shape<>, ct::shape<7>, ct::shape<7>>);
static_assert(broadcasts_to<ct::shape<1>, ct::shape<4, 5>, ct::shape<4, 5>>);
static_assert(broadcasts_to<ct::shape<1, 3>, ct::shape<2, 3>, ct::shape<2, 3>>);
static_assert(broadcasts_to<ct::shape<2, 1>, ct::shape<2, 3>, ct::shape<2, 3>>);
static_assert(broadcasts_to<ct::shape<2, 1>, ct::shape<1, 3>, ct::shape<2, 3>>);  // both stretch
static_assert(broadcasts_to<ct::shape<3, 1, 5>, ct::shape<3, 4, 1>, ct::shape<3, 4, 5>>);
static_assert(broadcasts_to<ct::shape<3>, ct::shape<3, 4, 5>, ct::shape<3, 4, 5>>);
static_assert(broadcasts_to<ct::shape<3, 4>, ct::shape<3, 4, 5>, ct::shape<3, 4, 5>>);
static_assert(broadcasts_to<ct::shape<3, 1>, ct::shape<3, 4, 5>, ct::shape<3, 4, 5>>);

// Negative cases, asked without failing (the ops themselves stop with a static_assert).
static_assert(!ct::broadcastable_v<ct::shape<5>, ct::shape<4, 5>>);  // NumPy would align from the last axis
static_assert(!ct::broadcastable_v<ct::shape<4, 5>, ct::shape<5>>);
static_assert(!ct::broadcastable_v<ct::shape<3>, ct::shape<4>>);
static_assert(!ct::broadcastable_v<ct::shape<2, 3>, ct::shape<2, 4>>);
static_assert(!ct::broadcastable_v<ct::shape<2, 3>, ct::shape<3, 2>>);
static_assert(!ct::broadcastable_v<ct::shape<2, 1, 3>, ct::shape<2, 5, 4>>);
static_assert(!ct::broadcastable_v<ct::shape<2>, ct::shape<3, 2>>);

// ---- leaves and constants
constexpr auto x = ct::input<"x", 784, 32>;  // 784 features x batch 32
constexpr auto y = ct::input<"y", 10, 32>;
constexpr auto W1 = ct::param<"W1", 128, 784>;
constexpr auto b1 = ct::param<"b1", 128>;
constexpr auto W2 = ct::param<"W2", 10, 128>;
constexpr auto b2 = ct::param<"b2", 10>;
constexpr auto s = ct::input<"s">;  // a scalar leaf

static_assert(ct::shape_of(x) == ct::shape<784, 32>{});
static_assert(ct::shape_of(b1) == ct::shape<128>{});
static_assert(ct::shape_of(s) == ct::shape<>{});
static_assert(ct::shape_of(2_c) == ct::shape<>{});
static_assert(ct::shape_of(0.5_c) == ct::shape<>{});
static_assert(ct::shape_of(1e-3_c) == ct::shape<>{});
static_assert(ct::shape_of(ct::scalar_c<1, 3>) == ct::shape<>{});
static_assert(ct::expression<decltype(x)> && ct::expression<decltype(2_c)>);
static_assert(!ct::expression<int> && !ct::expression<double> && !ct::expression<ct::shape<2>>);

// Operators are constrained on ctgrad expressions: unrelated types find no overload at all.
template <class L, class R>
concept addable = requires(L l, R r) { l + r; };
template <class L, class R>
concept multipliable = requires(L l, R r) { l * r; };
static_assert(addable<decltype(x), decltype(x)> && multipliable<decltype(W1), decltype(x)>);
static_assert(!addable<decltype(x), std::string> && !addable<std::string, decltype(x)>);
static_assert(!multipliable<std::string, decltype(x)>);
static_assert(!addable<decltype(x), ct::shape<784, 32>>);

// ---- matmul, all four forms, spelled `*` and matmul()
constexpr auto A = ct::param<"A", 3, 4>;
constexpr auto B = ct::param<"B", 4, 5>;
constexpr auto u = ct::input<"u", 4>;  // length k of A
constexpr auto v = ct::input<"v", 3>;  // length m of A
static_assert(ct::shape_of(A * B) == ct::shape<3, 5>{});  // [m,k]*[k,n] -> [m,n]
static_assert(ct::shape_of(A * u) == ct::shape<3>{});     // [m,k]*[k]   -> [m]
static_assert(ct::shape_of(v * A) == ct::shape<4>{});     // [k]*[k,n]   -> [n]
static_assert(ct::shape_of(u * u) == ct::shape<>{});      // [k]*[k]     -> []
static_assert(ct::shape_of(ct::matmul(A, B)) == ct::shape<3, 5>{});
static_assert(ct::shape_of(ct::matmul(A, u)) == ct::shape<3>{});
static_assert(ct::shape_of(ct::matmul(v, A)) == ct::shape<4>{});
static_assert(ct::shape_of(ct::matmul(u, u)) == ct::shape<>{});
static_assert(ct::shape_of(W1 * x) == ct::shape<128, 32>{});
static_assert(ct::shape_of(ct::param<"r", 1, 4> * ct::param<"c", 4, 1>) == ct::shape<1, 1>{});
static_assert(__is_same(decltype(A * B)::op, ct::ops::matmul));
// `*` with a rank-0 side scales (elementwise), whichever side the scalar is on.
static_assert(ct::shape_of(2_c * A) == ct::shape<3, 4>{});
static_assert(ct::shape_of(A * 2_c) == ct::shape<3, 4>{});
static_assert(ct::shape_of(s * u) == ct::shape<4>{});
static_assert(ct::shape_of(s * s) == ct::shape<>{});
static_assert(__is_same(decltype(2_c * A)::op, ct::ops::mul));

// ---- transpose
static_assert(ct::shape_of(ct::transpose(A)) == ct::shape<4, 3>{});
static_assert(ct::shape_of(ct::transpose(ct::transpose(A))) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::transpose(A) * v) == ct::shape<4>{});
static_assert(ct::shape_of(ct::transpose(B) * ct::transpose(A)) == ct::shape<5, 3>{});
static_assert(ct::shape_of(ct::transpose(ct::param<"col", 6, 1>)) == ct::shape<1, 6>{});

// ---- elementwise binary ops with broadcasting
static_assert(ct::shape_of(W1 * x + b1) == ct::shape<128, 32>{});  // bias column over the batch
static_assert(ct::shape_of(b1 + W1 * x) == ct::shape<128, 32>{});
static_assert(ct::shape_of(x - x) == ct::shape<784, 32>{});
static_assert(ct::shape_of(y / b2) == ct::shape<10, 32>{});
static_assert(ct::shape_of(b2 / y) == ct::shape<10, 32>{});
static_assert(ct::shape_of(y % y) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::mul(b2, y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::param<"p", 2, 1> + ct::param<"q", 1, 3>) == ct::shape<2, 3>{});
static_assert(ct::shape_of(ct::param<"t", 3, 1, 5> % ct::param<"w", 3, 4, 1>) == ct::shape<3, 4, 5>{});
// A scalar constant or scalar leaf broadcasts against anything, on either side.
static_assert(ct::shape_of(x + 2_c) == ct::shape<784, 32>{});
static_assert(ct::shape_of(1_c - x) == ct::shape<784, 32>{});
static_assert(ct::shape_of(x / 0.5_c) == ct::shape<784, 32>{});
static_assert(ct::shape_of(ct::scalar_c<1, 3> % b1) == ct::shape<128>{});
static_assert(ct::shape_of(s + b1) == ct::shape<128>{});
static_assert(ct::shape_of(2_c + 3_c) == ct::shape<>{});
static_assert(__is_same(decltype(y + b2)::op, ct::ops::add));
static_assert(__is_same(decltype(y - b2)::op, ct::ops::sub));
static_assert(__is_same(decltype(y / b2)::op, ct::ops::div));
static_assert(__is_same(decltype(y % b2)::op, ct::ops::mul));

// ---- elementwise unary ops keep the shape
static_assert(ct::shape_of(-A) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::exp(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::log(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::square(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::sqrt(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::abs(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::relu(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::sigmoid(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::tanh(A)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::pow(A, 3_c)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::pow(A, ct::scalar_c<1, 2>)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::sigmoid(s)) == ct::shape<>{});
static_assert(ct::shape_of(ct::exp(2_c)) == ct::shape<>{});
static_assert(__is_same(ct::shape_of_t<decltype(ct::relu(A))>, ct::shape<3, 4>));

// ---- reductions: whole tensor -> scalar; along an axis -> that axis removed
constexpr auto T = ct::input<"T", 3, 4, 5>;
static_assert(ct::shape_of(ct::sum(T)) == ct::shape<>{});
static_assert(ct::shape_of(ct::mean(T)) == ct::shape<>{});
static_assert(ct::shape_of(ct::sum(s)) == ct::shape<>{});
static_assert(ct::shape_of(ct::sum<0>(T)) == ct::shape<4, 5>{});
static_assert(ct::shape_of(ct::sum<1>(T)) == ct::shape<3, 5>{});
static_assert(ct::shape_of(ct::sum<2>(T)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::mean<0>(T)) == ct::shape<4, 5>{});
static_assert(ct::shape_of(ct::mean<1>(T)) == ct::shape<3, 5>{});
static_assert(ct::shape_of(ct::mean<2>(T)) == ct::shape<3, 4>{});
static_assert(ct::shape_of(ct::sum<0>(b1)) == ct::shape<>{});
static_assert(ct::shape_of(ct::mean<0>(b1)) == ct::shape<>{});
static_assert(ct::shape_of(ct::mean<1>(x)) == ct::shape<784>{});  // mean over the batch
static_assert(ct::shape_of(ct::sum<0>(ct::sum<0>(T))) == ct::shape<5>{});
static_assert(ct::shape_of(ct::sum(ct::sum<1>(T))) == ct::shape<>{});

// ---- softmax and log_softmax keep the shape; the default axis is 0, the class axis
static_assert(ct::shape_of(ct::softmax(y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::softmax<0>(y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::softmax<1>(y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::log_softmax(y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::log_softmax<1>(y)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::softmax(b2)) == ct::shape<10>{});
static_assert(ct::shape_of(ct::softmax<2>(T)) == ct::shape<3, 4, 5>{});
static_assert(__is_same(decltype(ct::softmax(y)), decltype(ct::softmax<0>(y))));
static_assert(!__is_same(decltype(ct::softmax<0>(y)), decltype(ct::softmax<1>(y))));

// ---- the design sketch's network, and loss-like compositions
constexpr auto h = ct::relu(W1 * x + b1);
constexpr auto p = ct::softmax(W2 * h + b2);
static_assert(ct::shape_of(h) == ct::shape<128, 32>{});
static_assert(ct::shape_of(p) == ct::shape<10, 32>{});
static_assert(ct::shape_of(-ct::mean(ct::sum<0>(y % ct::log_softmax(W2 * h + b2)))) == ct::shape<>{});
static_assert(ct::shape_of(ct::mean(ct::square(p - y))) == ct::shape<>{});
static_assert(ct::shape_of(W1 * x + b1 * ct::sum(y)) == ct::shape<128, 32>{});  // vector times scalar

// ---- let handles: same shape as their definition, short type
CTGRAD_LET(h1, ct::relu(W1 * x + b1));
CTGRAD_LET(z2, W2 * h1 + b2);
static_assert(__is_same(decltype(h1), const h1_let));
static_assert(ct::expression<h1_let>);
static_assert(ct::shape_of(h1) == ct::shape<128, 32>{});
static_assert(ct::shape_of(z2) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::softmax(z2)) == ct::shape<10, 32>{});
static_assert(ct::shape_of(ct::transpose(h1)) == ct::shape<32, 128>{});
static_assert(ct::shape_of(ct::sum<1>(h1)) == ct::shape<128>{});
static_assert(h1_let::name == "h1");
static_assert(__is_same(h1_let::definition, decltype(ct::relu(W1 * x + b1))));
// Later nodes carry the handle, not the subtree behind it.
static_assert(__is_same(decltype(W2 * h1),
                        ct::node<ct::ops::matmul, std::remove_const_t<decltype(W2)>, h1_let>));

constexpr auto h2 = ct::let<"h2">(ct::tanh(A * B));
static_assert(ct::shape_of(h2) == ct::shape<3, 5>{});
static_assert(ct::shape_of(h2 % h2 + 1_c) == ct::shape<3, 5>{});
static_assert(decltype(h2)::name == "h2");
static_assert(__is_same(decltype(h2)::definition, decltype(ct::tanh(A * B))));

// ---- equal subexpressions are the same type (sharing is free)
static_assert(__is_same(decltype(W1 * x + b1), decltype(W1 * x + b1)));
static_assert(!__is_same(decltype(ct::input<"a", 3>), decltype(ct::input<"b", 3>)));
static_assert(!__is_same(decltype(ct::input<"a", 3>), decltype(ct::param<"a", 3>)));

}  // namespace ctgrad_static_shapes

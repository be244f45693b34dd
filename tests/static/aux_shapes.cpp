// tests/static/aux_shapes.cpp: result shapes of the auxiliary ops (sum_to, broadcast_to, expand_axis,
// outer, sign, heaviside, fill/zeros/ones), is_zero_v, and the calls they refuse, as static_asserts.
// Only the headers under test, plus exec/evaluate.hpp for a few constant evaluations.
#include <ctgrad/exec/evaluate.hpp>
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/expr/let.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/broadcast_to.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/fill.hpp>
#include <ctgrad/ops/heaviside.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/outer.hpp>
#include <ctgrad/ops/sign.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/sum_to.hpp>
#include <ctgrad/shape/shape.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace ctgrad_static_aux_shapes {

namespace ct = ctgrad;
using namespace ct::literals;

template <std::size_t... D>
using sh = ct::shape<D...>;

constexpr auto g = ct::input<"g", 4, 5>;
constexpr auto t = ct::input<"t", 2, 3, 4>;
constexpr auto a = ct::input<"a", 3>;
constexpr auto b = ct::param<"b", 4>;
constexpr auto s = ct::input<"s">;

// ---- sum_to<S>(g): result shape S, for every S that broadcasts to g's shape
static_assert(ct::shape_of(ct::sum_to<sh<4>>(g)) == sh<4>{});
static_assert(ct::shape_of(ct::sum_to<sh<4, 1>>(g)) == sh<4, 1>{});
static_assert(ct::shape_of(ct::sum_to<sh<1, 5>>(g)) == sh<1, 5>{});
static_assert(ct::shape_of(ct::sum_to<sh<1>>(g)) == sh<1>{});
static_assert(ct::shape_of(ct::sum_to<sh<>>(g)) == sh<>{});
static_assert(ct::shape_of(ct::sum_to<sh<4, 5>>(g)) == sh<4, 5>{});  // S == G: a copy
static_assert(ct::shape_of(ct::sum_to<sh<2, 1, 4>>(t)) == sh<2, 1, 4>{});
static_assert(ct::shape_of(ct::sum_to<sh<1, 3>>(t)) == sh<1, 3>{});
static_assert(ct::shape_of(ct::sum_to<sh<>>(s)) == sh<>{});
static_assert(__is_same(decltype(ct::sum_to<sh<4>>(g)), ct::node<ct::ops::sum_to<sh<4>>, std::remove_const_t<decltype(g)>>));

// ---- broadcast_to<S>(a): result shape S, for every S that a's shape broadcasts to
static_assert(ct::shape_of(ct::broadcast_to<sh<4, 5>>(b)) == sh<4, 5>{});
static_assert(ct::shape_of(ct::broadcast_to<sh<4>>(b)) == sh<4>{});
static_assert(ct::shape_of(ct::broadcast_to<sh<4, 2, 3>>(b)) == sh<4, 2, 3>{});
static_assert(ct::shape_of(ct::broadcast_to<sh<7>>(s)) == sh<7>{});
static_assert(ct::shape_of(ct::broadcast_to<sh<>>(s)) == sh<>{});
// The two are adjoint in shape: sum_to<A>(broadcast_to<S>(a)) has a's shape.
static_assert(ct::shape_of(ct::sum_to<sh<4>>(ct::broadcast_to<sh<4, 5>>(b))) == sh<4>{});

// ---- expand_axis<Axis, N>(a): a new axis of size N at position Axis
static_assert(ct::shape_of(ct::expand_axis<1, 5>(a)) == sh<3, 5>{});
static_assert(ct::shape_of(ct::expand_axis<0, 2>(a)) == sh<2, 3>{});
static_assert(ct::shape_of(ct::expand_axis<0, 2>(g)) == sh<2, 4, 5>{});
static_assert(ct::shape_of(ct::expand_axis<1, 2>(g)) == sh<4, 2, 5>{});
static_assert(ct::shape_of(ct::expand_axis<2, 2>(g)) == sh<4, 5, 2>{});
static_assert(ct::shape_of(ct::expand_axis<0, 6>(s)) == sh<6>{});
static_assert(ct::shape_of(ct::expand_axis<1, 1>(a)) == sh<3, 1>{});
static_assert(__is_same(ct::insert_axis_t<sh<3>, 1, 5>, sh<3, 5>));
static_assert(__is_same(ct::insert_axis_t<sh<>, 0, 5>, sh<5>));
// sum<k> takes the inserted axis away again.
static_assert(ct::shape_of(ct::sum<1>(ct::expand_axis<1, 5>(g))) == sh<4, 5>{});

// ---- outer(a, b): [m] and [n] give [m x n]
static_assert(ct::shape_of(ct::outer(a, b)) == sh<3, 4>{});
static_assert(ct::shape_of(ct::outer(b, a)) == sh<4, 3>{});
static_assert(ct::shape_of(ct::outer(a, a)) == sh<3, 3>{});

// ---- sign, heaviside: elementwise, the operand's shape
static_assert(ct::shape_of(ct::sign(g)) == sh<4, 5>{});
static_assert(ct::shape_of(ct::heaviside(t)) == sh<2, 3, 4>{});
static_assert(ct::shape_of(ct::sign(s)) == sh<>{});

// ---- fill, zeros, ones: nodes without operands
static_assert(ct::shape_of(ct::zeros<sh<2, 3>>) == sh<2, 3>{});
static_assert(ct::shape_of(ct::ones<sh<>>) == sh<>{});
static_assert(ct::shape_of(ct::fill<sh<4>>(0.5_c)) == sh<4>{});
static_assert(ct::shape_of(ct::fill<sh<4>>(-2_c)) == sh<4>{});
static_assert(ct::shape_of(ct::zeros<sh<4, 5>> + g) == sh<4, 5>{});
static_assert(decltype(ct::zeros<sh<2, 3>>)::op_arity == 0);
static_assert(ct::ops::fill<sh<2>, std::bit_cast<std::uint64_t>(0.5)>::value == 0.5);
// fill<S>(c) and zeros/ones are the same node for the same value: sharing is free.
static_assert(__is_same(decltype(ct::fill<sh<2, 3>>(0_c)), std::remove_const_t<decltype(ct::zeros<sh<2, 3>>)>));
static_assert(__is_same(decltype(ct::fill<sh<2, 3>>(1_c)), std::remove_const_t<decltype(ct::ones<sh<2, 3>>)>));
static_assert(__is_same(decltype(ct::fill<sh<2>>(-2_c)),
                        ct::node<ct::ops::fill<sh<2>, std::bit_cast<std::uint64_t>(-2.0)>>));

// Values, by constant evaluation (no leaves to feed).
static_assert(ct::evaluate<double>(ct::sum(ct::ones<sh<2, 3>>)) == 6.0);
static_assert(ct::evaluate<double>(ct::fill<sh<>>(-2_c)) == -2.0);
static_assert(ct::evaluate<float>(ct::fill<sh<2>>(ct::scalar_c<1, 4>))[1] == 0.25f);
static_assert(ct::evaluate<double>(ct::sum(ct::sum_to<sh<4>>(ct::ones<sh<4, 5>>))) == 20.0);

// ---- is_zero_v: exactly the fill nodes whose value is +0 or -0
static_assert(ct::is_zero_v<decltype(ct::zeros<sh<2, 3>>)>);  // const-qualified: still true
static_assert(ct::is_zero_v<std::remove_const_t<decltype(ct::zeros<sh<>>)>>);
static_assert(ct::is_zero_v<decltype(ct::fill<sh<4>>(0_c))>);
static_assert(ct::is_zero_v<decltype(ct::fill<sh<4>>(-0_c))>);  // -0.0
static_assert(ct::is_zero_v<decltype(ct::fill<sh<4>>(0.0_c))>);
static_assert(ct::is_zero_v<const decltype(ct::zeros<sh<2>>)&>);
static_assert(!ct::is_zero_v<decltype(ct::ones<sh<2, 3>>)>);
static_assert(!ct::is_zero_v<decltype(ct::fill<sh<4>>(1e-300_c))>);
static_assert(!ct::is_zero_v<decltype(ct::fill<sh<4>>(0.5_c))>);
static_assert(!ct::is_zero_v<decltype(0_c)>);  // a constant, not a fill node
static_assert(!ct::is_zero_v<decltype(g)>);
// Built from zeros, simplified to zeros when the node is built: zero by type.
static_assert(ct::is_zero_v<decltype(ct::zeros<sh<4, 5>> % g)>);
static_assert(ct::is_zero_v<decltype(ct::sum_to<sh<4>>(ct::zeros<sh<4, 5>>))>);
static_assert(!ct::is_zero_v<decltype(ct::ones<sh<4, 5>> % g)>);
static_assert(!ct::is_zero_v<int>);

// ---- refused calls, asked without failing
// The shape argument must be a shape type.
template <class S>
concept can_sum_to = requires { ct::sum_to<S>(g); };
template <class S>
concept can_broadcast_to = requires { ct::broadcast_to<S>(b); };
template <class S>
concept can_fill = requires { ct::fill<S>(0_c); };
static_assert(can_sum_to<sh<4>> && !can_sum_to<int> && !can_sum_to<decltype(g)>);
static_assert(can_broadcast_to<sh<4, 5>> && !can_broadcast_to<int>);
static_assert(can_fill<sh<2>> && !can_fill<double>);
// Operands must be ctgrad expressions.
template <class X>
concept can_sign = requires(X x) { ct::sign(x); };
template <class X, class Y>
concept can_outer = requires(X x, Y y) { ct::outer(x, y); };
static_assert(can_sign<decltype(a)> && !can_sign<double>);
static_assert(can_outer<decltype(a), decltype(b)> && !can_outer<decltype(a), int>);
// The non-failing shape question behind sum_to and broadcast_to.
static_assert(ct::ops::detail::broadcasts_onto_v<sh<4>, sh<4, 5>>);
static_assert(ct::ops::detail::broadcasts_onto_v<sh<>, sh<4, 5>>);
static_assert(ct::ops::detail::broadcasts_onto_v<sh<4, 5>, sh<4, 5>>);
static_assert(!ct::ops::detail::broadcasts_onto_v<sh<5>, sh<4, 5>>);     // aligned from the first axis
static_assert(!ct::ops::detail::broadcasts_onto_v<sh<4, 5>, sh<4>>);     // the larger shape cannot shrink
static_assert(!ct::ops::detail::broadcasts_onto_v<sh<4, 1>, sh<4>>);     // nor gain an axis
static_assert(!ct::ops::detail::broadcasts_onto_v<sh<2, 1>, sh<1, 3>>);  // both would stretch

}  // namespace ctgrad_static_aux_shapes

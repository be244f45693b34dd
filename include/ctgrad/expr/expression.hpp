// The expression graph: the `expression` concept, op nodes, and the error node that stops cascades.
#ifndef CTGRAD_EXPR_EXPRESSION_HPP
#define CTGRAD_EXPR_EXPRESSION_HPP

#include <cstddef>

#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

/// Every ctgrad expression type carries `ctgrad_expression_tag` and a `shape_type`.
/// Operators are constrained on this concept so they never capture unrelated types.
template <class T>
concept expression = requires {
  typename T::ctgrad_expression_tag;
  typename T::shape_type;
};

/// `shape_of_t<E>` is the shape type of expression `E`.
template <expression E>
using shape_of_t = typename E::shape_type;

/// The shape of an expression as a value: `static_assert(shape_of(h) == shape<128, 32>{})`.
template <expression E>
constexpr shape_of_t<E> shape_of(E) noexcept {
  return {};
}

/// An op applied to operands. The type is the node's identity: equal subexpressions are the same
/// type, so sharing is free. `Op` supplies the shape rule, the forward kernel and the printer.
template <class Op, class... Args>
struct node {
  using ctgrad_expression_tag = void;
  using op = Op;
  enum : std::size_t { op_arity = sizeof...(Args) };
  using shape_type = typename Op::template shape_t<typename Args::shape_type...>;
};

/// What an op returns after a failed shape check: one message is printed by the checker, and every
/// later op or evaluation that meets an error node stays silent instead of cascading.
struct error_node {
  using ctgrad_expression_tag = void;
  using shape_type = shape<>;
};

template <class T>
inline constexpr bool is_error_v = __is_same(T, error_node);

namespace detail {
/// An op that simplifies some nodes as they are built declares `rewrites` and a static
/// `rewrite(args...)` returning the simplified expression (same shape) or `node<Op, Args...>{}`.
template <class Op>
concept rewriting_op = requires { Op::rewrites; };

/// Builds `node<Op, Args...>` after `Check` accepted the operands' shapes, or what the op's
/// rewrite makes of it (constant folding, identities with zero and one, stable fused forms).
/// `Check` is instantiated only when no operand is already an error (no cascades).
template <class Op, class Check, class... Args>
constexpr auto make_node() noexcept {
  if constexpr ((is_error_v<Args> || ...))
    return error_node{};
  else if constexpr (!Check::ok)
    return error_node{};
  else if constexpr (rewriting_op<Op>)
    return Op::rewrite(Args{}...);
  else
    return node<Op, Args...>{};
}

/// Whether any of `bs` holds, for packs: `any_of({false, is_error_v<Ts>...})`. An array, not a
/// fold: clang refuses folds of more than 256 operands, and a network's parameters and gradients
/// are often more than that.
template <std::size_t N>
constexpr bool any_of(const bool (&bs)[N]) noexcept {
  for (bool b : bs)
    if (b) return true;
  return false;
}

/// A check that always passes, for ops without shape preconditions.
struct no_check {
  static constexpr bool ok = true;
};
}  // namespace detail

}  // namespace ctgrad

#endif

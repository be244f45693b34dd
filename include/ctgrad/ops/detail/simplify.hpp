// Values known from a type alone (constants and fills), for the simplifications ops apply when a
// node is built: constant folding and the identities with zero and one.
#ifndef CTGRAD_OPS_DETAIL_SIMPLIFY_HPP
#define CTGRAD_OPS_DETAIL_SIMPLIFY_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ops/fill.hpp>

namespace ctgrad::ops {
struct mul;
struct neg;
}

namespace ctgrad::detail {

/// known<E>: whether every element of E is one value known at compile time (a constant or a
/// fill), that value (`value`, only when known), and whether it is zero or one (the identities
/// every op asks about). Enumerators, not static data members: those are symbols, which g++ names
/// (spelling E) for every node type that meets a rewrite, and there are several per node.
template <std::uint64_t Bits>
struct known_value {
  static constexpr double value = std::bit_cast<double>(Bits);
  enum : bool { ok = true, zero = std::bit_cast<double>(Bits) == 0.0, one = std::bit_cast<double>(Bits) == 1.0 };
};
template <class E>
struct known {
  enum : bool { ok = false, zero = false, one = false };
};
template <std::uint64_t Bits>
struct known<constant<Bits>> : known_value<Bits> {};
template <class S, std::uint64_t Bits>
struct known<node<ops::fill<S, Bits>>> : known_value<Bits> {};

/// The bit pattern of a double, the form in which values travel in types.
constexpr std::uint64_t bits(double v) noexcept {
  return std::bit_cast<std::uint64_t>(v);
}

/// known_t<S, bits(v)>: the expression of shape S whose every element is v (a constant for a
/// scalar, else a fill).
template <class S, std::uint64_t Bits>
using known_t = std::conditional_t<S::rank == 0, constant<Bits>, node<ops::fill<S, Bits>>>;

/// The rewrite of a structural op (reduction, broadcast, transpose) of one operand: when every
/// element of A is one known value v, the node is the known tensor of shape Out holding v·Factor
/// (Factor: how many elements of A each output element sums); otherwise node<Op, A>.
template <class Op, class Out, std::size_t Factor, class A>
constexpr auto fold_known() noexcept {
  if constexpr (known<A>::ok)
    return known_t<Out, bits(known<A>::value * static_cast<double>(Factor))>{};
  else
    return node<Op, A>{};
}

/// is_op_v<E, Op>: E is a node of op Op; arg_t<E, I>: its operand I.
template <class E, class Op>
inline constexpr bool is_op_v = false;
template <class Op, class... Args>
inline constexpr bool is_op_v<node<Op, Args...>, Op> = true;
template <class E, std::size_t I>
struct arg;
template <class Op, class A, class... Args>
struct arg<node<Op, A, Args...>, 0> {
  using type = A;
};
template <class Op, class A, class B, class... Args>
struct arg<node<Op, A, B, Args...>, 1> {
  using type = B;
};
template <class E, std::size_t I>
using arg_t = typename arg<E, I>::type;

/// scaled<E>: E is c·x for a scalar constant c (how mul spells a known scaling).
template <class E>
struct scaled {
  enum : bool { ok = false, negative = false };
  using rest = void;
};
template <std::uint64_t Bits, class X>
struct scaled<node<ops::mul, constant<Bits>, X>> {
  static constexpr bool ok = true;
  static constexpr double value = std::bit_cast<double>(Bits);
  static constexpr bool negative = value < 0;
  using rest = X;
};

/// is_distribution_v<Y, Axis>: Y is a `distribution` leaf and Axis its class axis (0), so each
/// slice of Y along Axis sums to one: the precondition of the `p − y` rewrites.
template <class Y, std::size_t Axis>
inline constexpr bool is_distribution_v = false;
template <fixed_string Name, class S>
inline constexpr bool is_distribution_v<leaf<leaf_kind::distribution, Name, S>, 0> = true;

/// negated<E>::type: x when E is -x, else void.
template <class E>
struct negated {
  using type = void;
};
template <class X>
struct negated<node<ops::neg, X>> {
  using type = X;
};

/// `E` has exactly shape `S` (so it can stand for a node of shape S).
template <class E, class S>
inline constexpr bool has_shape_v = __is_same(typename E::shape_type, S);

}  // namespace ctgrad::detail

#endif

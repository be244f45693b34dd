// to_string: a tensor-level formula of an expression, with the user's leaf and let names.
#ifndef CTGRAD_PRINT_TO_STRING_HPP
#define CTGRAD_PRINT_TO_STRING_HPP

#include <string>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {

namespace detail {
template <class Op, class... Args>
term print_node(node<Op, Args...>);

template <class E>
term print_term(E) {
  constexpr std::size_t rank = shape_of_t<E>::rank;
  if constexpr (requires { typename E::ctgrad_inline_tag; })  // a handle without a name of its own
    return print_term(typename E::definition{});
  else if constexpr (requires { typename E::ctgrad_leaf_tag; } || requires { typename E::ctgrad_let_tag; })
    return {std::string(E::name), prec::primary, rank};
  else if constexpr (requires { typename E::ctgrad_constant_tag; })
    return {format_number(E::value), E::value < 0 ? prec::prefix : prec::primary, 0};  // -2 binds like -x
  else if constexpr (is_error_v<E>)
    return {"<error>", prec::primary, 0};
  else
    return print_node(E{});
}
template <class Op, class... Args>
term print_node(node<Op, Args...>) {
  return Op::print(print_term(Args{})...);
}
}  // namespace detail

/// `to_string(W * x + b)` is "W·x + b": names of leaves and lets, the parentheses precedence needs.
/// A let handle prints its definition at the top level and its name inside other formulas. Walks
/// the expression as written (lets keep that short).
template <expression E>
std::string to_string(E e) {
  if constexpr (requires { typename E::ctgrad_let_tag; })
    return detail::print_term(typename E::definition{}).text;
  else
    return detail::print_term(e).text;
}

}  // namespace ctgrad

#endif

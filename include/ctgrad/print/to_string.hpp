// to_string: a tensor-level formula of an expression, with the user's leaf and let names.
#ifndef CTGRAD_PRINT_TO_STRING_HPP
#define CTGRAD_PRINT_TO_STRING_HPP

#include <string>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/print/number.hpp>

namespace ctgrad {

namespace detail {
template <class Op, class... Args>
std::string print_node(node<Op, Args...>);

template <class E>
std::string print_term(E) {
  if constexpr (requires { typename E::ctgrad_leaf_tag; } || requires { typename E::ctgrad_let_tag; })
    return std::string(E::name);
  else if constexpr (requires { typename E::ctgrad_constant_tag; })
    return format_number(E::value);
  else if constexpr (is_error_v<E>)
    return "<error>";
  else
    return print_node(E{});
}
template <class Op, class... Args>
std::string print_node(node<Op, Args...>) {
  return Op::print(print_term(Args{})...);
}
}  // namespace detail

/// `to_string(W * x + b)` is "(W·x + b)". A let handle prints its definition at the top level and
/// its name inside other formulas. Walks the expression as written (lets keep that short).
template <expression E>
std::string to_string(E e) {
  if constexpr (requires { typename E::ctgrad_let_tag; })
    return detail::print_term(typename E::definition{});
  else
    return detail::print_term(e);
}

}  // namespace ctgrad

#endif

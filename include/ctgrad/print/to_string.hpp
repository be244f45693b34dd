// to_string, formula_v: a tensor-level formula of an expression, with the user's leaf and let
// names, at run time or as a compile-time string.
#ifndef CTGRAD_PRINT_TO_STRING_HPP
#define CTGRAD_PRINT_TO_STRING_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/print/constexpr_string.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {

namespace detail {
template <class Op, class... Args>
constexpr term print_node(notation n, node<Op, Args...>);

/// The notation is a run-time argument, so text and LaTeX share one instantiation per node type.
template <class E>
constexpr term print_term(notation n, E) {
  constexpr std::size_t rank = shape_of_t<E>::rank;
  if constexpr (requires { typename E::ctgrad_inline_tag; })  // a handle without a name of its own
    return print_term(n, typename E::definition{});
  else if constexpr (requires { typename E::ctgrad_leaf_tag; } || requires { typename E::ctgrad_let_tag; }) {
    if (n == notation::latex) return {latex_name(E::name), prec::primary, rank};
    return {E::name, prec::primary, rank};
  }
  else if constexpr (requires { typename E::ctgrad_constant_tag; })
    return number_term(n, E::value);
  else if constexpr (is_error_v<E>)
    return {"<error>", prec::primary, 0};
  else
    return print_node(n, E{});
}
template <class Op, class... Args>
constexpr term print_node(notation n, node<Op, Args...>) {
  return Op::print(n, print_term(n, Args{})...);
}

/// A let handle prints its definition at the top level and its name inside other formulas.
template <class E>
constexpr constexpr_string print_formula(notation n) {
  if constexpr (requires { typename E::ctgrad_let_tag; })
    return print_term(n, typename E::definition{}).text;
  else
    return print_term(n, E{}).text;
}

/// The formula of E in static storage of exactly its size (plus a '\0'): one constant evaluation
/// for the size, one to fill the array.
template <class E, notation N>
struct printed_formula {
  static constexpr std::size_t size = print_formula<E>(N).size();
  static constexpr std::array<char, size + 1> chars = [] {
    const constexpr_string s = print_formula<E>(N);
    std::array<char, size + 1> a{};
    for (std::size_t i = 0; i < size; ++i) a[i] = s[i];
    return a;
  }();
  static constexpr std::string_view view = std::string_view(chars.data(), size);
};
}  // namespace detail

/// `to_string(W * x + b)` is "W·x + b": names of leaves and lets, the parentheses precedence needs.
/// A let handle prints its definition at the top level and its name inside other formulas. Walks
/// the expression as written (lets keep that short).
template <expression E>
std::string to_string(E) {
  return std::string(detail::print_formula<E>(notation::text).view());
}

/// `formula_v<decltype(W * x + b)>` is the std::string_view "W·x + b", computed at compile time:
/// to_string's text in static storage. Costs two constant evaluations of the printer per formula.
/// Example: tests/static/print.cpp.
template <class E>
  requires expression<std::remove_cvref_t<E>>
inline constexpr std::string_view formula_v = detail::printed_formula<std::remove_cvref_t<E>, notation::text>::view;

}  // namespace ctgrad

#endif

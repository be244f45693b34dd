// to_latex, latex_v: the formula of an expression as LaTeX math, at run time or as a compile-time
// string.
#ifndef CTGRAD_PRINT_TO_LATEX_HPP
#define CTGRAD_PRINT_TO_LATEX_HPP

#include <string>
#include <string_view>
#include <type_traits>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/print/to_string.hpp>

namespace ctgrad {

/// `to_latex(W1 * x + b1)` is "W_{1} \cdot x + b_{1}": to_string's formula with LaTeX symbols
/// (`\odot`, `\otimes`, `\frac{a}{b}`, `a^{\top}`, `\sigma(a)`, `\operatorname{softmax}(z)`), the same
/// parentheses (plain ones), names with trailing digits as subscripts and `∂W` as `\partial W`.
template <expression E>
std::string to_latex(E) {
  return std::string(detail::print_formula<E>(notation::latex).view());
}

/// `latex_v<decltype(W * x + b)>` is the std::string_view "W \cdot x + b", computed at compile
/// time. Example: tests/static/print.cpp.
template <class E>
  requires expression<std::remove_cvref_t<E>>
inline constexpr std::string_view latex_v = detail::printed_formula<std::remove_cvref_t<E>, notation::latex>::view;

}  // namespace ctgrad

#endif

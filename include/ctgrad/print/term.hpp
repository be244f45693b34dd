// term: a printed subformula with its precedence, so printers add only the parentheses needed.
#ifndef CTGRAD_PRINT_TERM_HPP
#define CTGRAD_PRINT_TERM_HPP

#include <cstddef>
#include <string_view>
#include <utility>

#include <ctgrad/print/constexpr_string.hpp>

namespace ctgrad {

/// What a formula is printed as: plain text (`W·x + b`, UTF-8) or LaTeX math (`W \cdot x + b`).
/// A run-time argument of every printer, so each op's printer is one function for both.
enum class notation { text, latex };

/// A symbol or function name in both notations: `{"⊙", "\\odot"}`, `{"tanh", "\\tanh"}`.
struct spelling {
  std::string_view text;
  std::string_view latex;
  constexpr std::string_view operator()(notation n) const noexcept { return n == notation::latex ? latex : text; }
};

/// A printed formula, its binding strength and the rank of the tensor it denotes.
struct term {
  constexpr_string text;
  int prec = 100;
  std::size_t rank = 0;
};

/// Binding strengths, loosest first.
namespace prec {
inline constexpr int additive = 60;        // a + b, a - b
inline constexpr int multiplicative = 70;  // a·b, a ⊙ b, a / b
inline constexpr int prefix = 80;          // -a
inline constexpr int postfix = 90;         // aᵀ, a^2, and in LaTeX \frac{a}{b}
inline constexpr int primary = 100;        // names, numbers, f(a)
}  // namespace prec

// No `c ? string : string` in the printers: g++ 12 destroys such a temporary twice in constant
// evaluation ("deallocation of already deallocated storage").

/// `t`'s text, parenthesised when it binds looser than `min`.
constexpr constexpr_string operand(const term& t, int min) {
  if (t.prec < min) return "(" + t.text + ")";
  return t.text;
}

/// `f(a)`: a function call needs no parentheses inside or around it.
constexpr term call(notation n, spelling f, const term& a, std::size_t rank) {
  return {f(n) + ("(" + a.text + ")"), prec::primary, rank};
}

/// `f<args>(a)` in text, `f_{args}(a)` in LaTeX: a function with compile-time arguments (an axis,
/// a shape).
constexpr term call(notation n, spelling f, std::string_view args, const term& a, std::size_t rank) {
  constexpr_string s(f(n));
  s += n == notation::latex ? "_{" : "<";
  s += args;
  s += n == notation::latex ? "}(" : ">(";
  s += a.text;
  s += ')';
  return {std::move(s), prec::primary, rank};
}

/// `a op b` for a left-associative infix operator of strength `p`. In text the product dot is
/// written tight (`W·x + b`), every other operator with spaces; LaTeX spaces every operator.
constexpr term infix(notation n, const term& a, spelling op, const term& b, int p, std::size_t rank) {
  const std::string_view sep = n == notation::text && op.text == "·" ? "" : " ";
  constexpr_string s = operand(a, p);
  s += sep;
  s += op(n);
  s += sep;
  // A negated right operand is bracketed too: `a·(-b)`, `a - (-b)`.
  s += operand(b, b.prec == prec::prefix ? prec::primary : p + 1);
  return {std::move(s), p, rank};
}

/// `a^e` in text, `a^{e}` in LaTeX: a postfix superscript (a power, a transpose).
constexpr term superscript(notation n, const term& a, std::string_view e, std::size_t rank) {
  constexpr_string s = operand(a, prec::primary);
  s += n == notation::latex ? "^{" : "^";
  s += e;
  if (n == notation::latex) s += '}';
  return {std::move(s), prec::postfix, rank};
}

/// A leaf or let name in LaTeX: `W1` as `W_{1}` (letters then digits: the digits a subscript), the
/// gradient prefix `∂` as `\partial `, and TeX's special characters escaped (`x_t` as `x\_t`).
constexpr constexpr_string latex_name(std::string_view name) {
  constexpr std::string_view partial = "\xE2\x88\x82";  // ∂ (U+2202) in UTF-8
  constexpr_string s;
  while (name.substr(0, partial.size()) == partial) {
    s += "\\partial ";
    name.remove_prefix(partial.size());
  }
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t letters = 0, digits = 0;
  while (letters < name.size() && letter(name[letters])) ++letters;
  while (letters + digits < name.size() && digit(name[letters + digits])) ++digits;
  if (letters > 0 && digits > 0 && letters + digits == name.size()) {
    s += name.substr(0, letters);
    s += "_{";
    s += name.substr(letters);
    s += '}';
    return s;
  }
  for (char c : name) {
    if (c == '_' || c == '#' || c == '$' || c == '%' || c == '&' || c == '{' || c == '}') s += '\\';
    s += c;
  }
  return s;
}

}  // namespace ctgrad

#endif

// term: a printed subformula with its precedence, so printers add only the parentheses needed.
#ifndef CTGRAD_PRINT_TERM_HPP
#define CTGRAD_PRINT_TERM_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace ctgrad {

/// A printed formula, its binding strength and the rank of the tensor it denotes.
struct term {
  std::string text;
  int prec = 100;
  std::size_t rank = 0;
};

/// Binding strengths, loosest first.
namespace prec {
inline constexpr int additive = 60;        // a + b, a - b
inline constexpr int multiplicative = 70;  // a·b, a ⊙ b, a / b
inline constexpr int prefix = 80;          // -a
inline constexpr int postfix = 90;         // aᵀ, a^2
inline constexpr int primary = 100;        // names, numbers, f(a)
}  // namespace prec

/// `t`'s text, parenthesised when it binds looser than `min`.
inline std::string operand(const term& t, int min) {
  return t.prec < min ? "(" + t.text + ")" : t.text;
}

/// `f(a, ...)`: a function call needs no parentheses inside or around it.
inline term call(std::string_view f, const term& a, std::size_t rank) {
  return {std::string(f) + "(" + a.text + ")", prec::primary, rank};
}

/// `a op b` for a left-associative infix operator of strength `p`; the product dot is written
/// tight (`W·x + b`), every other operator with spaces.
inline term infix(const term& a, std::string_view op, const term& b, int p, std::size_t rank) {
  const std::string sep = op == "·" ? "" : " ";
  // A negated right operand is bracketed too: `a·(-b)`, `a - (-b)`.
  const std::string right = b.prec == prec::prefix ? "(" + b.text + ")" : operand(b, p + 1);
  return {operand(a, p) + sep + std::string(op) + sep + right, p, rank};
}

}  // namespace ctgrad

#endif

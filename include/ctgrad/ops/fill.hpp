// fill: a constant tensor of any shape (zeros, ones, or any compile-time value), a node without operands.
#ifndef CTGRAD_OPS_FILL_HPP
#define CTGRAD_OPS_FILL_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/shape_arg.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {
namespace ops {
struct neg;  // -2_c is node<neg, constant<...>>: fill<S>(-2_c) reads the value through it

/// Shape rule: S (no operands). Forward: every element is the double whose bit pattern is `Bits`
/// (a bit pattern because clang 14 has no floating-point template arguments; see constant).
template <class S, std::uint64_t Bits>
struct fill {
  static constexpr std::string_view name = "fill";
  static constexpr double value = std::bit_cast<double>(Bits);
  template <class...>
  using shape_t = S;

  template <class T, class Out>
  static constexpr void forward(T* out) noexcept {
    for (std::size_t i = 0; i < Out::size; ++i) out[i] = static_cast<T>(value);
  }

  /// A scalar prints as its number; a tensor as zeros(2, 3), ones(2, 3) or fill(2, 3; 0.5), in
  /// LaTeX as \mathbf{0}_{[2, 3]}, \mathbf{1}_{[2, 3]} or \operatorname{fill}_{[2, 3]}(0.5).
  static constexpr term print(notation n) {
    if constexpr (S::rank == 0) {
      return number_term(n, value);
    } else {
      const constexpr_string dims = detail::dims_text<S>(n);
      if (n == notation::latex) {
        if (Bits == 0) return {"\\mathbf{0}_{" + dims + "}", prec::primary, S::rank};
        if (value == 1.0) return {"\\mathbf{1}_{" + dims + "}", prec::primary, S::rank};
        return call(n, {name, "\\operatorname{fill}"}, dims.view(), number_term(n, value), S::rank);
      }
      if (Bits == 0) return {"zeros(" + dims + ")", prec::primary, S::rank};
      if (value == 1.0) return {"ones(" + dims + ")", prec::primary, S::rank};
      return {"fill(" + dims + "; " + format_number(value) + ")", prec::primary, S::rank};
    }
  }
};
}  // namespace ops

namespace detail {
/// The bit pattern of a constant `c` or of its negation `-c` (how `-2_c` is spelled), and whether
/// `C` is one of those.
template <class C>
struct constant_value {
  static constexpr bool ok = false;
  static constexpr std::uint64_t bits = 0;
};
template <std::uint64_t Bits>
struct constant_value<constant<Bits>> {
  static constexpr bool ok = true;
  static constexpr std::uint64_t bits = Bits;
};
template <std::uint64_t Bits>
struct constant_value<node<ops::neg, constant<Bits>>> {
  static constexpr bool ok = true;
  static constexpr std::uint64_t bits = Bits ^ (std::uint64_t{1} << 63);
};

template <class C>
struct fill_check {
  static_assert(constant_value<C>::ok, "ctgrad: fill<S>(c) needs a compile-time constant such as 0_c");
  static constexpr bool ok = constant_value<C>::ok;
};

template <class E>
inline constexpr bool is_zero_impl = false;
template <class S, std::uint64_t Bits>
inline constexpr bool is_zero_impl<node<ops::fill<S, Bits>>> = (Bits << 1) == 0;  // +0.0 or -0.0
}  // namespace detail

/// `fill<S>(c)`: a tensor of shape `S` with every element the constant `c` (`fill<shape<2, 3>>(0.5_c)`).
/// `c` must be a compile-time constant (`0_c`, `-2_c`, `scalar_c<1, 3>`): its value is part of the type.
template <ops::detail::shape_arg S, class C>
constexpr auto fill(C) noexcept {
  if constexpr (is_error_v<C>)
    return error_node{};
  else
    return detail::make_node<ops::fill<S, detail::constant_value<C>::bits>, detail::fill_check<C>>();
}

/// `zeros<S>`: the tensor of shape `S` whose elements are all 0 (`is_zero_v` holds for it).
template <ops::detail::shape_arg S>
inline constexpr node<ops::fill<S, std::bit_cast<std::uint64_t>(0.0)>> zeros{};

/// The type of `zeros<S>`.
template <class S>
using zeros_t = node<ops::fill<S, std::bit_cast<std::uint64_t>(0.0)>>;

/// `ones<S>`: the tensor of shape `S` whose elements are all 1.
template <ops::detail::shape_arg S>
inline constexpr node<ops::fill<S, std::bit_cast<std::uint64_t>(1.0)>> ones{};

/// `is_zero_v<E>`: true exactly when `E` is a fill node whose value is 0 (either sign), i.e. an
/// expression known to be identically zero from its type alone (`zeros<S>`, `fill<S>(0_c)`).
/// cv-qualifiers and references are ignored, so `is_zero_v<decltype(g)>` works on a constexpr `g`.
template <class E>
inline constexpr bool is_zero_v = detail::is_zero_impl<std::remove_cvref_t<E>>;

}  // namespace ctgrad

#endif

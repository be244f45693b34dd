// Shared machinery of unary elementwise ops: shape rule (identity) and the forward loop.
#ifndef CTGRAD_OPS_DETAIL_UNARY_HPP
#define CTGRAD_OPS_DETAIL_UNARY_HPP

#include <cstddef>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/math.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad::ops::detail {

/// CRTP base: `Op` provides `name`, `latex` (its LaTeX spelling) and `static constexpr T apply(T)`.
template <class Op>
struct unary_elementwise {
  template <class S>
  using shape_t = S;

  template <class T, class Out, class In>
  static constexpr void forward(T* out, const T* in) noexcept {
    for (std::size_t i = 0; i < Out::size; ++i) out[i] = Op::apply(in[i]);
  }

  static constexpr term print(notation n, const term& a) { return call(n, {Op::name, Op::latex}, a, a.rank); }

  /// Constant folding: the op of a constant or a fill is computed when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    if constexpr (ctgrad::detail::known<A>::ok)
      return ctgrad::detail::known_t<typename A::shape_type, ctgrad::detail::bits(Op::apply(ctgrad::detail::known<A>::value))>{};
    else
      return node<Op, A>{};
  }
};

}  // namespace ctgrad::ops::detail

#endif

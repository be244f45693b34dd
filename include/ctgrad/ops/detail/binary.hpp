// Shared machinery of binary elementwise ops: broadcast shape rule, broadcast forward loop, and the
// message for plain numbers used as operands.
#ifndef CTGRAD_OPS_DETAIL_BINARY_HPP
#define CTGRAD_OPS_DETAIL_BINARY_HPP

#include <array>
#include <cstddef>
#include <string>
#include <type_traits>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/shape_arg.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/sum_to.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/broadcast.hpp>

namespace ctgrad {
namespace ops::detail {

/// CRTP base: `Op` provides `symbol`, `latex` (its LaTeX spelling), `precedence` and
/// `static constexpr T apply(T, T)`.
template <class Op>
struct binary_elementwise {
  template <class A, class B>
  using shape_t = broadcast_t<A, B>;

  template <class T, class Out, class A, class B>
  static constexpr void forward(T* out, const T* a, const T* b) noexcept {
    if constexpr (A::size == Out::size && B::size == Out::size) {
      for (std::size_t i = 0; i < Out::size; ++i) out[i] = Op::apply(a[i], b[i]);
    } else if constexpr (B::size == 1 && A::size == Out::size) {
      const T s = b[0];
      for (std::size_t i = 0; i < Out::size; ++i) out[i] = Op::apply(a[i], s);
    } else if constexpr (A::size == 1 && B::size == Out::size) {
      const T s = a[0];
      for (std::size_t i = 0; i < Out::size; ++i) out[i] = Op::apply(s, b[i]);
    } else if constexpr (A::size == Out::size) {
      // One operand broadcast (a bias over the batch): runs along which it is one value or
      // contiguous, where the loop vectorises.
      detail::for_each_broadcast<B, Out>([&](std::size_t k, std::size_t j) { out[k] = Op::apply(a[k], b[j]); });
    } else if constexpr (B::size == Out::size) {
      detail::for_each_broadcast<A, Out>([&](std::size_t k, std::size_t j) { out[k] = Op::apply(a[j], b[k]); });
    } else {
      // General broadcast: walk the output row-major, advancing each operand by its own strides.
      constexpr std::size_t R = Out::rank;
      constexpr auto sa = ctgrad::detail::broadcast_strides<A, Out>();
      constexpr auto sb = ctgrad::detail::broadcast_strides<B, Out>();
      std::array<std::size_t, R> idx{};
      std::size_t ia = 0, ib = 0;
      for (std::size_t k = 0; k < Out::size; ++k) {
        out[k] = Op::apply(a[ia], b[ib]);
        for (std::size_t d = R; d-- > 0;) {
          ++idx[d];
          ia += sa[d];
          ib += sb[d];
          if (idx[d] < Out::dims[d]) break;
          ia -= sa[d] * Out::dims[d];
          ib -= sb[d] * Out::dims[d];
          idx[d] = 0;
        }
      }
    }
  }

  static constexpr term print(notation n, const term& a, const term& b) {
    return infix(n, a, {Op::symbol, Op::latex}, b, Op::precedence, a.rank > b.rank ? a.rank : b.rank);
  }

  /// Constant folding: the op of two constants or fills is computed when the node is built. Ops
  /// with identities (x + 0, 1·x, ...) define their own `rewrite` and end with this one.
  static constexpr bool rewrites = true;
  template <class A, class B>
  static constexpr auto rewrite(A, B) noexcept {
    using ctgrad::detail::known;
    if constexpr (known<A>::ok && known<B>::ok)
      return ctgrad::detail::known_t<broadcast_t<typename A::shape_type, typename B::shape_type>, ctgrad::detail::bits(
          Op::apply(known<A>::value, known<B>::value))>{};
    else
      return node<Op, A, B>{};
  }
};

/// The adjoint of broadcasting: `g` summed back to shape `S` (itself when no axis was stretched).
template <class S, class G>
constexpr auto reduce_to(G g) noexcept {
  if constexpr (__is_same(S, shape_of_t<G>))
    return g;
  else
    return ctgrad::sum_to<S>(g);
}

}  // namespace ops::detail

namespace detail {
template <class N>
struct plain_number_check {
  static_assert(!std::is_arithmetic_v<N>,
                "ctgrad: a plain number in an expression must be a compile-time constant: "
                "write 2_c (using namespace ctgrad::literals) or scalar_c<2>");
  static constexpr bool ok = false;
};
}  // namespace detail

/// A plain C++ number next to an expression is not part of the graph's type, so it is refused
/// with one message (use `2_c`); these overloads exist only to say so.
/// (`!expression<N>` first: the conjunction then never instantiates is_arithmetic for the many
/// node types that meet these overloads, which measurably slowed deep graphs.)
template <class N>
concept plain_number = !expression<N> && std::is_arithmetic_v<N>;

}  // namespace ctgrad

/// Declares `a OP n` and `n OP a` for plain numbers `n`, which fail with the plain-number message.
#define CTGRAD_REFUSE_PLAIN_NUMBER(OP)                                                          \
  template <::ctgrad::expression A, ::ctgrad::plain_number N>                                  \
  constexpr auto operator OP(A, N) noexcept {                                                   \
    return ::ctgrad::detail::make_node<void, ::ctgrad::detail::plain_number_check<N>, A>();    \
  }                                                                                             \
  template <::ctgrad::plain_number N, ::ctgrad::expression A>                                  \
  constexpr auto operator OP(N, A) noexcept {                                                   \
    return ::ctgrad::detail::make_node<void, ::ctgrad::detail::plain_number_check<N>, A>();    \
  }

#endif

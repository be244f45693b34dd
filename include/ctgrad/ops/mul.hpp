// mul: elementwise product (Hadamard) with broadcasting, spelled `a % b`.
#ifndef CTGRAD_OPS_MUL_HPP
#define CTGRAD_OPS_MUL_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/binary.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/shape/broadcast.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: broadcast_t<A, B> (aligned from the first axis). Forward: a * b.
struct mul : detail::binary_elementwise<mul> {
  static constexpr std::string_view name = "mul";
  static constexpr int precedence = prec::multiplicative;
  static constexpr std::string_view symbol = "⊙";
  static constexpr std::string_view latex = "\\odot";
  template <class T>
  static constexpr T apply(T a, T b) noexcept {
    return a * b;
  }
  /// Scaling by a scalar prints as `c·a`; only a product of two tensors is the Hadamard `a ⊙ b`.
  static constexpr term print(notation n, const term& a, const term& b) {
    const bool scaling = a.rank == 0 || b.rank == 0;
    return infix(n, a, scaling ? spelling{"·", "\\cdot"} : spelling{symbol, latex}, b, precedence, a.rank > b.rank ? a.rank : b.rank);
  }
  /// 0·x = 0 (for finite x), 1·x = x, (-1)·x = -x, a known tensor c·x becomes the scalar c times
  /// x (no buffer of c's), c1·(c2·x) = (c1c2)·x, c·(-x) = (-c)·x, and constant folding.
  template <class A, class B>
  static constexpr auto rewrite(A a, B b) noexcept {
    namespace d = ctgrad::detail;
    using S = broadcast_t<shape_of_t<A>, shape_of_t<B>>;
    if constexpr (d::known<A>::ok && d::known<B>::ok)
      return binary_elementwise<mul>::rewrite(a, b);
    else if constexpr (d::known<A>::zero || d::known<B>::zero)
      return d::known_t<S, ctgrad::detail::bits(0.0)>{};
    else if constexpr (d::known<B>::ok)  // constants first: c·x
      return rewrite(b, a);
    else if constexpr (d::known<A>::ok && d::has_shape_v<B, S>) {
      constexpr double c = d::known<A>::value;
      if constexpr (c == 1.0)
        return b;
      else if constexpr (c == -1.0)
        return -b;
      else if constexpr (d::scaled<B>::ok)
        return rewrite(d::known_t<shape<>, d::bits(c * d::scaled<B>::value)>{}, typename d::scaled<B>::rest{});
      else if constexpr (!__is_same(typename d::negated<B>::type, void))  // c·(-x) = (-c)·x
        return rewrite(d::known_t<shape<>, d::bits(-c)>{}, typename d::negated<B>::type{});
      else
        return node<mul, d::known_t<shape<>, d::bits(c)>, B>{};
    } else
      return node<mul, A, B>{};
  }

  /// VJP: the adjoint of operand I given the adjoint `g` of this node `n`; operands that were
  /// broadcast get theirs summed back to their own shape.
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp([[maybe_unused]] node<mul, A, B> n, G g) noexcept {
    if constexpr (I == 0)
      return detail::reduce_to<shape_of_t<A>>(g % B{});
    else
      return detail::reduce_to<shape_of_t<B>>(g % A{});
  }
};
}  // namespace ops

namespace detail {
template <class A, class B>
struct mul_check {
  static_assert(broadcastable_v<A, B>,
                "ctgrad: mul(a, b) needs broadcastable shapes: aligned from the first axis, each pair of dims equal or 1");
  static constexpr bool ok = broadcastable_v<A, B>;
};
}  // namespace detail

/// `mul`: elementwise product (Hadamard); a scalar or a shorter shape broadcasts.
template <expression A, expression B>
constexpr auto mul(A, B) noexcept {
  return detail::make_node<ops::mul, detail::mul_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

/// `a % b`: the same elementwise product (`*` between two tensors is the matrix product).
template <expression A, expression B>
constexpr auto operator%(A a, B b) noexcept {
  return mul(a, b);
}

CTGRAD_REFUSE_PLAIN_NUMBER(%)

}  // namespace ctgrad

#endif

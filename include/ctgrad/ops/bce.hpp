// bce: binary cross-entropy −Σ [y log p + (1 − y) log(1 − p)], fused with a sigmoid that produced p
// into the softplus form whose adjoint is σ(a) − y.
#ifndef CTGRAD_OPS_BCE_HPP
#define CTGRAD_OPS_BCE_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/math.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {

namespace detail {
template <class P, class Y>
struct bce_check {
  static_assert(__is_same(P, Y), "ctgrad: bce(p, y) needs p and y of the same shape");
  static constexpr bool ok = __is_same(P, Y);
};
}  // namespace detail

namespace ops {
/// Shape rule: [] (a scalar) from logits a and targets y of the same shape. Forward: the binary
/// cross-entropy of sigmoid(a) against y summed over every element, written as
/// Σ max(a, 0) − a·y + log1p(e^−|a|): finite and exact at a = ±1000, where log(sigmoid(a)) is −inf.
struct bce_with_logits {
  static constexpr std::string_view name = "bce_with_logits";
  template <class A, class Y>
  using shape_t = shape<>;

  template <class T, class Out, class A, class Y>
  static constexpr void forward(T* out, const T* a, const T* y) noexcept {
    T total = T(0);
    for (std::size_t i = 0; i < A::size; ++i) {
      const T x = a[i];
      total += (x > T(0) ? x : T(0)) - x * y[i] + math::log1p(math::exp(-math::abs(x)));
    }
    out[0] = total;
  }

  /// bce(sigmoid(a), y), as it was written.
  static constexpr term print(notation n, const term& a, const term& y) {
    const term p = sigmoid::print(n, a);
    return {spelling{"bce", "\\operatorname{bce}"}(n) + ("(" + p.text + ", " + y.text + ")"), prec::primary, 0};
  }

  /// VJP. Logits: g·(σ(a) − y). Targets: g·(−a).
  template <std::size_t I, class A, class Y, class G>
  static constexpr auto vjp(node<bce_with_logits, A, Y>, G g) noexcept {
    if constexpr (I == 0)
      return ctgrad::mul(g, ctgrad::sigmoid(A{}) - Y{});
    else
      return ctgrad::mul(g, -A{});
  }
};
}  // namespace ops

/// `bce_with_logits(a, y)`: the binary cross-entropy of sigmoid(a) against targets y in [0, 1],
/// from the logits a, summed over every element; stable for any a, gradient σ(a) − y.
template <expression A, expression Y>
constexpr auto bce_with_logits(A, Y) noexcept {
  return detail::make_node<ops::bce_with_logits, detail::bce_check<shape_of_t<A>, shape_of_t<Y>>, A, Y>();
}

/// `bce(p, y)`: −Σ [y ⊙ log p + (1 − y) ⊙ log(1 − p)] for probabilities p and targets y of the same
/// shape. When p is `sigmoid(a)`, the node built is bce_with_logits(a, y).
template <expression P, expression Y>
constexpr auto bce(P p, Y y) noexcept {
  if constexpr (is_error_v<P> || is_error_v<Y>)
    return error_node{};
  else if constexpr (!detail::bce_check<shape_of_t<P>, shape_of_t<Y>>::ok)
    return error_node{};
  else if constexpr (detail::is_op_v<P, ops::sigmoid>)
    return bce_with_logits(detail::arg_t<P, 0>{}, y);
  else
    return -sum(y % log(p) + (scalar_c<1> - y) % log(scalar_c<1> - p));
}

}  // namespace ctgrad

#endif

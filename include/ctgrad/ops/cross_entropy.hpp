// cross_entropy: −Σ y ⊙ log p, fused with a softmax that produced p into the stable log-sum-exp
// form whose adjoint is p − y (for a distribution target) or p·Σy − y (for any target).
#ifndef CTGRAD_OPS_CROSS_ENTROPY_HPP
#define CTGRAD_OPS_CROSS_ENTROPY_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/axis.hpp>
#include <ctgrad/ops/detail/math.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/log_softmax.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/print/term.hpp>

namespace ctgrad {

namespace detail {
template <class P, class Y>
struct cross_entropy_check {
  static_assert(__is_same(P, Y), "ctgrad: cross_entropy(p, y) needs p and y of the same shape");
  static constexpr bool ok = __is_same(P, Y);
};
}  // namespace detail

namespace ops {
/// Shape rule: [] (a scalar) from logits z and a target y of the same shape. Forward: the
/// cross-entropy of softmax<Axis>(z) against y summed over every slice, −Σ y ⊙ log_softmax(z),
/// computed per slice as Σ_k y_k (max − z_k) + Σy · log Σ_k exp(z_k − max): no exponent is
/// positive, so logits of ±800 give the exact finite loss where softmax-then-log gives NaN.
template <std::size_t Axis>
struct softmax_cross_entropy {
  static constexpr std::string_view name = "softmax_cross_entropy";
  template <class Z, class Y>
  using shape_t = shape<>;

  template <class T, class Out, class Z, class Y>
  static constexpr void forward(T* out, const T* z, const T* y) noexcept {
    using s = detail::axis_split<Z, Axis>;
    T total = T(0);
    for (std::size_t o = 0; o < s::outer; ++o)
      for (std::size_t i = 0; i < s::inner; ++i) {
        const std::size_t base = o * s::n * s::inner + i;
        T mx = z[base];
        for (std::size_t k = 1; k < s::n; ++k) mx = z[base + k * s::inner] > mx ? z[base + k * s::inner] : mx;
        T se = T(0), sy = T(0), dot = T(0);
        for (std::size_t k = 0; k < s::n; ++k) {
          const std::size_t j = base + k * s::inner;
          se += math::exp(z[j] - mx);
          sy += y[j];
          dot += y[j] * (mx - z[j]);
        }
        total += dot + sy * math::log(se);
      }
    out[0] = total;
  }

  /// cross_entropy(softmax(z), y), as it was written.
  static constexpr term print(notation n, const term& z, const term& y) {
    const term p = softmax<Axis>::print(n, z);
    return {spelling{"cross_entropy", "\\operatorname{cross\\_entropy}"}(n) + ("(" + p.text + ", " + y.text + ")"),
            prec::primary, 0};
  }

  /// VJP. Logits: g·(softmax(z) − y) when y is a `distribution` (each slice sums to one), else
  /// g·(softmax(z) ⊙ Σ_axis y − y) (seed S37: the short form is wrong for other targets).
  /// Target: g·(−log_softmax(z)).
  template <std::size_t I, class Z, class Y, class G>
  static constexpr auto vjp(node<softmax_cross_entropy, Z, Y>, G g) noexcept {
    constexpr int ax = static_cast<int>(Axis);
    if constexpr (I == 0) {
      if constexpr (ctgrad::detail::is_distribution_v<Y, Axis>)
        return ctgrad::mul(g, ctgrad::softmax<ax>(Z{}) - Y{});
      else
        return ctgrad::mul(g, ctgrad::softmax<ax>(Z{}) % ctgrad::expand_axis<ax, shape_of_t<Z>::dims[Axis]>(
                                                            ctgrad::sum<ax>(Y{})) -
                                  Y{});
    } else {
      return ctgrad::mul(g, -ctgrad::log_softmax<ax>(Z{}));
    }
  }
};
}  // namespace ops

/// `softmax_cross_entropy<Axis>(z, y)`: the cross-entropy of softmax(z) against target y, from the
/// logits z, summed over the batch: the stable fused form (see ops::softmax_cross_entropy). Its
/// gradient with respect to z is `softmax(z) − y` when y is declared a `distribution`.
template <int Axis = 0, expression Z, expression Y>
constexpr auto softmax_cross_entropy(Z, Y) noexcept {
  if constexpr (is_error_v<Z> || is_error_v<Y>)
    return error_node{};
  else if constexpr (detail::softmax_check<shape_of_t<Z>, Axis>::ok)
    return detail::make_node<ops::softmax_cross_entropy<static_cast<std::size_t>(Axis)>,
                             detail::cross_entropy_check<shape_of_t<Z>, shape_of_t<Y>>, Z, Y>();
  else
    return error_node{};
}

namespace detail {
template <class P>
struct softmax_of {
  static constexpr bool ok = false;
};
template <std::size_t Axis, class Z>
struct softmax_of<node<ops::softmax<Axis>, Z>> {
  static constexpr bool ok = true;
  static constexpr int axis = static_cast<int>(Axis);
  using logits = Z;
};
}  // namespace detail

/// `cross_entropy(p, y)`: −Σ y ⊙ log p over every element (summed over the batch), for
/// probabilities p and a target y of the same shape. When p is `softmax(z)`, the node built is
/// softmax_cross_entropy(z, y): stable at saturated logits, adjoint `p − y` for a distribution y.
template <expression P, expression Y>
constexpr auto cross_entropy(P p, Y y) noexcept {
  if constexpr (is_error_v<P> || is_error_v<Y>)
    return error_node{};
  else if constexpr (!detail::cross_entropy_check<shape_of_t<P>, shape_of_t<Y>>::ok)
    return error_node{};
  else if constexpr (detail::softmax_of<P>::ok)
    return softmax_cross_entropy<detail::softmax_of<P>::axis>(typename detail::softmax_of<P>::logits{}, y);
  else
    return -sum(y % log(p));
}

}  // namespace ctgrad

#endif

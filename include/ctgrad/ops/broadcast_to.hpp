// broadcast_to: repeats a tensor to a larger shape it broadcasts to.
#ifndef CTGRAD_OPS_BROADCAST_TO_HPP
#define CTGRAD_OPS_BROADCAST_TO_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/sum_to.hpp>
#include <ctgrad/ops/detail/shape_arg.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/broadcast.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
template <class A, class S>
struct broadcast_to_check {
  static_assert(ops::detail::broadcasts_onto_v<A, S>, "ctgrad: broadcast_to<S>(a) needs a's shape to broadcast to S");
  static constexpr bool ok = ops::detail::broadcasts_onto_v<A, S>;
};
}  // namespace detail

namespace ops {
/// Shape rule: S. Forward: a repeated along the axes where it has size 1 or is missing
/// (aligned from the first axis, like every broadcast).
template <class S>
struct broadcast_to {
  static constexpr std::string_view name = "broadcast_to";
  template <class A>
  using shape_t = S;

  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    detail::for_each_broadcast<A, Out>([&](std::size_t k, std::size_t j) { out[k] = a[j]; });
  }

  static constexpr term print(notation n, const term& a) {
    return call(n, {"broadcast_to", "\\operatorname{broadcast\\_to}"}, detail::dims_text<S>(n).view(), a, S::rank);
  }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<broadcast_to, S, 1, A>();
  }

  /// VJP: the adjoint summed back over the stretched axes.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<broadcast_to, A>, G g) noexcept {
    return ctgrad::sum_to<shape_of_t<A>>(g);
  }
};
}  // namespace ops

/// `broadcast_to<S>(a)`: a repeated to shape `S` (a's shape must broadcast to S). Example:
/// `broadcast_to<shape<4, 5>>(b)` with b of shape<4> repeats the column 5 times.
template <ops::detail::shape_arg S, expression A>
constexpr auto broadcast_to(A) noexcept {
  return detail::make_node<ops::broadcast_to<S>, detail::broadcast_to_check<shape_of_t<A>, S>, A>();
}

template <class S>
template <std::size_t I, class G0, class G>
constexpr auto ops::sum_to<S>::vjp(node<sum_to, G0>, G g) noexcept {
  return ctgrad::broadcast_to<shape_of_t<G0>>(g);
}

}  // namespace ctgrad

#endif

// sum_to: sums a tensor down to a shape that broadcasts to it (the adjoint of broadcasting).
#ifndef CTGRAD_OPS_SUM_TO_HPP
#define CTGRAD_OPS_SUM_TO_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/exec/simd.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/detail/shape_arg.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/broadcast.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
template <class S, class G>
struct sum_to_check {
  static_assert(ops::detail::broadcasts_onto_v<S, G>, "ctgrad: sum_to<S>(g) needs S to broadcast to g's shape");
  static constexpr bool ok = ops::detail::broadcasts_onto_v<S, G>;
};
}  // namespace detail

namespace ops {
/// Shape rule: S. Forward: each element of S is the sum of the elements of g it was broadcast to
/// (the axes along which S stretched are summed; S == g's shape is a copy).
template <class S>
struct sum_to {
  static constexpr std::string_view name = "sum_to";
  template <class G>
  using shape_t = S;

  template <class T, class Out, class G>
  static constexpr void forward(T* out, const T* g) noexcept {
    for (std::size_t i = 0; i < Out::size; ++i) out[i] = T(0);
    if constexpr (Out::size == 1) {
      out[0] = exec::sum(g, G::size);
    } else if constexpr (Out::size != G::size && detail::broadcast_run<Out, G>::zero) {
      // Runs of g that land on one element: summed by lanes (a bias's gradient, over the batch).
      detail::for_each_broadcast_run<Out, G>([&](std::size_t k, std::size_t j, std::size_t n) { out[j] += exec::sum(g + k, n); });
    } else {
      detail::for_each_broadcast<Out, G>([&](std::size_t k, std::size_t j) { out[j] += g[k]; });
    }
  }

  static constexpr term print(notation n, const term& g) {
    return call(n, {"sum_to", "\\operatorname{sum\\_to}"}, detail::dims_text<S>(n).view(), g, S::rank);
  }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<sum_to, S, shape_of_t<A>::size / S::size, A>();
  }

  /// VJP: the adjoint broadcast back to the operand's shape (defined in broadcast_to.hpp, which
  /// includes this header).
  template <std::size_t I, class G0, class G>
  static constexpr auto vjp(node<sum_to, G0>, G g) noexcept;
};
}  // namespace ops

/// `sum_to<S>(g)`: g summed over the axes along which shape `S` broadcasts to g's shape; the result
/// has shape S. Example: `sum_to<shape<4>>(g)` with g of shape<4, 5> sums each row.
template <ops::detail::shape_arg S, expression G>
constexpr auto sum_to(G) noexcept {
  return detail::make_node<ops::sum_to<S>, detail::sum_to_check<S, shape_of_t<G>>, G>();
}

}  // namespace ctgrad

#endif

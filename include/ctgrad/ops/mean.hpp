// mean: mean over all elements, or over one axis.
#ifndef CTGRAD_OPS_MEAN_HPP
#define CTGRAD_OPS_MEAN_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/broadcast_to.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/detail/axis.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {
namespace ops {
/// Shape rule: [] (a scalar). Forward: the mean of every element.
struct mean_all {
  static constexpr std::string_view name = "mean";
  template <class A>
  using shape_t = shape<>;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    T acc = T(0);
    for (std::size_t i = 0; i < A::size; ++i) acc += a[i];
    out[0] = acc / T(A::size);
  }
  static constexpr term print(notation n, const term& a) { return call(n, {"mean", "\\operatorname{mean}"}, a, 0); }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<mean_all, shape<>, 1, A>();
  }
  /// VJP: the scalar adjoint spread over every element (divided by their number).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<mean_all, A>, G g) noexcept {
    return ctgrad::broadcast_to<shape_of_t<A>>(g * scalar_c<1, static_cast<std::int64_t>(shape_of_t<A>::size)>);
  }
};

/// Shape rule: the operand's shape without axis `Axis`. Forward: the mean along that axis.
template <std::size_t Axis>
struct mean_axis {
  static constexpr std::string_view name = "mean";
  template <class A>
  using shape_t = remove_axis_t<A, Axis>;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    using s = detail::axis_split<A, Axis>;
    for (std::size_t o = 0; o < s::outer; ++o)
      for (std::size_t i = 0; i < s::inner; ++i) {
        T acc = T(0);
        for (std::size_t k = 0; k < s::n; ++k) acc += a[(o * s::n + k) * s::inner + i];
        out[o * s::inner + i] = acc / T(s::n);
      }
  }
  static constexpr term print(notation n, const term& a) {
    return call(n, {"mean", "\\operatorname{mean}"}, format_integer(Axis).view(), a, a.rank - 1);
  }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<mean_axis, remove_axis_t<shape_of_t<A>, Axis>, 1, A>();
  }
  /// VJP: the adjoint repeated along the reduced axis (divided by its length).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<mean_axis, A>, G g) noexcept {
    return ctgrad::expand_axis<Axis, shape_of_t<A>::dims[Axis]>(g * scalar_c<1, static_cast<std::int64_t>(shape_of_t<A>::dims[Axis])>);
  }
};
}  // namespace ops

namespace detail {
template <class S, int Axis>
struct mean_axis_check {
  static_assert(Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank,
                "ctgrad: mean<axis>(a) needs 0 <= axis < rank of a");
  static constexpr bool ok = Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank;
};
}  // namespace detail

/// `mean(a)`: the mean of all elements, a scalar.
template <expression A>
constexpr auto mean(A) noexcept {
  return detail::make_node<ops::mean_all, detail::no_check, A>();
}

/// `mean<Axis>(a)`: the mean along `Axis`, which is removed from the shape.
template <int Axis, expression A>
constexpr auto mean(A) noexcept {
  return detail::make_node<ops::mean_axis<static_cast<std::size_t>(Axis < 0 ? 0 : Axis)>,
                           detail::mean_axis_check<shape_of_t<A>, Axis>, A>();
}

}  // namespace ctgrad

#endif

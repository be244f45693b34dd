// mean: mean over all elements, or over one axis.
#ifndef CTGRAD_OPS_MEAN_HPP
#define CTGRAD_OPS_MEAN_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/axis.hpp>
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
  static term print(const term& a) { return call("mean", a, 0); }
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
  static term print(const term& a) { return call("mean<" + std::to_string(Axis) + ">", a, a.rank - 1); }
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

// expand_axis: inserts a new axis and repeats the tensor along it (the adjoint of sum<axis>).
#ifndef CTGRAD_OPS_EXPAND_AXIS_HPP
#define CTGRAD_OPS_EXPAND_AXIS_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/detail/axis.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
/// Shape `S` with a new axis of size `N` inserted before axis `Axis` (Axis == rank appends it).
template <class S, std::size_t Axis, std::size_t N>
struct insert_axis {
  static constexpr auto dims = [] {
    std::array<std::size_t, S::rank + 1> out{};
    for (std::size_t i = 0, j = 0; i < S::rank + 1; ++i) out[i] = i == Axis ? N : S::dims[j++];
    return out;
  }();
  using type = typename shape_from_array<dims>::type;
};

template <class S, int Axis, std::size_t N>
struct expand_axis_check {
  // The conditions are spelled out (not through a named member) so that clang prints the shape.
  static_assert(Axis >= 0 && static_cast<std::size_t>(Axis) <= S::rank,
                "ctgrad: expand_axis<axis, n>(a) needs 0 <= axis <= rank of a");
  static_assert(!(Axis >= 0 && static_cast<std::size_t>(Axis) <= S::rank) || N > 0,
                "ctgrad: expand_axis<axis, n>(a) needs n >= 1");
  static constexpr bool ok = Axis >= 0 && static_cast<std::size_t>(Axis) <= S::rank && N > 0;
};
}  // namespace detail

/// `insert_axis_t<shape<3>, 1, 5>` is `shape<3, 5>`.
template <class S, std::size_t Axis, std::size_t N>
using insert_axis_t = typename detail::insert_axis<S, Axis, N>::type;

namespace ops {
/// Shape rule: the operand's shape with a new axis of size N at position Axis. Forward: the operand
/// repeated N times along it.
template <std::size_t Axis, std::size_t N>
struct expand_axis {
  static constexpr std::string_view name = "expand_axis";
  template <class A>
  using shape_t = insert_axis_t<A, Axis, N>;

  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    using s = detail::axis_split<Out, Axis>;
    for (std::size_t o = 0; o < s::outer; ++o)
      for (std::size_t k = 0; k < s::n; ++k)
        for (std::size_t i = 0; i < s::inner; ++i) out[(o * s::n + k) * s::inner + i] = a[o * s::inner + i];
  }

  static constexpr term print(notation n, const term& a) {
    return call(n, {"expand_axis", "\\operatorname{expand\\_axis}"}, (format_integer(Axis) + ", " + format_integer(N)).view(), a,
                a.rank + 1);
  }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<expand_axis, insert_axis_t<shape_of_t<A>, Axis, N>, 1, A>();
  }

  /// VJP: the adjoint summed along the inserted axis (defined in sum.hpp, which includes this
  /// header).
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<expand_axis, A>, G g) noexcept;
};
}  // namespace ops

/// `expand_axis<Axis, N>(a)`: a new axis of size N at position Axis (0 <= Axis <= rank of a), a
/// repeated along it. Example: a of shape<3>: expand_axis<1, 5>(a) has shape<3, 5> (a as a column
/// over a batch of 5), expand_axis<0, 2>(a) has shape<2, 3>.
template <int Axis, std::size_t N, expression A>
constexpr auto expand_axis(A) noexcept {
  return detail::make_node<ops::expand_axis<static_cast<std::size_t>(Axis < 0 ? 0 : Axis), N>,
                           detail::expand_axis_check<shape_of_t<A>, Axis, N>, A>();
}

}  // namespace ctgrad

#endif

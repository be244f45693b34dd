// sum: sum over all elements, or over one axis.
#ifndef CTGRAD_OPS_SUM_HPP
#define CTGRAD_OPS_SUM_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <ctgrad/exec/simd.hpp>
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
/// Shape rule: [] (a scalar). Forward: the sum of every element.
struct sum_all {
  static constexpr std::string_view name = "sum";
  template <class A>
  using shape_t = shape<>;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    out[0] = exec::sum(a, A::size);
  }
  static constexpr term print(notation n, const term& a) { return call(n, {"sum", "\\operatorname{sum}"}, a, 0); }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<sum_all, shape<>, shape_of_t<A>::size, A>();
  }
  /// VJP: the scalar adjoint spread over every element.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<sum_all, A>, G g) noexcept {
    return ctgrad::broadcast_to<shape_of_t<A>>(g);
  }
};

/// Shape rule: the operand's shape without axis `Axis`. Forward: the sum along that axis.
template <std::size_t Axis>
struct sum_axis {
  static constexpr std::string_view name = "sum";
  template <class A>
  using shape_t = remove_axis_t<A, Axis>;
  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    using s = detail::axis_split<A, Axis>;
    for (std::size_t o = 0; o < s::outer; ++o) {
      if constexpr (s::inner == 1) {
        out[o] = exec::sum(a + o * s::n, s::n);
      } else {
        // Row by row along the summed axis: the inner loop runs along contiguous memory.
        T* r = out + o * s::inner;
        for (std::size_t i = 0; i < s::inner; ++i) r[i] = T(0);
        for (std::size_t k = 0; k < s::n; ++k)
          for (std::size_t i = 0; i < s::inner; ++i) r[i] += a[(o * s::n + k) * s::inner + i];
      }
    }
  }
  static constexpr term print(notation n, const term& a) {
    return call(n, {"sum", "\\operatorname{sum}"}, format_integer(Axis).view(), a, a.rank - 1);
  }

  /// Constant folding: of a constant or a fill, the result is known when the node is built.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<sum_axis, remove_axis_t<shape_of_t<A>, Axis>, shape_of_t<A>::dims[Axis], A>();
  }
  /// VJP: the adjoint repeated along the reduced axis.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<sum_axis, A>, G g) noexcept {
    return ctgrad::expand_axis<Axis, shape_of_t<A>::dims[Axis]>(g);
  }
};
}  // namespace ops

namespace detail {
template <class S, int Axis>
struct sum_axis_check {
  static_assert(Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank,
                "ctgrad: sum<axis>(a) needs 0 <= axis < rank of a");
  static constexpr bool ok = Axis >= 0 && static_cast<std::size_t>(Axis) < S::rank;
};
}  // namespace detail

/// `sum(a)`: the sum of all elements, a scalar.
template <expression A>
constexpr auto sum(A) noexcept {
  return detail::make_node<ops::sum_all, detail::no_check, A>();
}

/// `sum<Axis>(a)`: the sum along `Axis`, which is removed from the shape.
template <int Axis, expression A>
constexpr auto sum(A) noexcept {
  return detail::make_node<ops::sum_axis<static_cast<std::size_t>(Axis < 0 ? 0 : Axis)>,
                           detail::sum_axis_check<shape_of_t<A>, Axis>, A>();
}

template <std::size_t Axis, std::size_t N>
template <std::size_t I, class A, class G>
constexpr auto ops::expand_axis<Axis, N>::vjp(node<expand_axis, A>, G g) noexcept {
  return ctgrad::sum<static_cast<int>(Axis)>(g);
}

}  // namespace ctgrad

#endif

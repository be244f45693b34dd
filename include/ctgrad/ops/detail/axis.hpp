// Axis arithmetic shared by reductions and softmax: a shape seen as [outer, n, inner] around one axis.
#ifndef CTGRAD_OPS_DETAIL_AXIS_HPP
#define CTGRAD_OPS_DETAIL_AXIS_HPP

#include <cstddef>

namespace ctgrad::ops::detail {

/// For shape `S` and axis `Axis`: element (o, k, i) lives at (o * n + k) * inner + i.
template <class S, std::size_t Axis>
struct axis_split {
  static constexpr std::size_t outer = [] {
    std::size_t p = 1;
    for (std::size_t d = 0; d < Axis && d < S::rank; ++d) p *= S::dims[d];
    return p;
  }();
  static constexpr std::size_t n = Axis < S::rank ? S::dims[Axis] : 1;
  static constexpr std::size_t inner = S::size / (outer * n);
};

}  // namespace ctgrad::ops::detail

#endif

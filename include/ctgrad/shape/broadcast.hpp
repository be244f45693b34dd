// Broadcasting of shapes: the result shape of elementwise ops and the strides that read each operand.
#ifndef CTGRAD_SHAPE_BROADCAST_HPP
#define CTGRAD_SHAPE_BROADCAST_HPP

#include <array>
#include <cstddef>

#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
/// Shapes align from the FIRST axis (features first, batch last): `shape<128>` broadcasts against
/// `shape<128, 32>` as a column repeated over the batch. A missing trailing axis or an axis of size 1
/// stretches; any other mismatch is an error.
template <class A, class B>
struct broadcast_impl {
  static constexpr std::size_t rank = A::rank > B::rank ? A::rank : B::rank;
  static constexpr std::size_t dim_a(std::size_t i) { return i < A::rank ? A::dims[i] : 1; }
  static constexpr std::size_t dim_b(std::size_t i) { return i < B::rank ? B::dims[i] : 1; }
  static constexpr bool ok = [] {
    for (std::size_t i = 0; i < rank; ++i)
      if (dim_a(i) != dim_b(i) && dim_a(i) != 1 && dim_b(i) != 1) return false;
    return true;
  }();
  static constexpr std::array<std::size_t, rank> dims = [] {
    std::array<std::size_t, rank> d{};
    for (std::size_t i = 0; i < rank; ++i) d[i] = dim_a(i) == 1 ? dim_b(i) : dim_a(i);
    return d;
  }();
  using type = typename shape_from_array<dims>::type;
};

/// Strides that read an operand of shape `In` while walking an output of shape `Out` in row-major
/// order: 0 along broadcast axes.
template <class In, class Out>
constexpr std::array<std::size_t, Out::rank> broadcast_strides() noexcept {
  std::array<std::size_t, Out::rank> s{};
  std::size_t acc = 1;
  for (std::size_t i = In::rank; i-- > 0;) {
    s[i] = In::dims[i] == 1 ? 0 : acc;
    acc *= In::dims[i];
  }
  return s;
}
}  // namespace detail

/// True when `A` and `B` broadcast together (the non-failing question behind every elementwise op).
template <class A, class B>
inline constexpr bool broadcastable_v = detail::broadcast_impl<A, B>::ok;

/// The broadcast shape of `A` and `B` (meaningful only when `broadcastable_v<A, B>`).
template <class A, class B>
using broadcast_t = typename detail::broadcast_impl<A, B>::type;

}  // namespace ctgrad

#endif

// The stable softmax kernels shared by softmax and log_softmax (max-shifted log-sum-exp).
#ifndef CTGRAD_OPS_DETAIL_SOFTMAX_KERNEL_HPP
#define CTGRAD_OPS_DETAIL_SOFTMAX_KERNEL_HPP

#include <cstddef>

#include <ctgrad/ops/detail/axis.hpp>
#include <ctgrad/ops/detail/math.hpp>

namespace ctgrad::ops::detail {

/// Writes softmax (Log = false) or log_softmax (Log = true) of `a` along `Axis` into `out`.
/// Subtracting the maximum first keeps every exponent <= 0: logits of 1000 neither overflow nor
/// turn into NaN.
template <bool Log, std::size_t Axis, class T, class A>
constexpr void softmax_along(T* out, const T* a) noexcept {
  using s = axis_split<A, Axis>;
  for (std::size_t o = 0; o < s::outer; ++o)
    for (std::size_t i = 0; i < s::inner; ++i) {
      const std::size_t base = o * s::n * s::inner + i;
      T mx = a[base];
      for (std::size_t k = 1; k < s::n; ++k) mx = a[base + k * s::inner] > mx ? a[base + k * s::inner] : mx;
      T z = T(0);
      for (std::size_t k = 0; k < s::n; ++k) z += math::exp(a[base + k * s::inner] - mx);
      if constexpr (Log) {
        // (z - max) - log(sum), in this order: at logits near 1000 in float, z - (max + log(sum))
        // would round max + log(sum) first and lose the small log term.
        const T lz = math::log(z);
        for (std::size_t k = 0; k < s::n; ++k) out[base + k * s::inner] = (a[base + k * s::inner] - mx) - lz;
      } else {
        for (std::size_t k = 0; k < s::n; ++k)
          out[base + k * s::inner] = math::exp(a[base + k * s::inner] - mx) / z;
      }
    }
}

}  // namespace ctgrad::ops::detail

#endif

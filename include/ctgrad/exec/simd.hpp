// simd: the target's vector registers as GNU vector types, and the loops that need them spelled out
// (sums: a compiler may not reorder a floating-point reduction by itself).
#ifndef CTGRAD_EXEC_SIMD_HPP
#define CTGRAD_EXEC_SIMD_HPP

#include <cstddef>

namespace ctgrad::exec {

/// Bytes in one vector register of the target the including translation unit is compiled for
/// (-march): 64 with AVX-512, 32 with AVX, else 16 (SSE2, NEON). Part of no type, so translation
/// units built for different targets may be linked together.
#if defined(__AVX512F__)
inline constexpr std::size_t simd_bytes = 64;
#elif defined(__AVX__)
inline constexpr std::size_t simd_bytes = 32;
#else
inline constexpr std::size_t simd_bytes = 16;
#endif

namespace detail {
/// A vector of `simd_bytes / sizeof(T)` lanes (GNU vector extension: g++ and clang++ lower it to
/// the target's registers; no intrinsics headers).
template <class T>
struct simd {
  using type [[gnu::vector_size(simd_bytes)]] = T;
  static constexpr std::size_t lanes = simd_bytes / sizeof(T);
};
template <class T>
using vec_t = typename simd<T>::type;

template <class T>
[[gnu::always_inline]] inline vec_t<T> load(const T* p) noexcept {
  vec_t<T> v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
[[gnu::always_inline]] inline void store(T* p, vec_t<T> v) noexcept {
  __builtin_memcpy(p, &v, sizeof v);
}
template <class T>
[[gnu::always_inline]] inline T lane_sum(vec_t<T> v) noexcept {
  T s = 0;
  for (std::size_t l = 0; l < simd<T>::lanes; ++l) s += v[l];
  return s;
}
}  // namespace detail

/// p[0] + ... + p[n-1]: four vector accumulators, then the lanes, then the tail. (A loop that
/// adds into one scalar is a chain of dependent additions that the compiler may not reorder.)
/// Usable in constant expressions (a plain loop there).
template <class T>
constexpr T sum(const T* p, std::size_t n) noexcept {
  if (__builtin_is_constant_evaluated()) {
    T s = 0;
    for (std::size_t i = 0; i < n; ++i) s += p[i];
    return s;
  } else {
    constexpr std::size_t L = detail::simd<T>::lanes;
    detail::vec_t<T> a0{}, a1{}, a2{}, a3{};
    std::size_t i = 0;
    for (; i + 4 * L <= n; i += 4 * L) {
      a0 += detail::load(p + i);
      a1 += detail::load(p + i + L);
      a2 += detail::load(p + i + 2 * L);
      a3 += detail::load(p + i + 3 * L);
    }
    for (; i + L <= n; i += L) a0 += detail::load(p + i);
    T s = detail::lane_sum<T>((a0 + a1) + (a2 + a3));
    for (; i < n; ++i) s += p[i];
    return s;
  }
}

}  // namespace ctgrad::exec

#endif

// simd: the target's vector registers as GNU vector types, and the loops that need them spelled out
// (sums: a compiler may not reorder a floating-point reduction by itself).
#ifndef CTGRAD_EXEC_SIMD_HPP
#define CTGRAD_EXEC_SIMD_HPP

#include <cstddef>
#include <type_traits>

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
/// The same vector as memory may hold it: any alignment of T, and aliasing T (how the targets'
/// own intrinsics headers spell unaligned loads). A memcpy into a vec_t is not enough: g++ 12 at
/// -O1 forwarded older contents of the memory past scalar stores into such loads.
template <class T>
struct simd_unaligned {
  using type [[gnu::vector_size(simd_bytes), gnu::may_alias, gnu::aligned(alignof(T))]] = T;
};

template <class T>
[[gnu::always_inline]] inline vec_t<T> load(const T* p) noexcept {
  return *reinterpret_cast<const typename simd_unaligned<T>::type*>(p);
}
template <class T>
[[gnu::always_inline]] inline void store(T* p, vec_t<T> v) noexcept {
  *reinterpret_cast<typename simd_unaligned<T>::type*>(p) = v;
}
template <class T>
[[gnu::always_inline]] inline T lane_sum(vec_t<T> v) noexcept {
  T s = 0;
  for (std::size_t l = 0; l < simd<T>::lanes; ++l) s += v[l];
  return s;
}
}  // namespace detail

namespace detail {
/// The run-time half of exec::sum. Accumulators start from loads, never from a zero vector: g++
/// 12.2 at -O1 and -O2 (forwprop) turned `acc = {}; acc += load(p)` followed by a lane sum into
/// zeros when the caller was inlined where the memory had just been written (SSE targets).
template <class T>
inline T sum_lanes(const T* p, std::size_t n) noexcept {
  constexpr std::size_t L = simd<T>::lanes;
  std::size_t i = 0;
  T s = 0;
  if (n >= L) {
    vec_t<T> a0 = load(p);
    i = L;
    if (n >= 4 * L) {
      vec_t<T> a1 = load(p + L), a2 = load(p + 2 * L), a3 = load(p + 3 * L);
      for (i = 4 * L; i + 4 * L <= n; i += 4 * L) {
        a0 += load(p + i);
        a1 += load(p + i + L);
        a2 += load(p + i + 2 * L);
        a3 += load(p + i + 3 * L);
      }
      a0 = (a0 + a1) + (a2 + a3);
    }
    for (; i + L <= n; i += L) a0 += load(p + i);
    s = lane_sum<T>(a0);
  }
  for (; i < n; ++i) s += p[i];
  return s;
}
}  // namespace detail

/// p[0] + ... + p[n-1]: four vector accumulators, then the lanes, then the tail. (A loop that
/// adds into one scalar is a chain of dependent additions that the compiler may not reorder.)
/// Usable in constant expressions (a plain loop there).
template <class T>
constexpr T sum(const T* p, std::size_t n) noexcept {
  if (!std::is_constant_evaluated()) return detail::sum_lanes(p, n);
  T s = 0;
  for (std::size_t i = 0; i < n; ++i) s += p[i];
  return s;
}

}  // namespace ctgrad::exec

#endif

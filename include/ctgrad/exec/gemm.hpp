// gemm: matrix products of compile-time sizes, register-blocked over the target's vector width.
#ifndef CTGRAD_EXEC_GEMM_HPP
#define CTGRAD_EXEC_GEMM_HPP

#include <cstddef>
#include <type_traits>

#include <ctgrad/exec/simd.hpp>

namespace ctgrad::exec {

namespace detail {
/// C[R x NV·lanes] (row stride N) = A[R x K] (row stride K) · B[K x NV·lanes] (row stride N): R·NV
/// accumulators in registers, one broadcast of A per row and NV loads of B per step of K.
template <class T, std::size_t R, std::size_t NV, std::size_t N, std::size_t K>
[[gnu::always_inline]] inline void gemm_block(T* __restrict c, const T* __restrict a, const T* __restrict b) noexcept {
  constexpr std::size_t L = simd<T>::lanes;
  // The accumulators start from the first product, not from a zero vector (see sum_lanes).
  vec_t<T> acc[R][NV];
  for (std::size_t v = 0; v < NV; ++v) {
    const vec_t<T> b0 = load(b + v * L);
    for (std::size_t r = 0; r < R; ++r) acc[r][v] = a[r * K] * b0;
  }
  for (std::size_t p = 1; p < K; ++p) {
    vec_t<T> bv[NV];
    for (std::size_t v = 0; v < NV; ++v) bv[v] = load(b + p * N + v * L);
    for (std::size_t r = 0; r < R; ++r) {
      const T ar = a[r * K + p];
      for (std::size_t v = 0; v < NV; ++v) acc[r][v] += ar * bv[v];
    }
  }
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t v = 0; v < NV; ++v) store(c + r * N + v * L, acc[r][v]);
}

/// Columns [J, J + NV·lanes) of C = A·B, all M rows: blocks of MR rows, then the rest.
template <class T, std::size_t M, std::size_t N, std::size_t K, std::size_t NV, std::size_t MR>
inline void gemm_columns(T* __restrict c, const T* __restrict a, const T* __restrict b) noexcept {
  std::size_t i = 0;
  for (; i + MR <= M; i += MR) gemm_block<T, MR, NV, N, K>(c + i * N, a + i * K, b);
  if constexpr (M % MR != 0) gemm_block<T, M % MR, NV, N, K>(c + i * N, a + i * K, b);
}

/// C[M x N] = A[M x K] · b[K] with N = 1: dot products of rows of A with b, four rows at a time.
template <class T, std::size_t M, std::size_t K>
inline void gemv(T* __restrict c, const T* __restrict a, const T* __restrict b) noexcept {
  constexpr std::size_t L = simd<T>::lanes, KV = K / L * L;
  constexpr std::size_t RB = 4;
  std::size_t i = 0;
  const auto rows = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
    // The accumulators start from the first products, not from a zero vector (see sum_lanes).
    vec_t<T> acc[R];
    if constexpr (KV > 0) {
      const vec_t<T> b0 = load(b);
      for (std::size_t r = 0; r < R; ++r) acc[r] = load(a + (i + r) * K) * b0;
    }
    for (std::size_t p = L; p < KV; p += L) {
      const vec_t<T> bv = load(b + p);
      for (std::size_t r = 0; r < R; ++r) acc[r] += load(a + (i + r) * K + p) * bv;
    }
    for (std::size_t r = 0; r < R; ++r) {
      T s = 0;
      if constexpr (KV > 0) s = lane_sum<T>(acc[r]);
      for (std::size_t p = KV; p < K; ++p) s += a[(i + r) * K + p] * b[p];
      c[i + r] = s;
    }
  };
  for (; i + RB <= M; i += RB) rows(std::integral_constant<std::size_t, RB>{});
  if constexpr (M % RB != 0) rows(std::integral_constant<std::size_t, M % RB>{});
}
}  // namespace detail

/// C[M x N] = A[M x K] · B[K x N], all row-major and contiguous, C overwritten (it must not
/// overlap A or B). Register-blocked: 6 rows of C by two vectors of columns per block on wide
/// targets; a product with one column is M dot products.
template <class T, std::size_t M, std::size_t N, std::size_t K>
inline void gemm(T* __restrict c, const T* __restrict a, const T* __restrict b) noexcept {
  constexpr std::size_t L = detail::simd<T>::lanes;
  if constexpr (K == 0) {
    for (std::size_t i = 0; i < M * N; ++i) c[i] = T(0);
  } else if constexpr (N == 1) {
    detail::gemv<T, M, K>(c, a, b);
  } else {
    constexpr std::size_t MR = 6;
    std::size_t j = 0;
    for (; j + 2 * L <= N; j += 2 * L) detail::gemm_columns<T, M, N, K, 2, MR>(c + j, a, b + j);
    if constexpr (N % (2 * L) >= L) {
      detail::gemm_columns<T, M, N, K, 1, MR>(c + j, a, b + j);
      j += L;
    }
    if constexpr (N % L != 0) {
      // The last N mod L columns: scalar accumulation, each row's columns kept in registers.
      constexpr std::size_t J0 = N / L * L, W = N - J0;
      for (std::size_t i = 0; i < M; ++i) {
        T acc[W] = {};
        for (std::size_t p = 0; p < K; ++p) {
          const T aip = a[i * K + p];
          for (std::size_t w = 0; w < W; ++w) acc[w] += aip * b[p * N + J0 + w];
        }
        for (std::size_t w = 0; w < W; ++w) c[i * N + J0 + w] = acc[w];
      }
    }
  }
}

}  // namespace ctgrad::exec

#endif

// matmul: matrix-matrix, matrix-vector, vector-matrix and vector-vector products, spelled `A * B`.
#ifndef CTGRAD_OPS_MATMUL_HPP
#define CTGRAD_OPS_MATMUL_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include <ctgrad/exec/gemm.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/outer.hpp>
#include <ctgrad/ops/transpose.hpp>
#include <ctgrad/ops/detail/binary.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
/// Rows, inner and columns of a product of operands of rank 1 or 2 (a vector on the left is a row,
/// on the right a column, as in the seed notation W·x).
template <class A, class B>
struct matmul_dims {
  static constexpr bool ranks_ok = (A::rank == 1 || A::rank == 2) && (B::rank == 1 || B::rank == 2);
  static constexpr std::size_t m = A::rank == 2 ? A::dims[0] : 1;
  static constexpr std::size_t k_a = A::rank == 2 ? A::dims[1] : (A::rank == 1 ? A::dims[0] : 0);
  static constexpr std::size_t k_b = B::rank >= 1 ? B::dims[0] : 0;
  static constexpr std::size_t n = B::rank == 2 ? B::dims[1] : 1;
  static constexpr bool inner_ok = ranks_ok && k_a == k_b;
};

template <class A, class B>
struct matmul_shape;
template <class A, class B>
  requires(A::rank == 2 && B::rank == 2)
struct matmul_shape<A, B> {
  using type = shape<A::dims[0], B::dims[1]>;
};
template <class A, class B>
  requires(A::rank == 2 && B::rank == 1)
struct matmul_shape<A, B> {
  using type = shape<A::dims[0]>;
};
template <class A, class B>
  requires(A::rank == 1 && B::rank == 2)
struct matmul_shape<A, B> {
  using type = shape<B::dims[1]>;
};
template <class A, class B>
  requires(A::rank == 1 && B::rank == 1)
struct matmul_shape<A, B> {
  using type = shape<>;
};

template <class A, class B>
struct matmul_check {
  static_assert(matmul_dims<A, B>::ranks_ok,
                "ctgrad: matmul(A, B) needs operands of rank 1 or 2 (use sum/mean or reshape first)");
  static_assert(!matmul_dims<A, B>::ranks_ok || matmul_dims<A, B>::inner_ok,
                "ctgrad: matmul(A[m x k], B[k x n]) needs A's columns == B's rows");
  static constexpr bool ok = matmul_dims<A, B>::inner_ok;
};
}  // namespace detail

namespace ops {
/// Shape rule: [m x k]·[k x n] -> [m x n]; [m x k]·[k] -> [m]; [k]·[k x n] -> [n]; [k]·[k] -> [].
struct matmul {
  static constexpr std::string_view name = "matmul";

  template <class A, class B>
  using shape_t = typename ctgrad::detail::matmul_shape<A, B>::type;

  template <class T, class Out, class A, class B>
  static constexpr void forward(T* out, const T* a, const T* b) noexcept {
    using d = ctgrad::detail::matmul_dims<A, B>;
    constexpr std::size_t m = d::m, k = d::k_a, n = d::n;
    if (!std::is_constant_evaluated()) return exec::gemm<T, m, n, k>(out, a, b);
    for (std::size_t i = 0; i < m * n; ++i) out[i] = T(0);
    // i-p-j order: the innermost loop runs along rows of B and C, contiguous in row-major storage.
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t p = 0; p < k; ++p) {
        const T aip = a[i * k + p];
        for (std::size_t j = 0; j < n; ++j) out[i * n + j] += aip * b[p * n + j];
      }
  }

  template <class A, class B>
  static constexpr std::size_t result_rank = (A::rank == 2 ? 1 : 0) + (B::rank == 2 ? 1 : 0);
  static constexpr term print(notation n, const term& a, const term& b) {
    return infix(n, a, {"·", "\\cdot"}, b, prec::multiplicative, (a.rank == 2 ? 1 : 0) + (b.rank == 2 ? 1 : 0));
  }

  /// A product with a zero operand is zero.
  static constexpr bool rewrites = true;
  template <class A, class B>
  static constexpr auto rewrite(A, B) noexcept {
    if constexpr (ctgrad::detail::known<A>::zero || ctgrad::detail::known<B>::zero)
      return ctgrad::detail::known_t<shape_t<shape_of_t<A>, shape_of_t<B>>, ctgrad::detail::bits(0.0)>{};
    else
      return node<matmul, A, B>{};
  }

  /// VJP. [m,k]·[k,n]: dA = G·Bᵀ, dB = Aᵀ·G. [m,k]·[k]: dA = G ⊗ b, db = Aᵀ·G.
  /// [k]·[k,n]: da = B·G, dB = a ⊗ G. [k]·[k]: da = G·b, db = G·a.
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp(node<matmul, A, B>, G g) noexcept;
};
}  // namespace ops

/// `matmul(A, B)`: the matrix product (see ops::matmul for the shape rule).
template <expression A, expression B>
constexpr auto matmul(A, B) noexcept {
  return detail::make_node<ops::matmul, detail::matmul_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

/// `A * B`: the matrix product when both operands are tensors (the seed notation W·x); scaling
/// when either is a scalar. The elementwise product of two tensors is `A % B` (or `mul(A, B)`).
template <expression A, expression B>
constexpr auto operator*(A a, B b) noexcept {
  if constexpr (shape_of_t<A>::rank == 0 || shape_of_t<B>::rank == 0)
    return mul(a, b);
  else
    return matmul(a, b);
}

CTGRAD_REFUSE_PLAIN_NUMBER(*)

template <std::size_t I, class A, class B, class G>
constexpr auto ops::matmul::vjp(node<matmul, A, B>, G g) noexcept {
  constexpr std::size_t ra = shape_of_t<A>::rank, rb = shape_of_t<B>::rank;
  if constexpr (I == 0) {
    if constexpr (ra == 2 && rb == 2) return ctgrad::matmul(g, ctgrad::transpose(B{}));
    else if constexpr (ra == 2) return ctgrad::outer(g, B{});
    else if constexpr (rb == 2) return ctgrad::matmul(B{}, g);
    else return ctgrad::mul(g, B{});
  } else {
    if constexpr (ra == 2) return ctgrad::matmul(ctgrad::transpose(A{}), g);
    else if constexpr (rb == 2) return ctgrad::outer(A{}, g);
    else return ctgrad::mul(g, A{});
  }
}

template <std::size_t I, class A, class B, class G>
constexpr auto ops::outer::vjp(node<outer, A, B>, G g) noexcept {
  if constexpr (I == 0)
    return ctgrad::matmul(g, B{});
  else
    return ctgrad::matmul(A{}, g);
}

}  // namespace ctgrad

#endif

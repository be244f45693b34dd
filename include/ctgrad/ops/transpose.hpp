// transpose: swaps the two axes of a matrix.
#ifndef CTGRAD_OPS_TRANSPOSE_HPP
#define CTGRAD_OPS_TRANSPOSE_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
template <class S>
struct transpose_shape {
  using type = shape<>;
};
template <std::size_t M, std::size_t N>
struct transpose_shape<shape<M, N>> {
  using type = shape<N, M>;
};

template <class S>
struct transpose_check {
  static_assert(S::rank == 2, "ctgrad: transpose(a) needs a matrix (rank 2)");
  static constexpr bool ok = S::rank == 2;
};
}  // namespace detail

namespace ops {
/// Shape rule: [m x n] -> [n x m].
struct transpose {
  static constexpr std::string_view name = "transpose";

  template <class A>
  using shape_t = typename ctgrad::detail::transpose_shape<A>::type;

  template <class T, class Out, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    constexpr std::size_t m = A::dims[0], n = A::dims[1];
    // In tiles of 16 x 16: each tile's rows and columns stay in cache while it is copied.
    constexpr std::size_t tile = 16;
    for (std::size_t i0 = 0; i0 < m; i0 += tile)
      for (std::size_t j0 = 0; j0 < n; j0 += tile) {
        const std::size_t i1 = i0 + tile < m ? i0 + tile : m, j1 = j0 + tile < n ? j0 + tile : n;
        for (std::size_t i = i0; i < i1; ++i)
          for (std::size_t j = j0; j < j1; ++j) out[j * m + i] = a[i * n + j];
      }
  }

  /// Aᵀ in text, A^{\top} in LaTeX.
  static constexpr term print(notation n, const term& a) {
    if (n == notation::latex) return superscript(n, a, "\\top", 2);
    return {operand(a, prec::primary) + "ᵀ", prec::postfix, 2};
  }

  /// Transpose folding, (Aᵀ)ᵀ = A, and constant folding.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    return ctgrad::detail::fold_known<transpose, shape_t<shape_of_t<A>>, 1, A>();
  }
  template <class A>
  static constexpr A rewrite(node<transpose, A>) noexcept {
    return {};
  }

  /// VJP: the adjoint transposed back.
  template <std::size_t I, class A, class G>
  static constexpr auto vjp(node<transpose, A>, G g) noexcept;
};
}  // namespace ops

/// `transpose(A)`: Aᵀ.
template <expression A>
constexpr auto transpose(A) noexcept {
  return detail::make_node<ops::transpose, detail::transpose_check<shape_of_t<A>>, A>();
}

template <std::size_t I, class A, class G>
constexpr auto ops::transpose::vjp(node<transpose, A>, G g) noexcept {
  return ctgrad::transpose(g);
}

}  // namespace ctgrad

#endif

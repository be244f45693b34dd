// outer: the outer product of two vectors.
#ifndef CTGRAD_OPS_OUTER_HPP
#define CTGRAD_OPS_OUTER_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
template <class A, class B>
struct outer_check {
  static_assert(A::rank == 1 && B::rank == 1, "ctgrad: outer(a, b) needs two vectors (rank 1)");
  static constexpr bool ok = A::rank == 1 && B::rank == 1;
};
}  // namespace detail

namespace ops {
/// Shape rule: [m] ⊗ [n] -> [m x n]. Forward: out(i, j) = a(i)·b(j).
struct outer {
  static constexpr std::string_view name = "outer";
  template <class A, class B>
  using shape_t = shape<A::dims[0], B::dims[0]>;

  template <class T, class Out, class A, class B>
  static constexpr void forward(T* out, const T* a, const T* b) noexcept {
    constexpr std::size_t m = A::dims[0], n = B::dims[0];
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < n; ++j) out[i * n + j] = a[i] * b[j];
  }

  static constexpr term print(notation n, const term& a, const term& b) {
    return infix(n, a, {"⊗", "\\otimes"}, b, prec::multiplicative, 2);
  }

  /// A product with a zero operand is zero.
  static constexpr bool rewrites = true;
  template <class A, class B>
  static constexpr auto rewrite(A, B) noexcept {
    if constexpr (ctgrad::detail::known<A>::zero || ctgrad::detail::known<B>::zero)
      return ctgrad::detail::known_t<shape_t<shape_of_t<A>, shape_of_t<B>>, ctgrad::detail::bits(0.0)>{};
    else
      return node<outer, A, B>{};
  }

  /// VJP: da = G·b, db = a·G (defined in matmul.hpp, which includes this header).
  template <std::size_t I, class A, class B, class G>
  static constexpr auto vjp(node<outer, A, B>, G g) noexcept;
};
}  // namespace ops

/// `outer(a, b)`: the [m x n] matrix a·bᵀ of two vectors a [m] and b [n].
template <expression A, expression B>
constexpr auto outer(A, B) noexcept {
  return detail::make_node<ops::outer, detail::outer_check<shape_of_t<A>, shape_of_t<B>>, A, B>();
}

}  // namespace ctgrad

#endif

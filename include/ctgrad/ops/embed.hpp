// embed and take: place a tensor as block I of a larger one (zeros elsewhere), and read block I
// back. A Jacobian is built from its rows with embed; each is the other's adjoint.
#ifndef CTGRAD_OPS_EMBED_HPP
#define CTGRAD_OPS_EMBED_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ops/detail/shape_arg.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
/// Whether `Inner` is the trailing part of `Outer`'s dimensions (Outer = Lead ++ Inner), so that
/// Outer is Outer::size / Inner::size contiguous blocks of shape Inner in row-major order.
template <class Outer, class Inner>
constexpr bool trailing_dims() {
  if constexpr (Inner::rank > Outer::rank) {
    return false;
  } else {
    for (std::size_t i = 0; i < Inner::rank; ++i)
      if (Outer::dims[Outer::rank - Inner::rank + i] != Inner::dims[i]) return false;
    return true;
  }
}

template <class A, class Out, std::size_t I>
struct embed_check {
  static constexpr bool fits = trailing_dims<Out, A>();
  static_assert(fits, "ctgrad: embed<I, Out>(a) needs a's shape to be the trailing dimensions of Out");
  static_assert(!fits || I < Out::size / A::size, "ctgrad: embed<I, Out>(a) needs block I to exist in Out");
  static constexpr bool ok = fits && I < Out::size / A::size;
};
template <class G, class S, std::size_t I>
struct take_check {
  static constexpr bool fits = trailing_dims<G, S>();
  static_assert(fits, "ctgrad: take<I, S>(g) needs S to be the trailing dimensions of g's shape");
  static_assert(!fits || I < G::size / S::size, "ctgrad: take<I, S>(g) needs block I to exist in g");
  static constexpr bool ok = fits && I < G::size / S::size;
};
}  // namespace detail

namespace ops {
template <std::size_t I, class S>
struct take;

/// Shape rule: Out (a's shape must be Out's trailing dimensions). Forward: zeros, with a as
/// block I, i.e. elements [I·|a|, (I+1)·|a|) in row-major order.
template <std::size_t I, class Out>
struct embed {
  static constexpr std::string_view name = "embed";
  template <class A>
  using shape_t = Out;

  template <class T, class O, class A>
  static constexpr void forward(T* out, const T* a) noexcept {
    for (std::size_t k = 0; k < O::size; ++k) out[k] = T(0);
    for (std::size_t k = 0; k < A::size; ++k) out[I * A::size + k] = a[k];
  }

  static constexpr term print(notation n, const term& a) {
    return call(n, {"embed", "\\operatorname{embed}"}, (format_integer(I) + "; " + detail::dims_text<Out>(n)).view(), a, Out::rank);
  }

  /// Embedding zeros gives zeros.
  static constexpr bool rewrites = true;
  template <class A>
  static constexpr auto rewrite(A) noexcept {
    if constexpr (ctgrad::detail::known<A>::zero)
      return ctgrad::detail::known_t<Out, ctgrad::detail::bits(0.0)>{};
    else
      return node<embed, A>{};
  }

  /// VJP: block I of the adjoint.
  template <std::size_t, class A, class G>
  static constexpr auto vjp(node<embed, A>, G) noexcept {
    return ctgrad::detail::make_node<take<I, shape_of_t<A>>, ctgrad::detail::no_check, G>();
  }
};

/// Shape rule: S (S must be g's trailing dimensions). Forward: block I of g.
template <std::size_t I, class S>
struct take {
  static constexpr std::string_view name = "take";
  template <class G>
  using shape_t = S;

  template <class T, class O, class G>
  static constexpr void forward(T* out, const T* g) noexcept {
    for (std::size_t k = 0; k < S::size; ++k) out[k] = g[I * S::size + k];
  }

  static constexpr term print(notation n, const term& g) {
    return call(n, {"take", "\\operatorname{take}"}, (format_integer(I) + "; " + detail::dims_text<S>(n)).view(), g, S::rank);
  }

  /// Taking a block of a known tensor is known; taking back an embedded block is that block.
  static constexpr bool rewrites = true;
  template <class G>
  static constexpr auto rewrite(G) noexcept {
    if constexpr (ctgrad::detail::known<G>::ok)
      return ctgrad::detail::known_t<S, ctgrad::detail::bits(ctgrad::detail::known<G>::value)>{};
    else
      return node<take, G>{};
  }

  /// VJP: the adjoint embedded as block I of a zero tensor of g's shape.
  template <std::size_t, class G, class A>
  static constexpr auto vjp(node<take, G>, A) noexcept {
    return ctgrad::detail::make_node<embed<I, shape_of_t<G>>, ctgrad::detail::no_check, A>();
  }
};
}  // namespace ops

/// `embed<I, Out>(a)`: a tensor of shape Out, zero except block I (row-major), which is a. a's
/// shape must be Out's trailing dimensions: `embed<1, shape<3, 4>>(r)` puts r [4] in row 1.
template <std::size_t I, ops::detail::shape_arg Out, expression A>
constexpr auto embed(A) noexcept {
  return detail::make_node<ops::embed<I, Out>, detail::embed_check<shape_of_t<A>, Out, I>, A>();
}

/// `take<I, S>(g)`: block I of g (row-major) as a tensor of shape S, S being g's trailing
/// dimensions: `take<1, shape<4>>(m)` is row 1 of a [3 x 4] matrix m.
template <std::size_t I, ops::detail::shape_arg S, expression G>
constexpr auto take(G) noexcept {
  return detail::make_node<ops::take<I, S>, detail::take_check<shape_of_t<G>, S, I>, G>();
}

}  // namespace ctgrad

#endif

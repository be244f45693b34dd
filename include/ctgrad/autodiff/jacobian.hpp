// jacobian and hvp: more derivatives from the same reverse sweeps as grad.
#ifndef CTGRAD_AUTODIFF_JACOBIAN_HPP
#define CTGRAD_AUTODIFF_JACOBIAN_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

#include <ctgrad/autodiff/grad.hpp>
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/embed.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

namespace detail {
template <class A, class B>
struct concat_shapes;
template <std::size_t... A, std::size_t... B>
struct concat_shapes<shape<A...>, shape<B...>> {
  using type = shape<A..., B...>;
};

template <class Loss, class L, class V>
struct hvp_shapes {
  static_assert(shape_of_t<Loss>::rank == 0, "ctgrad: hvp(loss, leaf, v) needs a scalar loss (use sum or mean)");
  static_assert(__is_same(shape_of_t<L>, shape_of_t<V>), "ctgrad: hvp(loss, leaf, v) needs v of the leaf's shape");
  static constexpr bool ok = shape_of_t<Loss>::rank == 0 && __is_same(shape_of_t<L>, shape_of_t<V>);
};

/// Row I of the Jacobian of E with respect to L: the reverse sweep seeded with the basis tensor
/// that is 1 at E's element I.
template <class E, class L, std::size_t I>
constexpr auto jacobian_row() noexcept {
  using sw = autodiff::detail::sweep<E, decltype(ctgrad::embed<I, shape_of_t<E>>(scalar_c<1>))>;
  using ready [[maybe_unused]] = typename autodiff::detail::prepare<sw>::type;
  return autodiff::detail::leaf_adjoint_t<sw, L>{};
}
}  // namespace detail

/// `jacobian(e, x)`: the Jacobian of expression e with respect to leaf x, an expression of shape
/// e's shape ++ x's shape (J(i..., j...) = ∂e(i...)/∂x(j...)). Built from one reverse sweep per
/// element of e (so meant for small outputs), each row embedded in place: an ordinary graph, to
/// evaluate, print or differentiate again. For a scalar e it is the gradient.
template <expression E, leaf_expression L>
constexpr auto jacobian(E, L) noexcept {
  if constexpr (is_error_v<E>) {
    return error_node{};
  } else if constexpr (shape_of_t<E>::rank == 0) {
    return detail::jacobian_row<E, L, 0>();
  } else {
    using J = typename detail::concat_shapes<shape_of_t<E>, shape_of_t<L>>::type;
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return (zeros<J> + ... + ctgrad::embed<I, J>(detail::jacobian_row<E, L, I>()));
    }(std::make_index_sequence<shape_of_t<E>::size>{});
  }
}

/// `hvp(loss, x, v)`: the Hessian of a scalar loss with respect to leaf x applied to v (an
/// expression of x's shape), H·v = ∇ₓ(∇ₓloss · v): grad of a gradient, no Hessian formed.
template <expression Loss, leaf_expression L, expression V>
constexpr auto hvp(Loss loss, L x, V v) noexcept {
  if constexpr (is_error_v<Loss> || is_error_v<V>) {
    return error_node{};
  } else if constexpr (detail::hvp_shapes<Loss, L, V>::ok) {
    constexpr auto g = grad(loss, x)[x];
    return grad(sum(g % v), x)[x];
  } else {
    return error_node{};
  }
}

}  // namespace ctgrad

#endif

// grad: reverse-mode differentiation as a compile-time transformation from a graph to graphs.
#ifndef CTGRAD_AUTODIFF_GRAD_HPP
#define CTGRAD_AUTODIFF_GRAD_HPP

#include <cstddef>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/map.hpp>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/collect.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/fill.hpp>

namespace ctgrad {

namespace autodiff::detail {
using boost::mp11::mp_list;

/// After a let block's nodes (in forward order): the handle's adjoint moves to its definition.
template <class H>
struct let_marker {};

/// The graph's op nodes in one forward topological order, each once, with a marker after each
/// let block. (A subexpression written out in two let definitions is one node here.)
template <class Lets, class Root>
struct forward_order;
template <class... Hs, class Root>
struct forward_order<mp_list<Hs...>, Root> {
  using type = boost::mp11::mp_unique<boost::mp11::mp_append<
      boost::mp11::mp_push_back<typename Hs::ctgrad_block::local, let_marker<Hs>>..., typename Root::local>>;
};

/// M[K] += V for the adjoint map M (a list of mp_list<key, adjoint expression>).
template <class M, class K, class V, class Found = boost::mp11::mp_map_find<M, K>>
struct accumulate {
  using type = boost::mp11::mp_map_replace<
      M, mp_list<K, decltype(std::declval<boost::mp11::mp_second<Found>>() + std::declval<V>())>>;
};
template <class M, class K, class V>
struct accumulate<M, K, V, void> {
  using type = boost::mp11::mp_push_back<M, mp_list<K, V>>;
};

template <class M, class N, class Found>
struct backprop_node;
/// Applies node N's VJP rule for each operand, adding each contribution to that operand's
/// adjoint. Constants get none.
template <class M, class Op, class... Args, class Found>
struct backprop_node<M, node<Op, Args...>, Found> {
  using G = boost::mp11::mp_second<Found>;
  template <class Acc, class I>
  using step = std::conditional_t<
      constant_expression<boost::mp11::mp_at<mp_list<Args...>, I>>, Acc,
      typename accumulate<Acc, boost::mp11::mp_at<mp_list<Args...>, I>,
                          decltype(Op::template vjp<I::value>(node<Op, Args...>{}, G{}))>::type>;
  using type = boost::mp11::mp_fold<boost::mp11::mp_iota_c<sizeof...(Args)>, M, step>;
};
// A node without adjoint: the loss does not depend on it.
template <class M, class Op, class... Args>
struct backprop_node<M, node<Op, Args...>, void> {
  using type = M;
};
// A node without operands (zeros, ones, fill) passes its adjoint nowhere.
template <class M, class Op, class Found>
struct backprop_node<M, node<Op>, Found> {
  using type = M;
};
template <class M, class Op>
struct backprop_node<M, node<Op>, void> {
  using type = M;
};

template <class M, class N>
struct backprop {
  using type = typename backprop_node<M, N, boost::mp11::mp_map_find<M, N>>::type;
};

// A let handle's adjoint flows to its definition.
template <class M, class H, class Found = boost::mp11::mp_map_find<M, H>>
struct move_let {
  using type = typename accumulate<M, typename H::definition, boost::mp11::mp_second<Found>>::type;
};
template <class M, class H>
struct move_let<M, H, void> {
  using type = M;
};
template <class M, class H>
struct backprop<M, let_marker<H>> {
  using type = typename move_let<M, H>::type;
};

/// mp_reverse_fold's step: F<element, state>.
template <class N, class M>
using backprop_t = typename backprop<M, N>::type;

/// The adjoint map of `Loss`: every node it depends on, paired with its adjoint expression.
template <class Loss>
struct adjoints {
  using root = ir::block_t<Loss>;
  using order = typename forward_order<typename root::lets, root>::type;
  using seed = mp_list<mp_list<Loss, std::remove_const_t<decltype(scalar_c<1>)>>>;
  using type = boost::mp11::mp_reverse_fold<order, seed, backprop_t>;
};
}  // namespace autodiff::detail

namespace detail {
template <class Loss>
struct grad_check {
  static_assert(shape_of_t<Loss>::rank == 0, "ctgrad: grad(loss, leaves...) needs a scalar loss (use sum or mean)");
  static constexpr bool ok = shape_of_t<Loss>::rank == 0;
};
}  // namespace detail

/// The gradients of `Loss` with respect to `Leaves`: `g[W]` is an expression (a graph) of W's
/// shape; a leaf the loss does not depend on gets `zeros<shape>`, which `is_zero_v` recognises.
template <class Loss, class... Leaves>
struct gradients {
  using map = typename autodiff::detail::adjoints<Loss>::type;

  template <leaf_expression L>
  constexpr auto operator[](L) const noexcept {
    static_assert((__is_same(L, Leaves) || ...), "ctgrad: g[leaf]: this leaf was not among grad's leaves");
    using found = boost::mp11::mp_map_find<map, L>;
    if constexpr (__is_same(found, void))
      return zeros<shape_of_t<L>>;
    else
      return boost::mp11::mp_second<found>{};
  }
};

/// `grad(loss, W1, b1, ...)`: reverse mode over the deduplicated graph of `loss`, each op's VJP
/// rule applied once per node, adjoints summed where a node feeds several others. The result
/// holds graphs, not numbers: evaluate, compile, print or differentiate them again.
template <expression Loss, leaf_expression... Leaves>
constexpr auto grad(Loss, Leaves...) noexcept {
  if constexpr (is_error_v<Loss>)
    return gradients<error_node>{};
  else if constexpr (detail::grad_check<Loss>::ok)
    return gradients<Loss, Leaves...>{};
  else
    return gradients<error_node>{};
}

}  // namespace ctgrad

#endif

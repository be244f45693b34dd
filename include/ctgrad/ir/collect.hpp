// Blocks: the unit of graph lowering. Each `let` handle lowers its own definition once, when it is
// declared; a graph is then its blocks laid end to end, so compile cost stays linear in depth.
#ifndef CTGRAD_IR_COLLECT_HPP
#define CTGRAD_IR_COLLECT_HPP

#include <cstddef>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

namespace ctgrad {

template <class Op, class... Args>
struct node;

namespace ir {

using boost::mp11::mp_list;

/// resolve_t<T>: a `let` handle stands for its definition; everything else for itself.
template <class T>
struct resolve {
  using type = T;
};
template <class T>
  requires requires { typename T::ctgrad_let_tag; }
struct resolve<T> {
  using type = typename resolve<typename T::definition>::type;
};
template <class T>
using resolve_t = typename resolve<T>::type;

template <class T>
concept let_handle = requires { typename T::ctgrad_let_tag; };
/// Leaves and constants: nodes identified by a value (a name, a bit pattern), shared by all blocks.
template <class T>
concept atom = requires { typename T::ctgrad_leaf_tag; } || requires { typename T::ctgrad_constant_tag; };

/// The lowered form of one expression, cut at `let` handles:
/// `local`: its op nodes, operands before users, each once (handles, leaves and constants excluded);
/// `atoms`: the leaves and constants it reads directly; `deps`: the handles it reads directly;
/// `lets`: every handle reachable from it, each after the handles it depends on.
template <class Local, class Atoms, class Deps, class Lets>
struct block {
  using local = Local;
  using atoms = Atoms;
  using deps = Deps;
  using lets = Lets;
};

namespace detail {
/// in_list<T, mp_list<Ts...>>: membership as one fold of builtin comparisons (no set type with one
/// base per element, which, rebuilt for every growing list, dominated compile memory).
template <class T, class L>
struct in_list;
template <class T, class... Ts>
struct in_list<T, mp_list<Ts...>> {
  static constexpr bool value = (__is_same(T, Ts) || ...);
};
// Long lists: an array, since clang refuses a fold expression of more than 256 operands.
template <class T, class... Ts>
  requires(sizeof...(Ts) > 128)
struct in_list<T, mp_list<Ts...>> {
  static constexpr bool value = [] {
    constexpr bool same[] = {__is_same(T, Ts)...};
    for (bool b : same)
      if (b) return true;
    return false;
  }();
};

template <class L, class T, bool Present = in_list<T, L>::value>
struct push_unique {
  using type = L;
};
template <class... Ts, class T>
struct push_unique<mp_list<Ts...>, T, false> {
  using type = mp_list<Ts..., T>;
};

template <class Local, class Atoms, class Deps>
struct state {};

/// What a node is to the lowering: 0 an op node, 1 a let handle, 2 an atom.
template <class T>
inline constexpr int kind_v = let_handle<T> ? 1 : (atom<T> ? 2 : 0);

template <class S, class T, int Kind = kind_v<T>>
struct visit;

template <class S, class... Ts>
struct visit_all {
  using type = S;
};
template <class S, class T, class... Rest>
struct visit_all<S, T, Rest...> {
  using type = typename visit_all<typename visit<S, T>::type, Rest...>::type;
};

template <class S, class N>
struct push_local;
template <class... Ls, class A, class D, class N>
struct push_local<state<mp_list<Ls...>, A, D>, N> {
  using type = state<mp_list<Ls..., N>, A, D>;
};

template <bool Seen, class S, class N>
struct visit_node {
  using type = S;
};
template <class S, class Op, class... Args>
struct visit_node<false, S, node<Op, Args...>> {
  using type = typename push_local<typename visit_all<S, Args...>::type, node<Op, Args...>>::type;
};
// Unary and binary nodes (nearly all of them) without the visit_all recursion.
template <class S, class Op, class A>
struct visit_node<false, S, node<Op, A>> {
  using type = typename push_local<typename visit<S, A>::type, node<Op, A>>::type;
};
template <class S, class Op, class A, class B>
struct visit_node<false, S, node<Op, A, B>> {
  using type = typename push_local<typename visit<typename visit<S, A>::type, B>::type, node<Op, A, B>>::type;
};

// An op node: operands first, then the node, once.
template <class L, class A, class D, class T>
struct visit<state<L, A, D>, T, 0> {
  using type = typename visit_node<in_list<T, L>::value, state<L, A, D>, T>::type;
};
// A let handle: a dependency; its own block was lowered when it was declared.
template <class L, class A, class D, class T>
struct visit<state<L, A, D>, T, 1> {
  using type = state<L, A, typename push_unique<D, T>::type>;
};
// A leaf or a constant.
template <class L, class A, class D, class T>
struct visit<state<L, A, D>, T, 2> {
  using type = state<L, typename push_unique<A, T>::type, D>;
};

/// Every handle reachable through `Deps`, dependencies first. The first dependency brings its own
/// list (computed when it was declared) and itself; each later one not already listed brings the
/// handles of its own dependencies that are not listed yet, then itself. The walk stops at listed
/// handles, so it visits only what is new (in a chain, one handle) and never recurses through the
/// depth of the network.
template <class Acc, class Deps>
struct reachable;
template <class Acc>
struct reachable<Acc, mp_list<>> {
  using type = Acc;
};
template <class Acc, class D, bool Listed = in_list<D, Acc>::value>
struct reach_one {
  using type = Acc;
};
template <class Acc, class D>
struct reach_one<Acc, D, false> {
  using type = boost::mp11::mp_push_back<typename reachable<Acc, typename D::ctgrad_block::deps>::type, D>;
};
template <class D>
struct reach_one<mp_list<>, D, false> {
  using type = boost::mp11::mp_push_back<typename D::ctgrad_block::lets, D>;
};
template <class Acc, class D, class... Ds>
struct reachable<Acc, mp_list<D, Ds...>> {
  using type = typename reachable<typename reach_one<Acc, D>::type, mp_list<Ds...>>::type;
};

template <class S>
struct finish;
template <class L, class A, class D>
struct finish<state<L, A, D>> {
  using type = block<L, A, D, typename reachable<mp_list<>, D>::type>;
};
}  // namespace detail

/// block_t<Roots...>: the block of one or more expressions (instantiation depth is bounded by the
/// nesting inside one `let`, never by the network's depth).
template <class... Roots>
using block_t =
    typename detail::finish<typename detail::visit_all<detail::state<mp_list<>, mp_list<>, mp_list<>>,
                                                       Roots...>::type>::type;

}  // namespace ir
}  // namespace ctgrad

#endif

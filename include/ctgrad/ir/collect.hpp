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
  // An array, not a fold: clang limits a fold expression to 256 operands.
  static constexpr bool value = [] {
    constexpr bool same[] = {false, __is_same(T, Ts)...};
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

template <class S, class T>
struct visit;
template <class S, class T>
using visit_t = typename visit<S, T>::type;

template <class S, class... Ts>
struct visit_all {
  using type = S;
};
template <class S, class T, class... Rest>
struct visit_all<S, T, Rest...> {
  using type = typename visit_all<visit_t<S, T>, Rest...>::type;
};

template <class S, class T, bool Seen>
struct visit_op {
  using type = S;
};
template <class L, class A, class D, class Op, class... Args>
struct visit_op<state<L, A, D>, node<Op, Args...>, false> {
  using children = typename visit_all<state<L, A, D>, Args...>::type;
  template <class S>
  struct append;
  template <class L2, class A2, class D2>
  struct append<state<L2, A2, D2>> {
    using type = state<boost::mp11::mp_push_back<L2, node<Op, Args...>>, A2, D2>;
  };
  using type = typename append<children>::type;
};

// An op node: operands first, then the node, once.
template <class L, class A, class D, class T>
struct visit<state<L, A, D>, T> {
  using type = typename visit_op<state<L, A, D>, T, in_list<T, L>::value>::type;
};
// A let handle: a dependency; its own block was lowered when it was declared.
template <class L, class A, class D, let_handle T>
struct visit<state<L, A, D>, T> {
  using type = state<L, A, typename push_unique<D, T>::type>;
};
template <class L, class A, class D, atom T>
struct visit<state<L, A, D>, T> {
  using type = state<L, typename push_unique<A, T>::type, D>;
};

/// Appends to `Acc` the elements of `Ns` that it lacks, keeping their order.
template <class Acc, class Ns>
struct splice;
template <class... Ns>
struct splice<mp_list<>, mp_list<Ns...>> {
  using type = mp_list<Ns...>;
};
template <class... As, class... Ns>
struct splice<mp_list<As...>, mp_list<Ns...>> {
  using type = boost::mp11::mp_append<
      mp_list<As...>, std::conditional_t<in_list<Ns, mp_list<As...>>::value, mp_list<>, mp_list<Ns>>...>;
};

/// Every handle reachable through `Deps`, dependencies first: for each direct dependency d,
/// d's own reachable list followed by d (lists already computed when d was declared).
template <class Acc, class Deps>
struct reachable;
template <class Acc>
struct reachable<Acc, mp_list<>> {
  using type = Acc;
};
template <class Acc, class D, class... Ds>
struct reachable<Acc, mp_list<D, Ds...>> {
  using with_d = boost::mp11::mp_push_back<typename D::ctgrad_block::lets, D>;
  using type = typename reachable<typename splice<Acc, with_d>::type, mp_list<Ds...>>::type;
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

// Collection of a graph's unique nodes in topological order, linear in graph size when `let` is used.
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

namespace detail {
template <class T>
struct tag {};
template <class... Ts>
struct type_set : tag<Ts>... {};

/// in_list<T, mp_list<Ts...>>: membership as one fold of builtin comparisons. No class with one base
/// per element is built: such sets, made anew for every growing list, dominated compile memory.
template <class T, class L>
struct in_list;
template <class T, class... Ts>
struct in_list<T, mp_list<Ts...>> {
  static constexpr bool value = (__is_same(T, Ts) || ...);
};

/// Appends to `Acc` the elements of `Nodes` (topologically ordered, closed under dependencies) that
/// `Acc` lacks. Order is kept, so the result stays topologically ordered.
template <class Acc, class Nodes>
struct splice;
template <class... As, class... Ns>
struct splice<mp_list<As...>, mp_list<Ns...>> {
  using type = boost::mp11::mp_append<
      mp_list<As...>, std::conditional_t<in_list<Ns, mp_list<As...>>::value, mp_list<>, mp_list<Ns>>...>;
};
template <class... Ns>
struct splice<mp_list<>, mp_list<Ns...>> {
  using type = mp_list<Ns...>;
};

template <class Acc, class T>
struct visit;

/// Post-order DFS step: visit operands left to right, then append the node itself.
template <class Acc, class T>
using visit_t = typename visit<Acc, T>::type;

template <class Acc, class... Args>
struct visit_all;
template <class Acc>
struct visit_all<Acc> {
  using type = Acc;
};
template <class Acc, class A, class... Rest>
struct visit_all<Acc, A, Rest...> {
  using type = typename visit_all<visit_t<Acc, A>, Rest...>::type;
};

template <class Acc, class T, bool Seen>
struct visit_new;
template <class Acc, class T>
struct visit_new<Acc, T, true> {
  using type = Acc;
};
// A leaf or constant.
template <class... As, class T>
struct visit_new<mp_list<As...>, T, false> {
  using type = mp_list<As..., T>;
};
// An op node: its operands first.
template <class... As, class Op, class... Args>
struct visit_new<mp_list<As...>, node<Op, Args...>, false> {
  using type = boost::mp11::mp_push_back<typename visit_all<mp_list<As...>, Args...>::type,
                                         node<Op, Args...>>;
};

template <class Acc, class T>
struct visit {
  using type = typename visit_new<Acc, T, in_list<T, Acc>::value>::type;
};
// A let handle: splice its precomputed node list (computed once, when the handle was declared).
// The splice is only instantiated for a handle not met before.
template <class Acc, class T, bool Seen>
struct visit_let {
  using type = Acc;
};
template <class Acc, class T>
struct visit_let<Acc, T, false> {
  using type = typename splice<Acc, typename T::nodes>::type;
};
template <class Acc, class T>
  requires requires { typename T::ctgrad_let_tag; }
struct visit<Acc, T> {
  using type = typename visit_let<Acc, T, in_list<resolve_t<T>, Acc>::value>::type;
};
}  // namespace detail

/// collect_t<Roots...>: the unique nodes reachable from `Roots`, operands before users.
/// Instantiation depth is bounded by the nesting inside one `let`, not by the network's depth.
template <class... Roots>
using collect_t = typename detail::visit_all<mp_list<>, Roots...>::type;

}  // namespace ir
}  // namespace ctgrad

#endif

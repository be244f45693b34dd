// Blocks: the unit of graph lowering. Each `let` handle lowers its own definition once, when it is
// declared; a graph is then its blocks laid end to end, so compile cost stays linear in depth.
#ifndef CTGRAD_IR_COLLECT_HPP
#define CTGRAD_IR_COLLECT_HPP

#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <ctgrad/expr/expression.hpp>

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

/// Largest of `ns` (0 for none).
constexpr std::size_t max_of(std::initializer_list<std::size_t> ns) noexcept {
  std::size_t m = 0;
  for (std::size_t n : ns) m = n > m ? n : m;
  return m;
}

/// The lowered form of one expression, cut at `let` handles:
/// `local`: its op nodes, operands before users, each once (handles, leaves and constants excluded);
/// `atoms`: the leaves and constants it reads directly; `deps`: the handles it reads directly.
/// A block does not list everything it reaches: such lists, one per handle, grow with the depth
/// of the network, and a gradient's hundreds of handles made them quadratic in compile time and
/// memory. A graph finds its blocks by a walk over values (ir/graph.hpp).
template <class Local, class Atoms, class Deps>
struct block;
template <class Local, class Atoms, class... Ds>
struct block<Local, Atoms, mp_list<Ds...>> {
  using local = Local;
  using atoms = Atoms;
  using deps = mp_list<Ds...>;
  /// One more than the highest level among the handles it reads (0 for none): a dependency's
  /// level is always lower, so blocks of one level never read each other, and handles, whose
  /// addresses have no order, are searched for among the few of their own level.
  enum : std::size_t { level = max_of({std::size_t{0}, (std::size_t{Ds::ctgrad_block::level} + 1)...}) };
};

namespace detail {
/// Identity of a type (a let handle, a leaf, a constant) as an address: a short name, one byte.
template <class T>
struct type_id {
  static constexpr char value = 0;
};

/// Position of the first of `bs` that holds (`bs.size()` when none does).
constexpr std::size_t first_true(std::initializer_list<bool> bs) noexcept {
  std::size_t i = 0;
  for (bool b : bs) {
    if (b) return i;
    ++i;
  }
  return i;
}

/// in_list<T, mp_list<Ts...>>: membership as builtin comparisons (no set type with one base per
/// element, which, rebuilt for every growing list, dominated compile memory). The result is an
/// enumerator: a static data member would be a symbol whose mangled name spells the whole list,
/// and g++ mangles every such symbol it instantiates, in time quadratic in the name's length
/// (lists of hundreds of handles made that the largest cost of lowering a deep gradient). An
/// array, not a fold: clang refuses folds of more than 256 operands.
template <class T, class L>
struct in_list;
template <class T, class... Ts>
struct in_list<T, mp_list<Ts...>> {
  enum : bool { value = ::ctgrad::detail::any_of({false, __is_same(T, Ts)...}) };
};

/// The element at a position of a list, by overload resolution: `index_map<L>` derives from
/// `indexed<T, I>` for the I-th element T, so the element at position I is one deduction against
/// a class built once per list (mp_at instantiates in proportion to the list's length on every
/// call, for g++, which lacks __type_pack_element).
template <class T, std::size_t I>
struct indexed {};
template <class L, class Seq = std::make_index_sequence<boost::mp11::mp_size<L>::value>>
struct index_map;
template <class... Ns, std::size_t... I>
struct index_map<mp_list<Ns...>, std::index_sequence<I...>> : indexed<Ns, I>... {};
template <std::size_t I, class T>
T type_from(const indexed<T, I>*) noexcept;
/// The element at position I of the list whose index_map is M.
template <class M, std::size_t I>
using type_at = decltype(::ctgrad::ir::detail::type_from<I>(static_cast<const M*>(nullptr)));

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
struct kind_of {
  enum : int { value = let_handle<T> ? 1 : (atom<T> ? 2 : 0) };
};

template <class S, class T, int Kind = kind_of<T>::value>
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

template <class K>
struct handle_lets;

/// Every handle reachable through `Deps`, dependencies first. The first dependency brings its own
/// list (handle_lets: for CTGRAD_LET, computed when it was declared) and itself; each later one
/// not already listed brings the handles of its own dependencies that are not listed yet, then
/// itself. The walk stops at listed
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
  using type = boost::mp11::mp_push_back<typename handle_lets<D>::type, D>;
};
template <class Acc, class D, class... Ds>
struct reachable<Acc, mp_list<D, Ds...>> {
  using type = typename reachable<typename reach_one<Acc, D>::type, mp_list<Ds...>>::type;
};

/// A list as a set: membership is one __is_base_of, a search among the bases inside the compiler
/// (no instantiation, no expression in proportion to the list's length).
template <class T>
struct member {};
template <class L>
struct type_set;
template <class... Ts>
struct type_set<mp_list<Ts...>> : member<Ts>... {};
template <class T, class Set>
struct in_set {
  enum : bool { value = __is_base_of(member<T>, Set) };
};

/// For a block that reads many handles (the root of a graph of many gradients): the handles
/// reachable through `Deps` that the base list, indexed by `Set`, lacks, dependencies first.
/// One set is built per such block instead of one list per dependency.
template <class Set, class New, class Deps>
struct extend;
template <class Set, class New, class D, bool Known = in_set<D, Set>::value || in_list<D, New>::value>
struct extend_one {
  using type = New;
};
template <class Set, class New, class D>
struct extend_one<Set, New, D, false> {
  using type = boost::mp11::mp_push_back<typename extend<Set, New, typename D::ctgrad_block::deps>::type, D>;
};
template <class Set, class New>
struct extend<Set, New, mp_list<>> {
  using type = New;
};
template <class Set, class New, class D, class... Ds>
struct extend<Set, New, mp_list<D, Ds...>> {
  using type = typename extend<Set, typename extend_one<Set, New, D>::type, mp_list<Ds...>>::type;
};

/// Position of the largest of `ns` (the first one on a tie).
constexpr std::size_t argmax(std::initializer_list<std::size_t> ns) noexcept {
  std::size_t best = 0, i = 0, top = 0;
  for (std::size_t n : ns) {
    if (i == 0 || n > top) {
      best = i;
      top = n;
    }
    ++i;
  }
  return best;
}

/// The handles reachable through `Deps`, dependencies first: for a few dependencies, the walk
/// from the first one's list; for many, the widest one's list extended by what it lacks.
template <class Deps>
struct all_reachable {
  using type = typename reachable<mp_list<>, Deps>::type;
};
template <class... Ds>
  requires(sizeof...(Ds) > 4)
struct all_reachable<mp_list<Ds...>> {
  using base =
      boost::mp11::mp_at_c<mp_list<Ds...>, argmax({std::size_t{Ds::ctgrad_block::level}...})>;
  using listed = boost::mp11::mp_push_back<typename handle_lets<base>::type, base>;
  using type = boost::mp11::mp_append<listed, typename extend<type_set<listed>, mp_list<>, mp_list<Ds...>>::type>;
};

/// Every handle that handle K reaches, dependencies first (what a reverse sweep walks, as types).
/// `CTGRAD_LET` computes it when the handle is declared (`ctgrad_lets`), so that the list of a
/// deep chain is built one layer at a time, never by a recursion through the whole depth; other
/// handles compute it when asked.
template <class K>
struct handle_lets {
  using type = typename all_reachable<typename K::ctgrad_block::deps>::type;
};
template <class K>
  requires requires { typename K::ctgrad_lets; }
struct handle_lets<K> {
  using type = typename K::ctgrad_lets;
};

template <class S>
struct finish;
template <class L, class A, class D>
struct finish<state<L, A, D>> {
  using type = block<L, A, D>;
};
}  // namespace detail

namespace detail {
/// Whether ids[i] is the first entry with its value. (One constant evaluation per entry: a single
/// one over all entries would take a graph of many outputs past clang's budget of steps.)
constexpr bool first_occurrence(const void* const* ids, std::size_t i) noexcept {
  for (std::size_t j = 0; j < i; ++j)
    if (ids[j] == ids[i]) return false;
  return true;
}

/// The elements of list L without repeats, first occurrences kept in order, found by comparing
/// the elements' type_id addresses in constant evaluation: no set type grown element by element,
/// and no member template of this class (keyed by the whole list) used once per element, for which
/// g++ substitutes the whole list again each time. For the 513 outputs of a 256-deep gradient,
/// that made the graph's root block cost g++ 6 s.
template <class L>
struct unique;
template <>
struct unique<mp_list<>> {
  using type = mp_list<>;
};
template <class... Ts>
struct unique<mp_list<Ts...>> {
  static constexpr const void* ids[] = {&type_id<Ts>::value...};
  template <class Seq>
  struct impl;
  template <std::size_t... I>
  struct impl<std::index_sequence<I...>> {
    using type = boost::mp11::mp_append<mp_list<>, std::conditional_t<first_occurrence(ids, I), mp_list<Ts>, mp_list<>>...>;
  };
  using type = typename impl<std::index_sequence_for<Ts...>>::type;
};

/// The block of one root: a walk from an empty state.
template <class Root>
using root_block_t = typename finish<typename visit<state<mp_list<>, mp_list<>, mp_list<>>, Root>::type>::type;

/// The block of one root is its walk; the block of several (a graph's outputs: a loss and hundreds
/// of gradients) joins the roots' own blocks, each list without repeats. That is the block the
/// walk over all roots in turn would give (a later root's walk skips what earlier ones listed),
/// without the walk's state growing one root at a time: a type per root as long as everything
/// before it, quadratic in the number of outputs.
template <class... Roots>
struct roots_block {
  using type = block<typename unique<boost::mp11::mp_append<mp_list<>, typename root_block_t<Roots>::local...>>::type,
                     typename unique<boost::mp11::mp_append<mp_list<>, typename root_block_t<Roots>::atoms...>>::type,
                     typename unique<boost::mp11::mp_append<mp_list<>, typename root_block_t<Roots>::deps...>>::type>;
};
template <class Root>
struct roots_block<Root> {
  using type = root_block_t<Root>;
};
}  // namespace detail

/// block_t<Roots...>: the block of one or more expressions (instantiation depth is bounded by the
/// nesting inside one `let`, never by the network's depth).
template <class... Roots>
using block_t = typename detail::roots_block<Roots...>::type;

/// block_lets_t<B>: every handle that block B reaches, dependencies first.
template <class B>
using block_lets_t = typename detail::all_reachable<typename B::deps>::type;

}  // namespace ir
}  // namespace ctgrad

#endif

// grad: reverse-mode differentiation as a compile-time transformation from a graph to graphs.
#ifndef CTGRAD_AUTODIFF_GRAD_HPP
#define CTGRAD_AUTODIFF_GRAD_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <ctgrad/config.hpp>
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/collect.hpp>
#include <ctgrad/ir/graph.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/detail/simplify.hpp>
#include <ctgrad/ops/fill.hpp>

namespace ctgrad {

namespace autodiff::detail {
using boost::mp11::mp_list;

/// One reverse sweep: the adjoint of `Root` is `Seed` (the constant 1 for a loss; a basis tensor
/// for a row of a Jacobian).
template <class Root, class Seed>
struct sweep {
  using root = Root;
  using seed = Seed;
};

/// Stands for the root's block in the lists of blocks below.
struct root_block {};

template <class Sweep, class B, class N, class G>
struct node_adjoint;

/// The adjoint G of node N as its operands' VJP rules will read it. Inside a let block B, the
/// adjoint of a node with two or more differentiable operands (W·h + b) is named by a handle, so
/// that the operands' VJPs (∂W, ∂h, ∂b) share one lowered value instead of each spelling (and
/// computing) it again. The root block keeps plain expressions: they print and compare as written.
template <class Sweep, class B, class N, class G, std::size_t Active>
struct shared_adjoint {
  using type = G;
};
template <class Sweep, class B, class N, class G, std::size_t Active>
  requires(Active >= 2 && !ir::let_handle<G> && !ir::atom<G> && !ctgrad::detail::known<G>::ok &&
           !__is_same(B, root_block))
struct shared_adjoint<Sweep, B, N, G, Active> {
  using type = node_adjoint<Sweep, B, N, G>;
};

template <class Sweep, class H>
struct adjoint_let;

/// Block C of a sweep (a let handle, or root_block): its lowered form, its output expression, and
/// the adjoint its output starts from (the sweep's seed for the root, the handle's adjoint let for
/// a let block).
template <class Sweep, class C>
struct block_of {
  using type = typename C::ctgrad_block;
  using output = typename C::definition;
  using seed = adjoint_let<Sweep, C>;
};
template <class Sweep>
struct block_of<Sweep, root_block> {
  using type = ir::block_t<typename Sweep::root>;
  using output = typename Sweep::root;
  using seed = typename Sweep::seed;
};

/// How many of `flags` hold.
constexpr std::size_t count_true(std::initializer_list<bool> flags) noexcept {
  std::size_t n = 0;
  for (bool f : flags) n += f;
  return n;
}
/// The reads of a value by a block's k nodes are flags laid out by operand slot (flags[s·k + j]:
/// node j reads it as operand s). Reverse mode meets them from the last node to the first, each
/// node's operands in order; nth_read gives the position of the n-th read in that order.
constexpr std::size_t nth_read(std::initializer_list<bool> flags, std::size_t n) noexcept {
  const std::size_t k = flags.size() / CTGRAD_MAX_ARITY;
  for (std::size_t j = k; j-- > 0;)
    for (std::size_t s = 0; s < CTGRAD_MAX_ARITY; ++s)
      if (flags.begin()[s * k + j] && n-- == 0) return s * k + j;
  return flags.size();
}
// The flags of the reads of X by the nodes Us (a pack).
#define CTGRAD_DETAIL_READS(X, Us)                                     \
  {__is_same(typename ::ctgrad::ir::detail::node_args<Us>::a0, X)...,  \
   __is_same(typename ::ctgrad::ir::detail::node_args<Us>::a1, X)...,  \
   __is_same(typename ::ctgrad::ir::detail::node_args<Us>::a2, X)...}
static_assert(CTGRAD_MAX_ARITY == 3, "ctgrad: CTGRAD_DETAIL_READS lists three operands");

/// a + b, where void stands for no contribution.
template <class A, class B>
struct plus {
  using type = decltype(std::declval<A>() + std::declval<B>());
};
template <class B>
struct plus<void, B> {
  using type = B;
};
template <class A>
struct plus<A, void> {
  using type = A;
};
template <>
struct plus<void, void> {
  using type = void;
};
/// Acc + c0 + c1 + ..., left to right: the order in which reverse mode meets the contributions
/// (void: none yet). A sum never starts from a zero tensor, so a value with one contribution
/// builds no add node to simplify away.
template <class Acc, class... Cs>
struct sum_in_order {
  using type = Acc;
};
template <class Acc, class C, class... Rest>
struct sum_in_order<Acc, C, Rest...> : sum_in_order<typename plus<Acc, C>::type, Rest...> {};

template <class Sweep, class C, class X, class Local = typename block_of<Sweep, C>::type::local>
struct adjoint_in;

/// The sum of the seed (when Output) and the VJPs of the reads at positions P (in the layout of
/// CTGRAD_DETAIL_READS) by the nodes `Local` of block C.
template <class Sweep, class C, class Local, class Positions, bool Output>
struct pull;

/// What node U of block C passes back to its operand S: U's VJP rule applied to U's adjoint.
template <class Sweep, class C, class U, std::size_t S>
struct vjp_of;
template <class Sweep, class C, class Op, class... Args, std::size_t S>
struct vjp_of<Sweep, C, node<Op, Args...>, S> {
  using G = typename shared_adjoint<Sweep, C, node<Op, Args...>, typename adjoint_in<Sweep, C, node<Op, Args...>>::type,
                                    (std::size_t{0} + ... + std::size_t{!constant_expression<Args>})>::type;
  using type = decltype(Op::template vjp<S>(node<Op, Args...>{}, G{}));
};

/// The adjoint of X (a node of block C, or a handle, leaf or constant that C reads) from C alone:
/// the seed if X is C's output, then what each node of C that reads X passes back, summed; void
/// when nothing in C reads X. Pulled per value, not pushed into a map of adjoints rebuilt node by
/// node, so only what a requested leaf or handle needs is differentiated.
template <class Sweep, class C, class X, class... Us>
struct adjoint_in<Sweep, C, X, mp_list<Us...>> {
  enum : std::size_t { n = count_true(CTGRAD_DETAIL_READS(X, Us)) };
  template <class Seq>
  struct reads;
  template <std::size_t... N>
  struct reads<std::index_sequence<N...>> {
    using type = std::index_sequence<nth_read(CTGRAD_DETAIL_READS(X, Us), N)...>;
  };
  using type = typename pull<Sweep, C, mp_list<Us...>, typename reads<std::make_index_sequence<n>>::type,
                             __is_same(X, typename block_of<Sweep, C>::output)>::type;
};

template <class Sweep, class C, class... Us, std::size_t... P, bool Output>
struct pull<Sweep, C, mp_list<Us...>, std::index_sequence<P...>, Output>
    : sum_in_order<std::conditional_t<Output, typename block_of<Sweep, C>::seed, void>,
                   typename vjp_of<Sweep, C, ir::detail::type_at<ir::detail::index_map<mp_list<Us...>>, P % sizeof...(Us)>,
                                   P / sizeof...(Us)>::type...> {};

/// Readies block C of a sweep: the adjoints of its nodes, from the last to the first, so that
/// pulling one never recurses through the whole block.
template <class Sweep, class C>
struct block_ready {
  template <class N, class Prev>
  using step = std::conditional_t<sizeof(typename adjoint_in<Sweep, C, N>::type*) != 0, Prev, Prev>;
  using type = boost::mp11::mp_reverse_fold<typename block_of<Sweep, C>::type::local, void, step>;
};

/// One read of a block: a handle, known by its level and its address, or a leaf or constant, known
/// by its atom key (name, or value) and its address. Edges sort by (handle before atom, level or
/// atom key, block), so the readers of X are found by a binary search (addresses have no order,
/// but levels and atom keys do).
struct read_edge {
  bool is_atom = false;
  std::size_t level = 0;
  ir::atom_info key{};
  const void* id = nullptr;
  std::size_t block = 0;
};
constexpr bool key_less(const read_edge& a, const read_edge& b) noexcept {
  if (a.is_atom != b.is_atom) return a.is_atom < b.is_atom;
  if (!a.is_atom) return a.level < b.level;
  return a.key < b.key;
}
constexpr bool edge_less(const read_edge& a, const read_edge& b) noexcept {
  if (key_less(a, b)) return true;
  if (key_less(b, a)) return false;
  return a.block < b.block;
}

/// The read edge of X (its block left 0).
template <class X, int Kind = ir::detail::kind_of<X>::value>
struct edge_of {
  static constexpr read_edge make() noexcept {
    return {true, 0, ir::detail::atom_info_of<X>(), &ir::detail::type_id<X>::value, 0};
  }
};
template <class X>
struct edge_of<X, 1> {
  static constexpr read_edge make() noexcept {
    return {false, std::size_t{X::ctgrad_block::level}, {}, &ir::detail::type_id<X>::value, 0};
  }
};

/// What block C of a sweep reads directly (its handles, then its leaves and constants).
template <class Sweep, class C, class Deps = typename block_of<Sweep, C>::type::deps,
          class Atoms = typename block_of<Sweep, C>::type::atoms>
struct block_reads;
template <class Sweep, class C, class... Ds, class... As>
struct block_reads<Sweep, C, mp_list<Ds...>, mp_list<As...>> {
  static constexpr read_edge edges[sizeof...(Ds) + sizeof...(As) + 1] = {read_edge{}, edge_of<Ds>::make()...,
                                                                         edge_of<As>::make()...};
};

/// The sum of `ns` (a list, not a fold: clang refuses folds of more than 256 operands).
constexpr std::size_t sum_of(std::initializer_list<std::size_t> ns) noexcept {
  std::size_t s = 0;
  for (std::size_t n : ns) s += n;
  return s;
}

struct read_list {
  const read_edge* edges = nullptr;  // past the dummy first element
  std::size_t size = 0;
};
/// What each of the blocks `Cs` reads, as an aggregate (no constructor, no function: its only
/// symbol is the sweep's).
template <class Sweep, class Blocks>
struct read_table;
template <class Sweep, class... Cs>
struct read_table<Sweep, mp_list<Cs...>> {
  read_list v[sizeof...(Cs)] = {read_list{block_reads<Sweep, Cs>::edges + 1,
                                          sizeof(block_reads<Sweep, Cs>::edges) / sizeof(read_edge) - 1}...};
  std::size_t total = sum_of({std::size_t{0}, (sizeof(block_reads<Sweep, Cs>::edges) / sizeof(read_edge) - 1)...});
};

/// The sweep's graph: its let handles in dependency order, its blocks (the handles', then the
/// root's), and every block's reads as edges sorted for search. (A type-level map from X to its
/// readers, grown one edge at a time, cost time quadratic in the network's depth; so did a scan
/// of every edge for every X.)
template <class Sweep>
struct sweep_graph {
  using lets = ir::block_lets_t<ir::block_t<typename Sweep::root>>;
  using blocks = boost::mp11::mp_push_back<lets, root_block>;
  using positions = ir::detail::index_map<blocks>;
  static constexpr std::size_t n_blocks = boost::mp11::mp_size<blocks>::value;

  static constexpr read_table<Sweep, blocks> reads{};
  static constexpr auto edges = [] {
    std::array<read_edge, reads.total> e{};
    std::size_t n = 0;
    for (std::size_t c = 0; c < n_blocks; ++c)
      for (std::size_t k = 0; k < reads.v[c].size; ++k) {
        e[n] = reads.v[c].edges[k];
        e[n++].block = c;
      }
    return ir::detail::sorted_through_index(e, edge_less);
  }();
};

/// Among the n sorted edges at e, the block of the k-th edge of x (same key, same address); n
/// when there are fewer.
constexpr std::size_t nth_reader(const read_edge* e, std::size_t n, const read_edge& x, std::size_t k) noexcept {
  for (std::size_t i = 0; i < n && !key_less(x, e[i]); ++i)
    if (e[i].id == x.id && k-- == 0) return e[i].block;
  return n;
}
/// How many of the n sorted edges at e are x's.
constexpr std::size_t count_readers(const read_edge* e, std::size_t n, const read_edge& x) noexcept {
  std::size_t c = 0;
  for (std::size_t i = 0; i < n && !key_less(x, e[i]); ++i) c += e[i].id == x.id;
  return c;
}
/// Position of the first edge whose key is not below x's.
constexpr std::size_t first_reader(const read_edge* e, std::size_t n, const read_edge& x) noexcept {
  return static_cast<std::size_t>(std::lower_bound(e, e + n, x, key_less) - e);
}

/// The positions of the blocks of the sweep that read X directly, in block order (a block reads
/// X at most once), as an index_sequence: enumerators and classes only, nothing that g++ must
/// name (and no function declaration to deduce, which clang does slowly).
template <class Sweep, class X>
struct users_of {
  using graph = sweep_graph<Sweep>;
  enum : std::size_t { first = first_reader(graph::edges.data(), graph::edges.size(), edge_of<X>::make()) };
  enum : std::size_t { n = count_readers(graph::edges.data() + first, graph::edges.size() - first, edge_of<X>::make()) };
  template <class Seq>
  struct blocks;
  template <std::size_t... K>
  struct blocks<std::index_sequence<K...>> {
    using type = std::index_sequence<nth_reader(graph::edges.data() + first, graph::edges.size() - first, edge_of<X>::make(), K)...>;
  };
  using type = typename blocks<std::make_index_sequence<n>>::type;
};

/// The adjoint of X: the sum of what its users' blocks pass back (zero when none does).
template <class Sweep, class X, class Users = typename users_of<Sweep, X>::type>
struct adjoint_sum;
template <class Sweep, class X, std::size_t... B>
struct adjoint_sum<Sweep, X, std::index_sequence<B...>> {
  template <class C, class Ready = typename block_ready<Sweep, C>::type>
  using from = typename adjoint_in<Sweep, C, X>::type;
  using sum = typename sum_in_order<void, from<ir::detail::type_at<typename sweep_graph<Sweep>::positions, B>>...>::type;
  using type = std::conditional_t<__is_same(sum, void), zeros_t<shape_of_t<X>>, sum>;
};

/// `prefix` followed by `name`, in an array of N characters. (A function shared by every name,
/// not a lambda in each class that needs one: every instantiation of a lambda is a closure type
/// with its own conversion function, one more per let handle of the network.)
template <std::size_t N>
constexpr std::array<char, N> prefixed_name(std::string_view prefix, std::string_view name) noexcept {
  std::array<char, N> a{};
  for (std::size_t i = 0; i < prefix.size(); ++i) a[i] = prefix[i];
  for (std::size_t i = 0; i < name.size(); ++i) a[prefix.size() + i] = name[i];
  return a;
}

/// "∂h" for a handle named "h": the printed name of its adjoint.
template <class H>
struct adjoint_name {
  static constexpr auto chars = prefixed_name<H::name.size() + 3>("\xE2\x88\x82", H::name);  // ∂ (U+2202)
  static constexpr std::string_view value{chars.data(), chars.size()};
};

/// The adjoint of let handle H in a sweep, itself a let handle: later expressions name it by this
/// short type, and it is lowered into its own block, so a gradient of a deep chain is as shallow,
/// block by block, as the forward graph.
template <class Sweep, class H>
struct adjoint_let {
  using ctgrad_expression_tag = void;
  using ctgrad_let_tag = void;
  using definition = typename adjoint_sum<Sweep, H>::type;
  using shape_type = typename H::shape_type;
  using ctgrad_block = ir::block_t<definition>;
  static constexpr std::string_view name = adjoint_name<H>::value;
};

/// The adjoint of node N of let block B in a sweep, named so that the VJPs of N's operands share
/// it (see shared_adjoint). A let handle lowered into its own block; it has no name of its own, so
/// formulas print its definition in place.
template <class Sweep, class B, class N, class G>
struct node_adjoint {
  using ctgrad_expression_tag = void;
  using ctgrad_let_tag = void;
  using ctgrad_inline_tag = void;
  using definition = G;
  using shape_type = typename G::shape_type;
  using ctgrad_block = ir::block_t<G>;
  static constexpr std::string_view name = "";
};

/// Instantiates and lowers the adjoint lets from the root back to the first layer, each after the
/// ones it reads, so that neither recurses through the whole depth.
template <class Sweep>
struct prepare {
  template <class H, class Prev>
  using step = std::conditional_t<ir::detail::lowered<adjoint_let<Sweep, H>>(), Prev, Prev>;
  using type = boost::mp11::mp_reverse_fold<typename sweep_graph<Sweep>::lets, void, step>;
};

/// The adjoint of leaf L in a sweep (after `prepare`).
template <class Sweep, class L>
using leaf_adjoint_t = typename adjoint_sum<Sweep, L>::type;

/// `g[W]` of a gradient that is not known outright: a let handle printed "∂W" whose definition is
/// the simplified gradient. Its type names only the sweep and the leaf, so a program that compiles
/// the gradients of many parameters as outputs has short type names (which g++ spends quadratic
/// time mangling).
template <class Sweep, class L>
struct gradient_let {
  using ctgrad_expression_tag = void;
  using ctgrad_let_tag = void;
  using definition = leaf_adjoint_t<Sweep, L>;
  using shape_type = typename L::shape_type;
  using ctgrad_block = ir::block_t<definition>;
  static constexpr std::string_view name = adjoint_name<L>::value;
};

/// What g[L] returns: the gradient's own expression when it is a known tensor (zeros, ones), a
/// leaf or a handle, else its gradient_let.
template <class Sweep, class L, class D = leaf_adjoint_t<Sweep, L>>
using gradient_t =
    std::conditional_t<ctgrad::detail::known<D>::ok || ir::atom<D> || ir::let_handle<D>, D, gradient_let<Sweep, L>>;
}  // namespace autodiff::detail

namespace detail {
template <class Loss>
struct grad_check {
  static_assert(shape_of_t<Loss>::rank == 0, "ctgrad: grad(loss, leaves...) needs a scalar loss (use sum or mean)");
  static constexpr bool ok = shape_of_t<Loss>::rank == 0;
};
}  // namespace detail

namespace autodiff::detail {
/// `g[L]` for one requested leaf L: a non-template member whose symbol names only the loss and L
/// (a member of a class naming every requested leaf would be mangled with all of them, once per
/// leaf: quadratic work for g++ in a network with hundreds of parameters).
template <class Loss, class L>
struct gradient_of {
  using sweep = autodiff::detail::sweep<Loss, std::remove_const_t<decltype(scalar_c<1>)>>;
  constexpr auto operator[](L) const noexcept {
    using ready [[maybe_unused]] = typename autodiff::detail::prepare<sweep>::type;
    return autodiff::detail::gradient_t<sweep, L>{};
  }
};

/// `g[L]` for a leaf that was not requested: refused with a message. A template in a class of its
/// own: as a member template of gradients<Loss, Leaves...>, every `g[W]` would substitute the
/// whole pack of leaves again while resolving the overload (time quadratic in their number).
struct other_leaf {
  template <leaf_expression L>
  void operator[](L) const noexcept {
    static_assert(sizeof(L) == 0, "ctgrad: g[leaf]: this leaf was not among grad's leaves");
  }
};
}  // namespace autodiff::detail

/// The gradients of `Loss` with respect to `Leaves`: `g[W]` is an expression (a graph) of W's
/// shape, the let handle ∂W unless the gradient is known outright; a leaf the loss does not depend
/// on gets `zeros<shape>`, which `is_zero_v` recognises.
template <class Loss, class... Leaves>
struct gradients : autodiff::detail::gradient_of<Loss, Leaves>..., autodiff::detail::other_leaf {
  using loss_type = Loss;
  /// The reverse sweep every gradient comes from (seeded with 1 at the loss).
  using sweep = autodiff::detail::sweep<Loss, std::remove_const_t<decltype(scalar_c<1>)>>;
  using autodiff::detail::gradient_of<Loss, Leaves>::operator[]...;
  using autodiff::detail::other_leaf::operator[];
};
/// After an error in the loss (already reported), every gradient is an error node, silently.
template <>
struct gradients<error_node> {
  template <leaf_expression L>
  constexpr error_node operator[](L) const noexcept {
    return {};
  }
};

/// `grad(loss, W1, b1, ...)`: reverse mode over the deduplicated graph of `loss`, each op's VJP
/// rule applied once per node, adjoints summed where a node feeds several others. The result
/// holds graphs, not numbers: evaluate, compile, print or differentiate them again. A leaf listed
/// twice counts once.
template <expression Loss, class... Leaves>
  requires(!detail::any_of({false, !leaf_expression<Leaves>...}))
constexpr auto grad(Loss, Leaves...) noexcept {
  if constexpr (is_error_v<Loss>)
    return gradients<error_node>{};
  else if constexpr (detail::grad_check<Loss>::ok)
    return boost::mp11::mp_rename<typename ir::detail::unique<boost::mp11::mp_list<Loss, Leaves...>>::type, gradients>{};
  else
    return gradients<error_node>{};
}

}  // namespace ctgrad

#endif

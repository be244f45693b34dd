// graph<Outputs...>: lowering of expressions to the index-based IR with its memory plan.
#ifndef CTGRAD_IR_GRAPH_HPP
#define CTGRAD_IR_GRAPH_HPP

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <ctgrad/config.hpp>
#include <ctgrad/exec/kernel.hpp>
#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/collect.hpp>
#include <ctgrad/ir/memory_plan.hpp>

namespace ctgrad::ir {

/// A leaf or constant as a value: leaves are keyed by name, constants by their bit pattern, so
/// deduplicating them across blocks is a sort, not a type-level search.
struct atom_info {
  bool is_constant = false;
  std::string_view name{};
  std::uint64_t bits = 0;
  node_kind kind{};
  std::size_t size = 0;
  std::uint64_t shape_key = 0;  // identifies the leaf's shape, to detect two leaves sharing a name
  const std::size_t* dims = nullptr;  // the leaf's dimensions (static storage), for run-time messages
  std::size_t rank = 0;
  bool distribution = false;  // a leaf whose columns must each sum to one (checked when bound)
  // The name's first 8 bytes as one number, in the order of the name: most comparisons end
  // there. (Sorting the atoms of a 256-deep gradient by full string comparisons took more
  // than clang's budget of constant-evaluation steps.)
  std::uint64_t prefix = 0;

  constexpr bool same_key(const atom_info& o) const {
    return is_constant == o.is_constant && prefix == o.prefix && bits == o.bits && name == o.name;
  }
  constexpr bool operator<(const atom_info& o) const {
    if (is_constant != o.is_constant) return is_constant < o.is_constant;
    if (prefix != o.prefix) return prefix < o.prefix;
    if (const int c = name.compare(o.name); c != 0) return c < 0;
    return bits < o.bits;
  }
};

/// The first 8 bytes of `name` (as unsigned, zero-padded) packed big-end first: comparing two of
/// these orders names as their first 8 bytes do, as std::string_view compares them.
constexpr std::uint64_t name_prefix(std::string_view name) noexcept {
  std::uint64_t p = 0;
  for (std::size_t i = 0; i < 8; ++i)
    p = (p << 8) | (i < name.size() ? static_cast<unsigned char>(name[i]) : 0u);
  return p;
}

namespace detail {
template <class S>
constexpr std::uint64_t shape_key() {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a over rank and dims
  h = (h ^ S::rank) * 1099511628211ull;
  for (std::size_t d : S::dims) h = (h ^ d) * 1099511628211ull;
  return h;
}

template <class T>
constexpr atom_info atom_info_of() {
  if constexpr (requires { typename T::ctgrad_constant_tag; })
    return {true, {}, std::bit_cast<std::uint64_t>(T::value), node_kind::constant, 1, 0, nullptr, 0};
  else
    return {false,
            T::name,
            0,
            T::kind == leaf_kind::param ? node_kind::param : node_kind::input,
            T::shape_type::size,
            // The kind is part of the key: "y" as an input and as a distribution are two leaves.
            shape_key<typename T::shape_type>() + static_cast<std::uint64_t>(T::kind),
            T::shape_type::dims.data(),
            T::shape_type::rank,
            T::kind == leaf_kind::distribution,
            name_prefix(T::name)};
}
/// The key of leaf `T`, in static storage.
template <class T>
inline constexpr atom_info atom_key_v = atom_info_of<T>();

/// `v` sorted by `less`, through an index: sorting the values themselves moves whole structs,
/// which is slow in constant evaluation (and counts against clang's budget of steps).
template <class T, std::size_t N, class Less>
constexpr std::array<T, N> sorted_through_index(const std::array<T, N>& v, Less less) {
  std::array<std::size_t, N> order{};
  for (std::size_t i = 0; i < N; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return less(v[a], v[b]); });
  std::array<T, N> sorted{};
  for (std::size_t i = 0; i < N; ++i) sorted[i] = v[order[i]];
  return sorted;
}

// How the lowering keeps g++ fast: a function, a variable template or a static data member of a
// class template gets a mangled name when it is instantiated, even if it is only ever evaluated at
// compile time, and g++ mangles in time quadratic in a name's length. Names that spell a block
// (every node of it, every handle it reaches) or a whole graph took minutes for a deep gradient.
// So per-node values are enumerators or positions (never named), an operand's record comes from a
// function of its own type alone (a handle's or a leaf's: a short name), per-block tables are
// aggregates held by block_code<K>, keyed by the block's handle alone, and only a few tables per
// graph are keyed by its outputs.

/// One operand as a block records it: an op node of the same block (its position), a let handle
/// (whose value is the last node of its own block), or an atom.
struct operand_ref {
  int kind = 3;  // 0 local node, 1 let handle, 2 atom, 3 none
  std::size_t local = 0;
  const void* let = nullptr;
  std::size_t level = 0;  // of a let handle: its block's level (narrows the search for it)
  atom_info atom{};
};
/// Stands for an operand that is an op node of the reading block.
struct local_operand {};
/// What operand A is to a block's tables: `local_operand` for an op node of the block, itself for
/// a let handle or an atom (a handle of a leaf, a constant or another handle stands for what it
/// names), void past a node's arity. One instantiation per operand type, shared by every block
/// that reads it.
template <class A, int Kind = __is_same(A, void) ? 3 : kind_of<A>::value>
struct operand_key {
  using type = A;
};
template <class A>
struct operand_key<A, 0> {
  using type = local_operand;
};
template <class A, bool Forward = (kind_of<typename A::definition>::value != 0)>
struct let_key {
  using type = A;
};
template <class A>
struct let_key<A, true> : operand_key<typename A::definition> {};
template <class A>
struct operand_key<A, 1> : let_key<A> {};

/// The operand_ref of an operand whose key is K (`local`: its position, for an op node).
template <class K>
constexpr operand_ref operand_ref_of(std::size_t local) noexcept {
  if constexpr (__is_same(K, local_operand))
    return {0, local, nullptr, 0, {}};
  else if constexpr (__is_same(K, void))
    return {};
  else if constexpr (kind_of<K>::value == 1)
    return {1, 0, &type_id<K>::value, K::ctgrad_block::level, {}};
  else
    return {2, 0, nullptr, 0, atom_info_of<K>()};
}

/// The op nodes of a block, for finding an operand's position among them.
template <class... Ns>
struct locals {
  template <class A>
  using position = std::integral_constant<std::size_t, first_true({__is_same(A, Ns)...})>;
};
template <class Local>
struct locals_of;
template <class... Ns>
struct locals_of<mp_list<Ns...>> {
  using type = locals<Ns...>;
};
// The operand_ref of operand `A` (the variadic part) of a node of a block whose locals<...> is `L`.
#define CTGRAD_DETAIL_OPERAND(L, ...)                                                              \
  ::ctgrad::ir::detail::operand_ref_of<typename ::ctgrad::ir::detail::operand_key<__VA_ARGS__>::type>( \
      L::template position<__VA_ARGS__>::value)

/// The operands of node N, padded with void to three.
template <class N>
struct node_args;
template <class Op>
struct node_args<node<Op>> {
  using a0 = void;
  using a1 = void;
  using a2 = void;
};
template <class Op, class A>
struct node_args<node<Op, A>> {
  using a0 = A;
  using a1 = void;
  using a2 = void;
};
template <class Op, class A, class B>
struct node_args<node<Op, A, B>> {
  using a0 = A;
  using a1 = B;
  using a2 = void;
};
template <class Op, class A, class B, class C>
struct node_args<node<Op, A, B, C>> {
  using a0 = A;
  using a1 = B;
  using a2 = C;
};
static_assert(CTGRAD_MAX_ARITY == 3, "ctgrad: node_code lists three operands");

/// One op node as its block records it.
struct node_code {
  std::size_t size = 0;
  std::size_t arity = 0;
  operand_ref in[CTGRAD_MAX_ARITY]{};
  const exec::kernel_set* kernels = nullptr;
};

/// The atoms and op nodes of a block whose op nodes are `Local` and atoms `Atoms`, as aggregates
/// (each with a dummy first element: no empty arrays). They are initialised without a
/// constructor, so the only symbols are block_code's, keyed by the block's handle alone.
template <class Atoms>
struct atom_table;
template <class... As>
struct atom_table<mp_list<As...>> {
  atom_info v[sizeof...(As) + 1] = {atom_info{}, atom_info_of<As>()...};
};
template <class Local>
struct node_table;
template <class... Ns>
struct node_table<mp_list<Ns...>> {
  using L = locals<Ns...>;
  node_code v[sizeof...(Ns) + 1] = {
      node_code{}, node_code{Ns::shape_type::size,
                             Ns::op_arity,
                             {CTGRAD_DETAIL_OPERAND(L, typename node_args<Ns>::a0),
                              CTGRAD_DETAIL_OPERAND(L, typename node_args<Ns>::a1),
                              CTGRAD_DETAIL_OPERAND(L, typename node_args<Ns>::a2)},
                             &exec::detail::kernels_of<Ns>::type::value}...};
};

/// One block of a graph, as a value: its atoms, its op nodes, and the blocks of the handles it
/// reads, by address, so a graph finds all its blocks by a walk at compile time.
struct block_desc {
  std::size_t n_atoms = 0;
  const atom_info* atoms = nullptr;  // [1, n_atoms]
  std::size_t n_local = 0;
  const node_code* nodes = nullptr;  // [1, n_local]
  std::size_t n_deps = 0;
  const block_desc* const* deps = nullptr;  // [1, n_deps]
  const void* id = nullptr;  // the key's type_id
  std::size_t level = 0;
};

template <class K>
struct block_code;
/// The blocks of the handles `Ds` (a dummy first element).
template <class Deps>
struct dep_table;
template <class... Ds>
struct dep_table<mp_list<Ds...>> {
  const block_desc* v[sizeof...(Ds) + 1] = {nullptr, &block_code<Ds>::desc...};
};

/// The tables of the block of key K (a let handle, or a graph's root key). Instantiating `desc`
/// instantiates those of the handles K reads: lowering them in dependency order (`CTGRAD_LET`
/// does it at the declaration, grad in its sweep) keeps that from recursing through the depth.
template <class K>
struct block_code {
  using block = typename K::ctgrad_block;
  static constexpr atom_table<typename block::atoms> atoms{};
  static constexpr node_table<typename block::local> nodes{};
  static constexpr dep_table<typename block::deps> deps{};
  static constexpr block_desc desc{sizeof(atoms.v) / sizeof(atom_info) - 1, atoms.v,
                                   sizeof(nodes.v) / sizeof(node_code) - 1,  nodes.v,
                                   sizeof(deps.v) / sizeof(const block_desc*) - 1, deps.v,
                                   &type_id<K>::value, block::level};
};

/// Lowers handle K's block (its tables) now; true.
template <class K>
constexpr bool lowered() noexcept {
  return block_code<K>::desc.id != nullptr;
}

/// A growable array for constant evaluation (transient allocation).
template <class T>
class scratch {
 public:
  constexpr scratch() = default;
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  constexpr ~scratch() { delete[] data_; }
  constexpr void push_back(const T& v) {
    if (size_ == capacity_) {
      capacity_ = capacity_ == 0 ? 64 : 2 * capacity_;
      T* grown = new T[capacity_]{};
      for (std::size_t i = 0; i < size_; ++i) grown[i] = data_[i];
      delete[] data_;
      data_ = grown;
    }
    data_[size_++] = v;
  }
  constexpr T& operator[](std::size_t i) { return data_[i]; }
  constexpr std::size_t size() const { return size_; }
  constexpr T& back() { return data_[size_ - 1]; }
  constexpr void pop_back() { --size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0, capacity_ = 0;
};

/// The blocks reachable from `root`, itself last, each after the blocks it reads (depth first,
/// dependencies in the order the block reads them). Writes them to `out` when it is not null;
/// returns how many. Blocks are known by address; those already found are searched among the
/// ones of the same level only (a dependency's level is lower than its reader's).
constexpr std::size_t walk_blocks(const block_desc* root, const block_desc** out) {
  struct frame {
    const block_desc* block = nullptr;
    std::size_t next = 0;  // the next dependency to visit
  };
  scratch<std::size_t> head;  // per level: 1 + the last block found at it (0: none)
  for (std::size_t l = 0; l <= root->level; ++l) head.push_back(0);
  scratch<const block_desc*> found;
  scratch<std::size_t> prev;  // per found block: 1 + the one found before it at its level
  scratch<frame> stack;
  const auto mark = [&](const block_desc* b) {
    found.push_back(b);
    prev.push_back(head[b->level]);
    head[b->level] = found.size();
  };
  const auto seen = [&](const block_desc* b) {
    for (std::size_t k = head[b->level]; k != 0; k = prev[k - 1])
      if (found[k - 1] == b) return true;
    return false;
  };
  std::size_t n = 0;
  mark(root);
  stack.push_back({root, 0});
  while (stack.size() != 0) {
    frame& f = stack.back();
    if (f.next < f.block->n_deps) {
      const block_desc* d = f.block->deps[1 + f.next++];
      if (!seen(d)) {
        mark(d);
        stack.push_back({d, 0});
      }
    } else {
      if (out != nullptr) out[n] = f.block;
      ++n;
      stack.pop_back();
    }
  }
  return n;
}
}  // namespace detail

/// The lowered graph of `Outputs`: atoms (leaves and constants, deduplicated by value) first, then
/// one block per reachable `let` in dependency order, then the block of the outputs themselves.
/// `info` is the IR table `{kind, size, inputs}`; `plan` the memory plan. Instantiates O(size) types.
template <class... Outputs>
struct graph {
  using root = block_t<Outputs...>;
  using first_output = boost::mp11::mp_first<mp_list<Outputs...>>;
  using resolved_outputs = mp_list<resolve_t<Outputs>...>;
  /// Stands for the root block among the keys of blocks.
  struct root_key {
    using ctgrad_block = root;
  };

  /// Every block, each after the blocks it reads, the root's last.
  static constexpr std::size_t n_blocks = detail::walk_blocks(&detail::block_code<root_key>::desc, nullptr);
  static constexpr std::array<const detail::block_desc*, n_blocks> blocks = [] {
    std::array<const detail::block_desc*, n_blocks> b{};
    detail::walk_blocks(&detail::block_code<root_key>::desc, b.data());
    return b;
  }();

 private:
  static constexpr const detail::block_desc* const* table = blocks.data();

  static constexpr std::size_t atom_uses = [] {
    std::size_t n = 0;
    for (std::size_t b = 0; b < n_blocks; ++b) n += table[b]->n_atoms;
    return n;
  }();
  static constexpr auto atom_uses_sorted = [] {
    std::array<atom_info, atom_uses> all{};
    std::size_t k = 0;
    for (std::size_t b = 0; b < n_blocks; ++b)
      for (std::size_t i = 1; i <= table[b]->n_atoms; ++i) all[k++] = table[b]->atoms[i];
    return detail::sorted_through_index(all, [](const atom_info& a, const atom_info& b) { return a < b; });
  }();

  static constexpr std::size_t count_unique() {
    std::size_t n = 0;
    for (std::size_t i = 0; i < atom_uses; ++i)
      if (i == 0 || !atom_uses_sorted[i].same_key(atom_uses_sorted[i - 1])) ++n;
    return n;
  }

 public:
  static constexpr std::size_t n_atoms = count_unique();
  /// The unique leaves and constants, sorted (leaves by name, then constants by value).
  static constexpr std::array<atom_info, n_atoms> atoms = [] {
    std::array<atom_info, n_atoms> a{};
    std::size_t n = 0;
    for (std::size_t i = 0; i < atom_uses; ++i)
      if (i == 0 || !atom_uses_sorted[i].same_key(atom_uses_sorted[i - 1])) a[n++] = atom_uses_sorted[i];
    return a;
  }();
  /// True when no two different leaves share a name (names identify leaves).
  static constexpr bool names_ok = [] {
    for (std::size_t i = 1; i < atom_uses; ++i) {
      const auto& a = atom_uses_sorted[i - 1];
      const auto& b = atom_uses_sorted[i];
      if (a.same_key(b) && (a.kind != b.kind || a.shape_key != b.shape_key)) return false;
    }
    return true;
  }();
  static_assert(names_ok, "ctgrad: two different leaves of one graph share a name (names identify leaves)");

  /// Position of the atom with `key` in `atoms` (binary search), or n_atoms when absent.
  static constexpr std::size_t find_atom(const atom_info& key) {
    const auto* it = std::lower_bound(atoms.begin(), atoms.end(), key);
    const bool found = it != atoms.end() && it->same_key(key) && it->kind == key.kind && it->shape_key == key.shape_key;
    return found ? static_cast<std::size_t>(it - atoms.begin()) : n_atoms;
  }

  /// Op nodes over all blocks, before merging.
  static constexpr std::size_t n_block_nodes = [] {
    std::size_t n = 0;
    for (std::size_t b = 0; b < n_blocks; ++b) n += table[b]->n_local;
    return n;
  }();
  /// Position of each block's first node among all blocks' nodes.
  static constexpr auto local_start = [] {
    std::array<std::size_t, n_blocks> s{};
    std::size_t at = 0;
    for (std::size_t b = 0; b < n_blocks; ++b) {
      s[b] = at;
      at += table[b]->n_local;
    }
    return s;
  }();

  /// The blocks ordered by level: a handle is looked for among the few blocks of its own level
  /// (handles are known by address, which has no order to sort by).
  static constexpr auto by_level = [] {
    std::array<std::size_t, n_blocks> order{};
    for (std::size_t j = 0; j < n_blocks; ++j) order[j] = j;
    std::sort(order.begin(), order.end(), [](std::size_t a, std::size_t b) {
      return table[a]->level != table[b]->level ? table[a]->level < table[b]->level : a < b;
    });
    return order;
  }();

  /// IR index of an operand read by block `b`, given the IR index of every block node so far
  /// (`canon`, by position among all blocks' nodes).
  static constexpr std::size_t resolve_in(const detail::operand_ref& r, std::size_t b, const std::size_t* canon) {
    if (r.kind == 0) return canon[local_start[b] + r.local];
    if (r.kind == 2) return find_atom(r.atom);
    // A let handle: the last node of its own block. The search is written out: resolve runs for
    // every operand within one constant evaluation, and std::partition_point's calls took a
    // 256-deep residual gradient past clang's budget of steps.
    std::size_t lo = 0, hi = n_blocks;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (table[by_level[mid]]->level < r.level)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (; lo < n_blocks && table[by_level[lo]]->level == r.level; ++lo)
      if (table[by_level[lo]]->id == r.let) return canon[local_start[by_level[lo]] + table[by_level[lo]]->n_local - 1];
    return n_atoms + n_block_nodes;
  }

  /// The op nodes of all blocks with equal nodes merged: a node is the same computation as an
  /// earlier one when it has the same kernels (op and shapes) and the same operands. Blocks are
  /// lowered one by one, so a subexpression read by several of them (the forward pass, read by the
  /// loss and by each gradient; a layer's pre-activation, read by its forward block and its
  /// adjoint's) appears in each; here it becomes one node, computed once. Equal nodes have equal
  /// operands, so a node is compared only with the earlier nodes in its bucket of a hash table
  /// keyed by its operands. (Chains keyed by the first operand alone were quadratic where one
  /// value is read by hundreds of nodes, a parameter of a long chain: past clang's step budget.)
  struct merged_nodes {
    std::array<std::size_t, n_block_nodes> canon{};  // IR index of each block node
    std::size_t n = 0;                               // unique nodes
  };
  struct unique_node {
    const exec::kernel_set* kernels = nullptr;
    std::size_t arity = 0;
    std::array<std::size_t, CTGRAD_MAX_ARITY> inputs{};
    std::size_t next = 0;  // the next unique node in the same bucket (or none)
  };
  static constexpr merged_nodes merged = [] {
    merged_nodes m{};
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    // bucket[h]: the last unique node found whose operands hash to h (none: no node yet). The
    // unique nodes themselves are transient: only the map from block nodes to IR indices is kept.
    const std::size_t n_buckets = std::bit_ceil(2 * n_block_nodes + 2);
    detail::scratch<std::size_t> bucket;
    detail::scratch<unique_node> found;
    for (std::size_t h = 0; h < n_buckets; ++h) bucket.push_back(none);
    std::size_t k = 0;
    for (std::size_t b = 0; b < n_blocks; ++b)
      for (std::size_t i = 0; i < table[b]->n_local; ++i, ++k) {
        const detail::node_code& c = table[b]->nodes[i + 1];
        unique_node n{c.kernels, c.arity, {}, none};
        for (std::size_t a = 0; a < c.arity; ++a) n.inputs[a] = resolve_in(c.in[a], b, m.canon.data());
        std::uint64_t h = n.arity;
        for (std::size_t a = 0; a < CTGRAD_MAX_ARITY; ++a) h = (h ^ (n.inputs[a] + 1)) * 0x9E3779B97F4A7C15ull;
        std::size_t& head = bucket[static_cast<std::size_t>(h >> 32) & (n_buckets - 1)];
        std::size_t u = head;
        while (u != none && !(found[u].kernels == n.kernels && found[u].arity == n.arity && found[u].inputs == n.inputs))
          u = found[u].next;
        if (u == none) {
          u = found.size();
          n.next = head;
          found.push_back(n);
          head = u;
        }
        m.canon[k] = n_atoms + u;
      }
    m.n = found.size();
    return m;
  }();
  /// Nodes in the IR: the atoms, then the unique op nodes.
  static constexpr std::size_t size = n_atoms + merged.n;

  /// IR index of an operand read by block `b`.
  static constexpr std::size_t resolve(const detail::operand_ref& r, std::size_t b) {
    return resolve_in(r, b, merged.canon.data());
  }

  using root_locals = typename detail::locals_of<typename root::local>::type;

  /// The IR table: atoms, then op nodes in topological order (each unique node where it first
  /// occurs among the blocks' nodes).
  static constexpr std::array<node_info, size> info = [] {
    std::array<node_info, size> out{};
    for (std::size_t i = 0; i < n_atoms; ++i) out[i] = {atoms[i].kind, atoms[i].size, 0, {}};
    std::size_t k = 0, next = n_atoms;
    for (std::size_t b = 0; b < n_blocks; ++b)
      for (std::size_t i = 0; i < table[b]->n_local; ++i, ++k)
        if (merged.canon[k] == next) {
          const detail::node_code& c = table[b]->nodes[i + 1];
          node_info& n = out[next++];
          n = {node_kind::op, c.size, c.arity, {}};
          for (std::size_t a = 0; a < c.arity; ++a) n.inputs[a] = resolve(c.in[a], b);
        }
    return out;
  }();
  /// The kernels of each op node (IR index n_atoms + u at position u).
  static constexpr std::array<const exec::kernel_set*, merged.n> kernels = [] {
    std::array<const exec::kernel_set*, merged.n> out{};
    std::size_t k = 0, next = 0;
    for (std::size_t b = 0; b < n_blocks; ++b)
      for (std::size_t i = 0; i < table[b]->n_local; ++i, ++k)
        if (merged.canon[k] == n_atoms + next) out[next++] = table[b]->nodes[i + 1].kernels;
    return out;
  }();
  static constexpr std::array<std::size_t, sizeof...(Outputs)> outputs{
      resolve(CTGRAD_DETAIL_OPERAND(root_locals, Outputs), n_blocks - 1)...};
  static constexpr memory_plan<size> plan = plan_memory(info, outputs);
  static constexpr std::size_t arena_size = plan.arena_size;
};

// Questions about a graph G, asked per leaf or output: templates of G, not members of it. A member
// template of graph<Outputs...> names the graph as graph<Outputs...>, and g++ substitutes the
// whole pack again at every such use: for a program that binds each of hundreds of parameters,
// time quadratic in their number.

/// Index of atom `T` in `G::atoms` (`::value`; `G::n_atoms` when absent).
template <class G, class T>
using atom_index = std::integral_constant<std::size_t, G::find_atom(detail::atom_info_of<T>())>;
/// Whether leaf `T` (same name, kind and shape) belongs to graph G (`::value`).
template <class G, class T>
using contains = std::bool_constant<(atom_index<G, T>::value < G::n_atoms)>;
/// Whether `E` is one of G's outputs (`::value`).
template <class G, class E>
using is_output = std::bool_constant<detail::in_list<resolve_t<E>, typename G::resolved_outputs>::value>;
template <class G>
using root_locals_t = typename G::root_locals;
/// IR index of the value of `T` in G (`::value`): an atom, a let handle (its definition's node), or
/// an op node of the root block.
template <class G, class T>
using index_of = std::integral_constant<std::size_t, G::resolve(CTGRAD_DETAIL_OPERAND(root_locals_t<G>, T), G::n_blocks - 1)>;
/// Offset of `T`'s buffer in G's arena (`::value`).
template <class G, class T>
using offset_of = std::integral_constant<std::size_t, G::plan.offset[index_of<G, T>::value]>;

}  // namespace ctgrad::ir

#endif

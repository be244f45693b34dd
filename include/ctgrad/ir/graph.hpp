// graph<Outputs...>: lowering of expressions to the index-based IR with its memory plan.
#ifndef CTGRAD_IR_GRAPH_HPP
#define CTGRAD_IR_GRAPH_HPP

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

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

  constexpr bool same_key(const atom_info& o) const {
    return is_constant == o.is_constant && name == o.name && bits == o.bits;
  }
  constexpr bool operator<(const atom_info& o) const {
    if (is_constant != o.is_constant) return is_constant < o.is_constant;
    if (name != o.name) return name < o.name;
    return bits < o.bits;
  }
};

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
            T::kind == leaf_kind::distribution};
}

template <class T, std::size_t I>
struct indexed {};
template <class L, class Seq = std::make_index_sequence<boost::mp11::mp_size<L>::value>>
struct index_map;
template <class... Ns, std::size_t... I>
struct index_map<mp_list<Ns...>, std::index_sequence<I...>> : indexed<Ns, I>... {};
template <class T, std::size_t I>
constexpr std::size_t index_from(const indexed<T, I>*) noexcept {
  return I;
}
/// Position of `T` in list `L` (one lookup through a class with one base per element).
template <class L, class T>
inline constexpr std::size_t position_v = index_from<T>(static_cast<const index_map<L>*>(nullptr));

template <class L>
using block_of_t = typename L::ctgrad_block;
template <class B>
using local_of_t = typename B::local;
template <class B>
using local_size_t = boost::mp11::mp_size<typename B::local>;

template <std::size_t N>
constexpr std::size_t sum_of(const std::size_t (&xs)[N]) {
  std::size_t s = 0;
  for (std::size_t x : xs) s += x;
  return s;
}
template <class... Ls>
constexpr std::size_t total_size(mp_list<Ls...>) {
  return sum_of({std::size_t{0}, boost::mp11::mp_size<Ls>::value...});
}
}  // namespace detail

/// The lowered graph of `Outputs`: atoms (leaves and constants, deduplicated by value) first, then
/// one block per reachable `let` in dependency order, then the block of the outputs themselves.
/// `info` is the IR table `{kind, size, inputs}`; `plan` the memory plan. Instantiates O(size) types.
template <class... Outputs>
struct graph {
  using root = block_t<Outputs...>;
  using lets = typename root::lets;
  /// Blocks in execution order: every reachable let, then the root.
  using blocks = boost::mp11::mp_push_back<boost::mp11::mp_transform<detail::block_of_t, lets>, root>;

 private:
  // Packs over blocks and nodes expand into array initialisers, never folds: clang limits a fold
  // expression to 256 operands, and graphs have more blocks than that.
  template <class... Bs>
  static constexpr std::size_t count_atom_uses(mp_list<Bs...>) {
    return detail::sum_of({std::size_t{0}, boost::mp11::mp_size<typename Bs::atoms>::value...});
  }
  static constexpr std::size_t atom_uses = count_atom_uses(blocks{});

  template <class... As>
  static constexpr void put_atoms(std::array<atom_info, atom_uses>& out, std::size_t& k, mp_list<As...>) {
    [[maybe_unused]] const int seq[] = {0, ((out[k++] = detail::atom_info_of<As>()), 0)...};
  }
  template <class... Bs>
  static constexpr auto sorted_atom_uses(mp_list<Bs...>) {
    std::array<atom_info, atom_uses> all{};
    std::size_t k = 0;
    [[maybe_unused]] const int seq[] = {0, (put_atoms(all, k, typename Bs::atoms{}), 0)...};
    std::sort(all.begin(), all.end());
    return all;
  }
  static constexpr auto atom_uses_sorted = sorted_atom_uses(blocks{});

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
  /// Index of atom `T` in `atoms`.
  template <class T>
  static constexpr std::size_t atom_index = find_atom(detail::atom_info_of<T>());
  /// True when leaf `T` (same name, kind and shape) belongs to this graph.
  template <class T>
  static constexpr bool contains = atom_index<T> < n_atoms;

  static constexpr std::size_t size = n_atoms + detail::total_size(boost::mp11::mp_transform<detail::local_of_t, blocks>{});

  /// First IR index of each block.
  static constexpr auto block_start = [] {
    constexpr std::size_t nb = boost::mp11::mp_size<blocks>::value;
    std::array<std::size_t, nb> s{};
    std::size_t at = n_atoms, b = 0;
    boost::mp11::mp_for_each<boost::mp11::mp_transform<detail::local_size_t, blocks>>([&](auto n) {
      s[b++] = at;
      at += decltype(n)::value;
    });
    return s;
  }();

  /// IR index of the value of `T`: an atom, a let handle (its definition's node), or an op node of
  /// block number `B` (default: the root block).
  // Blocks are reached by expanding the `blocks` pack alongside its indices, never by mp_at_c
  // (which is linear per lookup on some compilers, so quadratic over a deep network).
  template <class T, std::size_t B, class Block>
  static constexpr std::size_t find_index() {
    if constexpr (atom<T>) {
      return atom_index<T>;
    } else if constexpr (let_handle<T>) {
      using D = typename T::definition;
      if constexpr (atom<D> || let_handle<D>)
        return find_index<D, B, Block>();
      else  // the definition is the last node of the handle's own block
        return block_start[detail::position_v<lets, T>] +
               boost::mp11::mp_size<typename T::ctgrad_block::local>::value - 1;
    } else {
      return block_start[B] + detail::position_v<typename Block::local, T>;
    }
  }
  /// IR index of the value of `T`: an atom, a let handle (its definition's node), or an op node of
  /// the root block.
  template <class T>
  static constexpr std::size_t index_of = find_index<T, boost::mp11::mp_size<blocks>::value - 1, root>();

 private:
  template <std::size_t B, class Block, class Op, class... Args>
  static constexpr node_info info_for(node<Op, Args...>*) {
    return {node_kind::op, node<Op, Args...>::shape_type::size, sizeof...(Args),
            {find_index<Args, B, Block>()...}};
  }
  template <std::size_t B, class Block, class... Ns>
  static constexpr void put_block(std::array<node_info, size>& out, mp_list<Ns...>) {
    std::size_t k = block_start[B];
    [[maybe_unused]] const int seq[] = {0, ((out[k++] = info_for<B, Block>(static_cast<Ns*>(nullptr))), 0)...};
  }
  template <class... Bs, std::size_t... B>
  static constexpr std::array<node_info, size> make_info(mp_list<Bs...>, std::index_sequence<B...>) {
    std::array<node_info, size> out{};
    for (std::size_t i = 0; i < n_atoms; ++i) out[i] = {atoms[i].kind, atoms[i].size, 0, {}};
    [[maybe_unused]] const int seq[] = {0, (put_block<B, Bs>(out, typename Bs::local{}), 0)...};
    return out;
  }

 public:
  static constexpr std::array<node_info, size> info =
      make_info(blocks{}, std::make_index_sequence<boost::mp11::mp_size<blocks>::value>{});
  static constexpr std::array<std::size_t, sizeof...(Outputs)> outputs{index_of<Outputs>...};
  static constexpr memory_plan<size> plan = plan_memory(info, outputs);
  static constexpr std::size_t arena_size = plan.arena_size;

  /// Offset of `T`'s buffer in the arena.
  template <class T>
  static constexpr std::size_t offset_of = plan.offset[index_of<T>];
};

}  // namespace ctgrad::ir

#endif

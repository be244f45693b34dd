// graph<Outputs...>: lowering of expressions to the index-based IR with its memory plan.
#ifndef CTGRAD_IR_GRAPH_HPP
#define CTGRAD_IR_GRAPH_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include <boost/mp11/list.hpp>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/collect.hpp>
#include <ctgrad/ir/memory_plan.hpp>

namespace ctgrad::ir {

namespace detail {
template <class T, std::size_t I>
struct indexed {};

template <class L, class Seq>
struct index_map_impl;
template <class... Ns, std::size_t... I>
struct index_map_impl<mp_list<Ns...>, std::index_sequence<I...>> : indexed<Ns, I>... {};

template <class T, std::size_t I>
constexpr std::size_t index_from(const indexed<T, I>*) noexcept {
  return I;
}

template <class N>
struct info_of {
  static constexpr node_info value{N::kind == leaf_kind::input ? node_kind::input : node_kind::param,
                                   N::shape_type::size, 0, {}};
};
template <std::uint64_t Bits>
struct info_of<constant<Bits>> {
  static constexpr node_info value{node_kind::constant, 1, 0, {}};
};

template <class N>
struct leaf_name {
  static constexpr std::string_view value{};
};
template <class N>
  requires requires { typename N::ctgrad_leaf_tag; }
struct leaf_name<N> {
  static constexpr std::string_view value = N::name;
};

/// True when no two different leaves share a name (sorted names, adjacent comparison).
template <std::size_t N>
constexpr bool leaf_names_unique(std::array<std::string_view, N> names) {
  std::sort(names.begin(), names.end());
  for (std::size_t i = 1; i < N; ++i)
    if (!names[i].empty() && names[i] == names[i - 1]) return false;
  return true;
}
}  // namespace detail

/// The lowered graph of `Outputs`: its unique nodes in topological order (`nodes`), the IR table
/// (`info`), output indices, and the memory plan. Instantiates O(size) types.
template <class... Outputs>
struct graph {
  using nodes = collect_t<Outputs...>;
  static constexpr std::size_t size = boost::mp11::mp_size<nodes>::value;
  using map = detail::index_map_impl<nodes, std::make_index_sequence<size>>;

  /// Index of node `T` (a let handle stands for its definition) in `nodes`.
  template <class T>
  static constexpr std::size_t index_of = detail::index_from<resolve_t<T>>(static_cast<const map*>(nullptr));

  template <class T>
  static constexpr bool contains = __is_base_of(ir::detail::tag<resolve_t<T>>,
                                                boost::mp11::mp_rename<nodes, ir::detail::type_set>);

 private:
  template <class N>
  struct info_for : detail::info_of<N> {};
  template <class Op, class... Args>
  struct info_for<node<Op, Args...>> {
    static constexpr node_info value{node_kind::op, node<Op, Args...>::shape_type::size, sizeof...(Args),
                                     {index_of<Args>...}};
  };
  template <class... Ns>
  static constexpr std::array<node_info, size> make_info(mp_list<Ns...>) {
    return {info_for<Ns>::value...};
  }
  template <class... Ns>
  static constexpr std::array<std::string_view, size> make_names(mp_list<Ns...>) {
    return {detail::leaf_name<Ns>::value...};
  }

 public:
  static constexpr std::array<node_info, size> info = make_info(nodes{});
  static constexpr std::array<std::size_t, sizeof...(Outputs)> outputs{index_of<Outputs>...};
  static constexpr memory_plan<size> plan = plan_memory(info, outputs);
  static constexpr std::size_t arena_size = plan.arena_size;
  static constexpr bool names_ok = detail::leaf_names_unique(make_names(nodes{}));
  static_assert(names_ok, "ctgrad: two different leaves of one graph share a name (names identify leaves)");

  /// Offset of node `T`'s buffer in the arena.
  template <class T>
  static constexpr std::size_t offset_of = plan.offset[index_of<T>];
};

}  // namespace ctgrad::ir

#endif

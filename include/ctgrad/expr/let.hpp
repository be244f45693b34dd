// let: a named intermediate that later nodes refer to by a short handle, which keeps types shallow.
#ifndef CTGRAD_EXPR_LET_HPP
#define CTGRAD_EXPR_LET_HPP

#include <string_view>
#include <type_traits>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/fixed_string.hpp>
#include <ctgrad/ir/collect.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad {

/// A let handle. `definition` is the expression it names; `ctgrad_block` is that expression lowered
/// here, once, when the handle is declared, so graphs that use the handle never walk back through
/// earlier layers (compile cost stays linear in depth).
template <fixed_string Name, expression Def>
struct let_node {
  using ctgrad_expression_tag = void;
  using ctgrad_let_tag = void;
  using definition = Def;
  using shape_type = typename Def::shape_type;
  using ctgrad_block = ir::block_t<Def>;
  static constexpr std::string_view name = Name.view();
};

/// Base of `CTGRAD_LET` handles: the tags and the name. It names no other type, so
/// argument-dependent lookup on a handle does not wander back through earlier layers, and it holds
/// the static name so that the handle itself can be a local class (which may not have one).
template <fixed_string Name>
struct let_handle_base {
  using ctgrad_expression_tag = void;
  using ctgrad_let_tag = void;
  static constexpr std::string_view name = Name.view();
};

template <class T>
concept let_expression = expression<T> && requires { typename T::ctgrad_let_tag; };

/// definition_t<E>: the expression a let handle names (for a gradient `g[W]`, the gradient's
/// formula); any other expression itself.
template <class E>
struct definition_of {
  using type = E;
};
template <class E>
  requires requires { typename E::ctgrad_let_tag; }
struct definition_of<E> {
  using type = typename E::definition;
};
template <class E>
using definition_t = typename definition_of<std::remove_cvref_t<E>>::type;

/// `let<"h">(e)`: names `e` for printing and planning. Its type still spells out `e`; to cut the
/// type itself at a layer boundary, declare the handle with `CTGRAD_LET`.
template <fixed_string Name, expression E>
constexpr let_node<Name, E> let(E) noexcept {
  return {};
}

}  // namespace ctgrad

/// `CTGRAD_LET(h1, relu(W1 * x + b1));` declares `h1`, a handle whose type is the short struct
/// `h1_let`, named "h1" in printed formulas. Later expressions that use `h1` carry `h1_let` in
/// their types instead of the whole subtree: use it at layer boundaries of deep networks.
/// The handle's block is lowered here, once, with the list of handles it reaches: a graph or a
/// gradient of a deep chain then finds every layer ready instead of recursing through the depth.
#define CTGRAD_LET(handle, ...)                                             \
  struct handle##_let : ::ctgrad::let_handle_base<#handle> {                \
    using definition = decltype(__VA_ARGS__);                               \
    using shape_type = typename definition::shape_type;                     \
    using ctgrad_block = ::ctgrad::ir::block_t<definition>;                 \
    using ctgrad_lets = ::ctgrad::ir::block_lets_t<ctgrad_block>;           \
  };                                                                        \
  static_assert(::ctgrad::ir::detail::lowered<handle##_let>());             \
  [[maybe_unused]] constexpr handle##_let handle {}

#endif

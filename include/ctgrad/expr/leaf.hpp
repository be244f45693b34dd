// Leaves: named inputs (fed per evaluation) and parameters (bound once and kept).
#ifndef CTGRAD_EXPR_LEAF_HPP
#define CTGRAD_EXPR_LEAF_HPP

#include <cstddef>
#include <string_view>

#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/fixed_string.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

/// What a leaf holds: data fed per evaluation, a parameter bound once, or data whose slices along
/// axis 0 are probability distributions (checked when fed; the simplifier may rely on it).
enum class leaf_kind { input, param, distribution };

/// A named leaf of the graph. Its name is part of its type, so two leaves never merge by accident.
template <leaf_kind Kind, fixed_string Name, class Shape>
struct leaf {
  using ctgrad_expression_tag = void;
  using ctgrad_leaf_tag = void;
  using shape_type = Shape;
  static constexpr leaf_kind kind = Kind;
  static constexpr std::string_view name = Name.view();
};

template <class T>
concept leaf_expression = expression<T> && requires { typename T::ctgrad_leaf_tag; };

namespace detail {
/// The leaf, or (after the one message about its dimensions) an error node that keeps later ops
/// silent.
template <leaf_kind Kind, fixed_string Name, std::size_t... Dims>
constexpr auto make_leaf() noexcept {
  if constexpr (check_dims_positive<Dims...>::ok)
    return leaf<Kind, Name, shape<Dims...>>{};
  else
    return error_node{};
}
}  // namespace detail

/// `input<"x", 784, 32>`: data fed at each evaluation (784 features, batch of 32).
template <fixed_string Name, std::size_t... Dims>
inline constexpr auto input = detail::make_leaf<leaf_kind::input, Name, Dims...>();

/// `distribution<"y", 10, 32>`: an input whose columns (slices along axis 0, the class axis) each
/// sum to one with no negative entry: one-hot labels or soft targets. Feeding or binding data that
/// is not throws std::invalid_argument naming the leaf, the column and its sum. The precondition
/// is what lets grad simplify the adjoint of cross-entropy of softmax to `p − y`; for an `input`
/// target it keeps the general `p·Σy − y`.
template <fixed_string Name, std::size_t... Dims>
inline constexpr auto distribution = detail::make_leaf<leaf_kind::distribution, Name, Dims...>();

/// `param<"W1", 128, 784>`: a trainable parameter, bound once and kept between evaluations.
template <fixed_string Name, std::size_t... Dims>
inline constexpr auto param = detail::make_leaf<leaf_kind::param, Name, Dims...>();

}  // namespace ctgrad

#endif

// shape<Dims...>: tensor shapes as types, with their compile-time arithmetic.
#ifndef CTGRAD_SHAPE_SHAPE_HPP
#define CTGRAD_SHAPE_SHAPE_HPP

#include <array>
#include <cstddef>
#include <string>
#include <utility>

namespace ctgrad {

namespace detail {
template <std::size_t... Dims>
struct check_dims_positive {
  static_assert(((Dims > 0) && ...), "ctgrad: shape<Dims...> needs every dimension to be at least 1");
  static constexpr bool ok = ((Dims > 0) && ...);
};
}  // namespace detail

/// The shape of a tensor as a type: `shape<784, 32>` is 784 rows by 32 columns, row-major.
/// `shape<>` is a scalar. Layout convention: features first, batch last (one sample per column).
template <std::size_t... Dims>
struct shape : private detail::check_dims_positive<Dims...> {
  static constexpr std::size_t rank = sizeof...(Dims);
  static constexpr std::size_t size = (std::size_t{1} * ... * Dims);
  static constexpr std::array<std::size_t, sizeof...(Dims)> dims{Dims...};
};

/// Shapes compare equal when they are the same type.
template <std::size_t... A, std::size_t... B>
constexpr bool operator==(shape<A...>, shape<B...>) noexcept {
  return __is_same(shape<A...>, shape<B...>);
}

namespace detail {
/// Row-major strides of a shape given as an array.
template <std::size_t R>
constexpr std::array<std::size_t, R> strides_of(const std::array<std::size_t, R>& d) noexcept {
  std::array<std::size_t, R> s{};
  std::size_t acc = 1;
  for (std::size_t i = R; i-- > 0;) {
    s[i] = acc;
    acc *= d[i];
  }
  return s;
}

/// Builds a `shape` type from a constexpr array of dimensions.
template <auto Dims, class Seq = std::make_index_sequence<Dims.size()>>
struct shape_from_array;
template <auto Dims, std::size_t... I>
struct shape_from_array<Dims, std::index_sequence<I...>> {
  using type = shape<Dims[I]...>;
};

/// Shape with axis `Axis` removed.
template <class S, std::size_t Axis>
struct remove_axis {
  static constexpr auto dims = [] {
    std::array<std::size_t, (S::rank > 0 ? S::rank - 1 : 0)> out{};
    for (std::size_t i = 0, j = 0; i < S::rank; ++i)
      if (i != Axis && j < out.size()) out[j++] = S::dims[i];
    return out;
  }();
  using type = typename shape_from_array<dims>::type;
};
}  // namespace detail

/// `remove_axis_t<shape<2, 3>, 0>` is `shape<3>`.
template <class S, std::size_t Axis>
using remove_axis_t = typename detail::remove_axis<S, Axis>::type;

/// Human-readable spelling of a run-time shape, e.g. "(128, 784)".
template <class Container>
std::string shape_string(const Container& dims) {
  std::string s = "(";
  bool first = true;
  for (auto d : dims) {
    if (!first) s += ", ";
    s += std::to_string(d);
    first = false;
  }
  if (dims.size() == 1) s += ",";
  return s + ")";
}

}  // namespace ctgrad

#endif

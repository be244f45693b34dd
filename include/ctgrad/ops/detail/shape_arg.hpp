// Shared by ops that take a shape as a template argument (sum_to, broadcast_to, fill): the shape
// test, "S broadcasts onto G", a row-major broadcast walk, and the printed dimension list.
#ifndef CTGRAD_OPS_DETAIL_SHAPE_ARG_HPP
#define CTGRAD_OPS_DETAIL_SHAPE_ARG_HPP

#include <array>
#include <cstddef>

#include <ctgrad/print/constexpr_string.hpp>
#include <ctgrad/print/number.hpp>
#include <ctgrad/print/term.hpp>
#include <ctgrad/shape/broadcast.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad::ops::detail {

/// is_shape_v<S>: true exactly for `shape<Dims...>`.
template <class S>
inline constexpr bool is_shape_v = false;
template <std::size_t... Dims>
inline constexpr bool is_shape_v<shape<Dims...>> = true;

/// A shape type given as a template argument (`sum_to<shape<4>>(g)`, `zeros<shape<2, 3>>`).
template <class S>
concept shape_arg = is_shape_v<S>;

/// True when shape `S` broadcasts to shape `G` unchanged: broadcast(S, G) is G.
template <class S, class G>
inline constexpr bool broadcasts_onto_v = broadcastable_v<S, G> && __is_same(broadcast_t<S, G>, G);

/// "2, 3" for shape<2, 3>, "" for shape<>; in LaTeX "[2, 3]" and "[]", as shapes are written in
/// the design notes (a bare subscript would vanish for shape<>).
template <class S>
constexpr constexpr_string dims_text(notation n) {
  constexpr_string s;
  if (n == notation::latex) s += '[';
  for (std::size_t i = 0; i < S::rank; ++i) {
    if (i != 0) s += ", ";
    s += format_integer(static_cast<long long>(S::dims[i]));
  }
  if (n == notation::latex) s += ']';
  return s;
}

/// How a broadcast of `Small` over `Big` reads Small along Big's last axes: over the longest run of
/// trailing axes along which Small is either stretched (`zero`: one element of Small for the whole
/// run) or laid out as Big (one element per element).
template <class Small, class Big>
struct broadcast_run {
  static constexpr auto st = ctgrad::detail::broadcast_strides<Small, Big>();
  static constexpr std::size_t R = Big::rank;
  static constexpr bool zero = R > 0 && st[R - 1] == 0;
  /// Axes [first, R) form the run; `length` elements.
  static constexpr std::size_t first = [] {
    std::size_t d = R, big_stride = 1;
    while (d > 0 && (zero ? st[d - 1] == 0 : st[d - 1] == big_stride)) {
      --d;
      big_stride *= Big::dims[d];
    }
    return d;
  }();
  static constexpr std::size_t length = [] {
    std::size_t n = 1;
    for (std::size_t d = first; d < R; ++d) n *= Big::dims[d];
    return n;
  }();
};

/// Calls `f(k, j, n)` for each run of n consecutive elements k, k+1, ... of `Big` in row-major
/// order, with j the element of `Small` (which must broadcast to `Big`) that lands on k: the run
/// reads j alone when broadcast_run<Small, Big>::zero, else j, j+1, ...
template <class Small, class Big, class F>
constexpr void for_each_broadcast_run(F&& f) {
  using run = broadcast_run<Small, Big>;
  constexpr std::size_t n = run::length, R = run::first;
  constexpr auto st = run::st;
  std::array<std::size_t, R + 1> idx{};  // the position on the axes before the run
  std::size_t j = 0;
  for (std::size_t k = 0; k < Big::size; k += n) {
    f(k, j, n);
    for (std::size_t d = R; d-- > 0;) {
      ++idx[d];
      j += st[d];
      if (idx[d] < Big::dims[d]) break;
      j -= st[d] * Big::dims[d];
      idx[d] = 0;
    }
  }
}

/// Calls `f(k, j)` for every element k of `Big` in row-major order, with j the element of `Small`
/// (which must broadcast to `Big`) that lands on it. Small's strides are 0 along stretched axes.
/// The innermost loop runs along a run of broadcast_run, where it vectorises.
template <class Small, class Big, class F>
constexpr void for_each_broadcast(F&& f) {
  if constexpr (Small::size == Big::size) {
    for (std::size_t k = 0; k < Big::size; ++k) f(k, k);
  } else if constexpr (Small::size == 1) {
    for (std::size_t k = 0; k < Big::size; ++k) f(k, std::size_t{0});
  } else if constexpr (broadcast_run<Small, Big>::zero) {
    for_each_broadcast_run<Small, Big>([&](std::size_t k, std::size_t j, std::size_t n) {
      for (std::size_t t = 0; t < n; ++t) f(k + t, j);
    });
  } else {
    for_each_broadcast_run<Small, Big>([&](std::size_t k, std::size_t j, std::size_t n) {
      for (std::size_t t = 0; t < n; ++t) f(k + t, j + t);
    });
  }
}

}  // namespace ctgrad::ops::detail

#endif

// feed: data for one leaf, and the checked copy of that data into a graph's arena.
#ifndef CTGRAD_EXEC_FEED_HPP
#define CTGRAD_EXEC_FEED_HPP

#include <array>
#include <cstddef>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/shape/shape.hpp>

namespace ctgrad {

/// Data for leaf `Leaf`: held by value for scalars and std::array (so constexpr feeds need no
/// storage elsewhere), by pointer for containers (which must outlive the call they are fed to).
template <class Leaf, class Data>
struct feed_t {
  using leaf_type = Leaf;
  using data_type = Data;
  static constexpr bool by_value = std::is_arithmetic_v<Data>;
  std::conditional_t<by_value, Data, const Data*> data;
  constexpr const Data& get() const noexcept {
    if constexpr (by_value)
      return data;
    else
      return *data;
  }
};
template <class Leaf, class U, std::size_t N>
struct feed_t<Leaf, std::array<U, N>> {
  using leaf_type = Leaf;
  using data_type = std::array<U, N>;
  std::array<U, N> data;
  constexpr const std::array<U, N>& get() const noexcept { return data; }
};

/// `feed(x, data)`: a scalar, a std::array of the leaf's size (row-major), an xtensor container of
/// the leaf's shape, or a contiguous container (std::vector) of the leaf's size.
template <expression L, class Data>
  requires(leaf_expression<L> || is_error_v<L>)  // an error node: its one message was printed already
constexpr feed_t<L, Data> feed(L, const Data& data) noexcept {
  if constexpr (std::is_arithmetic_v<Data> || requires { std::tuple_size<Data>::value; })
    return {data};
  else
    return {&data};
}

namespace detail {
template <class Leaf, std::size_t Got>
struct check_feed_size {
  static_assert(Got == Leaf::shape_type::size,
                "ctgrad: feed/bind: the data's compile-time size differs from the leaf's shape");
  static constexpr bool ok = Got == Leaf::shape_type::size;
};

/// The number of values in `Data` when it is a compile-time constant (a scalar: 1; std::array: N),
/// else 0 (a container whose size is known at run time).
template <class Data>
inline constexpr std::size_t static_size_v = [] {
  if constexpr (std::is_arithmetic_v<Data>)
    return std::size_t{1};
  else if constexpr (requires { std::tuple_size<Data>::value; })
    return std::tuple_size<Data>::value;
  else
    return std::size_t{0};
}();

/// True unless `Data`'s size is a compile-time constant that differs from `n`. (A function of the
/// container type alone: compiled_graph::bind asks it once per parameter.)
template <class Data>
constexpr bool size_fits(std::size_t n) noexcept {
  return static_size_v<Data> == 0 || static_size_v<Data> == n;
}

/// True unless `Data`'s size is a compile-time constant that differs from the leaf's size. Read
/// this, not check_feed_size<...>::ok: clang makes every member of a class whose static_assert
/// failed unusable in constant expressions, which would add a second error.
template <class Leaf, class Data>
inline constexpr bool feed_size_ok = size_fits<Data>(Leaf::shape_type::size);

/// Naming this type where `feed_size_ok` is false prints the one size message.
template <class Leaf, class Data>
using feed_size_report = decltype(check_feed_size<Leaf, static_size_v<Data>>::ok);

/// The dimensions of a shape type that is a class template of dimensions (xtensor's
/// fixed_shape<I...>, ctgrad's shape<I...>), if it is one.
template <class S>
struct fixed_dims {
  static constexpr bool known = false;
};
template <template <std::size_t...> class F, std::size_t... I>
struct fixed_dims<F<I...>> {
  static constexpr bool known = true;
  template <class S>
  static constexpr bool matches = __is_same(S, shape<I...>);
};
/// Compile-time shape of a container type, if it has one: a container whose `shape_type` lists
/// its dimensions as template arguments (xtensor_fixed, without naming xtensor, so every
/// translation unit sees the same answer whether or not it includes xtensor).
template <class C>
struct static_shape {
  static constexpr bool known = false;
};
template <class C>
  requires requires { typename C::shape_type; }
struct static_shape<C> : fixed_dims<typename C::shape_type> {};

template <class Leaf>
std::string leaf_shape_string() {
  return shape_string(Leaf::shape_type::dims);
}

/// What run-time checks need to know of a leaf. Passing it as a value keeps the checking and
/// copying code one instantiation per (element type, container type), shared by every leaf: a
/// network with hundreds of parameters compiles it once, not once per parameter.
struct leaf_desc {
  std::string_view name;
  const std::size_t* dims;
  std::size_t rank;
  std::size_t size;
  bool distribution = false;
};

template <class Leaf>
inline constexpr leaf_desc leaf_desc_v{Leaf::name, Leaf::shape_type::dims.data(), Leaf::shape_type::rank,
                                       Leaf::shape_type::size, Leaf::kind == leaf_kind::distribution};

[[noreturn]] inline void throw_bind_error(const leaf_desc& leaf, const std::string& found) {
  throw std::invalid_argument("ctgrad: bind(" + std::string(leaf.name) + "): expected shape " +
                              shape_string(std::vector<std::size_t>(leaf.dims, leaf.dims + leaf.rank)) +
                              ", got " + found);
}

[[noreturn]] inline void throw_size_error(const leaf_desc& leaf, std::size_t found) {
  throw std::invalid_argument("ctgrad: bind(" + std::string(leaf.name) + "): expected " +
                              std::to_string(leaf.size) + " values for shape " +
                              shape_string(std::vector<std::size_t>(leaf.dims, leaf.dims + leaf.rank)) +
                              ", got " + std::to_string(found));
}

[[noreturn]] inline void throw_distribution_error(const leaf_desc& leaf, std::size_t column, const std::string& found) {
  throw std::invalid_argument("ctgrad: bind(" + std::string(leaf.name) + "): a distribution needs each column to be " +
                              "non-negative and sum to 1, but column " + std::to_string(column) + " " + found +
                              " (declare the leaf with input<...> for targets that are not distributions)");
}

/// For a distribution leaf: every column (slice along axis 0) of the loaded values `v` must be
/// non-negative and sum to one, within 64·K machine epsilons for K classes. Throws
/// std::invalid_argument naming the leaf, the column and what was found (NaN included).
template <class T>
constexpr void check_distribution(const T* v, const leaf_desc& leaf) {
  if (!leaf.distribution) return;
  const std::size_t k = leaf.rank == 0 ? 1 : leaf.dims[0];
  const std::size_t inner = leaf.size / k;
  const double eps = static_cast<double>(std::numeric_limits<T>::epsilon());
  const double tol = 64.0 * eps * static_cast<double>(k);
  for (std::size_t j = 0; j < inner; ++j) {
    double s = 0;
    for (std::size_t i = 0; i < k; ++i) {
      const double x = static_cast<double>(v[i * inner + j]);
      if (!(x >= 0)) throw_distribution_error(leaf, j, "has the entry " + std::to_string(x) + " at row " + std::to_string(i));
      s += x;
    }
    if (!(s >= 1 - tol && s <= 1 + tol))
      throw_distribution_error(leaf, j, "sums to " + std::to_string(s));
  }
}

/// Checks a container whose size is known only at run time against `leaf`, then copies it in
/// row-major order, converting the element type. Throws std::invalid_argument naming the leaf and
/// both shapes; on a throw, `dst` is untouched.
template <class T, class Data>
void load_checked(T* dst, const Data& data, const leaf_desc& leaf) {
  if constexpr (requires { data.shape(); }) {
    if constexpr (!static_shape<Data>::known) {
      const auto& sh = data.shape();
      bool same = std::size(sh) == leaf.rank;
      for (std::size_t i = 0; same && i < leaf.rank; ++i) same = static_cast<std::size_t>(sh[i]) == leaf.dims[i];
      if (!same) throw_bind_error(leaf, shape_string(sh));
    }
    std::size_t i = 0;
    for (auto it = data.begin(); it != data.end(); ++it) dst[i++] = static_cast<T>(*it);
  } else {
    static_assert(requires { std::size(data); std::data(data); },
                  "ctgrad: feed/bind: data must be a scalar, std::array, xtensor container or contiguous range");
    if (std::size(data) != leaf.size) throw_size_error(leaf, std::size(data));
    const auto* p = std::data(data);
    for (std::size_t k = 0; k < leaf.size; ++k) dst[k] = static_cast<T>(p[k]);
  }
}

/// The one message for a fixed-shape container (xtensor_fixed) whose shape is not the leaf's.
template <class Leaf, class Data>
constexpr void check_fixed_shape() {
  if constexpr (static_shape<Data>::known)
    static_assert(static_shape<Data>::template matches<typename Leaf::shape_type>,
                  "ctgrad: bind: a fixed-shape container must have exactly the leaf's shape");
}

/// Copies `data` into `dst` (Leaf's buffer), converting the element type, after checking its size or
/// shape: at compile time when the container's size is a constant, else at run time (throws
/// std::invalid_argument naming the leaf and both shapes).
template <class Leaf, class T, class Data>
constexpr void load_leaf(T* dst, const Data& data) {
  using S = typename Leaf::shape_type;
  if constexpr (std::is_arithmetic_v<Data>) {
    if constexpr (feed_size_ok<Leaf, Data>) dst[0] = static_cast<T>(data);
  } else if constexpr (requires { std::tuple_size<Data>::value; }) {
    if constexpr (feed_size_ok<Leaf, Data>)
      for (std::size_t i = 0; i < S::size; ++i) dst[i] = static_cast<T>(data[i]);
  } else {
    check_fixed_shape<Leaf, Data>();
    load_checked(dst, data, leaf_desc_v<Leaf>);
  }
  if constexpr (Leaf::kind == leaf_kind::distribution) check_distribution(dst, leaf_desc_v<Leaf>);
}
}  // namespace detail

}  // namespace ctgrad

#endif

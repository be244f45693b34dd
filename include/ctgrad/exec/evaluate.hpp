// evaluate: forward evaluation of a small graph, usable in constant expressions.
#ifndef CTGRAD_EXEC_EVALUATE_HPP
#define CTGRAD_EXEC_EVALUATE_HPP

#include <array>
#include <cstddef>
#include <type_traits>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/utility.hpp>

#include <ctgrad/exec/feed.hpp>
#include <ctgrad/exec/run.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad {

/// The data type a feed carries.
template <class Feed>
using feed_data_t = typename Feed::data_type;

namespace detail {
template <class G, class... Feeds>
struct check_all_fed {
  static constexpr bool ok = [] {
    std::array<bool, G::n_atoms + 1> fed{};  // slot n_atoms: feeds of leaves the graph lacks
    ((fed[ir::atom_index<G, typename Feeds::leaf_type>::value] = true), ...);
    for (std::size_t i = 0; i < G::n_atoms; ++i)
      if (!G::atoms[i].is_constant && !fed[i]) return false;
    return true;
  }();
  static_assert(ok, "ctgrad: evaluate(e, feeds...) needs one feed for every leaf of e");
};
template <class Feed>
struct feed_size_bad {
  using type = std::bool_constant<!feed_size_ok<typename Feed::leaf_type, typename Feed::data_type>>;
};

}  // namespace detail

/// Evaluates `e` in element type `T` with every leaf fed: `evaluate<double>(f, feed(x, 1.0), ...)`.
/// Feeds of leaves that `e` does not read are ignored, so one set of feeds serves a loss and each
/// of its gradients.
/// Returns a `T` for a scalar result, else a row-major `std::array<T, size>`. Works in constant
/// expressions, so a seed value can be a `static_assert` (the arena lives on the stack: small graphs).
template <class T, expression E, class... Feeds>
constexpr auto evaluate(E, const Feeds&... feeds) {
  using S = shape_of_t<E>;
  using result = std::conditional_t<S::rank == 0, T, std::array<T, S::size>>;
  // Each check runs only after the ones before it passed, so a mistake prints one message.
  if constexpr (is_error_v<E> || (is_error_v<typename Feeds::leaf_type> || ...)) {
    return result{};
  } else {
    using G = ir::graph<E>;
    if constexpr (!G::names_ok) {
      return result{};
    } else if constexpr (!detail::check_all_fed<G, Feeds...>::ok) {
      return result{};
    } else if constexpr (!(detail::feed_size_ok<typename Feeds::leaf_type, feed_data_t<Feeds>> && ...)) {
      // The message, from the first feed of the wrong size.
      using first_bad = boost::mp11::mp_at<
          ir::mp_list<Feeds...>,
          boost::mp11::mp_find_if_q<ir::mp_list<Feeds...>, boost::mp11::mp_quote_trait<detail::feed_size_bad>>>;
      using report [[maybe_unused]] = detail::feed_size_report<typename first_bad::leaf_type, feed_data_t<first_bad>>;
      return result{};
    } else {
      std::array<T, G::arena_size> arena{};
      [[maybe_unused]] const auto load = [&arena]<class F>(const F& f) {
        using L = typename F::leaf_type;
        if constexpr (ir::contains<G, L>::value)
          detail::load_leaf<L>(arena.data() + ir::offset_of<G, L>::value, f.get());
      };
      (load(feeds), ...);
      exec::run<G>(arena.data());
      constexpr std::size_t out = ir::offset_of<G, E>::value;
      if constexpr (S::rank == 0) {
        return arena[out];
      } else {
        result r{};
        for (std::size_t i = 0; i < S::size; ++i) r[i] = arena[out + i];
        return r;
      }
    }
  }
}

}  // namespace ctgrad

#endif

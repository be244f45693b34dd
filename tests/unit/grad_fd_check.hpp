// tests/unit/grad_fd_check.hpp: shared by grad_fd_*.cpp: checks the symbolic gradients of grad()
// against central finite differences of the loss, in double, on pseudo-random inputs.
#ifndef CTGRAD_TESTS_UNIT_GRAD_FD_CHECK_HPP
#define CTGRAD_TESTS_UNIT_GRAD_FD_CHECK_HPP

#include <ctgrad/ctgrad.hpp>
#include <ctgrad/autodiff/grad.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

// Named, not anonymous: see forward_check.hpp (CTGRAD_LET handles and -Wunused-const-variable).
namespace grad_fd_test {

namespace ct = ctgrad;
using namespace ct::literals;

// ---------------------------------------------------------------------------------------------
// Inputs. A leaf's values are drawn from a tiny LCG; `any` values have magnitude in [0.25, 1.5]
// with a random sign, so relu and abs are never evaluated within 0.25 of their kink; `positive`
// values lie in [0.5, 2] (log, sqrt, fractional and negative powers, division).

struct domain {
  double lo, hi;
  bool signed_values;
};
inline constexpr domain any{0.25, 1.5, true};
inline constexpr domain positive{0.5, 2.0, false};
// The upstream adjoint r of L = sum(f % r): non-uniform, so a rule that only holds for a uniform
// adjoint (e.g. softmax's, whose rows sum to a constant) cannot pass by accident.
inline constexpr domain adjoint{0.1, 2.0, true};

struct lcg {
  std::uint64_t state;
  double uniform() {  // in [0, 1)
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  }
  double draw(domain d) {
    const double m = d.lo + (d.hi - d.lo) * uniform();
    return d.signed_values && uniform() < 0.5 ? -m : m;
  }
};

template <std::size_t N>
std::array<double, N> draw(lcg& rng, domain d) {
  std::array<double, N> a{};
  for (auto& v : a) v = rng.draw(d);
  return a;
}

/// A leaf with the domain its values are drawn from.
template <class L>
struct arg {
  L leaf;
  domain dom;
};
template <ct::leaf_expression L>
constexpr arg<L> pos(L l) {
  return {l, positive};
}
template <ct::leaf_expression L>
constexpr arg<L> as_arg(L l) {
  return {l, any};
}
template <class L>
constexpr arg<L> as_arg(arg<L> a) {
  return a;
}

template <class E>
inline constexpr std::size_t size_v = ct::shape_of_t<E>::size;

// ---------------------------------------------------------------------------------------------
// The comparison: |analytic - numeric| <= 1e-6 max(1, |analytic|, |numeric|). The largest
// relative error seen is printed at exit when CTGRAD_FD_REPORT is set.

inline constexpr double fd_tol = 1e-6;

struct fd_report {
  double max_err = 0;
  std::size_t checked = 0;
  ~fd_report() {
    if (std::getenv("CTGRAD_FD_REPORT"))
      std::fprintf(stderr, "grad_fd: %zu gradient elements checked, max |a-n|/max(1,|a|,|n|) = %.3g\n", checked,
                   max_err);
  }
};
inline fd_report report;

inline void compare(double analytic, double numeric) {
  const double err = std::abs(analytic - numeric) / std::max({1.0, std::abs(analytic), std::abs(numeric)});
  report.max_err = std::max(report.max_err, err);
  ++report.checked;
  INFO("analytic " << analytic << ", numeric " << numeric << ", relative error " << err);
  CHECK(err <= fd_tol);
}

template <class T, std::size_t N>
std::array<double, N> as_array(const T& v) {
  if constexpr (std::is_arithmetic_v<T>)
    return {static_cast<double>(v)};
  else
    return v;
}

// Picks the leaf whose gradient is evaluated (the failure test swaps it to prove the check bites).
template <class G, class L>
auto gradient_of(const G& g, L leaf) {
  return g[leaf];
}

template <class E, class... Ls, class Data, std::size_t... Is>
void check_vjp_impl(E, std::uint64_t seed, const std::tuple<arg<Ls>...>& args, const Data& data,
                    std::index_sequence<Is...>) {
  using S = ct::shape_of_t<E>;
  constexpr auto r = ct::leaf<ct::leaf_kind::input, "fd_r", S>{};
  constexpr auto loss = ct::sum(E{} % r);
  constexpr auto g = ct::grad(loss, Ls{}...);
  // Every gradient is an expression with its leaf's shape.
  static_assert((std::is_same_v<ct::shape_of_t<decltype(g[Ls{}])>, ct::shape_of_t<Ls>> && ...));

  lcg rng{seed ^ 0x9e3779b97f4a7c15ULL};
  const auto rdata = draw<S::size>(rng, adjoint);
  // Feeds for r and every leaf, whichever of them `e` uses.
  auto eval = [&](auto e, const Data& d) {
    return ct::evaluate<double>(e, ct::feed(r, rdata), ct::feed(std::get<Is>(args).leaf, std::get<Is>(d))...);
  };

  auto check_leaf = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
    const auto leaf = std::get<I>(args).leaf;
    using L = std::remove_const_t<decltype(leaf)>;
    INFO("leaf " << L::name);
    const auto got = eval(gradient_of(g, leaf), data);
    const auto analytic = as_array<std::remove_const_t<decltype(got)>, size_v<L>>(got);
    for (std::size_t i = 0; i < size_v<L>; ++i) {
      INFO("element " << i);
      Data plus = data, minus = data;
      const double x = std::get<I>(data)[i];
      const double h = 1e-6 * std::max(1.0, std::abs(x));
      std::get<I>(plus)[i] = x + h;
      std::get<I>(minus)[i] = x - h;
      // The step actually taken, after rounding x ± h.
      const double step = std::get<I>(plus)[i] - std::get<I>(minus)[i];
      compare(analytic[i], (eval(loss, plus) - eval(loss, minus)) / step);
    }
  };
  (check_leaf(std::integral_constant<std::size_t, Is>{}), ...);
}

/// Checks g[leaf] of L = sum(f % r), for every leaf in `leaves` (a leaf, or pos(leaf) for
/// positive values), against central differences of L. `f` must use only these leaves.
template <ct::expression E, class... Leaves>
void check_vjp(E f, std::uint64_t seed, Leaves... leaves) {
  const auto args = std::tuple{as_arg(leaves)...};
  lcg rng{seed};
  using Data = std::tuple<std::array<double, size_v<decltype(as_arg(leaves).leaf)>>...>;
  Data data{draw<size_v<decltype(as_arg(leaves).leaf)>>(rng, as_arg(leaves).dom)...};
  check_vjp_impl(f, seed, args, data, std::index_sequence_for<Leaves...>{});
}

#define CHECK_VJP(expr, seed, ...)   \
  do {                               \
    INFO("expression: " #expr);      \
    check_vjp(expr, seed, __VA_ARGS__); \
  } while (false)

}  // namespace grad_fd_test

#endif

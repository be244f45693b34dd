// tests/seeds/catalogue.hpp: comparison with the catalogue's printed numbers, shared by the seed
// tests that run in float and double.
#ifndef CTGRAD_TESTS_SEEDS_CATALOGUE_HPP
#define CTGRAD_TESTS_SEEDS_CATALOGUE_HPP

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace seed_catalogue {

// The catalogue prints about 6 significant digits: 5e-6 relative / 1e-6 absolute in double; float
// carries ~7 digits and its rounding errors add up along a graph: 1e-4 relative / 1e-5 absolute.
template <class T>
Approx catalogue(double want) {
  return std::is_same_v<T, float> ? Approx(want).epsilon(1e-4).margin(1e-5)
                                  : Approx(want).epsilon(5e-6).margin(1e-6);
}

// `got`: a std::array from evaluate, an xtensor view from a compiled graph or step (row-major), or
// a std::vector of values.
template <class T, class Got, std::size_t N>
void check_catalogue(const Got& got, const std::array<double, N>& want) {
  REQUIRE(static_cast<std::size_t>(got.size()) == N);
  std::size_t i = 0;
  for (auto v : got) {
    INFO("element " << i << " (row-major)");
    CHECK(static_cast<double>(v) == catalogue<T>(want[i]));
    ++i;
  }
}

}  // namespace seed_catalogue

#endif

// fixed_string: a string literal usable as a template argument (leaf and let names).
#ifndef CTGRAD_EXPR_FIXED_STRING_HPP
#define CTGRAD_EXPR_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>

namespace ctgrad {

/// A string literal as a structural value, so `input<"x", 3>` can carry its name in its type.
template <std::size_t N>
struct fixed_string {
  char data[N]{};

  constexpr fixed_string(const char (&s)[N]) noexcept {
    for (std::size_t i = 0; i < N; ++i) data[i] = s[i];
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, N - 1}; }
  [[nodiscard]] static constexpr std::size_t size() noexcept { return N - 1; }
};

}  // namespace ctgrad

#endif

// expect: ctgrad: bind\(leaf, data\): this leaf is not part of the compiled graph
// bind of a leaf that the compiled outputs do not use.
#include <array>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto x = ct::input<"x", 3>;

void bind_foreign_leaf() {
  auto g = ct::compile<float>(W * x);
  g.bind(W, std::array<float, 6>{1, 2, 3, 4, 5, 6});
#ifdef CTGRAD_KO
  constexpr auto b = ct::param<"b", 2>;
  g.bind(b, std::array<float, 2>{1, 2});
#endif
}

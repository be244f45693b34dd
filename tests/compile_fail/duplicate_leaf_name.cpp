// expect: ctgrad: two different leaves of one graph share a name
// compile() of a graph with an input and a param both named "x": names identify leaves.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto x = ct::input<"x">;
constexpr auto y = ct::param<"y">;

void duplicate_leaf_name() {
  [[maybe_unused]] auto g = ct::compile<float>(x + y);
#ifdef CTGRAD_KO
  constexpr auto x_param = ct::param<"x">;
  [[maybe_unused]] auto bad = ct::compile<float>(x + x_param);
#endif
}

// expect: ctgrad: two different leaves of one graph share a name
// evaluate() of a graph with an input and a param both named "x": names identify leaves.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto x = ct::input<"x">;
constexpr auto y = ct::param<"y">;
static_assert(ct::evaluate<double>(x + y, ct::feed(x, 1.0), ct::feed(y, 2.0)) == 3.0);

#ifdef CTGRAD_KO
constexpr auto x_param = ct::param<"x">;
[[maybe_unused]] constexpr double bad = ct::evaluate<double>(x + x_param, ct::feed(x, 1.0), ct::feed(x_param, 2.0));
#endif

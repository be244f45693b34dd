// expect: (shape<2, 3> ?>, 5>|.5UL == .*shape<2, 3>::size.).*ctgrad: feed/bind: the data.s compile-time size differs from the leaf.s shape
// evaluate with a std::array of 5 values fed to a [2 x 3] leaf (6 values): caught at compile time.
#include <array>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
static_assert(ct::evaluate<double>(ct::sum(W), ct::feed(W, std::array<double, 6>{1, 2, 3, 4, 5, 6})) == 21.0);

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr double bad = ct::evaluate<double>(ct::sum(W), ct::feed(W, std::array<double, 5>{1, 2, 3, 4, 5}));
#endif

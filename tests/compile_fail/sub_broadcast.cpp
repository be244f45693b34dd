// expect: shape<2, 3>, ctgrad::shape<2, 4> ?>.*ctgrad: sub\(a, b\) needs broadcastable shapes: aligned from the first axis
// [2 x 3] - [2 x 4]: the second axes differ (3 and 4) and neither is 1.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 2, 3>;
constexpr auto b = ct::param<"b", 2, 1>;  // size-1 axis: stretches over a's 3 columns
static_assert(ct::shape_of(a - b) == ct::shape<2, 3>{});

#ifdef CTGRAD_KO
constexpr auto b_bad = ct::param<"b_bad", 2, 4>;
[[maybe_unused]] constexpr auto c = a - b_bad;
#endif

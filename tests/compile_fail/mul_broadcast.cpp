// expect: shape<2, 1, 3>, ctgrad::shape<2, 5, 4> ?>.*ctgrad: mul\(a, b\) needs broadcastable shapes: aligned from the first axis
// [2 x 1 x 3] % [2 x 5 x 4] (elementwise product): the size-1 axis stretches, but 3 meets 4.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 2, 1, 3>;
constexpr auto b = ct::param<"b", 2, 5, 3>;
static_assert(ct::shape_of(a % b) == ct::shape<2, 5, 3>{});
static_assert(ct::shape_of(ct::mul(a, b)) == ct::shape<2, 5, 3>{});

#ifdef CTGRAD_KO
constexpr auto b_bad = ct::param<"b_bad", 2, 5, 4>;
[[maybe_unused]] constexpr auto c = a % b_bad;
#endif

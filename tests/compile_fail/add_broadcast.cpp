// expect: shape<3, 4>, ctgrad::shape<4> ?>.*ctgrad: add\(a, b\) needs broadcastable shapes: aligned from the first axis
// [3 x 4] + [4]: shapes align from the FIRST axis (features first, batch last), so 3 meets 4.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 3, 4>;
constexpr auto b = ct::param<"b", 3>;  // a column: broadcasts over a's 4 columns
static_assert(ct::shape_of(a + b) == ct::shape<3, 4>{});

#ifdef CTGRAD_KO
constexpr auto b_bad = ct::param<"b_bad", 4>;
[[maybe_unused]] constexpr auto c = a + b_bad;
#endif

// expect: shape<4>, ctgrad::shape<3, 4> ?>.*ctgrad: div\(a, b\) needs broadcastable shapes: aligned from the first axis
// [4] / [3 x 4]: the shorter operand aligns with the first axis (3), not the last (4).
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::param<"a", 3>;
constexpr auto b = ct::input<"b", 3, 4>;
static_assert(ct::shape_of(a / b) == ct::shape<3, 4>{});

#ifdef CTGRAD_KO
constexpr auto a_bad = ct::param<"a_bad", 4>;
[[maybe_unused]] constexpr auto c = a_bad / b;
#endif

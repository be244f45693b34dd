// expect: shape<5>, ctgrad::shape<4, 5> ?>.*ctgrad: broadcast_to<S>\(a\) needs a.s shape to broadcast to S
// broadcast_to<[4 x 5]> of a [5] vector: shapes align from the FIRST axis, so 5 meets the 4 rows.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 4>;
static_assert(ct::shape_of(ct::broadcast_to<ct::shape<4, 5>>(a)) == ct::shape<4, 5>{});

#ifdef CTGRAD_KO
constexpr auto a_bad = ct::input<"a_bad", 5>;
[[maybe_unused]] constexpr auto bad = ct::broadcast_to<ct::shape<4, 5>>(a_bad);
#endif

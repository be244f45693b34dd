// expect: shape<3>, ctgrad::shape<4, 5> ?>.*ctgrad: sum_to<S>\(g\) needs S to broadcast to g.s shape
// sum_to<[3]> of a [4 x 5] tensor: shapes align from the FIRST axis, so [3] meets the 4 rows.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto g = ct::input<"g", 4, 5>;
static_assert(ct::shape_of(ct::sum_to<ct::shape<4>>(g)) == ct::shape<4>{});
static_assert(ct::shape_of(ct::sum_to<ct::shape<1, 5>>(g)) == ct::shape<1, 5>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::sum_to<ct::shape<3>>(g);
#endif

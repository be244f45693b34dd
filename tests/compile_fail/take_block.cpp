// expect: take_check<ctgrad::shape<3, 4>, ctgrad::shape<4>, 3>.*ctgrad: take<I, S>\(g\) needs block I to exist in g|ctgrad: take<I, S>\(g\) needs block I to exist in g.*take_check<ctgrad::shape<3, 4>, ctgrad::shape<4>, 3>
// take<3, shape<4>>(M) with M of shape [3 x 4]: rows 0 to 2 exist, row 3 does not.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto M = ct::input<"M", 3, 4>;
static_assert(ct::shape_of(ct::take<2, ct::shape<4>>(M)) == ct::shape<4>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::take<3, ct::shape<4>>(M);
#endif

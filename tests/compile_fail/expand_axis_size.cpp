// expect: (expand_axis_check<ctgrad::shape<3, 4>, 1, 0>|shape<3, 4>::rank.*0UL > 0).*ctgrad: expand_axis<axis, n>\(a\) needs n >= 1
// expand_axis<1, 0>: a new axis of size 0 would make an empty tensor.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 3, 4>;
static_assert(ct::shape_of(ct::expand_axis<1, 1>(a)) == ct::shape<3, 1, 4>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::expand_axis<1, 0>(a);
#endif

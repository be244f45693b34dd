// expect: (expand_axis_check<ctgrad::shape<3, 4>, 3, 2>|.3 >= 0 && static_cast<[a-z ]+>\(3\) <= shape<3, 4>::rank.).*ctgrad: expand_axis<axis, n>\(a\) needs 0 <= axis <= rank of a
// expand_axis<3, 2> of a [3 x 4] matrix: a new axis can go before axis 0 or 1, or after the last (2).
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 3, 4>;
static_assert(ct::shape_of(ct::expand_axis<2, 2>(a)) == ct::shape<3, 4, 2>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::expand_axis<3, 2>(a);
#endif

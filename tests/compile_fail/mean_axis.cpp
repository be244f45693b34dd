// expect: (mean_axis_check<ctgrad::shape<3, 4>, -1>|.-1 >= 0 && static_cast<[a-z ]+>\(-1\) < shape<3, 4>::rank.).*ctgrad: mean<axis>\(a\) needs 0 <= axis < rank of a
// mean<-1> of a [3 x 4] matrix: axes count from 0 (no negative axes, unlike NumPy).
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto z = ct::input<"z", 3, 4>;
static_assert(ct::shape_of(ct::mean<1>(z)) == ct::shape<3>{});
static_assert(ct::shape_of(ct::mean<0>(z)) == ct::shape<4>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::mean<-1>(z);
#endif

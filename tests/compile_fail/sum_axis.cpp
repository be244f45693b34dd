// expect: (sum_axis_check<ctgrad::shape<3, 4>, 2>|.2 >= 0 && static_cast<[a-z ]+>\(2\) < shape<3, 4>::rank.).*ctgrad: sum<axis>\(a\) needs 0 <= axis < rank of a
// sum<2> of a [3 x 4] matrix: a rank-2 tensor has axes 0 and 1 only.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto z = ct::input<"z", 3, 4>;
static_assert(ct::shape_of(ct::sum<1>(z)) == ct::shape<3>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::sum<2>(z);
#endif

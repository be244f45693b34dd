// expect: (cross_entropy_check<ctgrad::shape<3, 4>, ctgrad::shape<4, 3> ?>|__is_same.ctgrad::shape<3, 4>, ctgrad::shape<4, 3>.).*ctgrad: cross_entropy\(p, y\) needs p and y of the same shape
// cross_entropy(p, y) of [3 x 4] probabilities against a [4 x 3] target (a transposed label matrix).
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto p = ct::input<"p", 3, 4>;
constexpr auto y = ct::input<"y", 3, 4>;
static_assert(ct::shape_of(ct::cross_entropy(p, y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::input<"y_bad", 4, 3>;
[[maybe_unused]] constexpr auto bad = ct::cross_entropy(p, y_bad);
#endif

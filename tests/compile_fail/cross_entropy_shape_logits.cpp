// expect: (cross_entropy_check<ctgrad::shape<3, 4>, ctgrad::shape<3> ?>|__is_same.ctgrad::shape<3, 4>, ctgrad::shape<3>.).*ctgrad: cross_entropy\(p, y\) needs p and y of the same shape
// softmax_cross_entropy<1>(z, y) from [3 x 4] logits against a [3] target: the target needs z's shape.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto z = ct::input<"z", 3, 4>;
constexpr auto y = ct::input<"y", 3, 4>;
static_assert(ct::shape_of(ct::softmax_cross_entropy<1>(z, y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::input<"y_bad", 3>;
[[maybe_unused]] constexpr auto bad = ct::softmax_cross_entropy<1>(z, y_bad);
#endif

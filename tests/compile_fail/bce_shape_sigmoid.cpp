// expect: (bce_check<ctgrad::shape<3, 4>, ctgrad::shape<4, 3> ?>|__is_same.ctgrad::shape<3, 4>, ctgrad::shape<4, 3>.).*ctgrad: bce\(p, y\) needs p and y of the same shape
// bce(sigmoid(a), y), the fused form, with [3 x 4] logits against a [4 x 3] target.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 3, 4>;
constexpr auto y = ct::input<"y", 3, 4>;
static_assert(ct::shape_of(ct::bce(ct::sigmoid(a), y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::input<"y_bad", 4, 3>;
[[maybe_unused]] constexpr auto bad = ct::bce(ct::sigmoid(a), y_bad);
#endif

// expect: (bce_check<ctgrad::shape<6>, ctgrad::shape<6, 1> ?>|__is_same.ctgrad::shape<6>, ctgrad::shape<6, 1>.).*ctgrad: bce\(p, y\) needs p and y of the same shape
// bce_with_logits(a, y) of [6] logits against a [6 x 1] target.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a = ct::input<"a", 6>;
constexpr auto y = ct::input<"y", 6>;
static_assert(ct::shape_of(ct::bce_with_logits(a, y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::input<"y_bad", 6, 1>;
[[maybe_unused]] constexpr auto bad = ct::bce_with_logits(a, y_bad);
#endif

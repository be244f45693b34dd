// expect: (bce_check<ctgrad::shape<1, 4>, ctgrad::shape<4> ?>|__is_same.ctgrad::shape<1, 4>, ctgrad::shape<4>.).*ctgrad: bce\(p, y\) needs p and y of the same shape
// bce(p, y) of [1 x 4] probabilities (one output, batch of 4) against [4] labels: they would
// broadcast in an elementwise op, but a loss needs the same shape.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto p = ct::input<"p", 1, 4>;
constexpr auto y = ct::input<"y", 1, 4>;
static_assert(ct::shape_of(ct::bce(p, y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::input<"y_bad", 4>;
[[maybe_unused]] constexpr auto bad = ct::bce(p, y_bad);
#endif

// expect: (cross_entropy_check<ctgrad::shape<10, 2>, ctgrad::shape<10> ?>|__is_same.ctgrad::shape<10, 2>, ctgrad::shape<10>.).*ctgrad: cross_entropy\(p, y\) needs p and y of the same shape
// cross_entropy(softmax(z), y), the fused form, with logits for a batch of 2 ([10 x 2]) and the
// target of one sample ([10]): still the one message of cross_entropy.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto z = ct::input<"z", 10, 2>;
constexpr auto y = ct::distribution<"y", 10, 2>;
static_assert(ct::shape_of(ct::cross_entropy(ct::softmax(z), y)) == ct::shape<>{});

#ifdef CTGRAD_KO
constexpr auto y_bad = ct::distribution<"y_bad", 10>;
[[maybe_unused]] constexpr auto bad = ct::cross_entropy(ct::softmax(z), y_bad);
#endif

// expect: (softmax_cross_entropy\(Z, Y\) .with int Axis = 2. Z = .*shape<3, 4>.*ctgrad: softmax<axis>\(a\) needs 0 <= axis < rank of a|.2 >= 0 && static_cast<[a-z ]+>\(2\) < shape<3, 4>::rank. .ctgrad: softmax<axis>\(a\) needs 0 <= axis < rank of a.*softmax_cross_entropy<2, )
// softmax_cross_entropy<2> of [3 x 4] logits: a rank-2 tensor has axes 0 and 1 only. The message
// is softmax's (the axis rule is the softmax's); the instantiation context names the loss.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto z = ct::input<"z", 3, 4>;
constexpr auto y = ct::input<"y", 3, 4>;
static_assert(ct::shape_of(ct::softmax_cross_entropy<1>(z, y)) == ct::shape<>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::softmax_cross_entropy<2>(z, y);
#endif

// expect: embed_check<ctgrad::shape<3>, ctgrad::shape<3, 4>, 0>.*ctgrad: embed<I, Out>\(a\) needs a.s shape to be the trailing dimensions of Out|ctgrad: embed<I, Out>\(a\) needs a.s shape to be the trailing dimensions of Out.*embed_check<ctgrad::shape<3>, ctgrad::shape<3, 4>, 0>
// embed<0, shape<3, 4>>(a) with a of shape [3]: a must fill the trailing dimensions, [4].
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto a4 = ct::input<"a", 4>;
static_assert(ct::shape_of(ct::embed<2, ct::shape<3, 4>>(a4)) == ct::shape<3, 4>{});

#ifdef CTGRAD_KO
constexpr auto a3 = ct::input<"b", 3>;
[[maybe_unused]] constexpr auto bad = ct::embed<0, ct::shape<3, 4>>(a3);
#endif

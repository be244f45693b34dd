// expect: ctgrad: fill<S>\(c\) needs a compile-time constant such as 0_c
// fill<[2 x 3]>(x) with a leaf x: the fill value must be known at compile time (0_c, -2_c, 0.5_c).
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;
using namespace ct::literals;

static_assert(ct::shape_of(ct::fill<ct::shape<2, 3>>(0.5_c)) == ct::shape<2, 3>{});
static_assert(ct::shape_of(ct::fill<ct::shape<2, 3>>(-2_c)) == ct::shape<2, 3>{});

#ifdef CTGRAD_KO
constexpr auto x = ct::input<"x">;
[[maybe_unused]] constexpr auto bad = ct::fill<ct::shape<2, 3>>(x);
#endif

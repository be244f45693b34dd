// expect: ctgrad: pow\(a, p\) needs a compile-time constant exponent such as 3_c or scalar_c<1, 2>
// pow(x, p) with a leaf as exponent: the exponent must be a constant such as 3_c.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;
using namespace ct::literals;

constexpr auto x = ct::input<"x", 3>;
static_assert(ct::shape_of(ct::pow(x, 3_c)) == ct::shape<3>{});
static_assert(ct::shape_of(ct::pow(x, ct::scalar_c<1, 2>)) == ct::shape<3>{});

#ifdef CTGRAD_KO
constexpr auto p = ct::param<"p">;
[[maybe_unused]] constexpr auto bad = ct::pow(x, p);
#endif

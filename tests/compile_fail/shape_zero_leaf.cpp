// expect: (check_dims_positive<0>|requirement .0UL > 0.).*ctgrad: shape<Dims...> needs every dimension to be at least 1
// A leaf with a zero dimension, used in a product: the shape is refused.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto x = ct::input<"x", 3>;
static_assert(ct::shape_of(W * x) == ct::shape<2>{});

#ifdef CTGRAD_KO
constexpr auto x_empty = ct::input<"x_empty", 0>;
[[maybe_unused]] constexpr auto bad = W * x_empty;
#endif

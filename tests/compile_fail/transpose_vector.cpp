// expect: shape<3>.*ctgrad: transpose\(a\) needs a matrix \(rank 2\)
// transpose of a vector: only matrices have two axes to swap.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto M = ct::param<"M", 2, 3>;
static_assert(ct::shape_of(ct::transpose(M)) == ct::shape<3, 2>{});

#ifdef CTGRAD_KO
constexpr auto v = ct::input<"v", 3>;
[[maybe_unused]] constexpr auto bad = ct::transpose(v);
#endif

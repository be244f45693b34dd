// expect: (shape<2, 3>, ctgrad::shape<3> ?>|shape<2, 3>::rank == 1 && shape<3>::rank == 1).*ctgrad: outer\(a, b\) needs two vectors \(rank 1\)
// outer(M, v) with M a [2 x 3] matrix: the outer product takes two vectors.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto u = ct::input<"u", 2>;
constexpr auto v = ct::input<"v", 3>;
static_assert(ct::shape_of(ct::outer(u, v)) == ct::shape<2, 3>{});

#ifdef CTGRAD_KO
constexpr auto M = ct::param<"M", 2, 3>;
[[maybe_unused]] constexpr auto bad = ct::outer(M, v);
#endif

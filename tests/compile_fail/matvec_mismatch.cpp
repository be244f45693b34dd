// expect: shape<3, 4>, ctgrad::shape<5> ?>.*ctgrad: matmul\(A\[m x k\], B\[k x n\]\) needs A.s columns == B.s rows
// Matrix times vector, W [3 x 4] times x [5]: the vector's length must be W's column count.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 3, 4>;
constexpr auto x = ct::input<"x", 4>;
static_assert(ct::shape_of(W * x) == ct::shape<3>{});

#ifdef CTGRAD_KO
constexpr auto x_bad = ct::input<"x_bad", 5>;
[[maybe_unused]] constexpr auto y = W * x_bad;
#endif

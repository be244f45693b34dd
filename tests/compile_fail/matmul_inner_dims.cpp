// expect: shape<3, 6>, ctgrad::shape<5, 4> ?>.*ctgrad: matmul\(A\[m x k\], B\[k x n\]\) needs A.s columns == B.s rows
// A [3 x 6] times B [5 x 4]: the inner dimensions (6 and 5) differ.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto A = ct::param<"A", 3, 6>;
constexpr auto B = ct::input<"B", 6, 4>;
static_assert(ct::shape_of(A * B) == ct::shape<3, 4>{});

#ifdef CTGRAD_KO
constexpr auto B_bad = ct::input<"B_bad", 5, 4>;
[[maybe_unused]] constexpr auto C = A * B_bad;
#endif

// expect: shape<2, 3, 4>, ctgrad::shape<4, 5> ?>.*ctgrad: matmul\(A, B\) needs operands of rank 1 or 2
// A rank-3 operand of a matrix product: matmul takes vectors and matrices only.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto A = ct::param<"A", 3, 4>;
constexpr auto B = ct::input<"B", 4, 5>;
static_assert(ct::shape_of(ct::matmul(A, B)) == ct::shape<3, 5>{});

#ifdef CTGRAD_KO
constexpr auto T = ct::param<"T", 2, 3, 4>;
[[maybe_unused]] constexpr auto C = T * B;
#endif

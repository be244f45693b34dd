// expect: ctgrad: a plain number in an expression must be a compile-time constant: write 2_c
// x * 2 with a plain int: numbers in a graph are constants such as 2_c.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;
using namespace ct::literals;

constexpr auto x = ct::input<"x", 3>;
static_assert(ct::shape_of(x * 2_c) == ct::shape<3>{});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = x * 2;
#endif

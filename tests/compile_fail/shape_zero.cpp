// expect: (check_dims_positive<4, 0>|.4UL > 0. && .0UL > 0.).*ctgrad: shape<Dims...> needs every dimension to be at least 1
// shape<4, 0>: empty tensors are not shapes.
#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

static_assert(ct::shape<4, 1>::size == 4);

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr ct::shape<4, 0> bad{};
#endif

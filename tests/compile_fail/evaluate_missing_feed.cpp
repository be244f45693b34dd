// expect: ctgrad: evaluate\(e, feeds...\) needs one feed for every leaf of e
// evaluate(W * x) with a feed for W but none for x.
#include <array>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto x = ct::input<"x", 3>;
constexpr auto w = ct::feed(W, std::array<double, 6>{1, 2, 3, 4, 5, 6});
static_assert(ct::evaluate<double>(W * x, w, ct::feed(x, std::array<double, 3>{1, 0, -1})) ==
              std::array<double, 2>{-2, -2});

#ifdef CTGRAD_KO
[[maybe_unused]] constexpr auto bad = ct::evaluate<double>(W * x, w);
#endif

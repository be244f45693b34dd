// expect: (shape<2, 3> ?>.*fixed_shape<3, 2>|fixed_shape<3, 2>.*shape<2, 3>).*ctgrad: bind: a fixed-shape container must have exactly the leaf.s shape
// bind of an xtensor_fixed [3 x 2] to a [2 x 3] leaf: same size, wrong shape, caught at compile time.
#include <xtensor/xfixed.hpp>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto x = ct::input<"x", 3>;

void bind_fixed_shape() {
  auto g = ct::compile<double>(W * x);
  xt::xtensor_fixed<double, xt::xshape<2, 3>> w = {{1, 2, 3}, {4, 5, 6}};
  g.bind(W, w);
#ifdef CTGRAD_KO
  xt::xtensor_fixed<double, xt::xshape<3, 2>> w_bad = {{1, 2}, {3, 4}, {5, 6}};
  g.bind(W, w_bad);
#endif
}

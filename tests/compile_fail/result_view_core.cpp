// expect: ctgrad: result\(e\) of a tensor output is an xtensor view: include <ctgrad/xtensor.hpp>
// result(e) of a tensor output where only <ctgrad/core.hpp> is included: the view is xtensor's.
#include <ctgrad/core.hpp>

namespace ct = ctgrad;

constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto x = ct::input<"x", 3>;

void result_view_core() {
  auto g = ct::compile<double>(ct::sum(W * x), W * x);
  [[maybe_unused]] const double s = g.result(ct::sum(W * x));  // a scalar needs no view
#ifdef CTGRAD_KO
  [[maybe_unused]] auto v = g.result(W * x);
#endif
}

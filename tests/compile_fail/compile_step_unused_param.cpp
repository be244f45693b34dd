// expect: ctgrad: compile\(loss, g, optimizer\): the loss does not depend on one of grad.s parameters
// compile(loss, g, optimizer) where one of grad's parameters is not read by the loss (its gradient
// is zero: a parameter the step could never change).
#include <vector>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto x = ct::input<"x", 3, 2>;
constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto b = ct::param<"b", 2>;
constexpr auto loss = ct::sum(ct::tanh(W * x + b));

void compile_step_unused_param() {
#ifdef CTGRAD_KO
  constexpr auto c = ct::param<"c", 2>;
  auto m = ct::compile<double>(loss, ct::grad(loss, W, c, b), ct::momentum{.lr = 0.1, .momentum = 0.9});
#else
  auto m = ct::compile<double>(loss, ct::grad(loss, W, b), ct::momentum{.lr = 0.1, .momentum = 0.9});
#endif
  m.bind(W, std::vector<double>(6)).bind(b, std::vector<double>(2));
  [[maybe_unused]] const double l = m.step(ct::feed(x, std::vector<double>(6)));
}

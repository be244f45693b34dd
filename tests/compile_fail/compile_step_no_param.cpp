// expect: ctgrad: compile\(loss, g, optimizer\): grad was asked for no param
// compile(loss, g, optimizer) where grad was asked only for inputs: nothing to train.
#include <vector>

#include <ctgrad/ctgrad.hpp>

namespace ct = ctgrad;

constexpr auto x = ct::input<"x", 3, 2>;
constexpr auto W = ct::param<"W", 2, 3>;
constexpr auto b = ct::param<"b", 2>;
constexpr auto loss = ct::sum(ct::tanh(W * x + b));

void compile_step_no_param() {
#ifdef CTGRAD_KO
  auto m = ct::compile<double>(loss, ct::grad(loss, x), ct::sgd{.lr = 0.1});
#else
  auto m = ct::compile<double>(loss, ct::grad(loss, W, x, b), ct::sgd{.lr = 0.1});  // the input is ignored
#endif
  m.bind(W, std::vector<double>(6)).bind(b, std::vector<double>(2));
  [[maybe_unused]] const double l = m.step(ct::feed(x, std::vector<double>(6)));
}

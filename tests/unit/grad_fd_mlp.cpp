// tests/unit/grad_fd_mlp.cpp: gradients of an MLP with a cross-entropy-like loss, for all four
// parameters (and the data), at batch 1 and 3 and two layer widths, against central finite differences.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

#include <cstddef>

namespace grad_fd_test {

// An MLP: W1·x + b1 -> tanh -> W2·h + b2 -> log_softmax -> -sum(y % logp), for the given widths
// and batch. y holds non-negative targets (a soft label per column is enough for the gradients).
template <std::size_t In, std::size_t Hidden, std::size_t Out, std::size_t Batch>
struct mlp {
  static constexpr auto x = ct::input<"mx", In, Batch>;
  static constexpr auto y = ct::input<"my", Out, Batch>;
  static constexpr auto W1 = ct::param<"mW1", Hidden, In>;
  static constexpr auto b1 = ct::param<"mb1", Hidden>;
  static constexpr auto W2 = ct::param<"mW2", Out, Hidden>;
  static constexpr auto b2 = ct::param<"mb2", Out>;
  static constexpr auto h = ct::tanh(W1 * x + b1);
  static constexpr auto logp = ct::log_softmax(W2 * h + b2);
  static constexpr auto loss = -ct::sum(y % logp);
};

TEMPLATE_TEST_CASE("grad fd: MLP with a cross-entropy-like loss, all four parameters", "[grad][fd][graph][mlp]",
                   (mlp<3, 4, 2, 1>), (mlp<3, 4, 2, 3>), (mlp<5, 3, 4, 1>), (mlp<5, 3, 4, 3>)) {
  using m = TestType;
  STATIC_REQUIRE(ct::shape_of_t<decltype(m::loss)>::rank == 0);
  CHECK_VJP(m::loss, 31, m::W1, m::b1, m::W2, m::b2, m::x, pos(m::y));
  // (The helper's r is rank 0 for a scalar f: it checks r·f.) A second loss through the same net.
  CHECK_VJP(ct::mean(m::logp), 32, m::W1, m::b1, m::W2, m::b2, m::x);
}

}  // namespace grad_fd_test

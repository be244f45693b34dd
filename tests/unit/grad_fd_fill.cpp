// tests/unit/grad_fd_fill.cpp: gradients through fill nodes (constant tensors) against central finite
// differences. Pending (not globbed) until ops::fill gets a VJP rule: grad() of any loss containing a
// fill node does not compile yet ("vjp is not a member of ops::fill"). Rename to .cpp then.
#include "grad_fd_check.hpp"

#include <ctgrad/ops/fill.hpp>

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto fG = ct::input<"G", 4, 5>;

TEST_CASE("grad fd: fill", "[grad][fd][new]") {
  CHECK_VJP((ct::fill<ct::shape<4, 5>>(0.5_c) % fG), 45, fG);
  CHECK_VJP((fG + ct::ones<ct::shape<4, 5>>), 46, fG);
  CHECK_VJP((fG % ct::zeros<ct::shape<4, 5>>) + ct::tanh(fG), 47, fG);
}

}  // namespace grad_fd_test

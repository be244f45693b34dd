// tests/unit/grad_fd_new_ops.cpp: gradients of sum_to, broadcast_to, expand_axis, outer, sign and
// heaviside against central finite differences. (fill: grad_fd_fill.cpp.pending, until fill has a VJP rule.)
#include "grad_fd_check.hpp"

#include <ctgrad/ops/broadcast_to.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/heaviside.hpp>
#include <ctgrad/ops/outer.hpp>
#include <ctgrad/ops/sign.hpp>
#include <ctgrad/ops/sum_to.hpp>

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto nG = ct::input<"G", 4, 5>;
constexpr auto nH = ct::param<"H", 2, 3, 4>;
constexpr auto na = ct::input<"a", 4>;
constexpr auto nb = ct::param<"b", 5>;
constexpr auto nr = ct::param<"r", 1, 5>;
constexpr auto ns = ct::param<"s">;

TEST_CASE("grad fd: sum_to", "[grad][fd][new]") {
  CHECK_VJP(ct::sum_to<ct::shape<4>>(nG), 1, nG);
  CHECK_VJP((ct::sum_to<ct::shape<4, 1>>(nG)), 2, nG);
  CHECK_VJP((ct::sum_to<ct::shape<1, 5>>(nG)), 3, nG);
  CHECK_VJP(ct::sum_to<ct::shape<>>(nG), 4, nG);
  CHECK_VJP((ct::sum_to<ct::shape<4, 5>>(nG)), 5, nG);
  CHECK_VJP((ct::sum_to<ct::shape<2, 1, 4>>(nH)), 6, nH);
  CHECK_VJP(ct::sum_to<ct::shape<4>>(ct::square(nG)), 7, nG);
}

TEST_CASE("grad fd: broadcast_to", "[grad][fd][new]") {
  CHECK_VJP((ct::broadcast_to<ct::shape<4, 5>>(na)), 11, na);
  CHECK_VJP((ct::broadcast_to<ct::shape<4, 5>>(nr)), 12, nr);
  CHECK_VJP((ct::broadcast_to<ct::shape<4, 5>>(ns)), 13, ns);
  CHECK_VJP((ct::broadcast_to<ct::shape<4, 5>>(na) % nG), 14, na, nG);
  CHECK_VJP((ct::broadcast_to<ct::shape<2, 3, 4>>(ct::param<"q", 2, 1, 4>)), 15, (ct::param<"q", 2, 1, 4>));
}

TEST_CASE("grad fd: expand_axis", "[grad][fd][new]") {
  CHECK_VJP((ct::expand_axis<1, 5>(na)), 21, na);
  CHECK_VJP((ct::expand_axis<0, 2>(na)), 22, na);
  CHECK_VJP((ct::expand_axis<0, 3>(nG)), 23, nG);
  CHECK_VJP((ct::expand_axis<1, 3>(nG)), 24, nG);
  CHECK_VJP((ct::expand_axis<2, 3>(nG)), 25, nG);
  CHECK_VJP((ct::expand_axis<0, 3>(ns)), 26, ns);
}

TEST_CASE("grad fd: outer", "[grad][fd][new]") {
  CHECK_VJP(ct::outer(na, nb), 31, na, nb);
  CHECK_VJP(ct::outer(na, na), 32, na);
  CHECK_VJP(ct::outer(ct::tanh(na), nb) % nG, 33, na, nb, nG);
}

TEST_CASE("grad fd: sign and heaviside have zero derivatives", "[grad][fd][new]") {
  CHECK_VJP(ct::sign(nG) % ct::square(nG), 41, nG);  // |G| >= 0.25: away from the jump
  CHECK_VJP(ct::heaviside(nG) % ct::exp(nG), 42, nG);
  CHECK_VJP(ct::sign(nG), 43, nG);
  CHECK_VJP(ct::heaviside(nG), 44, nG);
}

}  // namespace grad_fd_test

// tests/unit/grad_fd_elementwise.cpp: gradients of the elementwise ops, scaling by constants and
// scalar leaves, and the unary math against central finite differences.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto A = ct::input<"A", 2, 3>;
constexpr auto B = ct::param<"B", 2, 3>;
constexpr auto s = ct::param<"s">;  // rank 0

TEST_CASE("grad fd: add sub mul div and negation", "[grad][fd]") {
  CHECK_VJP(A + B, 1, A, B);
  CHECK_VJP(A - B, 2, A, B);
  CHECK_VJP(A % B, 3, A, B);
  CHECK_VJP(ct::mul(A, B), 4, A, B);
  CHECK_VJP(A / B, 5, A, pos(B));
  CHECK_VJP(A / B, 6, A, B);  // signed denominators, |B| >= 0.25
  CHECK_VJP(-A, 7, A);
  CHECK_VJP(-(A % B), 8, A, B);
  CHECK_VJP(A % A, 9, A);  // both operands the same leaf
  CHECK_VJP(A / A, 10, pos(A));
  CHECK_VJP(A - A % B, 11, A, B);
}

TEST_CASE("grad fd: scaling by constants and scalar leaves", "[grad][fd]") {
  CHECK_VJP(2_c * A, 21, A);
  CHECK_VJP(A * 2_c, 22, A);
  CHECK_VJP(0.5_c * A, 23, A);
  CHECK_VJP((ct::scalar_c<-3, 2> * A), 24, A);
  CHECK_VJP(A * s, 25, A, s);
  CHECK_VJP(s * A, 26, A, s);
  CHECK_VJP(s * 3_c, 27, s);
  CHECK_VJP(A + 2_c, 28, A);
  CHECK_VJP(2_c + A, 29, A);
  CHECK_VJP(1_c - A, 30, A);
  CHECK_VJP(A - 1_c, 31, A);
  CHECK_VJP(A / 2_c, 32, A);
  CHECK_VJP(1_c / A, 33, pos(A));
  CHECK_VJP((A % ct::scalar_c<1, 3>), 34, A);
}

TEST_CASE("grad fd: exp log square sqrt abs", "[grad][fd]") {
  CHECK_VJP(ct::exp(A), 41, A);
  CHECK_VJP(ct::log(A), 42, pos(A));
  CHECK_VJP(ct::square(A), 43, A);
  CHECK_VJP(ct::sqrt(A), 44, pos(A));
  CHECK_VJP(ct::abs(A), 45, A);  // |A| >= 0.25: away from the kink
  CHECK_VJP(ct::exp(A % B), 46, A, B);
  CHECK_VJP(ct::log(ct::square(A) + 1_c), 47, A);
}

TEST_CASE("grad fd: relu sigmoid tanh", "[grad][fd]") {
  CHECK_VJP(ct::relu(A), 51, A);  // values of both signs, none within 0.25 of 0
  CHECK_VJP(ct::sigmoid(A), 52, A);
  CHECK_VJP(ct::tanh(A), 53, A);
  CHECK_VJP(ct::relu(A - B), 54, A, B);  // the kink may be closer here: the check tells us
  CHECK_VJP(ct::sigmoid(3_c * A), 55, A);
  CHECK_VJP(ct::tanh(2_c * A), 56, A);
}

TEST_CASE("grad fd: pow with constant exponents", "[grad][fd]") {
  CHECK_VJP(ct::pow(A, 3_c), 61, A);
  CHECK_VJP(ct::pow(A, 2_c), 62, A);
  CHECK_VJP(ct::pow(A, 0.5_c), 63, pos(A));
  CHECK_VJP(ct::pow(A, ct::scalar_c<-1>), 64, pos(A));
  CHECK_VJP(ct::pow(A, ct::scalar_c<-1>), 65, A);  // negative bases too
  CHECK_VJP((ct::pow(A, ct::scalar_c<3, 2>)), 66, pos(A));
  CHECK_VJP(ct::pow(A, 1_c), 67, A);
}

}  // namespace grad_fd_test

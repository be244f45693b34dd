// tests/unit/grad_fd_linalg.cpp: gradients of the matrix products (all four rank forms), transpose,
// the reductions and softmax / log_softmax along both axes against central finite differences.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto X = ct::input<"X", 2, 3>;
constexpr auto M = ct::param<"M", 3, 4>;
constexpr auto N = ct::param<"N", 2, 3>;
constexpr auto u = ct::input<"u", 3>;
constexpr auto w = ct::param<"w", 3>;
constexpr auto Y3 = ct::input<"Y3", 2, 3, 4>;
constexpr auto z = ct::input<"z", 5>;

TEST_CASE("grad fd: matrix products in all four rank forms", "[grad][fd][matmul]") {
  CHECK_VJP(X * M, 1, X, M);            // [m,k]·[k,n]
  CHECK_VJP(ct::matmul(X, M), 2, X, M);
  CHECK_VJP(X * u, 3, X, u);            // [m,k]·[k]
  CHECK_VJP(u * M, 4, u, M);            // [k]·[k,n]
  CHECK_VJP(u * w, 5, u, w);            // [k]·[k]
  CHECK_VJP(u * u, 6, u);               // both operands the same leaf
  CHECK_VJP(X * ct::transpose(X), 7, X);
  CHECK_VJP(ct::transpose(X) * X, 8, X);
  CHECK_VJP((X * M) % (X * M), 9, X, M);
}

TEST_CASE("grad fd: transpose", "[grad][fd][matmul]") {
  CHECK_VJP(ct::transpose(X), 11, X);
  CHECK_VJP(ct::transpose(X * M), 12, X, M);
  CHECK_VJP(ct::transpose(M) * ct::transpose(X), 13, X, M);
  CHECK_VJP(ct::transpose(X) % ct::transpose(N), 14, X, N);
  CHECK_VJP(ct::transpose(ct::transpose(X)) - N, 15, X, N);
}

TEST_CASE("grad fd: sum and mean, whole and along an axis", "[grad][fd][reduce]") {
  CHECK_VJP(ct::sum(X), 21, X);
  CHECK_VJP(ct::sum<0>(X), 22, X);
  CHECK_VJP(ct::sum<1>(X), 23, X);
  CHECK_VJP(ct::mean(X), 24, X);
  CHECK_VJP(ct::mean<0>(X), 25, X);
  CHECK_VJP(ct::mean<1>(X), 26, X);
  CHECK_VJP(ct::sum(u), 27, u);
  CHECK_VJP(ct::sum<0>(u), 28, u);
  CHECK_VJP(ct::mean<0>(u), 29, u);
  CHECK_VJP(ct::sum<0>(Y3), 30, Y3);
  CHECK_VJP(ct::sum<1>(Y3), 31, Y3);
  CHECK_VJP(ct::sum<2>(Y3), 32, Y3);
  CHECK_VJP(ct::mean<1>(Y3), 33, Y3);
  CHECK_VJP(ct::mean<2>(Y3), 34, Y3);
  CHECK_VJP(ct::sum(X % N) + ct::mean(ct::square(X)), 35, X, N);
  CHECK_VJP(ct::sum<1>(ct::square(X)) % ct::mean<1>(N), 36, X, N);
}

TEST_CASE("grad fd: softmax and log_softmax along both axes", "[grad][fd][softmax]") {
  CHECK_VJP(ct::softmax(X), 41, X);
  CHECK_VJP(ct::softmax<0>(X), 42, X);
  CHECK_VJP(ct::softmax<1>(X), 43, X);
  CHECK_VJP(ct::log_softmax(X), 44, X);
  CHECK_VJP(ct::log_softmax<0>(X), 45, X);
  CHECK_VJP(ct::log_softmax<1>(X), 46, X);
  CHECK_VJP(ct::softmax(z), 47, z);
  CHECK_VJP(ct::log_softmax(z), 48, z);
  CHECK_VJP(ct::softmax<1>(Y3), 49, Y3);
  CHECK_VJP(ct::log_softmax<2>(Y3), 50, Y3);
  CHECK_VJP(ct::softmax(3_c * X % N), 51, X, N);  // sharper distributions
  CHECK_VJP(ct::log_softmax<1>(X * M), 52, X, M);
}

}  // namespace grad_fd_test

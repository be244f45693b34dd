// tests/unit/grad_fd_broadcast.cpp: gradients through broadcasting in + - % / (a bias over the
// batch, rank-0 leaves, size-1 and missing trailing axes): the reduce-to-shape adjoint on both operands.
#include "grad_fd_check.hpp"

#include <catch2/catch.hpp>

namespace grad_fd_test {

constexpr auto A = ct::input<"A", 2, 3>;
constexpr auto b = ct::param<"b", 2>;         // a bias: one value per row, repeated over the batch
constexpr auto row = ct::input<"row", 1, 3>;  // size-1 first axis
constexpr auto col = ct::input<"col", 2, 1>;  // size-1 last axis
constexpr auto s = ct::param<"s">;            // rank 0
constexpr auto T3 = ct::input<"T", 2, 3, 4>;
constexpr auto q = ct::param<"q", 2, 1, 4>;   // size-1 middle axis

TEST_CASE("grad fd: broadcasting a bias over the batch", "[grad][fd][broadcast]") {
  CHECK_VJP(A + b, 71, A, b);
  CHECK_VJP(b + A, 72, A, b);
  CHECK_VJP(A - b, 73, A, b);
  CHECK_VJP(b - A, 74, A, b);
  CHECK_VJP(A % b, 75, A, b);
  CHECK_VJP(b % A, 76, A, b);
  CHECK_VJP(A / b, 77, A, pos(b));
  CHECK_VJP(b / A, 78, pos(A), b);
}

TEST_CASE("grad fd: broadcasting rank-0 leaves", "[grad][fd][broadcast]") {
  CHECK_VJP(A + s, 81, A, s);
  CHECK_VJP(s - A, 82, A, s);
  CHECK_VJP(A % s, 83, A, s);
  CHECK_VJP(s % A, 84, A, s);
  CHECK_VJP(A / s, 85, A, pos(s));
  CHECK_VJP(s / A, 86, pos(A), s);
}

TEST_CASE("grad fd: broadcasting size-1 dimensions", "[grad][fd][broadcast]") {
  CHECK_VJP(col + row, 91, col, row);  // both operands stretch
  CHECK_VJP(col - row, 92, col, row);
  CHECK_VJP(col % row, 93, col, row);
  CHECK_VJP(col / row, 94, col, pos(row));
  CHECK_VJP(A % row, 95, A, row);
  CHECK_VJP(A - col, 96, A, col);
  CHECK_VJP(row / A, 97, pos(A), row);
  CHECK_VJP(T3 + q, 98, T3, q);  // [2,1,4] over [2,3,4]
  CHECK_VJP(q % T3, 99, T3, q);
  CHECK_VJP(T3 - A, 100, T3, A);  // a missing trailing axis counts as 1
  CHECK_VJP(A / T3, 101, pos(T3), A);
  CHECK_VJP(b % T3 + q, 102, T3, b, q);
}

}  // namespace grad_fd_test

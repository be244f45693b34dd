// examples/demo.cpp: a small MLP written in the seed notation, shape-checked and planned at compile time.
#include <ctgrad/ctgrad.hpp>

#include <cstddef>
#include <iomanip>
#include <iostream>

#include <xtensor/xarray.hpp>

namespace ct = ctgrad;
using namespace ct::literals;

// Layout: features first, batch last (one sample per column), so a layer reads W·x + b.
constexpr auto x = ct::input<"x", 3, 4>;  // 3 features, batch of 4
constexpr auto W1 = ct::param<"W1", 5, 3>;
constexpr auto b1 = ct::param<"b1", 5>;  // a bias is a column, repeated over the batch
constexpr auto W2 = ct::param<"W2", 2, 5>;
constexpr auto b2 = ct::param<"b2", 2>;

CTGRAD_LET(h, ct::relu(W1 * x + b1));     // hidden layer: 5 units x 4 samples
CTGRAD_LET(p, ct::softmax(W2 * h + b2));  // class probabilities: softmax over axis 0
static_assert(ct::shape_of(h) == ct::shape<5, 4>{}, "the compiler checks every shape");
static_assert(ct::shape_of(p) == ct::shape<2, 4>{});

// Seed case S04, f(x, y) = m/n with m = x² + σ(y), n = 3x + y − σ(x), evaluated by the compiler.
constexpr auto sx = ct::input<"x">;
constexpr auto sy = ct::input<"y">;
constexpr auto f = (ct::square(sx) + ct::sigmoid(sy)) / (3_c * sx + sy - ct::sigmoid(sx));
constexpr double f_1_0 = ct::evaluate<double>(f, ct::feed(sx, 1.0), ct::feed(sy, 0.0));
static_assert(f_1_0 > 0.6611012 && f_1_0 < 0.6611013, "S04: f(1, 0) = 3(1+e)/(2(3+2e))");

// Prints a matrix row by row (xtensor's operator<< trips GCC 12's -Wrestrict false positive at -O3).
template <class M>
void print(const char* title, const M& m) {
  std::cout << title << '\n' << std::fixed << std::setprecision(4);
  for (std::size_t i = 0; i < m.shape()[0]; ++i, std::cout << '\n')
    for (std::size_t j = 0; j < m.shape()[1]; ++j) std::cout << std::setw(9) << m(i, j);
}

int main() {
  std::cout << "h = " << ct::to_string(h) << "\np = " << ct::to_string(p) << "\n\n";
  auto net = ct::compile<float>(p, h);
  net.bind(W1, xt::xarray<float>{{0.5f, -0.2f, 0.1f}, {-0.3f, 0.8f, 0.2f}, {0.7f, 0.1f, -0.6f},
                                 {0.0f, -0.4f, 0.9f}, {0.2f, 0.3f, 0.3f}})
      .bind(b1, xt::xarray<float>{0.1f, 0.0f, -0.1f, 0.2f, 0.0f})
      .bind(W2, xt::xarray<float>{{1.0f, -0.5f, 0.3f, 0.8f, -0.2f}, {-0.7f, 0.6f, 0.4f, -0.9f, 0.5f}})
      .bind(b2, xt::xarray<float>{0.05f, -0.05f});
  const xt::xarray<float> batch{{1.0f, 0.0f, -1.0f, 2.0f}, {0.5f, 1.0f, 0.5f, -1.0f}, {-0.5f, 2.0f, 1.0f, 0.0f}};
  auto probs = net.eval(ct::feed(x, batch));  // a view into the graph's arena
  print("input batch x (3 features x 4 samples):", batch);
  print("hidden layer h (5 x 4):", net.result(h));
  print("class probabilities p (2 x 4, each column sums to 1):", probs);
  std::cout << "arena: " << net.arena_size << " floats hold every buffer (sized at compile time)\n"
            << "S04 seed case, computed at compile time: f(1, 0) = " << std::setprecision(6) << f_1_0
            << " (catalogue: 0.661101)\n";
  for (std::size_t j = 0; j < 4; ++j)  // run as a test: fail unless every column of p is a distribution
    if (const float t = probs(0, j) + probs(1, j); t < 0.9999f || t > 1.0001f) return 1;
  return 0;
}

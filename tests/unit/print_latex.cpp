// tests/unit/print_latex.cpp: to_latex of every op against hand-written LaTeX, to_string and
// to_latex agreeing with formula_v and latex_v, and format_number against the printf/scanf loop it
// replaced (the reference below: "%.*g" with 1 to 17 digits, the first that reads back).
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

namespace print_latex_test {

namespace ct = ctgrad;
using namespace ct::literals;

template <std::size_t... D>
using sh = ct::shape<D...>;

constexpr auto W = ct::param<"W", 3, 4>;
constexpr auto W2 = ct::param<"W2", 3, 4>;
constexpr auto x = ct::input<"x", 4>;
constexpr auto b = ct::param<"b", 3>;
constexpr auto v = ct::input<"v", 3>;
constexpr auto t = ct::input<"t", 3>;
constexpr auto u = ct::input<"u", 4>;
constexpr auto M = ct::input<"M", 3, 5>;
constexpr auto s = ct::input<"s">;
constexpr auto y = ct::distribution<"y", 3>;
constexpr auto x_t = ct::input<"x_t", 3>;

/// The spelling this library printed before format_number became constexpr: the reference.
std::string printf_shortest(double v) {
  char buf[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    double back = 0;
    std::sscanf(buf, "%lf", &back);
    if (back == v) break;
  }
  return buf;
}

TEST_CASE("to_latex: elementwise arithmetic", "[print][latex]") {
  CHECK(ct::to_latex(v + t) == "v + t");
  CHECK(ct::to_latex(v - t) == "v - t");
  CHECK(ct::to_latex(v % t) == "v \\odot t");
  CHECK(ct::to_latex(s * v) == "s \\cdot v");
  CHECK(ct::to_latex(v / t) == "\\frac{v}{t}");
  CHECK(ct::to_latex((v + t) / (v - t) - v) == "\\frac{v + t}{v - t} - v");
  CHECK(ct::to_latex(-v) == "-v");
  CHECK(ct::to_latex(-(v % t)) == "-(v \\odot t)");
  CHECK(ct::to_latex(v - (t - v)) == "v - (t - v)");
  CHECK(ct::to_latex((v + t) % v) == "(v + t) \\odot v");
  CHECK(ct::to_latex(ct::pow(v, 3_c)) == "v^{3}");
  CHECK(ct::to_latex(ct::pow(v, -1_c)) == "v^{-1}");
  CHECK(ct::to_latex(ct::pow(v + t, 0.5_c)) == "(v + t)^{0.5}");
}

TEST_CASE("to_latex: matrix ops", "[print][latex]") {
  CHECK(ct::to_latex(W * x + b) == "W \\cdot x + b");
  CHECK(ct::to_latex(W2 * x + b) == "W_{2} \\cdot x + b");
  CHECK(ct::to_latex(ct::matmul(W, x)) == "W \\cdot x");
  CHECK(ct::to_latex(ct::transpose(W)) == "W^{\\top}");
  CHECK(ct::to_latex(ct::transpose(W) * v) == "W^{\\top} \\cdot v");
  CHECK(ct::to_latex(ct::outer(v, u)) == "v \\otimes u");
  CHECK(ct::to_latex(M - ct::outer(v + t, ct::input<"k", 5>)) == "M - (v + t) \\otimes k");
}

TEST_CASE("to_latex: elementwise functions", "[print][latex]") {
  CHECK(ct::to_latex(ct::exp(v)) == "\\exp(v)");
  CHECK(ct::to_latex(ct::log(v)) == "\\log(v)");
  CHECK(ct::to_latex(ct::square(v)) == "v^{2}");
  CHECK(ct::to_latex(ct::square(v + t)) == "(v + t)^{2}");
  CHECK(ct::to_latex(ct::sqrt(v + t)) == "\\sqrt{v + t}");
  CHECK(ct::to_latex(ct::abs(v - t)) == "\\lvert v - t\\rvert");
  CHECK(ct::to_latex(ct::relu(W * x + b)) == "\\operatorname{relu}(W \\cdot x + b)");
  CHECK(ct::to_latex(ct::sigmoid(v)) == "\\sigma(v)");
  CHECK(ct::to_latex(ct::tanh(v)) == "\\tanh(v)");
  CHECK(ct::to_latex(ct::sign(v)) == "\\operatorname{sign}(v)");
  CHECK(ct::to_latex(ct::heaviside(v - t)) == "\\operatorname{heaviside}(v - t)");
}

TEST_CASE("to_latex: reductions, softmax and losses", "[print][latex]") {
  CHECK(ct::to_latex(ct::sum(v)) == "\\operatorname{sum}(v)");
  CHECK(ct::to_latex(ct::mean(v % t)) == "\\operatorname{mean}(v \\odot t)");
  CHECK(ct::to_latex(ct::sum<1>(M)) == "\\operatorname{sum}_{1}(M)");
  CHECK(ct::to_latex(ct::mean<0>(M)) == "\\operatorname{mean}_{0}(M)");
  CHECK(ct::to_latex(ct::softmax(v)) == "\\operatorname{softmax}(v)");
  CHECK(ct::to_latex(ct::softmax<1>(M)) == "\\operatorname{softmax}_{1}(M)");
  CHECK(ct::to_latex(ct::log_softmax(v)) == "\\log\\operatorname{softmax}(v)");
  CHECK(ct::to_latex(ct::log_softmax<1>(M)) == "\\log\\operatorname{softmax}_{1}(M)");
  CHECK(ct::to_latex(ct::cross_entropy(ct::softmax(W * x + b), y)) ==
        "\\operatorname{cross\\_entropy}(\\operatorname{softmax}(W \\cdot x + b), y)");
  CHECK(ct::to_latex(ct::softmax_cross_entropy<1>(M, ct::input<"Y", 3, 5>)) ==
        "\\operatorname{cross\\_entropy}(\\operatorname{softmax}_{1}(M), Y)");
  CHECK(ct::to_latex(ct::bce(ct::sigmoid(v), t)) == "\\operatorname{bce}(\\sigma(v), t)");
}

TEST_CASE("to_latex: shape ops and constant tensors", "[print][latex]") {
  CHECK(ct::to_latex(ct::sum_to<sh<3>>(M)) == "\\operatorname{sum\\_to}_{[3]}(M)");
  CHECK(ct::to_latex(ct::sum_to<sh<>>(M)) == "\\operatorname{sum\\_to}_{[]}(M)");
  CHECK(ct::to_latex(ct::broadcast_to<sh<3, 5>>(v)) == "\\operatorname{broadcast\\_to}_{[3, 5]}(v)");
  CHECK(ct::to_latex(ct::expand_axis<1, 4>(v)) == "\\operatorname{expand\\_axis}_{1, 4}(v)");
  CHECK(ct::to_latex(ct::embed<1, sh<2, 3>>(v)) == "\\operatorname{embed}_{1; [2, 3]}(v)");
  CHECK(ct::to_latex(ct::take<2, sh<5>>(M)) == "\\operatorname{take}_{2; [5]}(M)");
  CHECK(ct::to_latex(ct::zeros<sh<2, 3>>) == "\\mathbf{0}_{[2, 3]}");
  CHECK(ct::to_latex(ct::ones<sh<4>>) == "\\mathbf{1}_{[4]}");
  CHECK(ct::to_latex(ct::fill<sh<2>>(0.5_c)) == "\\operatorname{fill}_{[2]}(0.5)");
  CHECK(ct::to_latex(ct::zeros<sh<>>) == "0");
  CHECK(ct::to_latex(v % ct::fill<sh<>>(-2_c)) == "-2 \\cdot v");
}

TEST_CASE("to_latex: constants, names, lets and gradients", "[print][latex]") {
  CHECK(ct::to_latex(v + 0.5_c) == "v + 0.5");
  CHECK(ct::to_latex(v / 1e-8_c) == "\\frac{v}{10^{-8}}");
  CHECK(ct::to_latex(ct::pow(v, 2.5e-7_c)) == "v^{2.5 \\times 10^{-7}}");
  CHECK(ct::to_latex(v + 100_c) == "v + 100");
  CHECK(ct::to_latex(x_t % v) == "x\\_t \\odot v");
  CHECK(ct::to_latex(ct::let<"h1">(v + t) % v) == "h_{1} \\odot v");
  CHECK(ct::to_latex(ct::let<"h1">(v + t)) == "v + t");  // a let at the top level prints its definition
  constexpr auto g = ct::grad(ct::sum(ct::square(W2 * x)), W2);
  CHECK(ct::to_latex(g[W2] - W2) == "\\partial W_{2} - W_{2}");
  CHECK(ct::to_string(g[W2] - W2) == "∂W2 - W2");
}

TEST_CASE("formula_v and latex_v equal to_string and to_latex", "[print][latex]") {
  constexpr auto e = ct::cross_entropy(ct::softmax(W * (ct::transpose(W2) * ct::tanh(W2 * x + b)) - v), y);
  CHECK(std::string(ct::formula_v<decltype(e)>) == ct::to_string(e));
  CHECK(std::string(ct::latex_v<decltype(e)>) == ct::to_latex(e));
  CHECK(ct::to_string(e) == "cross_entropy(softmax(W·(W2ᵀ·tanh(W2·x + b)) - v), y)");
}

TEST_CASE("format_number spells doubles as printf's shortest round trip did", "[print][number]") {
  const double spread[] = {0.1, 1 / 3.0, 1e-7, 123456789.0, 5e-324, -0.0, 1e21, 2.5, 100,
                           0.0, 1, 2, -1, 0.5, 0.25, 1e-8, 3.14159, 1e300, 1e-300, 1e16, 1e15,
                           9007199254740992.0, 2.2250738585072014e-308, 2.225073858507201e-308,
                           std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min() * 3,
                           1e-5, 1e-4, 123456.0, 1234567.0, 0.95, 999999.5, 2.0 / 3, 1.5e-10, 8.98846567431158e307,
                           std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (double d : spread) {
    CAPTURE(d);
    CHECK(std::string(ct::format_number(d)) == printf_shortest(d));
    CHECK(std::string(ct::format_number(-d)) == printf_shortest(-d));
  }
  CHECK(std::string(ct::format_number(std::numeric_limits<double>::quiet_NaN())) ==
        printf_shortest(std::numeric_limits<double>::quiet_NaN()));
  // Powers of two and their neighbours (the rounding interval is lopsided at a power of two).
  for (int e = -1074; e <= 1023; e += 7) {
    const double p = std::ldexp(1.0, e);
    for (double d : {p, std::nextafter(p, 0.0), std::nextafter(p, 2 * p), 3 * p}) {
      CAPTURE(d);
      CHECK(std::string(ct::format_number(d)) == printf_shortest(d));
    }
  }
  // Random bit patterns: every exponent and mantissa alike.
  std::mt19937_64 rng(20240611);
  for (int i = 0; i < 5000; ++i) {
    const double d = std::bit_cast<double>(rng());
    if (std::isnan(d)) continue;
    CAPTURE(d);
    CHECK(std::string(ct::format_number(d)) == printf_shortest(d));
  }
  // format_integer: axes and sizes.
  CHECK(ct::format_integer(0) == "0");
  CHECK(ct::format_integer(-12) == "-12");
  CHECK(ct::format_integer(std::numeric_limits<long long>::min()) == "-9223372036854775808");
}

TEST_CASE("latex_number writes powers of ten", "[print][number]") {
  CHECK(ct::latex_number(1e-8) == "10^{-8}");
  CHECK(ct::latex_number(-2.5e-7) == "-2.5 \\times 10^{-7}");
  CHECK(ct::latex_number(1e300) == "10^{300}");
  CHECK(ct::latex_number(100) == "100");
  CHECK(ct::latex_number(1e21) == "10^{21}");
  CHECK(ct::latex_number(5e-324) == "5 \\times 10^{-324}");
  CHECK(ct::latex_number(0.25) == "0.25");
  CHECK(ct::latex_number(-0.0) == "-0");
  CHECK(ct::latex_number(std::numeric_limits<double>::infinity()) == "\\infty");
  CHECK(ct::latex_number(-std::numeric_limits<double>::infinity()) == "-\\infty");
  CHECK(ct::latex_number(std::numeric_limits<double>::quiet_NaN()) == "\\mathrm{NaN}");
}

}  // namespace print_latex_test

// tests/static/print.cpp: formulas as compile-time strings, formula_v (to_string's text) and
// latex_v (to_latex's), against hand-written expected spellings; the constants' spellings are
// printf's "%.*g" ones (checked against printf itself in tests/unit/print_latex.cpp).
#include <ctgrad/ctgrad.hpp>

#include <bit>
#include <cstdint>
#include <string_view>

// Named, not anonymous: see shapes.cpp (clang's -Wunused-const-variable).
namespace ctgrad_static_print {

namespace ct = ctgrad;
using namespace ct::literals;
using namespace std::string_view_literals;

constexpr auto W = ct::param<"W", 3, 4>;
constexpr auto W1 = ct::param<"W1", 3, 4>;
constexpr auto x = ct::input<"x", 4>;
constexpr auto b = ct::param<"b", 3>;
constexpr auto b1 = ct::param<"b1", 3>;
constexpr auto y = ct::distribution<"y", 3>;
constexpr auto t = ct::input<"t", 3>;
constexpr auto v = ct::input<"v", 3>;
constexpr auto u = ct::input<"u", 4>;
constexpr auto M = ct::input<"M", 3, 5>;
constexpr auto s = ct::input<"s">;

// The constant whose value is the double v (clang 14 takes no double template arguments).
constexpr std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }
template <std::uint64_t Bits>
using c = ct::constant<Bits>;

// ---- A dense layer, the README's example, and the storage: exactly the text, NUL after it.
static_assert(ct::formula_v<decltype(W * x + b)> == "W·x + b");
static_assert(ct::latex_v<decltype(W * x + b)> == "W \\cdot x + b");
static_assert(ct::formula_v<decltype(W * x + b)>.size() == "W·x + b"sv.size());
static_assert(ct::formula_v<decltype(W * x + b)>.data()[ct::formula_v<decltype(W * x + b)>.size()] == '\0');
static_assert(ct::latex_v<decltype(W1 * x + b1)> == "W_{1} \\cdot x + b_{1}");
// cv-qualified types (decltype of a constexpr variable) name the same formula.
static_assert(ct::formula_v<decltype(W)> == "W");
static_assert(ct::latex_v<const decltype(W1)&> == "W_{1}");

// ---- Activations.
static_assert(ct::formula_v<decltype(ct::tanh(W * x + b))> == "tanh(W·x + b)");
static_assert(ct::latex_v<decltype(ct::tanh(W * x + b))> == "\\tanh(W \\cdot x + b)");
static_assert(ct::formula_v<decltype(ct::sigmoid(v))> == "sigmoid(v)");
static_assert(ct::latex_v<decltype(ct::sigmoid(v))> == "\\sigma(v)");
static_assert(ct::formula_v<decltype(ct::relu(v) % v)> == "relu(v) ⊙ v");
static_assert(ct::latex_v<decltype(ct::relu(v) % v)> == "\\operatorname{relu}(v) \\odot v");

// ---- Softmax, cross-entropy of softmax (built as the fused loss, printed as written), axis ops.
static_assert(ct::formula_v<decltype(ct::softmax(W * x + b))> == "softmax(W·x + b)");
static_assert(ct::latex_v<decltype(ct::softmax(W * x + b))> == "\\operatorname{softmax}(W \\cdot x + b)");
static_assert(ct::formula_v<decltype(ct::cross_entropy(ct::softmax(W * x + b), y))> == "cross_entropy(softmax(W·x + b), y)");
static_assert(ct::latex_v<decltype(ct::cross_entropy(ct::softmax(W * x + b), y))> ==
              "\\operatorname{cross\\_entropy}(\\operatorname{softmax}(W \\cdot x + b), y)");
static_assert(ct::formula_v<decltype(ct::sum<1>(M))> == "sum<1>(M)");
static_assert(ct::latex_v<decltype(ct::sum<1>(M))> == "\\operatorname{sum}_{1}(M)");
static_assert(ct::formula_v<decltype(ct::softmax<1>(M))> == "softmax<1>(M)");
static_assert(ct::latex_v<decltype(ct::softmax<1>(M))> == "\\operatorname{softmax}_{1}(M)");
static_assert(ct::formula_v<decltype(ct::sum_to<ct::shape<>>(M))> == "sum_to<>(M)");
static_assert(ct::latex_v<decltype(ct::sum_to<ct::shape<3>>(M))> == "\\operatorname{sum\\_to}_{[3]}(M)");
static_assert(ct::formula_v<decltype(ct::expand_axis<1, 12>(v))> == "expand_axis<1, 12>(v)");

// ---- Transpose, outer, pow, neg: postfix and prefix operators and their parentheses.
static_assert(ct::formula_v<decltype(ct::transpose(W))> == "Wᵀ");
static_assert(ct::latex_v<decltype(ct::transpose(W))> == "W^{\\top}");
static_assert(ct::formula_v<decltype(ct::transpose(W) * b)> == "Wᵀ·b");
static_assert(ct::latex_v<decltype(ct::transpose(W) * b)> == "W^{\\top} \\cdot b");
static_assert(ct::latex_v<decltype(ct::transpose(M - W * ct::ones<ct::shape<4, 5>>))> ==
              "(M - W \\cdot \\mathbf{1}_{[4, 5]})^{\\top}");
static_assert(ct::formula_v<decltype(ct::outer(v + t, u))> == "(v + t) ⊗ u");
static_assert(ct::latex_v<decltype(ct::outer(v + t, u))> == "(v + t) \\otimes u");
static_assert(ct::formula_v<decltype(ct::pow(W * x, 2_c))> == "(W·x)^2");
static_assert(ct::latex_v<decltype(ct::pow(W * x, 2_c))> == "(W \\cdot x)^{2}");
static_assert(ct::latex_v<decltype(ct::pow(v, 0.5_c))> == "v^{0.5}");
static_assert(ct::latex_v<decltype(ct::pow(v, 1e-8_c))> == "v^{10^{-8}}");
static_assert(ct::formula_v<decltype(ct::pow(v, 1e-8_c))> == "v^1e-08");
static_assert(ct::formula_v<decltype(-v)> == "-v");
static_assert(ct::latex_v<decltype(-(v + t))> == "-(v + t)");
static_assert(ct::formula_v<decltype(ct::pow(-v, 3_c))> == "(-v)^3");
static_assert(ct::formula_v<decltype(ct::mul(v, -t))> == "v ⊙ (-t)");
static_assert(ct::latex_v<decltype(ct::mul(v, -t))> == "v \\odot (-t)");

// ---- Division: an infix slash in text, a fraction in LaTeX.
static_assert(ct::formula_v<decltype((v + t) / 2_c)> == "(v + t) / 2");
static_assert(ct::latex_v<decltype((v + t) / 2_c)> == "\\frac{v + t}{2}");
static_assert(ct::latex_v<decltype(ct::pow(v / t, 2_c))> == "(\\frac{v}{t})^{2}");

// ---- Constants: the shortest spelling that reads back; in LaTeX powers of ten.
static_assert(ct::formula_v<decltype(0.5_c)> == "0.5");
static_assert(ct::latex_v<decltype(0.5_c)> == "0.5");
static_assert(ct::formula_v<decltype(s + 0.25_c)> == "s + 0.25");
static_assert(ct::formula_v<c<bits(0.1)>> == "0.1");
static_assert(ct::formula_v<c<bits(1.0 / 3.0)>> == "0.3333333333333333");
static_assert(ct::formula_v<c<bits(100.0)>> == "1e+02");
static_assert(ct::latex_v<c<bits(100.0)>> == "100");
static_assert(ct::formula_v<c<bits(1e300)>> == "1e+300");
static_assert(ct::latex_v<c<bits(1e300)>> == "10^{300}");
static_assert(ct::formula_v<c<bits(-2.5e-7)>> == "-2.5e-07");
static_assert(ct::latex_v<c<bits(-2.5e-7)>> == "-2.5 \\times 10^{-7}");
static_assert(ct::formula_v<c<bits(5e-324)>> == "5e-324");  // the least denormal
static_assert(ct::formula_v<c<bits(-0.0)>> == "-0");
static_assert(ct::formula_v<decltype(ct::fill<ct::shape<2, 3>>(-2_c))> == "fill(2, 3; -2)");
static_assert(ct::latex_v<decltype(ct::fill<ct::shape<2, 3>>(-2_c))> == "\\operatorname{fill}_{[2, 3]}(-2)");
static_assert(ct::latex_v<decltype(ct::zeros<ct::shape<2>>)> == "\\mathbf{0}_{[2]}");

// ---- Let handles: the definition at the top level, the name inside other formulas.
CTGRAD_LET(h, ct::relu(W * x + b));
static_assert(ct::formula_v<decltype(h)> == "relu(W·x + b)");
static_assert(ct::formula_v<decltype(ct::sum(h))> == "sum(h)");
static_assert(ct::latex_v<decltype(ct::sum(h % h))> == "\\operatorname{sum}(h \\odot h)");
CTGRAD_LET(h2, ct::tanh(W1 * x + b1));
static_assert(ct::latex_v<decltype(ct::mean(h2))> == "\\operatorname{mean}(h_{2})");
static_assert(ct::formula_v<decltype(ct::let<"z">(W * x) + b)> == "z + b");

// ---- Gradient handles: ∂W, in LaTeX \partial W.
constexpr auto g = ct::grad(ct::sum(ct::square(W1 * x)), W1);
static_assert(ct::formula_v<decltype(g[W1] + W1)> == "∂W1 + W1");
static_assert(ct::latex_v<decltype(g[W1] + W1)> == "\\partial W_{1} + W_{1}");
// The README's softmax-regression gradient (seed S02).
constexpr auto g2 = ct::grad(-ct::sum(y % ct::log(ct::softmax(W * x + b))), W, b);
static_assert(ct::formula_v<decltype(g2[W])> == "(softmax(W·x + b) - y) ⊗ x");
static_assert(ct::latex_v<decltype(g2[W])> == "(\\operatorname{softmax}(W \\cdot x + b) - y) \\otimes x");
static_assert(ct::latex_v<decltype(g2[b])> == "\\operatorname{softmax}(W \\cdot x + b) - y");

}  // namespace ctgrad_static_print

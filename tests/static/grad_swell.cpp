// tests/static/grad_swell.cpp: no expression swell. For chains of let layers, plain and residual,
// at depth 8 and 32 (128: grad_swell_deep.cpp), the graph of the loss with the gradients of the first
// layer's parameters and of the input, which need the whole backward chain, has at most c times the
// forward graph's op nodes: reverse mode refers to forward nodes by identity, each let's adjoint is
// one let block, and the adjoint a layer's parameters share is computed once.
// (The chains are written out; benchmarks/compile_time generates the same layers.)
#include <ctgrad/ctgrad.hpp>

#include <cstddef>
#include <type_traits>

namespace grad_swell {
namespace ct = ctgrad;

/// Op nodes of the graph of outputs Es (atoms, leaves and constants, excluded).
template <class... Es>
inline constexpr std::size_t op_nodes =
    ct::ir::graph<std::remove_cvref_t<Es>...>::size - ct::ir::graph<std::remove_cvref_t<Es>...>::n_atoms;

// The bound: a tanh layer is 3 forward op nodes (matmul, add, tanh), 4 with the residual add. Its
// backward adds about 8 in a plain chain (tanh's VJP: tanh again, square, 1 - ·, ⊙; the shared
// adjoint W·h + b recomputed; the input's adjoint Wᵀ·δ, with the residual's sum), so the gradient
// graph stays within 4 times the forward graph (measured 3.3 residual, 3.7 plain).
inline constexpr std::size_t c = 4;

namespace plain8 {
constexpr auto x = ct::input<"x", 4, 2>;
constexpr auto W0 = ct::param<"W0", 4, 4>;
constexpr auto b0 = ct::param<"b0", 4>;
constexpr auto W1 = ct::param<"W1", 4, 4>;
constexpr auto b1 = ct::param<"b1", 4>;
constexpr auto W2 = ct::param<"W2", 4, 4>;
constexpr auto b2 = ct::param<"b2", 4>;
constexpr auto W3 = ct::param<"W3", 4, 4>;
constexpr auto b3 = ct::param<"b3", 4>;
constexpr auto W4 = ct::param<"W4", 4, 4>;
constexpr auto b4 = ct::param<"b4", 4>;
constexpr auto W5 = ct::param<"W5", 4, 4>;
constexpr auto b5 = ct::param<"b5", 4>;
constexpr auto W6 = ct::param<"W6", 4, 4>;
constexpr auto b6 = ct::param<"b6", 4>;
constexpr auto W7 = ct::param<"W7", 4, 4>;
constexpr auto b7 = ct::param<"b7", 4>;
constexpr auto h0 = x;
CTGRAD_LET(h1, ct::tanh(W0 * h0 + b0));
CTGRAD_LET(h2, ct::tanh(W1 * h1 + b1));
CTGRAD_LET(h3, ct::tanh(W2 * h2 + b2));
CTGRAD_LET(h4, ct::tanh(W3 * h3 + b3));
CTGRAD_LET(h5, ct::tanh(W4 * h4 + b4));
CTGRAD_LET(h6, ct::tanh(W5 * h5 + b5));
CTGRAD_LET(h7, ct::tanh(W6 * h6 + b6));
CTGRAD_LET(h8, ct::tanh(W7 * h7 + b7));
constexpr auto loss = ct::sum(h8);
constexpr auto g = ct::grad(loss, W0, b0, x);
constexpr std::size_t forward = op_nodes<decltype(loss)>;
constexpr std::size_t backward = op_nodes<decltype(loss), decltype(g[W0]), decltype(g[b0]), decltype(g[x])>;
static_assert(forward == 3 * 8 + 1);  // 3 per layer, and the sum
static_assert(backward > forward && backward <= c * forward);
}  // namespace plain8

namespace plain32 {
constexpr auto x = ct::input<"x", 4, 2>;
constexpr auto W0 = ct::param<"W0", 4, 4>;
constexpr auto b0 = ct::param<"b0", 4>;
constexpr auto W1 = ct::param<"W1", 4, 4>;
constexpr auto b1 = ct::param<"b1", 4>;
constexpr auto W2 = ct::param<"W2", 4, 4>;
constexpr auto b2 = ct::param<"b2", 4>;
constexpr auto W3 = ct::param<"W3", 4, 4>;
constexpr auto b3 = ct::param<"b3", 4>;
constexpr auto W4 = ct::param<"W4", 4, 4>;
constexpr auto b4 = ct::param<"b4", 4>;
constexpr auto W5 = ct::param<"W5", 4, 4>;
constexpr auto b5 = ct::param<"b5", 4>;
constexpr auto W6 = ct::param<"W6", 4, 4>;
constexpr auto b6 = ct::param<"b6", 4>;
constexpr auto W7 = ct::param<"W7", 4, 4>;
constexpr auto b7 = ct::param<"b7", 4>;
constexpr auto W8 = ct::param<"W8", 4, 4>;
constexpr auto b8 = ct::param<"b8", 4>;
constexpr auto W9 = ct::param<"W9", 4, 4>;
constexpr auto b9 = ct::param<"b9", 4>;
constexpr auto W10 = ct::param<"W10", 4, 4>;
constexpr auto b10 = ct::param<"b10", 4>;
constexpr auto W11 = ct::param<"W11", 4, 4>;
constexpr auto b11 = ct::param<"b11", 4>;
constexpr auto W12 = ct::param<"W12", 4, 4>;
constexpr auto b12 = ct::param<"b12", 4>;
constexpr auto W13 = ct::param<"W13", 4, 4>;
constexpr auto b13 = ct::param<"b13", 4>;
constexpr auto W14 = ct::param<"W14", 4, 4>;
constexpr auto b14 = ct::param<"b14", 4>;
constexpr auto W15 = ct::param<"W15", 4, 4>;
constexpr auto b15 = ct::param<"b15", 4>;
constexpr auto W16 = ct::param<"W16", 4, 4>;
constexpr auto b16 = ct::param<"b16", 4>;
constexpr auto W17 = ct::param<"W17", 4, 4>;
constexpr auto b17 = ct::param<"b17", 4>;
constexpr auto W18 = ct::param<"W18", 4, 4>;
constexpr auto b18 = ct::param<"b18", 4>;
constexpr auto W19 = ct::param<"W19", 4, 4>;
constexpr auto b19 = ct::param<"b19", 4>;
constexpr auto W20 = ct::param<"W20", 4, 4>;
constexpr auto b20 = ct::param<"b20", 4>;
constexpr auto W21 = ct::param<"W21", 4, 4>;
constexpr auto b21 = ct::param<"b21", 4>;
constexpr auto W22 = ct::param<"W22", 4, 4>;
constexpr auto b22 = ct::param<"b22", 4>;
constexpr auto W23 = ct::param<"W23", 4, 4>;
constexpr auto b23 = ct::param<"b23", 4>;
constexpr auto W24 = ct::param<"W24", 4, 4>;
constexpr auto b24 = ct::param<"b24", 4>;
constexpr auto W25 = ct::param<"W25", 4, 4>;
constexpr auto b25 = ct::param<"b25", 4>;
constexpr auto W26 = ct::param<"W26", 4, 4>;
constexpr auto b26 = ct::param<"b26", 4>;
constexpr auto W27 = ct::param<"W27", 4, 4>;
constexpr auto b27 = ct::param<"b27", 4>;
constexpr auto W28 = ct::param<"W28", 4, 4>;
constexpr auto b28 = ct::param<"b28", 4>;
constexpr auto W29 = ct::param<"W29", 4, 4>;
constexpr auto b29 = ct::param<"b29", 4>;
constexpr auto W30 = ct::param<"W30", 4, 4>;
constexpr auto b30 = ct::param<"b30", 4>;
constexpr auto W31 = ct::param<"W31", 4, 4>;
constexpr auto b31 = ct::param<"b31", 4>;
constexpr auto h0 = x;
CTGRAD_LET(h1, ct::tanh(W0 * h0 + b0));
CTGRAD_LET(h2, ct::tanh(W1 * h1 + b1));
CTGRAD_LET(h3, ct::tanh(W2 * h2 + b2));
CTGRAD_LET(h4, ct::tanh(W3 * h3 + b3));
CTGRAD_LET(h5, ct::tanh(W4 * h4 + b4));
CTGRAD_LET(h6, ct::tanh(W5 * h5 + b5));
CTGRAD_LET(h7, ct::tanh(W6 * h6 + b6));
CTGRAD_LET(h8, ct::tanh(W7 * h7 + b7));
CTGRAD_LET(h9, ct::tanh(W8 * h8 + b8));
CTGRAD_LET(h10, ct::tanh(W9 * h9 + b9));
CTGRAD_LET(h11, ct::tanh(W10 * h10 + b10));
CTGRAD_LET(h12, ct::tanh(W11 * h11 + b11));
CTGRAD_LET(h13, ct::tanh(W12 * h12 + b12));
CTGRAD_LET(h14, ct::tanh(W13 * h13 + b13));
CTGRAD_LET(h15, ct::tanh(W14 * h14 + b14));
CTGRAD_LET(h16, ct::tanh(W15 * h15 + b15));
CTGRAD_LET(h17, ct::tanh(W16 * h16 + b16));
CTGRAD_LET(h18, ct::tanh(W17 * h17 + b17));
CTGRAD_LET(h19, ct::tanh(W18 * h18 + b18));
CTGRAD_LET(h20, ct::tanh(W19 * h19 + b19));
CTGRAD_LET(h21, ct::tanh(W20 * h20 + b20));
CTGRAD_LET(h22, ct::tanh(W21 * h21 + b21));
CTGRAD_LET(h23, ct::tanh(W22 * h22 + b22));
CTGRAD_LET(h24, ct::tanh(W23 * h23 + b23));
CTGRAD_LET(h25, ct::tanh(W24 * h24 + b24));
CTGRAD_LET(h26, ct::tanh(W25 * h25 + b25));
CTGRAD_LET(h27, ct::tanh(W26 * h26 + b26));
CTGRAD_LET(h28, ct::tanh(W27 * h27 + b27));
CTGRAD_LET(h29, ct::tanh(W28 * h28 + b28));
CTGRAD_LET(h30, ct::tanh(W29 * h29 + b29));
CTGRAD_LET(h31, ct::tanh(W30 * h30 + b30));
CTGRAD_LET(h32, ct::tanh(W31 * h31 + b31));
constexpr auto loss = ct::sum(h32);
constexpr auto g = ct::grad(loss, W0, b0, x);
constexpr std::size_t forward = op_nodes<decltype(loss)>;
constexpr std::size_t backward = op_nodes<decltype(loss), decltype(g[W0]), decltype(g[b0]), decltype(g[x])>;
static_assert(forward == 3 * 32 + 1);  // 3 per layer, and the sum
static_assert(backward > forward && backward <= c * forward);
}  // namespace plain32

namespace residual8 {
constexpr auto x = ct::input<"x", 4, 2>;
constexpr auto W0 = ct::param<"W0", 4, 4>;
constexpr auto b0 = ct::param<"b0", 4>;
constexpr auto W1 = ct::param<"W1", 4, 4>;
constexpr auto b1 = ct::param<"b1", 4>;
constexpr auto W2 = ct::param<"W2", 4, 4>;
constexpr auto b2 = ct::param<"b2", 4>;
constexpr auto W3 = ct::param<"W3", 4, 4>;
constexpr auto b3 = ct::param<"b3", 4>;
constexpr auto W4 = ct::param<"W4", 4, 4>;
constexpr auto b4 = ct::param<"b4", 4>;
constexpr auto W5 = ct::param<"W5", 4, 4>;
constexpr auto b5 = ct::param<"b5", 4>;
constexpr auto W6 = ct::param<"W6", 4, 4>;
constexpr auto b6 = ct::param<"b6", 4>;
constexpr auto W7 = ct::param<"W7", 4, 4>;
constexpr auto b7 = ct::param<"b7", 4>;
constexpr auto h0 = x;
CTGRAD_LET(h1, h0 + ct::tanh(W0 * h0 + b0));
CTGRAD_LET(h2, h1 + ct::tanh(W1 * h1 + b1));
CTGRAD_LET(h3, h2 + ct::tanh(W2 * h2 + b2));
CTGRAD_LET(h4, h3 + ct::tanh(W3 * h3 + b3));
CTGRAD_LET(h5, h4 + ct::tanh(W4 * h4 + b4));
CTGRAD_LET(h6, h5 + ct::tanh(W5 * h5 + b5));
CTGRAD_LET(h7, h6 + ct::tanh(W6 * h6 + b6));
CTGRAD_LET(h8, h7 + ct::tanh(W7 * h7 + b7));
constexpr auto loss = ct::sum(h8);
constexpr auto g = ct::grad(loss, W0, b0, x);
constexpr std::size_t forward = op_nodes<decltype(loss)>;
constexpr std::size_t backward = op_nodes<decltype(loss), decltype(g[W0]), decltype(g[b0]), decltype(g[x])>;
static_assert(forward == 4 * 8 + 1);  // 4 per layer, and the sum
static_assert(backward > forward && backward <= c * forward);
}  // namespace residual8

namespace residual32 {
constexpr auto x = ct::input<"x", 4, 2>;
constexpr auto W0 = ct::param<"W0", 4, 4>;
constexpr auto b0 = ct::param<"b0", 4>;
constexpr auto W1 = ct::param<"W1", 4, 4>;
constexpr auto b1 = ct::param<"b1", 4>;
constexpr auto W2 = ct::param<"W2", 4, 4>;
constexpr auto b2 = ct::param<"b2", 4>;
constexpr auto W3 = ct::param<"W3", 4, 4>;
constexpr auto b3 = ct::param<"b3", 4>;
constexpr auto W4 = ct::param<"W4", 4, 4>;
constexpr auto b4 = ct::param<"b4", 4>;
constexpr auto W5 = ct::param<"W5", 4, 4>;
constexpr auto b5 = ct::param<"b5", 4>;
constexpr auto W6 = ct::param<"W6", 4, 4>;
constexpr auto b6 = ct::param<"b6", 4>;
constexpr auto W7 = ct::param<"W7", 4, 4>;
constexpr auto b7 = ct::param<"b7", 4>;
constexpr auto W8 = ct::param<"W8", 4, 4>;
constexpr auto b8 = ct::param<"b8", 4>;
constexpr auto W9 = ct::param<"W9", 4, 4>;
constexpr auto b9 = ct::param<"b9", 4>;
constexpr auto W10 = ct::param<"W10", 4, 4>;
constexpr auto b10 = ct::param<"b10", 4>;
constexpr auto W11 = ct::param<"W11", 4, 4>;
constexpr auto b11 = ct::param<"b11", 4>;
constexpr auto W12 = ct::param<"W12", 4, 4>;
constexpr auto b12 = ct::param<"b12", 4>;
constexpr auto W13 = ct::param<"W13", 4, 4>;
constexpr auto b13 = ct::param<"b13", 4>;
constexpr auto W14 = ct::param<"W14", 4, 4>;
constexpr auto b14 = ct::param<"b14", 4>;
constexpr auto W15 = ct::param<"W15", 4, 4>;
constexpr auto b15 = ct::param<"b15", 4>;
constexpr auto W16 = ct::param<"W16", 4, 4>;
constexpr auto b16 = ct::param<"b16", 4>;
constexpr auto W17 = ct::param<"W17", 4, 4>;
constexpr auto b17 = ct::param<"b17", 4>;
constexpr auto W18 = ct::param<"W18", 4, 4>;
constexpr auto b18 = ct::param<"b18", 4>;
constexpr auto W19 = ct::param<"W19", 4, 4>;
constexpr auto b19 = ct::param<"b19", 4>;
constexpr auto W20 = ct::param<"W20", 4, 4>;
constexpr auto b20 = ct::param<"b20", 4>;
constexpr auto W21 = ct::param<"W21", 4, 4>;
constexpr auto b21 = ct::param<"b21", 4>;
constexpr auto W22 = ct::param<"W22", 4, 4>;
constexpr auto b22 = ct::param<"b22", 4>;
constexpr auto W23 = ct::param<"W23", 4, 4>;
constexpr auto b23 = ct::param<"b23", 4>;
constexpr auto W24 = ct::param<"W24", 4, 4>;
constexpr auto b24 = ct::param<"b24", 4>;
constexpr auto W25 = ct::param<"W25", 4, 4>;
constexpr auto b25 = ct::param<"b25", 4>;
constexpr auto W26 = ct::param<"W26", 4, 4>;
constexpr auto b26 = ct::param<"b26", 4>;
constexpr auto W27 = ct::param<"W27", 4, 4>;
constexpr auto b27 = ct::param<"b27", 4>;
constexpr auto W28 = ct::param<"W28", 4, 4>;
constexpr auto b28 = ct::param<"b28", 4>;
constexpr auto W29 = ct::param<"W29", 4, 4>;
constexpr auto b29 = ct::param<"b29", 4>;
constexpr auto W30 = ct::param<"W30", 4, 4>;
constexpr auto b30 = ct::param<"b30", 4>;
constexpr auto W31 = ct::param<"W31", 4, 4>;
constexpr auto b31 = ct::param<"b31", 4>;
constexpr auto h0 = x;
CTGRAD_LET(h1, h0 + ct::tanh(W0 * h0 + b0));
CTGRAD_LET(h2, h1 + ct::tanh(W1 * h1 + b1));
CTGRAD_LET(h3, h2 + ct::tanh(W2 * h2 + b2));
CTGRAD_LET(h4, h3 + ct::tanh(W3 * h3 + b3));
CTGRAD_LET(h5, h4 + ct::tanh(W4 * h4 + b4));
CTGRAD_LET(h6, h5 + ct::tanh(W5 * h5 + b5));
CTGRAD_LET(h7, h6 + ct::tanh(W6 * h6 + b6));
CTGRAD_LET(h8, h7 + ct::tanh(W7 * h7 + b7));
CTGRAD_LET(h9, h8 + ct::tanh(W8 * h8 + b8));
CTGRAD_LET(h10, h9 + ct::tanh(W9 * h9 + b9));
CTGRAD_LET(h11, h10 + ct::tanh(W10 * h10 + b10));
CTGRAD_LET(h12, h11 + ct::tanh(W11 * h11 + b11));
CTGRAD_LET(h13, h12 + ct::tanh(W12 * h12 + b12));
CTGRAD_LET(h14, h13 + ct::tanh(W13 * h13 + b13));
CTGRAD_LET(h15, h14 + ct::tanh(W14 * h14 + b14));
CTGRAD_LET(h16, h15 + ct::tanh(W15 * h15 + b15));
CTGRAD_LET(h17, h16 + ct::tanh(W16 * h16 + b16));
CTGRAD_LET(h18, h17 + ct::tanh(W17 * h17 + b17));
CTGRAD_LET(h19, h18 + ct::tanh(W18 * h18 + b18));
CTGRAD_LET(h20, h19 + ct::tanh(W19 * h19 + b19));
CTGRAD_LET(h21, h20 + ct::tanh(W20 * h20 + b20));
CTGRAD_LET(h22, h21 + ct::tanh(W21 * h21 + b21));
CTGRAD_LET(h23, h22 + ct::tanh(W22 * h22 + b22));
CTGRAD_LET(h24, h23 + ct::tanh(W23 * h23 + b23));
CTGRAD_LET(h25, h24 + ct::tanh(W24 * h24 + b24));
CTGRAD_LET(h26, h25 + ct::tanh(W25 * h25 + b25));
CTGRAD_LET(h27, h26 + ct::tanh(W26 * h26 + b26));
CTGRAD_LET(h28, h27 + ct::tanh(W27 * h27 + b27));
CTGRAD_LET(h29, h28 + ct::tanh(W28 * h28 + b28));
CTGRAD_LET(h30, h29 + ct::tanh(W29 * h29 + b29));
CTGRAD_LET(h31, h30 + ct::tanh(W30 * h30 + b30));
CTGRAD_LET(h32, h31 + ct::tanh(W31 * h31 + b31));
constexpr auto loss = ct::sum(h32);
constexpr auto g = ct::grad(loss, W0, b0, x);
constexpr std::size_t forward = op_nodes<decltype(loss)>;
constexpr std::size_t backward = op_nodes<decltype(loss), decltype(g[W0]), decltype(g[b0]), decltype(g[x])>;
static_assert(forward == 4 * 32 + 1);  // 4 per layer, and the sum
static_assert(backward > forward && backward <= c * forward);
}  // namespace residual32

}  // namespace grad_swell

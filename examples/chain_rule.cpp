// examples/chain_rule.cpp: the scalar chain rule of seed case S04, differentiated and evaluated by
// the compiler.
//
//   f(x, y) = m / n,   m = x² + σ(y),   n = 3x + y − σ(x),   at (x, y) = (1, 0).
//
// The chain rule through the two intermediates m and n:
//
//   ∂f/∂x = ∂f/∂m · ∂m/∂x + ∂f/∂n · ∂n/∂x      x fans out into both m and n: two paths, two terms
//   ∂f/∂y = ∂f/∂m · ∂m/∂y + ∂f/∂n · ∂n/∂y      y too, through σ(y) in m and through y in n
//
// with ∂f/∂m = 1/n and ∂f/∂n = −m/n². ct::grad does this bookkeeping: it walks the graph of f once
// in reverse and sums the adjoints of a node that feeds several others, so x's two paths add up.
#include <ctgrad/ctgrad.hpp>

#include <cstdio>
#include <numbers>

namespace ct = ctgrad;
using namespace ct::literals;

constexpr auto x = ct::input<"x">;
constexpr auto y = ct::input<"y">;
constexpr auto m = ct::square(x) + ct::sigmoid(y);
constexpr auto n = 3_c * x + y - ct::sigmoid(x);
constexpr auto f = m / n;

// The gradient is a pair of expressions (graphs), built at compile time from f's graph.
constexpr auto g = ct::grad(f, x, y);

// Everything below is evaluated by the compiler: the values are constants of the program.
constexpr auto at_1_0 = [](auto expr) { return ct::evaluate<double>(expr, ct::feed(x, 1.0), ct::feed(y, 0.0)); };
constexpr double f_val = at_1_0(f);
constexpr double dfdx = at_1_0(g[x]);
constexpr double dfdy = at_1_0(g[y]);

// The same f written in terms of its intermediates, now leaves of their own: ∂f/∂m and ∂f/∂n are
// the outer factors of the chain rule, evaluated at m(1, 0) and n(1, 0).
constexpr auto mi = ct::input<"m">;
constexpr auto ni = ct::input<"n">;
constexpr auto f_mn = mi / ni;
constexpr auto g_mn = ct::grad(f_mn, mi, ni);
constexpr double m_val = at_1_0(m);
constexpr double n_val = at_1_0(n);
constexpr auto at_m_n = [](auto expr) { return ct::evaluate<double>(expr, ct::feed(mi, m_val), ct::feed(ni, n_val)); };
constexpr double dfdm = at_m_n(g_mn[mi]);
constexpr double dfdn = at_m_n(g_mn[ni]);

// The inner factors ∂m/∂x = 2x = 2 and ∂n/∂x = 3 − σ'(x), by grad as well. Recombined along x's two
// paths they give ∂f/∂x, the sum grad formed where x's two adjoints met.
constexpr double dmdx = at_1_0(ct::grad(m, x)[x]);
constexpr double dndx = at_1_0(ct::grad(n, x)[x]);

// Closed forms at (1, 0), with e = exp(1), σ(0) = 1/2, σ(1) = e/(1+e) (catalogue S04).
constexpr double e = std::numbers::e;
constexpr bool close_to(double a, double b) { return a - b < 1e-6 && b - a < 1e-6; }
static_assert(close_to(f_val, 3 * (1 + e) / (2 * (3 + 2 * e))), "S04: f(1, 0)");
static_assert(close_to(dfdx, (3 + 5 * e - e * e) / (2 * (3 + 2 * e) * (3 + 2 * e))), "S04: df/dx");
static_assert(close_to(dfdy, -(1 + e) * (3 + 4 * e) / (4 * (3 + 2 * e) * (3 + 2 * e))), "S04: df/dy");
static_assert(close_to(dfdm, (1 + e) / (3 + 2 * e)), "S04: df/dm = 1/n");
static_assert(close_to(dfdn, -1.5 * (1 + e) * (1 + e) / ((3 + 2 * e) * (3 + 2 * e))), "S04: df/dn = -m/n^2");
static_assert(close_to(dfdx, dfdm * dmdx + dfdn * dndx), "the chain rule: both paths from x add up");
static_assert(close_to(dmdx, 2.0) && close_to(dndx, 3 - e / ((1 + e) * (1 + e))), "dm/dx = 2x, dn/dx = 3 - σ'(x)");

// At run time only printing is left. The formulas are the graphs grad built, printed as they are.
int main() {
  std::printf("S04 f = %g\n", f_val);
  std::printf("S04 df/dx = %g\n", dfdx);
  std::printf("S04 df/dy = %g\n", dfdy);
  std::printf("S04 df/dm = %g\n", dfdm);
  std::printf("S04 df/dn = %g\n", dfdn);
  std::printf("S04 symbolic f = %s\n", ct::to_string(f).c_str());
  std::printf("S04 symbolic df/dx = %s\n", ct::to_string(g[x]).c_str());
  std::printf("S04 symbolic df/dy = %s\n", ct::to_string(g[y]).c_str());
  std::printf("S04 symbolic df/dm = %s\n", ct::to_string(g_mn[mi]).c_str());
  std::printf("S04 symbolic df/dn = %s\n", ct::to_string(g_mn[ni]).c_str());
}

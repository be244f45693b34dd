// tests/unit/train.cpp: compiled training steps, ct::compile(loss, grad(loss, ...), optimizer):
// sgd, momentum and adam against their updates written out here on finite-difference gradients,
// float against double, gradients that are another parameter's buffer, no allocation in step(),
// binding errors, and the sizes of the arena and of the optimizer state.
//
// This file replaces the global operator new and delete (for the whole unit-test executable) with
// counting versions over malloc and free, to check that step() allocates nothing.
#include <ctgrad/ctgrad.hpp>

#include <catch2/catch.hpp>

#include <xtensor/xtensor.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

// ---------------------------------------------------------------------------------------------
// Counting replacements of every global allocation function (plain, array, nothrow, aligned) and
// every deallocation function (plain, sized, nothrow, aligned). They go to malloc and free, which
// ASan intercepts, so the sanitized build still checks the memory.

namespace train_alloc {
std::atomic<std::size_t> allocations{0};
std::atomic<std::size_t> deallocations{0};

void* allocate(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  return nullptr;
}
void* allocate_aligned(std::size_t n, std::align_val_t al) {
  ++allocations;
  const auto a = static_cast<std::size_t>(al);
  const std::size_t size = (std::max<std::size_t>(n, 1) + a - 1) / a * a;  // aligned_alloc wants a multiple
  return std::aligned_alloc(a, size);
}
void release(void* p) noexcept {
  if (p == nullptr) return;
  ++deallocations;
  std::free(p);
}
}  // namespace train_alloc

void* operator new(std::size_t n) {
  if (void* p = train_alloc::allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = train_alloc::allocate(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return train_alloc::allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return train_alloc::allocate(n); }
void* operator new(std::size_t n, std::align_val_t al) {
  if (void* p = train_alloc::allocate_aligned(n, al)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t al) {
  if (void* p = train_alloc::allocate_aligned(n, al)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return train_alloc::allocate_aligned(n, al);
}
void* operator new[](std::size_t n, std::align_val_t al, const std::nothrow_t&) noexcept {
  return train_alloc::allocate_aligned(n, al);
}
void operator delete(void* p) noexcept { train_alloc::release(p); }
void operator delete[](void* p) noexcept { train_alloc::release(p); }
void operator delete(void* p, std::size_t) noexcept { train_alloc::release(p); }
void operator delete[](void* p, std::size_t) noexcept { train_alloc::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { train_alloc::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { train_alloc::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { train_alloc::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { train_alloc::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { train_alloc::release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { train_alloc::release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { train_alloc::release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { train_alloc::release(p); }

namespace train_test {

namespace ct = ctgrad;
using namespace ct::literals;
using Catch::Contains;

// ---------------------------------------------------------------------------------------------
// The model: 3 features x a batch of 4 -> tanh(W1·x + b1), 5 units -> softmax cross-entropy over
// 2 classes (one-hot targets), summed over the batch.

constexpr auto x = ct::input<"tx", 3, 4>;
constexpr auto y = ct::input<"ty", 2, 4>;
constexpr auto W1 = ct::param<"tW1", 5, 3>;
constexpr auto b1 = ct::param<"tb1", 5>;
constexpr auto W2 = ct::param<"tW2", 2, 5>;
constexpr auto b2 = ct::param<"tb2", 2>;
constexpr auto loss = ct::cross_entropy(ct::softmax(W2 * ct::tanh(W1 * x + b1) + b2), y);
constexpr auto g = ct::grad(loss, W1, b1, W2, b2);

template <class L>
constexpr std::size_t size_of = ct::shape_of_t<L>::size;
constexpr std::size_t n_params = size_of<decltype(W1)> + size_of<decltype(b1)> + size_of<decltype(W2)> +
                                 size_of<decltype(b2)>;  // 32
constexpr std::size_t n_inputs = size_of<decltype(x)> + size_of<decltype(y)>;  // 20

// Values of the four parameters, in the order W1, b1, W2, b2 (row-major each).
using values = std::array<std::vector<double>, 4>;

// Pseudo-random values in [-1, 1): a small LCG, the same on every platform.
std::vector<double> pseudo_random(std::size_t n, std::uint64_t seed) {
  std::vector<double> a(n);
  std::uint64_t s = seed * 0x9e3779b97f4a7c15ULL + 1;
  for (auto& v : a) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    v = 2.0 * (static_cast<double>(s >> 11) * 0x1.0p-53) - 1.0;
  }
  return a;
}

values initial_values() {
  return {pseudo_random(15, 1), pseudo_random(5, 2), pseudo_random(10, 3), pseudo_random(2, 4)};
}
const std::vector<double> x_values = pseudo_random(12, 5);
// One-hot columns: classes 0, 1, 1, 0.
const std::vector<double> y_values{1, 0, 0, 1, 0, 1, 1, 0};

template <class M>
void bind_all(M& m, const values& p) {
  m.bind(W1, p[0]).bind(b1, p[1]).bind(W2, p[2]).bind(b2, p[3]);
}

template <class View>
std::vector<double> flat(const View& v) {
  std::vector<double> r;
  for (auto e : v) r.push_back(static_cast<double>(e));
  return r;
}

template <class M>
values parameters_of(const M& m) {
  return {flat(m.parameter(W1)), flat(m.parameter(b1)), flat(m.parameter(W2)), flat(m.parameter(b2))};
}
template <class M>
values gradients_of(const M& m) {
  return {flat(m.result(g[W1])), flat(m.result(g[b1])), flat(m.result(g[W2])), flat(m.result(g[b2]))};
}

const char* const param_names[4] = {"W1", "b1", "W2", "b2"};

// got ≈ want, element by element: |got − want| <= rel·|want| + abs.
void check_close(const values& got, const values& want, double rel, double abs) {
  for (std::size_t k = 0; k < 4; ++k) {
    INFO("parameter " << param_names[k]);
    REQUIRE(got[k].size() == want[k].size());
    for (std::size_t i = 0; i < want[k].size(); ++i) {
      INFO("element " << i);
      CHECK(got[k][i] == Approx(want[k][i]).epsilon(rel).margin(abs));
    }
  }
}

// The gradient of the loss at `p` by central differences, from a forward-only compiled graph.
template <class Fwd>
values fd_gradient(Fwd& fwd, values p) {
  values gr;
  for (std::size_t k = 0; k < 4; ++k) {
    gr[k].resize(p[k].size());
    for (std::size_t i = 0; i < p[k].size(); ++i) {
      const double v = p[k][i];
      const double h = 1e-5 * std::max(1.0, std::abs(v));
      p[k][i] = v + h;
      bind_all(fwd, p);
      const double plus = fwd.eval(ct::feed(x, x_values), ct::feed(y, y_values));
      const double step_up = p[k][i];
      p[k][i] = v - h;
      bind_all(fwd, p);
      const double minus = fwd.eval(ct::feed(x, x_values), ct::feed(y, y_values));
      gr[k][i] = (plus - minus) / (step_up - p[k][i]);  // the step actually taken, after rounding
      p[k][i] = v;
    }
  }
  return gr;
}

// ---------------------------------------------------------------------------------------------
// Each optimizer's hyperparameters for these tests, and its update written out in double.

template <class Opt>
struct reference;

template <>
struct reference<ct::sgd> {
  static constexpr ct::sgd make() { return {.lr = 0.2}; }
  ct::sgd opt;
  explicit reference(const values&) : opt(make()) {}
  void update(values& theta, const values& grad) {
    for (std::size_t k = 0; k < 4; ++k)
      for (std::size_t i = 0; i < theta[k].size(); ++i) theta[k][i] -= opt.lr * grad[k][i];
  }
};

// The seed form: v ← η·v + α·∇, θ ← θ − v, from v = 0.
template <>
struct reference<ct::momentum> {
  static constexpr ct::momentum make() { return {.lr = 0.05, .momentum = 0.9}; }
  ct::momentum opt;
  values v;
  explicit reference(const values& p) : opt(make()) {
    for (std::size_t k = 0; k < 4; ++k) v[k].assign(p[k].size(), 0.0);
  }
  void update(values& theta, const values& grad) {
    for (std::size_t k = 0; k < 4; ++k)
      for (std::size_t i = 0; i < theta[k].size(); ++i) {
        v[k][i] = opt.momentum * v[k][i] + opt.lr * grad[k][i];
        theta[k][i] -= v[k][i];
      }
  }
};

// PyTorch's Adam: m ← β₁m + (1−β₁)∇, v ← β₂v + (1−β₂)∇², m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ),
// θ ← θ − lr·m̂/(√v̂ + ε), from m = v = 0 and t = 1.
template <>
struct reference<ct::adam> {
  static constexpr ct::adam make() { return {.lr = 0.05, .beta1 = 0.9, .beta2 = 0.999, .eps = 1e-8}; }
  ct::adam opt;
  values m, v;
  int t = 0;
  explicit reference(const values& p) : opt(make()) {
    for (std::size_t k = 0; k < 4; ++k) {
      m[k].assign(p[k].size(), 0.0);
      v[k].assign(p[k].size(), 0.0);
    }
  }
  void update(values& theta, const values& grad) {
    ++t;
    for (std::size_t k = 0; k < 4; ++k)
      for (std::size_t i = 0; i < theta[k].size(); ++i) {
        const double gi = grad[k][i];
        m[k][i] = opt.beta1 * m[k][i] + (1 - opt.beta1) * gi;
        v[k][i] = opt.beta2 * v[k][i] + (1 - opt.beta2) * gi * gi;
        const double m_hat = m[k][i] / (1 - std::pow(opt.beta1, t));
        const double v_hat = v[k][i] / (1 - std::pow(opt.beta2, t));
        theta[k][i] -= opt.lr * m_hat / (std::sqrt(v_hat) + opt.eps);
      }
  }
};

values difference(const values& a, const values& b) {
  values d;
  for (std::size_t k = 0; k < 4; ++k) {
    d[k].resize(a[k].size());
    for (std::size_t i = 0; i < a[k].size(); ++i) d[k][i] = a[k][i] - b[k][i];
  }
  return d;
}

// ---------------------------------------------------------------------------------------------

TEMPLATE_TEST_CASE("train: three steps of sgd, momentum and adam match the update written out on FD gradients",
                   "[train]", ct::sgd, ct::momentum, ct::adam) {
  using Opt = TestType;
  auto m = ct::compile<double>(loss, g, reference<Opt>::make());
  auto fwd = ct::compile<double>(loss);  // the reference's loss, for finite differences
  const values start = initial_values();
  values p = start;
  reference<Opt> ref(p);
  bind_all(m, p);
  const auto fx = ct::feed(x, x_values);
  const auto fy = ct::feed(y, y_values);

  double first_loss = 0, last_loss = 0;
  for (int s = 1; s <= 3; ++s) {
    INFO("step " << s);
    const values grad = fd_gradient(fwd, p);
    bind_all(fwd, p);
    const double loss_ref = fwd.eval(fx, fy);

    const double l = m.step(fx, fy);  // the loss before the update
    // Exact at step 1; after it, the reference's parameters differ from the step's by the
    // finite-difference error of the gradients (~1e-10).
    CHECK(l == Approx(loss_ref).epsilon(s == 1 ? 1e-12 : 1e-8));
    if (s == 1) first_loss = l;
    last_loss = l;
    // This step's gradients, as the step computed them, against finite differences.
    check_close(gradients_of(m), grad, 1e-6, 1e-8);

    ref.update(p, grad);
    // Every parameter, and its change since the start (which the update decides alone).
    check_close(parameters_of(m), p, 1e-6, 1e-9);
    check_close(difference(parameters_of(m), start), difference(p, start), 1e-6, 1e-9);
  }
  CHECK(m.steps() == 3);
  // eval() gives the loss at the current parameters and updates nothing.
  bind_all(fwd, p);
  const double after = m.eval(fx, fy);
  CHECK(after == Approx(fwd.eval(fx, fy)).epsilon(1e-6));
  CHECK(after < last_loss);
  CHECK(last_loss < first_loss);
  CHECK(m.steps() == 3);
  check_close(parameters_of(m), p, 1e-6, 1e-9);
}

TEMPLATE_TEST_CASE("train: in float the same steps lower the loss and match double", "[train][float]", ct::sgd,
                   ct::momentum, ct::adam) {
  using Opt = TestType;
  auto md = ct::compile<double>(loss, g, reference<Opt>::make());
  auto mf = ct::compile<float>(loss, g, reference<Opt>::make());
  bind_all(md, initial_values());
  bind_all(mf, initial_values());  // converted to float
  const std::vector<float> xf(x_values.begin(), x_values.end());
  const std::vector<float> yf(y_values.begin(), y_values.end());

  std::vector<float> losses;
  for (int s = 1; s <= 3; ++s) {
    INFO("step " << s);
    const double ld = md.step(ct::feed(x, x_values), ct::feed(y, y_values));
    const float lf = mf.step(ct::feed(x, xf), ct::feed(y, yf));
    CHECK(lf == Approx(ld).epsilon(1e-5));
    losses.push_back(lf);
    check_close(parameters_of(mf), parameters_of(md), 1e-4, 1e-6);
  }
  losses.push_back(mf.eval(ct::feed(x, xf), ct::feed(y, yf)));
  CHECK(losses[3] == Approx(md.eval(ct::feed(x, x_values), ct::feed(y, y_values))).epsilon(1e-5));
  for (std::size_t s = 0; s + 1 < losses.size(); ++s) {
    INFO("loss " << s << " -> " << s + 1);
    CHECK(losses[s + 1] < losses[s]);
  }
}

// ---------------------------------------------------------------------------------------------
// Gradients that are a parameter's own buffer: ∂/∂A Σ A⊙B = B and ∂/∂B Σ A⊙B = A, so updating one
// parameter in place would change the other's gradient. Each update must use the gradients at
// the start of the step. (Values are small dyadic numbers: every result below is exact.)

namespace alias {
constexpr auto A = ct::param<"aA", 2, 3>;
constexpr auto B = ct::param<"aB", 2, 3>;
constexpr auto loss_ab = ct::sum(A % B);
constexpr auto g_ab = ct::grad(loss_ab, A, B);
constexpr auto V = ct::param<"aV", 3>;
constexpr auto half_norm = 0.5_c * ct::sum(ct::square(V));
constexpr auto gV = ct::grad(half_norm, V);
const std::vector<double> A0{1, 2, -3, 0.5, -1.5, 4};
const std::vector<double> B0{-2, 0.25, 1, 3, -0.5, 2};
}  // namespace alias

TEST_CASE("train: a gradient that is another parameter is read before either parameter changes", "[train][alias]") {
  using namespace alias;
  // The case this test is about: g[A] is B itself (a leaf), so its buffer is B's.
  STATIC_REQUIRE(std::is_same_v<decltype(g_ab[A]), std::remove_const_t<decltype(B)>>);
  STATIC_REQUIRE(std::is_same_v<decltype(g_ab[B]), std::remove_const_t<decltype(A)>>);

  SECTION("sgd: A' = A − lr·B and B' = B − lr·A, both from the old values") {
    auto m = ct::compile<double>(loss_ab, g_ab, ct::sgd{.lr = 0.5});
    m.bind(A, A0).bind(B, B0);
    std::vector<double> a = A0, b = B0;
    for (int s = 1; s <= 3; ++s) {
      INFO("step " << s);
      double dot = 0;
      for (std::size_t i = 0; i < 6; ++i) dot += a[i] * b[i];
      CHECK(m.step() == dot);
      const std::vector<double> a_old = a, b_old = b;
      for (std::size_t i = 0; i < 6; ++i) {
        a[i] = a_old[i] - 0.5 * b_old[i];
        b[i] = b_old[i] - 0.5 * a_old[i];
      }
      CHECK(flat(m.parameter(A)) == a);
      CHECK(flat(m.parameter(B)) == b);
    }
  }

  SECTION("momentum: the velocity of each takes the other's old value") {
    auto m = ct::compile<double>(loss_ab, g_ab, ct::momentum{.lr = 0.5, .momentum = 0.5});
    m.bind(A, A0).bind(B, B0);
    std::vector<double> a = A0, b = B0, va(6, 0.0), vb(6, 0.0);
    for (int s = 1; s <= 3; ++s) {
      INFO("step " << s);
      m.step();
      const std::vector<double> a_old = a, b_old = b;
      for (std::size_t i = 0; i < 6; ++i) {
        va[i] = 0.5 * va[i] + 0.5 * b_old[i];
        vb[i] = 0.5 * vb[i] + 0.5 * a_old[i];
        a[i] -= va[i];
        b[i] -= vb[i];
      }
      CHECK(flat(m.parameter(A)) == a);
      CHECK(flat(m.parameter(B)) == b);
    }
  }

  SECTION("a parameter that is its own gradient: ∂/∂V ½‖V‖² = V") {
    STATIC_REQUIRE(std::is_same_v<decltype(gV[V]), std::remove_const_t<decltype(V)>>);
    auto m = ct::compile<double>(half_norm, gV, ct::sgd{.lr = 0.25});
    m.bind(V, std::vector<double>{4, -8, 2});
    CHECK(m.step() == 42);  // ½(16 + 64 + 4)
    CHECK(flat(m.parameter(V)) == std::vector<double>{3, -6, 1.5});
    auto ma = ct::compile<double>(half_norm, gV, ct::adam{.lr = 0.125});
    ma.bind(V, std::vector<double>{4, -8, 2});
    ma.step();  // Adam's first step: θ − lr·∇/(|∇| + ε), about lr·sign(∇)
    const std::vector<double> got = flat(ma.parameter(V));
    CHECK(got[0] == Approx(4 - 0.125 * 4 / (4 + 1e-8)).epsilon(1e-14));
    CHECK(got[1] == Approx(-8 + 0.125 * 8 / (8 + 1e-8)).epsilon(1e-14));
    CHECK(got[2] == Approx(2 - 0.125 * 2 / (2 + 1e-8)).epsilon(1e-14));
  }
}

// ---------------------------------------------------------------------------------------------
// No allocation in step(): a 20 → 16 relu → 4 softmax cross-entropy MLP, batch 8, in float, fed
// from std::vector and from xt::xtensor. The counters are read around 100 steps after a warm-up
// step; nothing else (no Catch2 assertion) runs inside the counted window.

namespace noalloc {
constexpr auto nx = ct::input<"nx", 20, 8>;
constexpr auto ny = ct::input<"ny", 4, 8>;
constexpr auto nW1 = ct::param<"nW1", 16, 20>;
constexpr auto nb1 = ct::param<"nb1", 16>;
constexpr auto nW2 = ct::param<"nW2", 4, 16>;
constexpr auto nb2 = ct::param<"nb2", 4>;
constexpr auto nloss = ct::cross_entropy(ct::softmax(nW2 * ct::relu(nW1 * nx + nb1) + nb2), ny);
constexpr auto ng = ct::grad(nloss, nW1, nb1, nW2, nb2);

struct counts {
  std::size_t allocations, deallocations;
};
inline counts now() { return {train_alloc::allocations.load(), train_alloc::deallocations.load()}; }

template <class F>
counts counted(F f) {
  const counts before = now();
  f();
  const counts after = now();
  return {after.allocations - before.allocations, after.deallocations - before.deallocations};
}

std::vector<float> floats(std::size_t n, std::uint64_t seed, double scale) {
  const std::vector<double> d = pseudo_random(n, seed);
  std::vector<float> f(n);
  for (std::size_t i = 0; i < n; ++i) f[i] = static_cast<float>(scale * d[i]);
  return f;
}
std::vector<float> one_hot() {
  std::vector<float> t(4 * 8, 0.0f);
  for (std::size_t j = 0; j < 8; ++j) t[(j % 4) * 8 + j] = 1.0f;
  return t;
}
}  // namespace noalloc

TEMPLATE_TEST_CASE("train: step() allocates nothing, fed from std::vector or xtensor", "[train][alloc]", ct::sgd,
                   ct::adam) {
  using namespace noalloc;
  // The counters must see this file's allocation functions (else the test would pass vacuously).
  {
    const counts c = counted([] { delete new int(1); });
    REQUIRE(c.allocations == 1);
    REQUIRE(c.deallocations == 1);
  }
  auto m = ct::compile<float>(nloss, ng, TestType{});
  m.bind(nW1, floats(320, 11, 0.3)).bind(nb1, floats(16, 12, 0.1)).bind(nW2, floats(64, 13, 0.3));
  m.bind(nb2, floats(4, 14, 0.1));
  const std::vector<float> xv = floats(160, 15, 1.0);
  const std::vector<float> yv = one_hot();
  xt::xtensor<float, 2> xx = xt::zeros<float>({20, 8});
  xt::xtensor<float, 2> yx = xt::zeros<float>({4, 8});
  std::copy(xv.begin(), xv.end(), xx.begin());
  std::copy(yv.begin(), yv.end(), yx.begin());
  const auto fxv = ct::feed(nx, xv);
  const auto fyv = ct::feed(ny, yv);
  const auto fxx = ct::feed(nx, xx);
  const auto fyx = ct::feed(ny, yx);

  float first = 0, last = 0;
  SECTION("std::vector") {
    first = m.step(fxv, fyv);  // warm-up
    const counts c = counted([&] {
      for (int i = 0; i < 100; ++i) last = m.step(fxv, fyv);
    });
    CHECK(c.allocations == 0);
    CHECK(c.deallocations == 0);
    const counts e = counted([&] {
      for (int i = 0; i < 100; ++i) last = m.eval(fxv, fyv);
    });
    CHECK(e.allocations == 0);
    CHECK(e.deallocations == 0);
  }
  SECTION("xt::xtensor<float, 2>") {
    first = m.step(fxx, fyx);  // warm-up
    const counts c = counted([&] {
      for (int i = 0; i < 100; ++i) last = m.step(fxx, fyx);
    });
    CHECK(c.allocations == 0);
    CHECK(c.deallocations == 0);
  }
  CHECK(m.steps() == 101);
  CHECK(last < first);  // and it trained
}

// ---------------------------------------------------------------------------------------------
// Errors at run time.

// True when f() throws a std::logic_error that is not a std::invalid_argument (a binding error
// derives from std::logic_error and must not count), with a message containing `text`.
template <class F>
bool throws_logic_error_naming(F f, const std::string& text) {
  try {
    f();
  } catch (const std::invalid_argument&) {
    return false;
  } catch (const std::logic_error& e) {
    return std::string(e.what()).find(text) != std::string::npos;
  }
  return false;
}

TEST_CASE("train: binding a parameter of the wrong size throws and keeps its values", "[train][bind]") {
  auto m = ct::compile<double>(loss, g, ct::momentum{.lr = 0.1, .momentum = 0.9});
  const values p = initial_values();
  bind_all(m, p);

  const std::vector<double> fourteen(14, 9.0);
  REQUIRE_THROWS_AS(m.bind(W1, fourteen), std::invalid_argument);
  REQUIRE_THROWS_WITH(m.bind(W1, fourteen), Contains("tW1") && Contains("expected 15") && Contains("got 14"));
  REQUIRE_THROWS_WITH(m.bind(b2, std::vector<double>(3)), Contains("tb2") && Contains("expected 2") &&
                                                              Contains("got 3"));
  const xt::xtensor<double, 2> transposed = xt::zeros<double>({3, 5});
  REQUIRE_THROWS_WITH(m.bind(W1, transposed), Contains("tW1") && Contains("(5, 3)") && Contains("(3, 5)"));
  CHECK(parameters_of(m) == p);

  // An input of the wrong size fed to step(): it throws before anything runs or changes.
  REQUIRE_THROWS_WITH(m.step(ct::feed(x, std::vector<double>(11)), ct::feed(y, y_values)),
                      Contains("tx") && Contains("expected 12") && Contains("got 11"));
  CHECK(m.steps() == 0);
  CHECK(parameters_of(m) == p);

  // The step that follows starts from the values bound first.
  auto fresh = ct::compile<double>(loss, g, ct::momentum{.lr = 0.1, .momentum = 0.9});
  bind_all(fresh, p);
  CHECK(m.step(ct::feed(x, x_values), ct::feed(y, y_values)) ==
        fresh.step(ct::feed(x, x_values), ct::feed(y, y_values)));
  CHECK(parameters_of(m) == parameters_of(fresh));
}

TEST_CASE("train: step() with a parameter or an input never bound throws std::logic_error naming it",
          "[train][bind]") {
  const values p = initial_values();
  {
    auto m = ct::compile<double>(loss, g, ct::sgd{.lr = 0.1});
    m.bind(W1, p[0]).bind(b1, p[1]).bind(W2, p[2]);
    CHECK(throws_logic_error_naming([&] { m.step(ct::feed(x, x_values), ct::feed(y, y_values)); }, "'tb2'"));
    CHECK(m.steps() == 0);
    CHECK(flat(m.parameter(W1)) == p[0]);
  }
  {
    auto m = ct::compile<double>(loss, g, ct::sgd{.lr = 0.1});
    bind_all(m, p);
    CHECK(throws_logic_error_naming([&] { m.step(ct::feed(y, y_values)); }, "'tx'"));
    CHECK(m.steps() == 0);
    CHECK(parameters_of(m) == p);
  }
}

// ---------------------------------------------------------------------------------------------
// Sizes, at compile time.

using sgd_step = decltype(ct::compile<double>(loss, g, ct::sgd{}));
using momentum_step = decltype(ct::compile<double>(loss, g, ct::momentum{}));
using adam_step = decltype(ct::compile<double>(loss, g, ct::adam{}));
static_assert(n_params == 32 && n_inputs == 20);
// The arena holds at least the parameters, their gradients and the inputs.
static_assert(sgd_step::arena_size >= 2 * n_params + n_inputs);
// Optimizer state: none for sgd, a velocity for momentum, m and v for adam, after the graph's values.
static_assert(sgd_step::state_size == 0);
static_assert(momentum_step::state_size == n_params);
static_assert(adam_step::state_size == 2 * n_params);
static_assert(sgd_step::arena_size == sgd_step::graph_type::arena_size);
static_assert(momentum_step::arena_size == momentum_step::graph_type::arena_size + n_params);
static_assert(adam_step::arena_size == adam_step::graph_type::arena_size + 2 * n_params);
// An input among grad's leaves is not trained: no state for it.
static_assert(decltype(ct::compile<double>(loss, ct::grad(loss, W1, x, b1, W2, b2), ct::momentum{}))::state_size ==
              n_params);

}  // namespace train_test

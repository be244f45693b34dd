// adam: Adam with bias correction (Kingma & Ba), as a compiled training step applies it.
#ifndef CTGRAD_OPTIM_ADAM_HPP
#define CTGRAD_OPTIM_ADAM_HPP

#include <cmath>
#include <cstddef>

namespace ctgrad {

/// Adam: m ← β₁m + (1−β₁)∇, v ← β₂v + (1−β₂)∇², θ ← θ − lr·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ),
/// v̂ = v/(1−β₂ᵗ) at step t (from 1); m and v start at zero. The defaults are PyTorch's.
struct adam {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;

  static constexpr std::size_t state_per_value = 2;  // m, then v

  template <class T>
  void update(T* __restrict theta, const T* __restrict g, T* __restrict state, std::size_t n,
              std::size_t t) const noexcept {
    T* __restrict m = state;
    T* __restrict v = state + n;
    const double c1 = 1 - std::pow(beta1, static_cast<double>(t));
    const double c2 = 1 - std::pow(beta2, static_cast<double>(t));
    const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2);
    const T step = static_cast<T>(lr / c1), inv_sqrt_c2 = static_cast<T>(1 / std::sqrt(c2)), e = static_cast<T>(eps);
    for (std::size_t i = 0; i < n; ++i) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      theta[i] -= step * m[i] / (std::sqrt(v[i]) * inv_sqrt_c2 + e);
    }
  }
};

}  // namespace ctgrad

#endif

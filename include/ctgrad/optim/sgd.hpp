// sgd, momentum: the optimizers of the seed cases, as the update a compiled training step applies.
#ifndef CTGRAD_OPTIM_SGD_HPP
#define CTGRAD_OPTIM_SGD_HPP

#include <cstddef>

namespace ctgrad {

/// Plain gradient descent: θ ← θ − lr·∇.
struct sgd {
  double lr = 0.01;

  /// Values of optimizer state per parameter value.
  static constexpr std::size_t state_per_value = 0;

  /// One update of the n values at `theta` from their gradient `g` (step t, counted from 1).
  template <class T>
  void update(T* __restrict theta, const T* __restrict g, T* /*state*/, std::size_t n, std::size_t /*t*/) const noexcept {
    const T a = static_cast<T>(lr);
    for (std::size_t i = 0; i < n; ++i) theta[i] -= a * g[i];
  }
};

/// Gradient descent with momentum in the seed form (S13): v ← η·v + α·∇, θ ← θ − v, with α = `lr`
/// and η = `momentum`, v starting at zero. (PyTorch's form, v ← μ·v + ∇, θ ← θ − lr·v, is the
/// same iteration for a constant learning rate: its v is this v divided by lr.)
struct momentum {
  double lr = 0.01;
  double momentum = 0.9;

  static constexpr std::size_t state_per_value = 1;  // the velocity v

  template <class T>
  void update(T* __restrict theta, const T* __restrict g, T* __restrict v, std::size_t n,
              std::size_t /*t*/) const noexcept {
    const T a = static_cast<T>(lr), eta = static_cast<T>(momentum);
    for (std::size_t i = 0; i < n; ++i) {
      v[i] = eta * v[i] + a * g[i];
      theta[i] -= v[i];
    }
  }
};

}  // namespace ctgrad

#endif

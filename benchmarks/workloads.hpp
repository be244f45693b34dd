// The training-step workloads of design.md §3 (W1 softmax regression, W2 MLP, W3 autoencoder),
// written once for ctgrad and once for libtorch, with the same data and the same initial
// parameters: used by benchmarks/train_step.cpp and by the agreement test tests/libtorch/.
//
// Layouts. ctgrad: features × batch (one example per column), a dense layer is W·x + b with W
// [out, in] and b [out] broadcast over the batch. libtorch: the natural batch × features and
// F::linear(x, W, b) = x·Wᵀ + b, with the SAME W [out, in] and b. Data comes in both layouts.
//
// Losses (identical on both sides; B the batch size):
//   W1, W2: (1/B) Σ_batch cross_entropy(softmax(logits), y), y one-hot
//           (ctgrad: scalar_c<1, B> · cross_entropy(softmax(z), y) with y a `distribution`, so the
//           fused adjoint p − y applies; libtorch: F::cross_entropy with class indices, mean).
//   W3:     (1/B) Σ (sigmoid(W2·sigmoid(W1·x + b1) + b2) − x)²
//           (libtorch: F::mse_loss(r, x, sum) / B).
// Optimizers: W1, W2 plain SGD, lr 0.1. W3 momentum SGD in the seed form v ← ηv + α∇, θ ← θ − v
// (ct::momentum), which is torch.optim.SGD(lr = α, momentum = η) for a constant lr (torch's
// buffer is v/α), α = 0.1, η = 0.9.
//
// Define CTGRAD_HAVE_LIBTORCH=1 (the CMake files do when Torch is found) for the libtorch half.
#ifndef CTGRAD_BENCHMARKS_WORKLOADS_HPP
#define CTGRAD_BENCHMARKS_WORKLOADS_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

#include <ctgrad/ctgrad.hpp>

#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH
// Narrow headers instead of <torch/torch.h>: about 9 s of g++ instead of 15 per translation unit.
#include <ATen/Parallel.h>
#include <torch/nn/functional/activation.h>
#include <torch/nn/functional/linear.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/sgd.h>

#include <memory>
#endif

namespace ctgrad_bench {

namespace ct = ::ctgrad;

inline constexpr std::size_t n_in = 784;      // input features (28 × 28)
inline constexpr std::size_t n_classes = 10;  // W1, W2 outputs
inline constexpr std::size_t n_hidden = 128;  // W2 hidden units
inline constexpr std::size_t n_code = 64;     // W3 code size

enum class workload { W1, W2, W3 };

inline const char* name_of(workload w) {
  switch (w) {
    case workload::W1: return "W1";
    case workload::W2: return "W2";
    case workload::W3: return "W3";
  }
  return "?";
}

/// Hyperparameters: learning rate α, momentum η (0: plain SGD).
struct hyper {
  double lr = 0.1;
  double momentum = 0.0;
};
inline constexpr hyper hyper_of(workload w) { return w == workload::W3 ? hyper{0.1, 0.9} : hyper{0.1, 0.0}; }

// ---------------------------------------------------------------------------------------------
// Deterministic data and initial parameters.

/// A 64-bit linear congruential generator (Knuth's MMIX constants); floats from the top 24 bits.
struct lcg {
  std::uint64_t state;
  explicit lcg(std::uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ull + 1) {}
  std::uint64_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  }
  /// Uniform in [0, 1).
  float uniform() { return static_cast<float>(next() >> 7) * 0x1p-24f; }
  /// Uniform in [lo, hi).
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
};

/// One dense layer's parameters: W [out, in] row-major, b [out].
struct dense {
  std::size_t out = 0, in = 0;
  std::vector<float> W, b;
};

/// W and b uniform in ±1/√in (PyTorch's nn.Linear default range), from a fixed seed.
inline dense make_dense(std::size_t out, std::size_t in, std::uint64_t seed) {
  lcg g(seed);
  const float a = 1.0f / std::sqrt(static_cast<float>(in));
  dense d{out, in, std::vector<float>(out * in), std::vector<float>(out)};
  for (float& v : d.W) v = g.uniform(-a, a);
  for (float& v : d.b) v = g.uniform(-a, a);
  return d;
}

/// The initial parameters of a workload, layer by layer (W1, b1, W2, b2, ...).
inline std::vector<dense> initial_parameters(workload w) {
  switch (w) {
    case workload::W1: return {make_dense(n_classes, n_in, 101)};
    case workload::W2: return {make_dense(n_hidden, n_in, 201), make_dense(n_classes, n_hidden, 202)};
    case workload::W3: return {make_dense(n_code, n_in, 301), make_dense(n_in, n_code, 302)};
  }
  return {};
}

/// One batch: inputs uniform in [0, 1) and random labels, in both layouts.
struct batch {
  std::size_t features = 0, size = 0, classes = 0;
  std::vector<float> x_bf;              // [batch, features] (libtorch)
  std::vector<float> x_fb;              // [features, batch] (ctgrad)
  std::vector<std::int64_t> labels;     // [batch] class indices (libtorch)
  std::vector<float> y_cb;              // [classes, batch] one-hot columns (ctgrad)
};

inline batch make_batch(std::size_t features, std::size_t size, std::size_t classes, std::uint64_t seed) {
  lcg g(seed);
  batch d{features, size, classes, std::vector<float>(features * size), std::vector<float>(features * size),
          std::vector<std::int64_t>(size), std::vector<float>(classes * size, 0.0f)};
  for (std::size_t n = 0; n < size; ++n)
    for (std::size_t f = 0; f < features; ++f) {
      const float v = g.uniform();
      d.x_bf[n * features + f] = v;
      d.x_fb[f * size + n] = v;
    }
  for (std::size_t n = 0; n < size; ++n) {
    const auto c = static_cast<std::int64_t>(g.next() % classes);
    d.labels[n] = c;
    d.y_cb[static_cast<std::size_t>(c) * size + n] = 1.0f;
  }
  return d;
}

inline batch make_batch(workload w, std::size_t size) {
  return make_batch(n_in, size, n_classes, 1000 + static_cast<std::uint64_t>(w) * 10 + size);
}

// ---------------------------------------------------------------------------------------------
// ctgrad models, one class template per workload, on the batch size (shapes are types).
// Each has the leaves, `loss`, `grads` (the gradient graphs), `params` (the parameter leaves in
// the order of initial_parameters: W1, b1, W2, b2), `step_type`, `make(layers)` (compiled and
// bound) and `step(model, batch)`.

namespace detail {
template <class Model, class... Ls>
void bind_layers(Model& m, const std::vector<dense>& layers, Ls... leaves) {
  std::size_t i = 0;
  auto bind_one = [&](auto leaf) {
    const dense& d = layers[i / 2];
    m.bind(leaf, i % 2 == 0 ? d.W : d.b);
    ++i;
  };
  (bind_one(leaves), ...);
}
}  // namespace detail

/// W1: softmax regression 784 → 10, SGD.
template <std::size_t B>
struct w1_ctgrad {
  static constexpr auto x = ct::input<"x", n_in, B>;
  static constexpr auto y = ct::distribution<"y", n_classes, B>;
  static constexpr auto W1 = ct::param<"W1", n_classes, n_in>;
  static constexpr auto b1 = ct::param<"b1", n_classes>;
  static constexpr auto loss = ct::scalar_c<1, B> * ct::cross_entropy(ct::softmax(W1 * x + b1), y);
  static constexpr auto grads = ct::grad(loss, W1, b1);
  static constexpr auto params = std::tuple{W1, b1};
  static auto compile() { return ct::compile<float>(loss, grads, ct::sgd{.lr = hyper_of(workload::W1).lr}); }
  using step_type = decltype(compile());
  static step_type make(const std::vector<dense>& layers) {
    step_type m = compile();
    detail::bind_layers(m, layers, W1, b1);
    return m;
  }
  static float step(step_type& m, const batch& d) { return m.step(ct::feed(x, d.x_fb), ct::feed(y, d.y_cb)); }
};

/// W2: MLP 784 → 128 ReLU → 10, softmax cross-entropy, SGD.
template <std::size_t B>
struct w2_ctgrad {
  static constexpr auto x = ct::input<"x", n_in, B>;
  static constexpr auto y = ct::distribution<"y", n_classes, B>;
  static constexpr auto W1 = ct::param<"W1", n_hidden, n_in>;
  static constexpr auto b1 = ct::param<"b1", n_hidden>;
  static constexpr auto W2 = ct::param<"W2", n_classes, n_hidden>;
  static constexpr auto b2 = ct::param<"b2", n_classes>;
  // let<"h">: the hidden layer is one named block, as CTGRAD_LET would make it (the macro
  // declares a local variable, which a class cannot hold).
  static constexpr auto h = ct::let<"h">(ct::relu(W1 * x + b1));
  static constexpr auto loss = ct::scalar_c<1, B> * ct::cross_entropy(ct::softmax(W2 * h + b2), y);
  static constexpr auto grads = ct::grad(loss, W1, b1, W2, b2);
  static constexpr auto params = std::tuple{W1, b1, W2, b2};
  static auto compile() { return ct::compile<float>(loss, grads, ct::sgd{.lr = hyper_of(workload::W2).lr}); }
  using step_type = decltype(compile());
  static step_type make(const std::vector<dense>& layers) {
    step_type m = compile();
    detail::bind_layers(m, layers, W1, b1, W2, b2);
    return m;
  }
  static float step(step_type& m, const batch& d) { return m.step(ct::feed(x, d.x_fb), ct::feed(y, d.y_cb)); }
};

/// W3: autoencoder 784 → 64 sigmoid → 784 sigmoid, squared error, momentum SGD.
template <std::size_t B>
struct w3_ctgrad {
  static constexpr auto x = ct::input<"x", n_in, B>;
  static constexpr auto W1 = ct::param<"W1", n_code, n_in>;
  static constexpr auto b1 = ct::param<"b1", n_code>;
  static constexpr auto W2 = ct::param<"W2", n_in, n_code>;
  static constexpr auto b2 = ct::param<"b2", n_in>;
  static constexpr auto h = ct::let<"h">(ct::sigmoid(W1 * x + b1));
  static constexpr auto r = ct::let<"r">(ct::sigmoid(W2 * h + b2));
  static constexpr auto loss = ct::scalar_c<1, B> * ct::sum(ct::square(r - x));
  static constexpr auto grads = ct::grad(loss, W1, b1, W2, b2);
  static constexpr auto params = std::tuple{W1, b1, W2, b2};
  static auto compile() {
    constexpr hyper hp = hyper_of(workload::W3);
    return ct::compile<float>(loss, grads, ct::momentum{.lr = hp.lr, .momentum = hp.momentum});
  }
  using step_type = decltype(compile());
  static step_type make(const std::vector<dense>& layers) {
    step_type m = compile();
    detail::bind_layers(m, layers, W1, b1, W2, b2);
    return m;
  }
  static float step(step_type& m, const batch& d) { return m.step(ct::feed(x, d.x_fb)); }
};

// ---------------------------------------------------------------------------------------------
#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH

/// A workload in libtorch: parameters as leaf tensors (W [out, in], b [out]), the batch as
/// [batch, features] tensors, and torch::optim::SGD.
class torch_net {
 public:
  torch_net(workload w, const std::vector<dense>& layers, const batch& d) : w_(w), batch_(static_cast<double>(d.size)) {
    const auto f32 = torch::TensorOptions().dtype(torch::kFloat32);
    for (const dense& l : layers) {
      auto W = const_cast<float*>(l.W.data());  // from_blob takes a mutable pointer; cloned at once
      auto b = const_cast<float*>(l.b.data());
      params_.push_back(torch::from_blob(W, {static_cast<std::int64_t>(l.out), static_cast<std::int64_t>(l.in)}, f32)
                            .clone()
                            .set_requires_grad(true));
      params_.push_back(torch::from_blob(b, {static_cast<std::int64_t>(l.out)}, f32).clone().set_requires_grad(true));
    }
    x_ = torch::from_blob(const_cast<float*>(d.x_bf.data()),
                          {static_cast<std::int64_t>(d.size), static_cast<std::int64_t>(d.features)}, f32)
             .clone();
    labels_ = torch::from_blob(const_cast<std::int64_t*>(d.labels.data()), {static_cast<std::int64_t>(d.size)},
                               torch::TensorOptions().dtype(torch::kInt64))
                  .clone();
    const hyper hp = hyper_of(w);
    opt_ = std::make_unique<torch::optim::SGD>(params_, torch::optim::SGDOptions(hp.lr).momentum(hp.momentum));
  }

  /// The loss at the current parameters (recording the autograd graph).
  torch::Tensor loss() const {
    namespace F = torch::nn::functional;
    const auto& p = params_;
    switch (w_) {
      case workload::W1: return F::cross_entropy(F::linear(x_, p[0], p[1]), labels_);  // mean over the batch
      case workload::W2: return F::cross_entropy(F::linear(F::relu(F::linear(x_, p[0], p[1])), p[2], p[3]), labels_);
      case workload::W3: {
        const auto r = torch::sigmoid(F::linear(torch::sigmoid(F::linear(x_, p[0], p[1])), p[2], p[3]));
        return F::mse_loss(r, x_, F::MSELossFuncOptions().reduction(torch::kSum)) / batch_;
      }
    }
    return {};
  }

  /// One training step: zero the gradients, forward, backward, update. Returns the loss (before
  /// the update); the gradients stay in params()[i].grad().
  torch::Tensor step() {
    opt_->zero_grad();
    torch::Tensor l = loss();
    l.backward();
    opt_->step();
    return l;
  }

  /// W1, b1, W2, b2, ... (the order of initial_parameters).
  const std::vector<torch::Tensor>& params() const { return params_; }

 private:
  workload w_;
  double batch_;
  std::vector<torch::Tensor> params_;
  torch::Tensor x_, labels_;
  std::unique_ptr<torch::optim::SGD> opt_;
};

#endif

}  // namespace ctgrad_bench

#endif

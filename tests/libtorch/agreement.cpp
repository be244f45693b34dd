// tests/libtorch/agreement.cpp: ctgrad's compiled training steps against libtorch 1.13 on the
// workloads of benchmarks/workloads.hpp (the same data, the same initial parameters, float on both
// sides): W1 softmax regression at batch 64, W2 MLP at batch 32, W3 autoencoder (momentum) at
// batch 64.
//
// Errors are norm-wise: ‖a − b‖₂ / ‖b‖₂ per parameter (b = libtorch), accumulated in double.
//   * the first step's gradients agree within 1e-5,
//   * the parameters after ten steps agree within 1e-4,
//   * the first loss agrees within 1e-5 (relative).
// Built only when libtorch is found, and not in the sanitizer tree (tests/CMakeLists.txt).
#include "../../benchmarks/workloads.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

namespace {

using namespace ctgrad_bench;

/// ‖a − b‖₂ / ‖b‖₂ over `n` values, in double.
template <class A>
double relative_error(const A& a, const torch::Tensor& b_tensor) {
  const torch::Tensor b = b_tensor.contiguous();
  const float* bp = b.data_ptr<float>();
  const auto n = static_cast<std::size_t>(b.numel());
  REQUIRE(static_cast<std::size_t>(a.size()) == n);
  double diff = 0, norm = 0;
  std::size_t i = 0;
  for (auto it = a.begin(); it != a.end(); ++it, ++i) {
    const double d = static_cast<double>(*it) - static_cast<double>(bp[i]);
    diff += d * d;
    norm += static_cast<double>(bp[i]) * static_cast<double>(bp[i]);
  }
  return std::sqrt(diff) / std::sqrt(norm);
}

const char* param_name(std::size_t i) {
  static const char* const names[] = {"W1", "b1", "W2", "b2"};
  return names[i];
}

/// Steps ctgrad model `M` and libtorch side by side from the same start and checks the first
/// loss, the first gradients and the parameters after ten steps.
template <class M>
void check_workload(workload w, std::size_t b) {
  at::set_num_threads(1);
  const std::vector<dense> layers = initial_parameters(w);
  const batch d = make_batch(w, b);
  auto model = M::make(layers);
  torch_net net(w, layers, d);

  const float loss_ct = M::step(model, d);
  const float loss_torch = net.step().template item<float>();
  INFO(name_of(w) << " batch " << b << ": first loss ctgrad " << loss_ct << ", libtorch " << loss_torch);
  CHECK(std::abs(static_cast<double>(loss_ct) - loss_torch) <= 1e-5 * std::abs(static_cast<double>(loss_torch)));

  // The first step's gradients (ctgrad keeps them readable until the next step).
  std::size_t i = 0;
  std::apply(
      [&](auto... leaves) {
        (
            [&](auto leaf) {
              const double e = relative_error(model.result(M::grads[leaf]), net.params()[i].grad());
              std::printf("%s b%zu gradient %s: relative error %.3g\n", name_of(w), b, param_name(i), e);
              INFO(name_of(w) << " batch " << b << ": gradient of " << param_name(i) << ", relative error " << e);
              CHECK(e < 1e-5);
              ++i;
            }(leaves),
            ...);
      },
      M::params);

  for (int s = 1; s < 10; ++s) {
    M::step(model, d);
    net.step();
  }
  REQUIRE(model.steps() == 10);

  i = 0;
  std::apply(
      [&](auto... leaves) {
        (
            [&](auto leaf) {
              const double e = relative_error(model.parameter(leaf), net.params()[i].detach());
              std::printf("%s b%zu parameter %s after 10 steps: relative error %.3g\n", name_of(w), b, param_name(i), e);
              INFO(name_of(w) << " batch " << b << ": " << param_name(i) << " after ten steps, relative error " << e);
              CHECK(e < 1e-4);
              ++i;
            }(leaves),
            ...);
      },
      M::params);
}

}  // namespace

TEST_CASE("W1 softmax regression b64: gradients and ten SGD steps agree", "[libtorch]") {
  check_workload<w1_ctgrad<64>>(workload::W1, 64);
}

TEST_CASE("W2 MLP b32: gradients and ten SGD steps agree", "[libtorch]") {
  check_workload<w2_ctgrad<32>>(workload::W2, 32);
}

TEST_CASE("W3 autoencoder b64: gradients and ten momentum steps agree", "[libtorch]") {
  check_workload<w3_ctgrad<64>>(workload::W3, 64);
}

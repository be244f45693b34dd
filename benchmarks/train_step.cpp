// bench_train_step: µs per training step (forward + backward + update) of the workloads of
// design.md §3, ctgrad against libtorch in one program, on one fixed batch, float.
//
//   bench_train_step                                   # every benchmark, 5 repetitions, medians
//   bench_train_step --benchmark_filter=W2             # Google Benchmark's flags all work
//   bench_train_step --benchmark_format=json >r.json   # stdout stays valid JSON
//
// Names: train_step/<W1|W2|W3>/<ctgrad|libtorch>/<batch>/<threads>. Unless given on the command
// line, --benchmark_repetitions=5 and --benchmark_report_aggregates_only=true are added (flags, not
// ->Repetitions(), which would append "/repeats:5" to the names). At the end, a table of medians
// (real time) and the ratio ctgrad / libtorch goes to stderr.
//
// Threads: every benchmark runs on 1 thread (torch::set_num_threads(1), and OpenBLAS's own pool,
// which libtorch does not size, set to 1 through openblas_set_num_threads) except the two
// W2/256/2 rows. ctgrad has no thread option yet: its /2 row runs single-threaded (labelled so).
//
// Environment (design.md §3 traps): Debian's OpenBLAS misdetects this CPU and runs SSE3 kernels
// unless OPENBLAS_CORETYPE is set when the library loads, and OpenMP's spinning threads fight
// OpenBLAS's pool unless OMP_WAIT_POLICY=passive. So main() sets OPENBLAS_CORETYPE=SkylakeX (when
// unset and the CPU has AVX-512F) and OMP_WAIT_POLICY=passive (when unset), then re-executes itself
// so the libraries see them at load time. Both are printed, with the core OpenBLAS chose. A value
// the caller set is kept (with a warning when it is not SkylakeX on an AVX-512 CPU: Haswell, for
// one, made libtorch's W2 b256 step 1.7x slower here): `env -u OPENBLAS_CORETYPE bench_train_step`.
#include "workloads.hpp"

#include <benchmark/benchmark.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace ctgrad_bench;

#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH
constexpr bool have_libtorch = true;
#else
constexpr bool have_libtorch = false;
#endif

// ---------------------------------------------------------------------------------------------
// The arena of the W2 batch-32 step, checked at compile time.
using w2_b32 = w2_ctgrad<32>;
using w2_b32_step = w2_b32::step_type;
constexpr std::size_t w2_b32_arena = w2_b32_step::arena_size;
// Derived by hand (elements, float):
//   parameters  W1 128·784 = 100352, b1 128, W2 10·128 = 1280, b2 10           = 101770
//   inputs      x 784·32 = 25088, y 10·32 = 320                                 =  25408
//   Lower bound: parameters + their gradients (same sizes) + inputs             = 228948
//     (SGD keeps no state; a step that folded the update into the dW GEMM, with no dW buffer,
//     would go below this: then lower it to parameters + inputs.)
//   Upper bound: every value written out once, no buffer shared:
//     leaves and the constant 1/32                                   127178 + 1 = 127179
//     forward: W1·x, +b1, relu 3·4096; W2·h, +b2 2·320; loss, scaled 2        =  12930
//     backward: softmax, −y, ·1/32 3·320; hᵀ 4096, dW2 1280; db2 10; W2ᵀ 1280, ∂h 4096;
//       pre-activation recomputed (2·4096) and heaviside 4096; ⊙ 4096; xᵀ 25088, dW1 100352;
//       db1 128                                                                 = 153674
//                                                                       total  = 293783
static_assert(w2_b32_arena >= 228948, "W2 b32 arena: smaller than parameters + gradients + inputs");
static_assert(w2_b32_arena <= 293783, "W2 b32 arena: larger than every value buffer written out once");
// And the same upper bound as the graph itself counts it: the plan never exceeds the sum of its
// node buffers (plus optimizer state).
static_assert(w2_b32_arena <= [] {
  std::size_t n = w2_b32_step::state_size;
  for (const auto& node : w2_b32_step::graph_type::info) n += node.size;
  return n;
}());

// ---------------------------------------------------------------------------------------------
// Threads.

/// OpenBLAS's thread count, through the library's own entry point when it is loaded (libtorch's
/// BLAS); a no-op otherwise.
void set_blas_threads(int n) {
  using fn = void (*)(int);
  static const auto f = reinterpret_cast<fn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (f) f(n);
}
const char* blas_corename() {
  using fn = char* (*)();
  static const auto f = reinterpret_cast<fn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  return f ? f() : "(OpenBLAS not loaded)";
}
const char* blas_config() {
  using fn = char* (*)();
  static const auto f = reinterpret_cast<fn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
  return f ? f() : "";
}

void set_threads(int n) {
#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH
  at::set_num_threads(n);
#endif
  set_blas_threads(n);
}

// ---------------------------------------------------------------------------------------------
// The benchmarks.

/// benchmark::DoNotOptimize on a const reference: its asm takes the value as an input only. The
/// overload for a non-const lvalue ("+m,r" in Google Benchmark 1.7.1) is miscompiled by g++ 12
/// here (GCC PR 92597, google/benchmark#903): in the loop below the stored loss was never written
/// back, and the check after the loop read an uninitialised stack slot (a "non-finite loss" in 1
/// run out of 2, depending on what ran before).
template <class T>
void keep(const T& value) {
  benchmark::DoNotOptimize(value);
}

template <class Model, std::size_t B>
void bench_ctgrad(benchmark::State& st, workload w, int threads) {
  const batch d = make_batch(w, B);
  auto model = Model::make(initial_parameters(w));
  float loss = Model::step(model, d);  // the first step touches the arena's pages
  for (auto _ : st) {
    loss = Model::step(model, d);
    keep(loss);
  }
  if (!std::isfinite(loss)) st.SkipWithError("ctgrad: the loss is not finite");
  // No thread option in ctgrad yet: the row exists so that the table has it, measured on 1 thread.
  if (threads != 1) st.SetLabel("ctgrad runs on 1 thread");
}

#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH
void bench_libtorch(benchmark::State& st, workload w, std::size_t b, int threads) {
  set_threads(threads);
  torch_net net(w, initial_parameters(w), make_batch(w, b));
  torch::Tensor loss = net.step();
  for (auto _ : st) {
    loss = net.step();
    keep(loss);
  }
  if (!std::isfinite(loss.item<float>())) st.SkipWithError("libtorch: the loss is not finite");
  set_threads(1);
}
#endif

struct row {
  workload w;
  std::size_t batch;
  int threads;
};
std::vector<row> rows;

std::string bench_name(const row& r, const char* impl) {
  return std::string("train_step/") + name_of(r.w) + "/" + impl + "/" + std::to_string(r.batch) + "/" +
         std::to_string(r.threads);
}

template <class Model, std::size_t B>
void add(workload w, int threads) {
  const row r{w, B, threads};
  rows.push_back(r);
  benchmark::RegisterBenchmark(bench_name(r, "ctgrad").c_str(), bench_ctgrad<Model, B>, w, threads)
      ->Unit(benchmark::kMicrosecond);
#if defined(CTGRAD_HAVE_LIBTORCH) && CTGRAD_HAVE_LIBTORCH
  benchmark::RegisterBenchmark(bench_name(r, "libtorch").c_str(), bench_libtorch, w, B, threads)
      ->Unit(benchmark::kMicrosecond);
#endif
}

void register_all() {
  add<w1_ctgrad<1>, 1>(workload::W1, 1);
  add<w1_ctgrad<64>, 64>(workload::W1, 1);
  add<w2_ctgrad<1>, 1>(workload::W2, 1);
  add<w2_ctgrad<32>, 32>(workload::W2, 1);
  add<w2_ctgrad<256>, 256>(workload::W2, 1);
  add<w2_ctgrad<256>, 256>(workload::W2, 2);
  add<w3_ctgrad<64>, 64>(workload::W3, 1);
}

// ---------------------------------------------------------------------------------------------
// Reporting: the reporter that --benchmark_format asks for, wrapped so the medians are kept.

class collecting_reporter : public benchmark::BenchmarkReporter {
 public:
  explicit collecting_reporter(std::unique_ptr<benchmark::BenchmarkReporter> inner) : inner_(std::move(inner)) {}
  bool ReportContext(const Context& context) override { return inner_->ReportContext(context); }
  void ReportRuns(const std::vector<Run>& reports) override {
    for (const Run& r : reports) {
      if (r.error_occurred) continue;
      const std::string& name = r.run_name.function_name;
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
        median_[name] = r.GetAdjustedRealTime();
      else if (r.run_type == Run::RT_Iteration && r.repetitions <= 1)
        median_[name] = r.GetAdjustedRealTime();
    }
    inner_->ReportRuns(reports);
  }
  void Finalize() override { inner_->Finalize(); }
  /// The median real time of benchmark `name` (its time unit), or a negative number.
  double median(const std::string& name) const {
    const auto it = median_.find(name);
    return it == median_.end() ? -1.0 : it->second;
  }

 private:
  std::unique_ptr<benchmark::BenchmarkReporter> inner_;
  std::map<std::string, double> median_;
};

std::unique_ptr<benchmark::BenchmarkReporter> reporter_for(const std::string& format) {
  if (format == "json") return std::make_unique<benchmark::JSONReporter>();
  if (format == "csv") {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    return std::make_unique<benchmark::CSVReporter>();
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
  }
  return std::make_unique<benchmark::ConsoleReporter>(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_Color
                                                                            : benchmark::ConsoleReporter::OO_None);
}

void print_table(const collecting_reporter& rep) {
  std::fprintf(stderr, "\nµs per training step, median real time (ratio = ctgrad / libtorch):\n");
  std::fprintf(stderr, "%-8s %6s %7s %12s %12s %8s\n", "workload", "batch", "threads", "ctgrad", "libtorch", "ratio");
  for (const row& r : rows) {
    const double c = rep.median(bench_name(r, "ctgrad")), t = rep.median(bench_name(r, "libtorch"));
    if (c < 0 && t < 0) continue;  // filtered out
    char cs[32] = "-", ts[32] = "-", rs[32] = "-";
    if (c >= 0) std::snprintf(cs, sizeof cs, "%.1f%s", c, r.threads != 1 ? "*" : "");
    if (t >= 0) std::snprintf(ts, sizeof ts, "%.1f", t);
    if (c >= 0 && t > 0) std::snprintf(rs, sizeof rs, "%.2f", c / t);
    std::fprintf(stderr, "%-8s %6zu %7d %12s %12s %8s\n", name_of(r.w), r.batch, r.threads, cs, ts, rs);
  }
  std::fprintf(stderr, "(* ctgrad has no threads yet: measured on 1 thread)\n");
}

// ---------------------------------------------------------------------------------------------
// Environment.

/// Sets OPENBLAS_CORETYPE and OMP_WAIT_POLICY when unset and re-executes the program so that the
/// libraries read them at load time. Returns only when nothing had to be set (or exec failed).
void fix_environment(char** argv) {
  std::string set;
  __builtin_cpu_init();
  const bool avx512 = __builtin_cpu_supports("avx512f");
  if (const char* core = std::getenv("OPENBLAS_CORETYPE")) {
    // The caller's choice is kept, but said when it is not the fast one.
    if (avx512 && std::strcmp(core, "SkylakeX") != 0 && !std::getenv("CTGRAD_BENCH_REEXECUTED"))
      std::fprintf(stderr,
                   "bench_train_step: warning: OPENBLAS_CORETYPE=%s was set by the caller and is kept; on this "
                   "AVX-512 CPU, SkylakeX makes libtorch's GEMMs faster (unset it to get SkylakeX)\n",
                   core);
  } else if (avx512) {
    setenv("OPENBLAS_CORETYPE", "SkylakeX", 1);
    set += " OPENBLAS_CORETYPE=SkylakeX";
  }
  if (!std::getenv("OMP_WAIT_POLICY")) {
    setenv("OMP_WAIT_POLICY", "passive", 1);
    set += " OMP_WAIT_POLICY=passive";
  }
  if (set.empty()) return;
  setenv("CTGRAD_BENCH_REEXECUTED", "1", 1);
  std::fprintf(stderr, "bench_train_step: set%s; re-executing so that OpenBLAS and OpenMP see it\n", set.c_str());
  std::fflush(stderr);
  execv("/proc/self/exe", argv);
  std::fprintf(stderr, "bench_train_step: execv failed (%s); going on, the settings may not apply\n",
               std::strerror(errno));
}

bool has_flag(int argc, char** argv, const char* prefix) {
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], prefix, std::strlen(prefix)) == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  fix_environment(argv);

  // Defaults for a median, added as flags so that the names stay exact.
  std::vector<char*> args(argv, argv + argc);
  static char reps[] = "--benchmark_repetitions=5";
  static char aggregates[] = "--benchmark_report_aggregates_only=true";
  if (!has_flag(argc, argv, "--benchmark_repetitions")) args.push_back(reps);
  if (!has_flag(argc, argv, "--benchmark_report_aggregates_only") &&
      !has_flag(argc, argv, "--benchmark_display_aggregates_only"))
    args.push_back(aggregates);
  std::string format = "console";
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_format=", 19) == 0) format = argv[i] + 19;
  int n = static_cast<int>(args.size());
  args.push_back(nullptr);

  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;

  const char* coretype = std::getenv("OPENBLAS_CORETYPE");
  const char* wait = std::getenv("OMP_WAIT_POLICY");
  std::fprintf(stderr, "OPENBLAS_CORETYPE=%s OMP_WAIT_POLICY=%s; OpenBLAS core: %s (%s)\n",
               coretype ? coretype : "(unset)", wait ? wait : "(unset)", blas_corename(), blas_config());
  std::fprintf(stderr, "libtorch: %s\n", have_libtorch ? "linked" : "not found at configure time: ctgrad rows only");
  std::fprintf(stderr, "ctgrad arena of the W2 batch-32 SGD step: %zu elements, %zu bytes (float)\n", w2_b32_arena,
               w2_b32_arena * sizeof(float));
  set_threads(1);

  register_all();
  collecting_reporter reporter(reporter_for(format));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  print_table(reporter);
  return 0;
}

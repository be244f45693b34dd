// compile: a graph planned into one arena, with xtensor containers bound in and views out.
#ifndef CTGRAD_EXEC_COMPILE_HPP
#define CTGRAD_EXEC_COMPILE_HPP

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <ctgrad/exec/feed.hpp>
#include <ctgrad/exec/run.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad {

namespace detail {
/// The shape of a tensor result, for `view_of` (found by argument-dependent lookup when a result
/// is read, so the view's header is needed only where views are).
template <class S>
struct view_shape {};
/// What result(e) gives, after the message, where the view's header is missing.
struct no_view {};
/// Without <ctgrad/xtensor.hpp>: the message.
template <class T, class S>
no_view view_of(T*, view_shape<S>, long) {
  static_assert(sizeof(T) == 0,
                "ctgrad: result(e) of a tensor output is an xtensor view: include <ctgrad/xtensor.hpp> "
                "(or <ctgrad/ctgrad.hpp>)");
  return {};
}
/// The leaf argument of compiled_graph<T, G>::bind for data of type `Data`: the leaf's key as a
/// value, made by a conversion that checks the container type against the leaf's shape at compile
/// time (a std::array of another size, an xtensor_fixed of another shape). An error node (its
/// one message printed already) converts to a target that bind skips.
template <class Data>
struct bind_target {
  /// The leaf's key (static storage, one per leaf type); null for an error node or a container
  /// of the wrong size, whose message was printed already. A pointer, not the key itself: a network
  /// binds hundreds of parameters in one function, and an 80-byte key built at each call made
  /// g++'s optimiser walk hundreds of stores.
  const ir::atom_info* key = nullptr;

  template <class L>
    requires(leaf_expression<L> || is_error_v<L>)
  constexpr bind_target(L) noexcept {  // NOLINT(google-explicit-constructor): the leaf converts
    if constexpr (!is_error_v<L>) {
      if constexpr (!size_fits<Data>(shape_of_t<L>::size)) {
        using report [[maybe_unused]] = feed_size_report<L, Data>;
      } else {
        if constexpr (static_shape<Data>::known) check_fixed_shape<L, Data>();
        key = &ir::detail::atom_key_v<L>;
      }
    }
  }
};
/// The arena's storage: `n` value-initialised elements, owned, movable, not copyable. (What
/// std::unique_ptr<T[]> would do, without <memory>: the heaviest standard header ctgrad would
/// include, a fifth of a second of every translation unit with g++.)
template <class T>
class arena_storage {
 public:
  explicit arena_storage(std::size_t n) : data_(new T[n]()) {}
  arena_storage(arena_storage&& o) noexcept : data_(std::exchange(o.data_, nullptr)) {}
  arena_storage& operator=(arena_storage&& o) noexcept {
    if (this != &o) {
      delete[] data_;
      data_ = std::exchange(o.data_, nullptr);
    }
    return *this;
  }
  arena_storage(const arena_storage&) = delete;
  arena_storage& operator=(const arena_storage&) = delete;
  ~arena_storage() { delete[] data_; }
  T* get() const noexcept { return data_; }

 private:
  T* data_;
};
}  // namespace detail

/// A forward graph compiled for element type `T`: the unique nodes of the outputs of `G` (an
/// ir::graph) in topological order over one arena whose size and offsets are compile-time
/// constants. Binding copies data into the arena; evaluation allocates nothing.
/// Keyed by the graph type, not by the outputs' pack: a member template of a class keyed by a pack
/// substitutes the whole pack again wherever its body names the graph, and a network that binds
/// each of its parameters made that quadratic (at depth 256, half of g++'s time went to
/// allocating those argument lists).
template <class T, class G>
class compiled_graph {
 public:
  using graph_type = G;
  /// Elements in the arena (a compile-time constant).
  static constexpr std::size_t arena_size = graph_type::arena_size;

  compiled_graph() : arena_(arena_size) {}

  /// Copies `data` into `leaf` (a param or an input); it stays until bound again. Throws
  /// std::invalid_argument naming the leaf and both shapes when a run-time shape differs.
  /// One instantiation per container type: the leaf arrives as a value (detail::bind_target,
  /// whose conversion checks it against the container type at compile time) and is found among
  /// the graph's leaves by a binary search. A member template per leaf would be a function whose
  /// mangled name spells the whole graph type, and g++ mangles every function it instantiates,
  /// at a cost that grows with the square of the name: at depth 256, binding 512 parameters that
  /// way took 14 of g++'s 37 seconds.
  template <class Data>
  compiled_graph& bind(std::type_identity_t<detail::bind_target<Data>> leaf, const Data& data) {
    if (leaf.key) bind_atom(*leaf.key, data);
    return *this;
  }
  /// A leaf the graph does not read: the one message. (Chosen over the conversion above as the
  /// exact match; for every other leaf its constraint fails and nothing is instantiated.)
  template <class L, class Data>
    requires(leaf_expression<L> && !ir::contains<graph_type, L>::value)
  compiled_graph& bind(L, const Data&) {
    static_assert(sizeof(L) == 0, "ctgrad: bind(leaf, data): this leaf is not part of the compiled graph");
    return *this;
  }

  /// Binds each feed, runs the graph, and returns the first output: a `T` when it is a scalar,
  /// else a view (`xt::adapt`, from <ctgrad/xtensor.hpp>) into the arena, valid until the next
  /// evaluation.
  template <class... Feeds>
  auto eval(const Feeds&... feeds) {
    run(feeds...);
    return result(typename graph_type::first_output{});
  }

  /// The value of output `E` from the last evaluation: a scalar or a view into the arena.
  template <expression E>
  auto result(E) const {
    static_assert(ir::is_output<graph_type, E>::value,
                  "ctgrad: result(e): e is not an output of this compiled graph");
    using S = shape_of_t<E>;
    return value_at<S>(arena_.get() + ir::offset_of<graph_type, E>::value);
  }

 protected:
  /// An arena with `extra` elements after the graph's (a training step's optimizer state).
  explicit compiled_graph(std::size_t extra) : arena_(arena_size + extra) {}
  T* arena() const noexcept { return arena_.get(); }

  /// The value of shape S at `p` in the arena: a scalar, or a view (from <ctgrad/xtensor.hpp>).
  template <class S>
  static auto value_at(T* p) {
    if constexpr (S::rank == 0)
      return *p;
    else
      return view_of(p, detail::view_shape<S>{}, 0);
  }

  /// Binds each feed, checks that every leaf has a value, and runs the graph once.
  template <class... Feeds>
  void run(const Feeds&... feeds) {
    (bind(typename Feeds::leaf_type{}, feeds.get()), ...);
    check_bound();
    exec::run<graph_type>(arena_.get());
  }

  /// The run-time half of bind: one instantiation per container type, shared by every leaf, and
  /// out of line: inlined into every bind, it made -O2 builds of deep networks 15 % slower.
  template <class Data>
  [[gnu::noinline]] void bind_atom(const ir::atom_info& key, const Data& data) {
    const std::size_t atom = graph_type::find_atom(key);
    if (atom >= graph_type::n_atoms) throw std::logic_error("ctgrad: bind: leaf not found in the compiled graph");
    const auto& a = graph_type::atoms[atom];
    const detail::leaf_desc desc{a.name, a.dims, a.rank, a.size, a.distribution};
    T* dst = arena_.get() + graph_type::plan.offset[atom];
    if constexpr (std::is_arithmetic_v<Data>) {
      dst[0] = static_cast<T>(data);
    } else {
      detail::load_checked(dst, data, desc);  // throws before writing when the size is wrong
    }
    // Values that are not a distribution were written already: the leaf is left unbound.
    bound_[atom] = false;
    detail::check_distribution(dst, desc);
    bound_[atom] = true;
  }

  /// Throws std::logic_error naming the first leaf that has no value.
  void check_bound() const {
    for (std::size_t i = 0; i < graph_type::n_atoms; ++i)
      if (!graph_type::atoms[i].is_constant && !bound_[i])
        throw std::logic_error("ctgrad: leaf '" + std::string(graph_type::atoms[i].name) +
                               "' has no value: bind it or feed it before eval");
  }

 private:
  detail::arena_storage<T> arena_;
  std::array<bool, graph_type::n_atoms> bound_{};
};

namespace detail {
/// What compile() returns for a graph with a shape error: its one message was printed already, and
/// this stand-in accepts the calls that follow without adding more.
struct compiled_error {
  static constexpr std::size_t arena_size = 0;
  template <class... Args>
  compiled_error& bind(Args&&...) {
    return *this;
  }
  template <class... Args>
  int eval(Args&&...) {
    return 0;
  }
  template <class E>
  int result(E) const {
    return 0;
  }
  template <class... Args>
  int step(Args&&...) {
    return 0;
  }
  template <class E>
  int parameter(E) const {
    return 0;
  }
};
}  // namespace detail

/// `compile<float>(out1, out2...)`: plans the forward graph of the outputs for element type `T`.
template <class T = float, class... Outputs>
  requires(!detail::any_of({false, !expression<Outputs>...}))
auto compile(Outputs...) {
  static_assert(sizeof...(Outputs) > 0, "ctgrad: compile(outputs...) needs at least one output");
  if constexpr (detail::any_of({false, is_error_v<Outputs>...}))
    return detail::compiled_error{};
  else
    return compiled_graph<T, ir::graph<Outputs...>>{};
}

}  // namespace ctgrad

#endif

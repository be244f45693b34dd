// train: a loss, its gradients and an optimizer compiled into one training step over one arena.
#ifndef CTGRAD_EXEC_TRAIN_HPP
#define CTGRAD_EXEC_TRAIN_HPP

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <ctgrad/autodiff/grad.hpp>
#include <ctgrad/exec/compile.hpp>
#include <ctgrad/exec/run.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/ir/graph.hpp>

namespace ctgrad {

namespace detail {
/// Is leaf L a parameter (what a training step updates)?
template <class L>
struct is_param : std::bool_constant<L::kind == leaf_kind::param> {};

/// Where one parameter's update reads and writes, in elements of the arena.
struct update_entry {
  std::size_t param = 0;     // the parameter's buffer
  std::size_t gradient = 0;  // its gradient's buffer (a graph output), or its copy (see below)
  std::size_t source = 0;    // the gradient as the graph leaves it
  std::size_t size = 0;
  std::size_t state = 0;     // the optimizer's state for it
  bool copy = false;         // copy source to gradient before any parameter changes
};

/// The update table of parameters `Ps` with gradients `Ds` in graph G, for an optimizer with
/// `per_value` state values per parameter value, placed after G's arena. A gradient whose buffer
/// is another parameter's (the gradient of Σ W₁⊙W₂ w.r.t. W₁ is W₂) is copied first, so every
/// update reads the gradient of the parameters as they were when the step began.
template <class G, class Ps, class Ds, std::size_t PerValue>
struct update_plan;
template <class G, class... Ps, class... Ds, std::size_t PerValue>
struct update_plan<G, boost::mp11::mp_list<Ps...>, boost::mp11::mp_list<Ds...>, PerValue> {
  static constexpr std::size_t n = sizeof...(Ps);
  static constexpr std::array<std::size_t, n> atom{ir::atom_index<G, Ps>::value...};
  static constexpr std::array<update_entry, n> table = [] {
    std::array<update_entry, n> t{
        update_entry{0, ir::offset_of<G, Ds>::value, ir::offset_of<G, Ds>::value, Ps::shape_type::size, 0, false}...};
    for (std::size_t i = 0; i < n; ++i) t[i].param = G::plan.offset[atom[i]];
    std::size_t at = G::arena_size;
    for (std::size_t i = 0; i < n; ++i) {
      t[i].state = at;
      at += PerValue * t[i].size;
    }
    // (`u.param` spelled with parentheses before `<`: clang reads `.param <` as the variable
    // template ctgrad::param.) A parameter that is its own gradient is copied too: the update's
    // operands must not overlap.
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (t[i].source < t[j].param + t[j].size && (t[j].param) < t[i].source + t[i].size) {
          t[i].copy = true;
          t[i].gradient = at;
          at += t[i].size;
          break;
        }
    return t;
  }();
  /// Elements of optimizer state, after G's arena.
  static constexpr std::size_t state = [] {
    std::size_t e = 0;
    for (const update_entry& u : table) e += PerValue * u.size;
    return e;
  }();
  /// Elements after G's arena: optimizer state, then gradient copies.
  static constexpr std::size_t extra = [] {
    std::size_t e = state;
    for (const update_entry& u : table) e += u.copy ? u.size : 0;
    return e;
  }();
  /// Position of parameter P in the table.
  template <class P>
  static constexpr std::size_t index = ::ctgrad::ir::detail::first_true({__is_same(P, Ps)...});
};

template <class G, class Ps>
struct params_read_check {
  static constexpr bool ok = true;
};
template <class G, class... Ps>
struct params_read_check<G, boost::mp11::mp_list<Ps...>> {
  static constexpr bool all_read = ((ir::atom_index<G, Ps>::value < G::n_atoms) && ...);
  static_assert(all_read,
                "ctgrad: compile(loss, g, optimizer): the loss does not depend on one of grad's parameters "
                "(its gradient is zero; leave it out of grad)");
  static constexpr bool ok = all_read;
};
}  // namespace detail

/// A training step compiled for element type `T`: the forward graph of the loss and the gradients
/// of its parameters in one arena (graph `G`), then optimizer `Opt`'s update of every parameter,
/// in place. The arena holds the parameters, the optimizer's state and every intermediate value at
/// compile-time offsets; `step()` allocates nothing. Bind each parameter once (its initial value),
/// then call step() with the inputs of each batch.
template <class T, class G, class Opt, class Plan>
class compiled_step : public compiled_graph<T, G> {
  using base = compiled_graph<T, G>;

 public:
  using optimizer_type = Opt;
  /// Elements in the arena (compile-time): the graph's values, then the optimizer's state, then
  /// copies of gradients whose buffer is a parameter's (the gradient of Σ W₁⊙W₂ w.r.t. W₁ is W₂).
  static constexpr std::size_t arena_size = G::arena_size + Plan::extra;
  /// Elements of optimizer state (part of arena_size): 0 for sgd, one per parameter value for
  /// momentum, two for adam.
  static constexpr std::size_t state_size = Plan::state;

  explicit compiled_step(const Opt& opt) : base(Plan::extra), opt_(opt) {}

  /// One training step: binds each feed, runs the forward and backward graph, updates every
  /// parameter with the optimizer, and returns the loss (at the parameters before the update).
  /// The gradients stay readable through `gradient(W)` until the next step.
  template <class... Feeds>
  T step(const Feeds&... feeds) {
    this->run(feeds...);
    T* a = this->arena();
    ++t_;
    for (const detail::update_entry& u : Plan::table)
      if (u.copy)
        for (std::size_t i = 0; i < u.size; ++i) a[u.gradient + i] = a[u.source + i];
    for (const detail::update_entry& u : Plan::table)
      opt_.update(a + u.param, a + u.gradient, a + u.state, u.size, t_);
    return a[ir::offset_of<G, typename G::first_output>::value];
  }

  /// The current value of parameter `leaf`: a scalar, or a view into the arena (valid while the
  /// step lives; it changes with each step).
  template <leaf_expression L>
  auto parameter(L) const {
    static_assert(ir::contains<G, L>::value, "ctgrad: parameter(leaf): this leaf is not part of the compiled step");
    return base::template value_at<shape_of_t<L>>(this->arena() + G::plan.offset[ir::atom_index<G, L>::value]);
  }

  /// The gradient of parameter `leaf` computed by the last step (at the parameters before its
  /// update): a scalar, or a view into the arena, valid until the next step.
  template <leaf_expression L>
  auto gradient(L) const {
    static_assert(Plan::template index<L> < Plan::n, "ctgrad: gradient(leaf): this leaf is not a trained parameter of the step");
    return base::template value_at<shape_of_t<L>>(this->arena() + Plan::table[Plan::template index<L>].gradient);
  }

  /// Steps taken so far.
  std::size_t steps() const noexcept { return t_; }
  const Opt& optimizer() const noexcept { return opt_; }
  /// Sets the optimizer's hyperparameters (a learning-rate schedule); its state is kept.
  void set_optimizer(const Opt& opt) noexcept { opt_ = opt; }

 private:
  Opt opt_;
  std::size_t t_ = 0;
};

namespace detail {
/// The step for gradients `Grads` (a gradients<Loss, ...>) of the parameters `Params`: the graph of
/// the loss and each g[P], as grad gives them.
template <class T, class Grads, class Opt, class Params>
struct step_for;
template <class T, class Grads, class Opt, class... Ps>
struct step_for<T, Grads, Opt, boost::mp11::mp_list<Ps...>> {
  template <class P>
  using gradient = decltype(std::declval<const Grads&>()[P{}]);
  using graph = ir::graph<typename Grads::loss_type, gradient<Ps>...>;
  using plan = update_plan<graph, boost::mp11::mp_list<Ps...>, boost::mp11::mp_list<gradient<Ps>...>, Opt::state_per_value>;
  using type = compiled_step<T, graph, Opt, plan>;
};

template <class Opt>
concept optimizer = requires { Opt::state_per_value; };
}  // namespace detail

/// `compile<float>(loss, grad(loss, W1, b1, ...), sgd{.lr = 0.1})`: one training step. The
/// parameters it updates are grad's leaves that are params (inputs among them are ignored).
template <class T = float, class Loss, class... Leaves, detail::optimizer Opt>
auto compile(Loss, gradients<Loss, Leaves...>, const Opt& opt) {
  using params = boost::mp11::mp_copy_if<boost::mp11::mp_list<Leaves...>, detail::is_param>;
  static_assert(boost::mp11::mp_size<params>::value > 0,
                "ctgrad: compile(loss, g, optimizer): grad was asked for no param (only params are trained)");
  if constexpr (boost::mp11::mp_size<params>::value == 0) {
    return detail::compiled_error{};
  } else {
    using S = detail::step_for<T, gradients<Loss, Leaves...>, Opt, params>;
    if constexpr (!detail::params_read_check<typename S::graph, params>::ok)
      return detail::compiled_error{};
    else
      return typename S::type(opt);
  }
}
/// After an error in the loss (its message printed already): a stand-in that accepts the calls.
template <class T = float, class Loss, detail::optimizer Opt>
auto compile(Loss, gradients<error_node>, const Opt&) {
  return detail::compiled_error{};
}

}  // namespace ctgrad

#endif

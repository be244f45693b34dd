// xtensor interop: results of tensor outputs as xtensor views into a compiled graph's arena.
#ifndef CTGRAD_XTENSOR_HPP
#define CTGRAD_XTENSOR_HPP

#include <cstddef>

#include <xtensor/xadapt.hpp>
#include <xtensor/xfixed.hpp>

#include <ctgrad/exec/compile.hpp>

namespace ctgrad::detail {
/// `compiled_graph::result(e)` of a tensor output: an xtensor view (`xt::adapt`, no ownership) of
/// the output's buffer in the arena, valid until the next evaluation.
template <class T, class S>
auto view_of(T* p, view_shape<S>, int) {
  return xt::adapt(p, S::size, xt::no_ownership(), S::dims);
}
}  // namespace ctgrad::detail

#endif

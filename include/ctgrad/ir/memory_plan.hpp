// The memory plan: every value of a graph at a constexpr offset in one arena, reusing dead buffers.
#ifndef CTGRAD_IR_MEMORY_PLAN_HPP
#define CTGRAD_IR_MEMORY_PLAN_HPP

#include <array>
#include <cstddef>

#include <ctgrad/config.hpp>

namespace ctgrad::ir {

enum class node_kind : unsigned char { input, param, constant, op };

/// One entry of the index-based IR: what a node is, how many elements it holds, which nodes it reads.
struct node_info {
  node_kind kind{};
  std::size_t size = 0;
  std::size_t arity = 0;
  std::array<std::size_t, CTGRAD_MAX_ARITY> inputs{};
};

/// Offsets (in elements) of every node's buffer, and the arena size they need.
template <std::size_t N>
struct memory_plan {
  std::array<std::size_t, N> offset{};
  std::array<std::size_t, N> last_use{};
  std::size_t arena_size = 0;
};

/// Liveness-based first-fit planning over the topological order. Leaves, constants and outputs keep
/// their buffers for the whole evaluation; an intermediate buffer is released right after its last
/// reader ran, never before its reader's own output was placed (so an op never writes over an input).
/// Cost: O(N x live blocks) constexpr steps.
template <std::size_t N, std::size_t O>
constexpr memory_plan<N> plan_memory(const std::array<node_info, N>& info,
                                     const std::array<std::size_t, O>& outputs) {
  // Plain arrays, not std::array, inside: every call of operator[] counts against clang's budget
  // of constant-evaluation steps, which the plan of a 256-deep residual gradient exceeded.
  constexpr std::size_t forever = static_cast<std::size_t>(-1);
  std::size_t last_use[N + 1]{}, offset[N + 1]{}, size[N + 1]{}, arity[N + 1]{};
  std::size_t inputs[N + 1][CTGRAD_MAX_ARITY]{};
  for (std::size_t i = 0; i < N; ++i) {
    const node_info& n = info[i];
    size[i] = n.size;
    arity[i] = n.arity;
    for (std::size_t a = 0; a < n.arity; ++a) inputs[i][a] = n.inputs[a];
    last_use[i] = n.kind == node_kind::op ? i : forever;
    for (std::size_t a = 0; a < arity[i]; ++a) {
      const std::size_t j = inputs[i][a];
      if (last_use[j] != forever && last_use[j] < i) last_use[j] = i;
    }
  }
  for (std::size_t o : outputs) last_use[o] = forever;

  // Free blocks, kept sorted by offset and merged with their neighbours.
  std::size_t free_off[N + 1]{}, free_len[N + 1]{};
  std::size_t n_free = 0, end = 0;

  auto release = [&](std::size_t off, std::size_t len) {
    std::size_t k = 0;
    while (k < n_free && free_off[k] < off) ++k;
    for (std::size_t m = n_free; m > k; --m) {
      free_off[m] = free_off[m - 1];
      free_len[m] = free_len[m - 1];
    }
    free_off[k] = off;
    free_len[k] = len;
    ++n_free;
    if (k + 1 < n_free && free_off[k] + free_len[k] == free_off[k + 1]) {  // merge right
      free_len[k] += free_len[k + 1];
      for (std::size_t m = k + 1; m + 1 < n_free; ++m) {
        free_off[m] = free_off[m + 1];
        free_len[m] = free_len[m + 1];
      }
      --n_free;
    }
    if (k > 0 && free_off[k - 1] + free_len[k - 1] == free_off[k]) {  // merge left
      free_len[k - 1] += free_len[k];
      for (std::size_t m = k; m + 1 < n_free; ++m) {
        free_off[m] = free_off[m + 1];
        free_len[m] = free_len[m + 1];
      }
      --n_free;
    }
  };

  for (std::size_t i = 0; i < N; ++i) {
    const std::size_t len = size[i];
    std::size_t best = n_free;
    for (std::size_t k = 0; k < n_free; ++k)
      if (free_len[k] >= len && (best == n_free || free_len[k] < free_len[best])) best = k;
    if (best < n_free) {
      offset[i] = free_off[best];
      free_off[best] += len;
      free_len[best] -= len;
      if (free_len[best] == 0) {
        for (std::size_t m = best; m + 1 < n_free; ++m) {
          free_off[m] = free_off[m + 1];
          free_len[m] = free_len[m + 1];
        }
        --n_free;
      }
    } else if (n_free > 0 && free_off[n_free - 1] + free_len[n_free - 1] == end) {
      // Grow the arena from the free block at its end.
      offset[i] = free_off[n_free - 1];
      end = offset[i] + len;
      --n_free;
    } else {
      offset[i] = end;
      end += len;
    }
    for (std::size_t a = 0; a < arity[i]; ++a) {
      const std::size_t j = inputs[i][a];
      bool seen = false;  // an operand used twice by the same node is released once
      for (std::size_t b = 0; b < a; ++b) seen = seen || inputs[i][b] == j;
      if (!seen && last_use[j] == i) release(offset[j], size[j]);
    }
  }
  memory_plan<N> plan{};
  for (std::size_t i = 0; i < N; ++i) {
    plan.offset[i] = offset[i];
    plan.last_use[i] = last_use[i];
  }
  plan.arena_size = end == 0 ? 1 : end;
  return plan;
}

}  // namespace ctgrad::ir

#endif

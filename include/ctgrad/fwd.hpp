// Forward declarations of ctgrad's public class templates.
#ifndef CTGRAD_FWD_HPP
#define CTGRAD_FWD_HPP

#include <cstddef>
#include <cstdint>

namespace ctgrad {
template <std::size_t... Dims>
struct shape;
template <std::size_t N>
struct fixed_string;
template <class Op, class... Args>
struct node;
struct error_node;
template <std::uint64_t Bits>
struct constant;
template <class Leaf, class Data>
struct feed_t;
template <class T, class Graph>
class compiled_graph;
}  // namespace ctgrad

#endif

// Core header: expressions, ops, gradients, printing, compile and evaluate: everything but the
// xtensor views of results (<ctgrad/xtensor.hpp>). xtensor's headers take about 1.4 s of every
// compile; a program that reads only scalar results, or evaluate()'s std::arrays, saves them by
// including this instead of <ctgrad/ctgrad.hpp>. The library itself never includes it.
#ifndef CTGRAD_CORE_HPP
#define CTGRAD_CORE_HPP

#include <ctgrad/config.hpp>
#include <ctgrad/fwd.hpp>

#include <ctgrad/shape/broadcast.hpp>
#include <ctgrad/shape/shape.hpp>

#include <ctgrad/expr/constant.hpp>
#include <ctgrad/expr/expression.hpp>
#include <ctgrad/expr/leaf.hpp>
#include <ctgrad/expr/let.hpp>

#include <ctgrad/ops/abs.hpp>
#include <ctgrad/ops/add.hpp>
#include <ctgrad/ops/bce.hpp>
#include <ctgrad/ops/broadcast_to.hpp>
#include <ctgrad/ops/cross_entropy.hpp>
#include <ctgrad/ops/div.hpp>
#include <ctgrad/ops/embed.hpp>
#include <ctgrad/ops/exp.hpp>
#include <ctgrad/ops/expand_axis.hpp>
#include <ctgrad/ops/fill.hpp>
#include <ctgrad/ops/heaviside.hpp>
#include <ctgrad/ops/log.hpp>
#include <ctgrad/ops/log_softmax.hpp>
#include <ctgrad/ops/matmul.hpp>
#include <ctgrad/ops/mean.hpp>
#include <ctgrad/ops/mul.hpp>
#include <ctgrad/ops/neg.hpp>
#include <ctgrad/ops/outer.hpp>
#include <ctgrad/ops/pow.hpp>
#include <ctgrad/ops/relu.hpp>
#include <ctgrad/ops/sigmoid.hpp>
#include <ctgrad/ops/sign.hpp>
#include <ctgrad/ops/softmax.hpp>
#include <ctgrad/ops/sqrt.hpp>
#include <ctgrad/ops/square.hpp>
#include <ctgrad/ops/sub.hpp>
#include <ctgrad/ops/sum.hpp>
#include <ctgrad/ops/sum_to.hpp>
#include <ctgrad/ops/tanh.hpp>
#include <ctgrad/ops/transpose.hpp>

#include <ctgrad/ir/graph.hpp>

#include <ctgrad/autodiff/grad.hpp>
#include <ctgrad/autodiff/jacobian.hpp>

#include <ctgrad/exec/compile.hpp>
#include <ctgrad/exec/evaluate.hpp>
#include <ctgrad/exec/feed.hpp>
#include <ctgrad/exec/train.hpp>

#include <ctgrad/optim/adam.hpp>
#include <ctgrad/optim/sgd.hpp>

#include <ctgrad/print/to_latex.hpp>
#include <ctgrad/print/to_string.hpp>

#endif

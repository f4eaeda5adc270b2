//===- NetworkVerify.cpp - Shape inference and checks -----------*- C++ -*-===//
//
// Shapes are inferred to a fixed point (a cyclic graph may need several
// sweeps: a recurrent Affine learns its input shape from the neuron it reads),
// then every node is checked against the table of parameters its kind takes.
//
//===----------------------------------------------------------------------===//

#include "Geometry.h"
#include "axon/Simulate/Network.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace axon::sim;
using llvm::Error;
using llvm::StringRef;

static Error nodeError(const Node &node, const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "node '" + node.name + "' (" +
                                     kindName(node.kind) + "): " + msg);
}

namespace {
/// How a parameter of a kind is checked.
enum class Check { Any, Positive, NonNegative };
struct ParamRule {
  const char *name;
  bool required;
  Check check;
};
} // namespace

/// Per-element parameters of each elementwise kind (sizes 1 or n).
static llvm::ArrayRef<ParamRule> elementwiseRules(NodeKind kind) {
  static const ParamRule lif[] = {{"tau", true, Check::Positive},
                                  {"r", false, Check::Any},
                                  {"v_leak", false, Check::Any},
                                  {"v_threshold", true, Check::Any},
                                  {"v_reset", false, Check::Any}};
  static const ParamRule li[] = {{"tau", true, Check::Positive},
                                 {"r", false, Check::Any},
                                 {"v_leak", false, Check::Any}};
  static const ParamRule ifr[] = {{"r", false, Check::Any},
                                  {"v_threshold", true, Check::Any},
                                  {"v_reset", false, Check::Any}};
  static const ParamRule integ[] = {{"r", false, Check::Any}};
  static const ParamRule cubaLI[] = {{"tau_syn", true, Check::Positive},
                                     {"tau_mem", true, Check::Positive},
                                     {"r", false, Check::Any},
                                     {"v_leak", false, Check::Any},
                                     {"w_in", false, Check::Any}};
  static const ParamRule cubaLIF[] = {
      {"tau_syn", true, Check::Positive}, {"tau_mem", true, Check::Positive},
      {"r", false, Check::Any},           {"v_leak", false, Check::Any},
      {"w_in", false, Check::Any},        {"v_threshold", true, Check::Any},
      {"v_reset", false, Check::Any}};
  static const ParamRule alif[] = {
      {"tau", true, Check::Positive}, {"r", false, Check::Any},
      {"v_leak", false, Check::Any},  {"v_threshold", true, Check::Any},
      {"v_reset", false, Check::Any}, {"tau_adapt", true, Check::Positive},
      {"beta", true, Check::Any}};
  static const ParamRule scale[] = {{"scale", true, Check::Any}};
  static const ParamRule delay[] = {{"delay", true, Check::NonNegative}};
  static const ParamRule thr[] = {{"threshold", true, Check::Any}};
  static const ParamRule clamp[] = {{"min", false, Check::Any},
                                    {"max", false, Check::Any}};
  switch (kind) {
  case NodeKind::LIF:
    return lif;
  case NodeKind::LI:
    return li;
  case NodeKind::IF:
    return ifr;
  case NodeKind::Integrator:
    return integ;
  case NodeKind::CubaLI:
    return cubaLI;
  case NodeKind::CubaLIF:
    return cubaLIF;
  case NodeKind::ALIF:
    return alif;
  case NodeKind::Scale:
    return scale;
  case NodeKind::Delay:
    return delay;
  case NodeKind::Threshold:
    return thr;
  case NodeKind::Clamp:
    return clamp;
  default:
    return {};
  }
}

/// Output shape of an elementwise node known only from its parameters.
static std::optional<std::vector<int64_t>> shapeFromParams(const Node &node) {
  size_t n = 0;
  for (const ParamRule &rule : elementwiseRules(node.kind))
    if (const Tensor *t = node.param(rule.name))
      n = std::max(n, t->size());
  if (n == 0)
    return std::nullopt;
  return std::vector<int64_t>{int64_t(n)};
}

static llvm::Expected<std::vector<int64_t>>
flattenShape(const Node &node, llvm::ArrayRef<int64_t> in) {
  int64_t rank = in.size();
  int64_t start = static_cast<int64_t>(node.get("start_dim", 0, 0));
  int64_t end = static_cast<int64_t>(node.get("end_dim", 0, -1));
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  if (start < 0 || end >= rank || start > end)
    return nodeError(node, llvm::formatv("start_dim/end_dim out of range for "
                                         "an input of rank {0}",
                                         rank));
  std::vector<int64_t> out(in.begin(), in.begin() + start);
  out.push_back(numElements(in.slice(start, end - start + 1)));
  out.insert(out.end(), in.begin() + end + 1, in.end());
  return out;
}

/// Output shape for `node` from its input shape `in` (empty when unknown).
/// Returns an empty vector when it cannot be inferred yet.
static llvm::Expected<std::vector<int64_t>>
inferOutput(const Node &node, llvm::ArrayRef<int64_t> in) {
  switch (node.kind) {
  case NodeKind::Input:
    if (const Tensor *t = node.param("shape"))
      return std::vector<int64_t>(t->data.begin(), t->data.end());
    return std::vector<int64_t>{};
  case NodeKind::Affine:
  case NodeKind::Linear:
    if (node.sparse)
      return std::vector<int64_t>{int64_t(node.sparse->numPost)};
    if (const Tensor *w = node.param("weight"); w && w->shape.size() == 2)
      return std::vector<int64_t>{w->shape[0]};
    return nodeError(node, "'weight' must be a matrix [out, in] or sparse");
  case NodeKind::ArgMax:
    return std::vector<int64_t>{1};
  case NodeKind::Conv1d:
  case NodeKind::Conv2d:
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d: {
    if (in.empty())
      return std::vector<int64_t>{};
    auto g = (node.kind == NodeKind::Conv1d || node.kind == NodeKind::Conv2d)
                 ? convGeometry(node, in)
                 : poolGeometry(node, in);
    if (!g)
      return g.takeError();
    if (node.kind == NodeKind::Conv1d)
      return std::vector<int64_t>{g->outC, g->outW};
    return std::vector<int64_t>{g->outC, g->outH, g->outW};
  }
  case NodeKind::Flatten:
    if (in.empty())
      return std::vector<int64_t>{};
    return flattenShape(node, in);
  default:
    if (!in.empty())
      return std::vector<int64_t>(in.begin(), in.end());
    if (isNeuron(node.kind) && node.inputs.empty())
      return shapeFromParams(node).value_or(std::vector<int64_t>{1});
    return std::vector<int64_t>{};
  }
}

/// One sweep of shape propagation; returns whether anything changed.
static llvm::Expected<bool> propagateShapes(std::vector<Node> &nodes) {
  bool changed = false;
  for (Node &node : nodes) {
    // A weight matrix fixes the input size; report mismatches against it.
    if (node.inputShape.empty() &&
        (node.kind == NodeKind::Affine || node.kind == NodeKind::Linear)) {
      if (node.sparse)
        node.inputShape = {int64_t(node.sparse->numPre)};
      else if (const Tensor *w = node.param("weight");
               w && w->shape.size() == 2)
        node.inputShape = {w->shape[1]};
    }
    if (node.inputShape.empty() && !node.inputs.empty() &&
        !nodes[node.inputs[0]].outputShape.empty()) {
      node.inputShape = nodes[node.inputs[0]].outputShape;
      changed = true;
    }
    if (!node.outputShape.empty()) {
      if (node.inputShape.empty() && node.inputs.empty()) {
        node.inputShape = node.outputShape;
        changed = true;
      }
      continue;
    }
    auto out = inferOutput(node, node.inputShape);
    if (!out)
      return out.takeError();
    if (!out->empty()) {
      node.outputShape = std::move(*out);
      changed = true;
    }
  }
  return changed;
}

static Error checkParams(const Node &node) {
  int64_t n = node.numOutputs();
  for (const ParamRule &rule : elementwiseRules(node.kind)) {
    const Tensor *t = node.param(rule.name);
    if (!t || t->data.empty()) {
      if (rule.required)
        return nodeError(node, llvm::formatv("missing '{0}'", rule.name));
      continue;
    }
    if (t->size() != 1 && int64_t(t->size()) != n)
      return nodeError(node, llvm::formatv("'{0}' has {1} values, expected 1 "
                                           "or {2}",
                                           rule.name, t->size(), n));
    for (size_t i = 0; i < t->size(); ++i) {
      double v = t->data[i];
      if (!std::isfinite(v) || (rule.check == Check::Positive && !(v > 0)) ||
          (rule.check == Check::NonNegative && !(v >= 0)))
        return nodeError(node, llvm::formatv("'{0}' must be {1}, got {2} at "
                                             "index {3}",
                                             rule.name,
                                             rule.check == Check::Positive
                                                 ? "positive and finite"
                                             : rule.check == Check::NonNegative
                                                 ? "non-negative and finite"
                                                 : "finite",
                                             llvm::format("%g", v), i));
    }
  }
  return Error::success();
}

static Error checkLinear(const Node &node) {
  int64_t nIn = node.numInputs(), nOut = node.numOutputs();
  if (node.sparse) {
    if (auto err = node.sparse->verify())
      return nodeError(node, llvm::toString(std::move(err)));
    if (node.sparse->numPre != nIn || node.sparse->numPost != nOut)
      return nodeError(node, "sparse weights do not match the node's shapes");
  }
  if (const Tensor *w = node.param("weight")) {
    if (w->shape.size() != 2 || w->shape[0] != nOut || w->shape[1] != nIn ||
        int64_t(w->size()) != nOut * nIn)
      return nodeError(node,
                       llvm::formatv("'weight' must be [{0}, {1}]", nOut, nIn));
  } else if (!node.sparse) {
    return nodeError(node, "missing 'weight'");
  }
  if (const Tensor *b = node.param("bias"))
    if (b->size() != 1 && int64_t(b->size()) != nOut)
      return nodeError(node, llvm::formatv("'bias' has {0} values, expected 1 "
                                           "or {1}",
                                           b->size(), nOut));
  return Error::success();
}

static Error checkBatchNorm(const Node &node) {
  int64_t c = node.outputShape.empty() ? 1 : node.outputShape[0];
  for (const char *key : {"gamma", "beta", "mean", "var"}) {
    const Tensor *t = node.param(key);
    if (!t) {
      if (StringRef(key) == "mean" || StringRef(key) == "var")
        return nodeError(node, llvm::formatv("missing '{0}'", key));
      continue;
    }
    if (t->size() != 1 && int64_t(t->size()) != c)
      return nodeError(node, llvm::formatv("'{0}' has {1} values, expected 1 "
                                           "or {2} (channels)",
                                           key, t->size(), c));
  }
  double eps = node.get("eps", 0, 1e-5);
  const Tensor *var = node.param("var");
  for (size_t i = 0; i < var->size(); ++i)
    if (!(var->data[i] + eps > 0))
      return nodeError(
          node, llvm::formatv("'var' + eps must be positive, got "
                              "{0} at index {1}",
                              llvm::format("%g", var->data[i] + eps), i));
  return Error::success();
}

static Error checkNode(const std::vector<Node> &nodes, const Node &node) {
  if (node.outputShape.empty())
    return nodeError(node, "cannot infer the output shape (give it, or give "
                           "the input's shape)");
  if (node.kind == NodeKind::Input && !node.inputs.empty())
    return nodeError(node, "an Input node cannot have inputs");
  if (node.kind == NodeKind::Output && node.inputs.empty())
    return nodeError(node, "an Output node needs an input");
  for (NodeId src : node.inputs)
    if (nodes[src].numOutputs() != node.numInputs())
      return nodeError(node,
                       llvm::formatv("input '{0}' has {1} elements, "
                                     "expected {2}",
                                     nodes[src].name, nodes[src].numOutputs(),
                                     node.numInputs()));
  bool sameSize =
      !(isSynaptic(node.kind) || node.kind == NodeKind::ArgMax ||
        node.kind == NodeKind::SumPool2d || node.kind == NodeKind::AvgPool2d);
  if (sameSize && node.numInputs() != node.numOutputs())
    return nodeError(node, llvm::formatv("input has {0} elements but output "
                                         "has {1}",
                                         node.numInputs(), node.numOutputs()));
  if (node.kind == NodeKind::Affine || node.kind == NodeKind::Linear)
    return checkLinear(node);
  if (node.kind == NodeKind::BatchNorm)
    return checkBatchNorm(node);
  if (node.kind == NodeKind::Conv1d || node.kind == NodeKind::Conv2d) {
    auto g = convGeometry(node, node.inputShape);
    if (!g)
      return g.takeError();
    if (const Tensor *b = node.param("bias"))
      if (b->size() != 1 && int64_t(b->size()) != g->outC)
        return nodeError(node, "'bias' must have one value per out channel");
    return Error::success();
  }
  return checkParams(node);
}

Error Network::finalize() {
  llvm::StringSet<> names;
  for (const Node &node : nodes) {
    if (node.name.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "a node of kind %s has no name",
                                     kindName(node.kind).str().c_str());
    if (!names.insert(node.name).second)
      return nodeError(node, "duplicate node name");
    for (NodeId src : node.inputs)
      if (src >= nodes.size())
        return nodeError(node, llvm::formatv("input id {0} out of range", src));
  }
  for (size_t sweep = 0; sweep <= nodes.size(); ++sweep) {
    auto changed = propagateShapes(nodes);
    if (!changed)
      return changed.takeError();
    if (!*changed)
      break;
  }
  for (const Node &node : nodes)
    if (auto err = checkNode(nodes, node))
      return err;
  finalized = true;
  return Error::success();
}

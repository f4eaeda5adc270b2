//===- NIRShapes.cpp - order a NIR graph and infer its signal types -------===//
//
// NIR stores parameters, not signal types: a population's size comes from
// its parameters or from what feeds it, a convolution's input from
// `input_shape` or from upstream.  This file fixes a deterministic op order
// (Input nodes by name, the rest topologically with ties by name and cycles
// broken by name, Output nodes last), walks it to give every node its input
// and output type, and checks every edge, so that a mismatch is reported
// with both nodes and both shapes rather than by the op verifier.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/NIRGraph.h"

#include "mlir/IR/BuiltinTypes.h"

#include <set>

using namespace axon::nir;
using namespace mlir;
using llvm::StringRef;

static constexpr int64_t kMaxGeometry = int64_t(1) << 24;

static bool isTopLevel(const Node &node, NodeKind kind) {
  return node.kind() == kind && !node.passThrough;
}

/// Largest signal accepted (as when reading shapes in NIRFields.cpp).
static constexpr int64_t kMaxSignalElements = int64_t(1) << 31;

/// Whether `shape` has positive dimensions and at most kMaxSignalElements.
static bool isBoundedSignal(ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t d : shape) {
    if (d < 1 || d > kMaxSignalElements || count > kMaxSignalElements / d)
      return false;
    count *= d;
  }
  return true;
}

static int64_t numElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

//===----------------------------------------------------------------------===//
// Order
//===----------------------------------------------------------------------===//

namespace {
/// Kahn's algorithm over the nodes between the Inputs and the Outputs;
/// node indices are in name order, so std::set::begin() is the tie-break.
class Orderer {
public:
  explicit Orderer(const Graph &graph) : graph(graph) {}
  std::vector<int> run();

private:
  void emit(int index);
  int pickNext();

  const Graph &graph;
  std::vector<int> order;
  std::vector<int> remaining;
  std::vector<bool> emitted, middle;
  std::set<int> ready, frontier;
  size_t scan = 0;
};
} // namespace

std::vector<int> Orderer::run() {
  size_t n = graph.nodes.size();
  remaining.assign(n, 0);
  emitted.assign(n, false);
  middle.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Node &node = graph.nodes[i];
    middle[i] = !isTopLevel(node, NodeKind::Input) &&
                !isTopLevel(node, NodeKind::Output);
    if (isTopLevel(node, NodeKind::Input))
      order.push_back(i), emitted[i] = true;
  }
  size_t numMiddle = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!middle[i])
      continue;
    ++numMiddle;
    for (int p : graph.nodes[i].preds)
      remaining[i] += middle[p] ? 1 : 0;
    bool fed =
        llvm::any_of(graph.nodes[i].preds, [&](int p) { return emitted[p]; });
    if (remaining[i] == 0)
      ready.insert(i);
    else if (fed)
      frontier.insert(i);
  }
  for (size_t k = 0; k < numMiddle; ++k)
    emit(pickNext());
  for (size_t i = 0; i < n; ++i)
    if (isTopLevel(graph.nodes[i], NodeKind::Output))
      order.push_back(i);
  return order;
}

int Orderer::pickNext() {
  if (!ready.empty())
    return *ready.begin();
  // A cycle: enter it at the first node (by name) that something already
  // feeds, else at the first node left.
  if (!frontier.empty())
    return *frontier.begin();
  while (!middle[scan] || emitted[scan])
    ++scan;
  return scan;
}

void Orderer::emit(int index) {
  ready.erase(index);
  frontier.erase(index);
  emitted[index] = true;
  order.push_back(index);
  for (int s : graph.nodes[index].succs) {
    if (!middle[s] || emitted[s])
      continue;
    if (--remaining[s] == 0)
      ready.insert(s), frontier.erase(s);
    else
      frontier.insert(s);
  }
}

//===----------------------------------------------------------------------===//
// Geometry
//===----------------------------------------------------------------------===//

/// Expands a stored conv/pool array (one value or one per dimension) and
/// checks its range.
static LogicalResult expandArray(const Node &node, const Reporter &report,
                                 StringRef field, ArrayRef<int64_t> values,
                                 size_t nd, int64_t minValue,
                                 SmallVectorImpl<int64_t> &out) {
  if (values.size() != 1 && values.size() != nd)
    return report.nodeError(node) << "'" << field << "' has " << values.size()
                                  << " values, expected 1 or " << nd;
  out.assign(nd, values.front());
  if (values.size() == nd)
    out.assign(values.begin(), values.end());
  for (int64_t v : out)
    if (v < minValue || v > kMaxGeometry)
      return report.nodeError(node)
             << "'" << field << "' values must be between " << minValue
             << " and " << kMaxGeometry << ", got " << formatShape(values);
  return success();
}

/// Resolves stride/dilation/kernel/padding of a conv (kernel from the
/// weight) or pool node into per-dimension arrays.
static LogicalResult resolveGeometry(Node &node, const Reporter &report,
                                     size_t nd) {
  const Geometry &g = node.geometry;
  bool conv =
      node.kind() == NodeKind::Conv1d || node.kind() == NodeKind::Conv2d;
  if (conv) {
    node.kernel.assign(node.weightShape().drop_front(2).begin(),
                       node.weightShape().end());
    if (failed(expandArray(node, report, "dilation", g.dilation, nd, 1,
                           node.dilation)))
      return failure();
  } else {
    node.dilation.assign(nd, 1);
    if (failed(expandArray(node, report, "kernel_size", g.kernel, nd, 1,
                           node.kernel)))
      return failure();
  }
  if (failed(expandArray(node, report, "stride", g.stride, nd, 1, node.stride)))
    return failure();
  if (g.paddingMode.empty())
    return expandArray(node, report, "padding", g.padding, nd, 0, node.padding);
  node.padding.assign(nd, 0);
  if (g.paddingMode == "valid")
    return success();
  if (llvm::any_of(node.stride, [](int64_t s) { return s != 1; }))
    return report.nodeError(node)
           << "padding \"same\" needs stride 1 (as in PyTorch), got stride "
           << formatShape(node.stride);
  for (size_t i = 0; i < nd; ++i) {
    int64_t total = node.dilation[i] * (node.kernel[i] - 1);
    if (total % 2)
      return report.nodeError(node)
             << "padding \"same\" with kernel " << node.kernel[i]
             << " and dilation " << node.dilation[i]
             << " along spatial dimension " << i
             << " needs asymmetric padding (PyTorch pads " << total / 2
             << " before and " << total - total / 2
             << " after), which snn ops cannot represent";
    node.padding[i] = total / 2;
  }
  return success();
}

/// Output shape of a conv or pool node on input `in` ([C, spatial...]).
static LogicalResult windowOutput(Node &node, const Reporter &report,
                                  ArrayRef<int64_t> in, int64_t channels) {
  node.outShape = {channels};
  for (size_t i = 0; i + 1 < in.size(); ++i) {
    int64_t span = node.dilation[i] * (node.kernel[i] - 1) + 1;
    int64_t padded = in[i + 1] + 2 * node.padding[i];
    if (padded < span)
      return report.nodeError(node)
             << "the "
             << (node.kind() == NodeKind::Conv1d ||
                         node.kind() == NodeKind::Conv2d
                     ? "dilated kernel ("
                     : "kernel (")
             << span << ") is larger than the padded input (" << padded
             << ") along spatial dimension " << i;
    node.outShape.push_back((padded - span) / node.stride[i] + 1);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Per-node input checks and output types
//===----------------------------------------------------------------------===//

/// Shape of the first parameter holding more than one value (the
/// population shape of an element-wise node), or null.
static const Param *populationParam(const Node &node) {
  for (const Param &param : node.params)
    if (param.numElements() > 1)
      return &param;
  return nullptr;
}

/// The shape a node's input must have when nothing typed feeds it yet.
static std::optional<SmallVector<int64_t>> fallbackInput(const Node &node) {
  switch (node.kind()) {
  case NodeKind::Affine:
  case NodeKind::Linear:
    return SmallVector<int64_t>{node.weightShape()[1]};
  case NodeKind::Conv1d:
  case NodeKind::Conv2d: {
    if (!node.hasDeclaredShape)
      return std::nullopt;
    ArrayRef<int64_t> w = node.weightShape();
    SmallVector<int64_t> shape = {w[1] * node.geometry.groups};
    size_t nd = w.size() - 2;
    for (size_t i = 0; i < nd; ++i)
      shape.push_back(node.declaredShape.size() == 1 ? node.declaredShape[0]
                                                     : node.declaredShape[i]);
    return shape;
  }
  case NodeKind::Flatten:
  case NodeKind::Output:
  case NodeKind::Input:
    if (node.hasDeclaredShape)
      return node.declaredShape;
    return std::nullopt;
  default:
    if (const Param *param = populationParam(node))
      return param->shape;
    return std::nullopt;
  }
}

static LogicalResult checkDenseInput(const Node &node, const Reporter &report,
                                     ArrayRef<int64_t> in, StringRef src) {
  ArrayRef<int64_t> w = node.weightShape();
  if (!in.empty() && in.back() == w[1])
    return success();
  return report.nodeError(node)
         << "input '" << src << "' produces " << formatShape(in)
         << " but the weight " << formatShape(w)
         << " expects a last dimension of " << w[1];
}

static LogicalResult checkConvInput(const Node &node, const Reporter &report,
                                    ArrayRef<int64_t> in, StringRef src) {
  ArrayRef<int64_t> w = node.weightShape();
  size_t nd = w.size() - 2;
  int64_t groups = node.geometry.groups;
  if (groups < 1 || groups > kMaxGeometry)
    return report.nodeError(node) << "'groups' must be between 1 and "
                                  << kMaxGeometry << ", got " << groups;
  if (in.size() != nd + 1)
    return report.nodeError(node)
           << "input '" << src << "' produces " << formatShape(in) << " but a "
           << node.schema->nirType << " expects "
           << (nd == 1 ? "[C, L]" : "[C, H, W]");
  if (in[0] != w[1] * groups)
    return report.nodeError(node)
           << "input '" << src << "' produces " << formatShape(in) << " with "
           << in[0] << " channels but the weight " << formatShape(w)
           << " with groups " << groups << " expects " << w[1] * groups;
  if (!node.hasDeclaredShape)
    return success();
  ArrayRef<int64_t> declared = node.declaredShape;
  if (declared.size() != 1 && declared.size() != nd)
    return report.nodeError(node) << "'input_shape' has " << declared.size()
                                  << " values, expected " << nd;
  for (size_t i = 0; i < nd; ++i)
    if (in[i + 1] != declared[declared.size() == 1 ? 0 : i])
      return report.nodeError(node)
             << "input '" << src << "' produces " << formatShape(in)
             << " but 'input_shape' is " << formatShape(declared);
  return success();
}

/// Element-wise nodes: parameters one per neuron must match the input.
static LogicalResult checkPopulation(Node &node, const Reporter &report,
                                     ArrayRef<int64_t> in, StringRef src) {
  const Param *param = populationParam(node);
  if (!param)
    return success();
  SmallVector<int64_t> pop = param->shape;
  if (pop == in)
    return success();
  if (numElements(pop) != numElements(in))
    return report.nodeError(node)
           << "input '" << src << "' produces " << formatShape(in)
           << " but the node has " << numElements(pop)
           << " neurons (parameter '" << param->name << "' has shape "
           << formatShape(pop) << ")";
  report.nodeRemark(node) << "parameters have shape " << formatShape(pop)
                          << " but input '" << src << "' produces "
                          << formatShape(in)
                          << " (same number of elements); reshaping them";
  for (Param &entry : node.params)
    if (entry.numElements() > 1)
      entry.shape.assign(in.begin(), in.end());
  return success();
}

/// Output and sub-graph ports: the stored shape must describe the input.
static LogicalResult checkPort(const Node &node, const Reporter &report,
                               ArrayRef<int64_t> in, StringRef src) {
  ArrayRef<int64_t> declared = node.declaredShape;
  if (declared == in)
    return success();
  if (numElements(declared) != numElements(in))
    return report.nodeError(node)
           << "input '" << src << "' produces " << formatShape(in)
           << " but the node's 'shape' is " << formatShape(declared);
  report.nodeRemark(node) << "stored shape " << formatShape(declared)
                          << " differs from the shape " << formatShape(in)
                          << " of input '" << src
                          << "' (same number of elements); using "
                          << formatShape(in);
  return success();
}

static LogicalResult checkFlattenInput(const Node &node, const Reporter &report,
                                       ArrayRef<int64_t> in, StringRef src) {
  if (!node.hasDeclaredShape || ArrayRef<int64_t>(node.declaredShape) == in)
    return success();
  return report.nodeError(node)
         << "input '" << src << "' produces " << formatShape(in)
         << " but 'input_type' is " << formatShape(node.declaredShape);
}

static LogicalResult flattenOutput(Node &node, const Reporter &report,
                                   ArrayRef<int64_t> in) {
  int64_t rank = in.size();
  int64_t start = node.startDim, end = node.endDim;
  for (auto [name, value] :
       {std::pair<StringRef, int64_t>{"start_dim", start}, {"end_dim", end}})
    if (value < -rank || value >= rank)
      return report.nodeError(node)
             << "'" << name << "' (" << value
             << ") is out of range for an input of rank " << rank;
  start += start < 0 ? rank : 0;
  end += end < 0 ? rank : 0;
  if (start > end)
    return report.nodeError(node)
           << "'start_dim' (" << node.startDim
           << ") must not come after 'end_dim' (" << node.endDim << ")";
  node.outShape.assign(in.begin(), in.begin() + start);
  node.outShape.push_back(numElements(in.slice(start, end - start + 1)));
  node.outShape.append(in.begin() + end + 1, in.end());
  return success();
}

/// Checks input `in` (from `src`) against the node's fields and sets the
/// node's output type.
static LogicalResult typeNode(Node &node, const Reporter &report,
                              ArrayRef<int64_t> in, Type inElement,
                              StringRef src) {
  Type f32 = Float32Type::get(report.getContext());
  node.inShape.assign(in.begin(), in.end());
  node.outShape.assign(in.begin(), in.end());
  node.outElement = f32;
  switch (node.kind()) {
  case NodeKind::Input:
  case NodeKind::Output:
    node.outElement = inElement;
    return checkPort(node, report, in, src);
  case NodeKind::Affine:
  case NodeKind::Linear:
    if (failed(checkDenseInput(node, report, in, src)))
      return failure();
    node.outShape.back() = node.weightShape()[0];
    return success();
  case NodeKind::Conv1d:
  case NodeKind::Conv2d: {
    ArrayRef<int64_t> w = node.weightShape();
    if (failed(checkConvInput(node, report, in, src)) ||
        failed(resolveGeometry(node, report, w.size() - 2)))
      return failure();
    return windowOutput(node, report, in, w[0]);
  }
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d:
    if (in.size() != 3)
      return report.nodeError(node)
             << "input '" << src << "' produces " << formatShape(in)
             << " but a " << node.schema->nirType << " expects [C, H, W]";
    if (failed(resolveGeometry(node, report, 2)))
      return failure();
    return windowOutput(node, report, in, in[0]);
  case NodeKind::Flatten:
    node.outElement = inElement;
    if (failed(checkFlattenInput(node, report, in, src)))
      return failure();
    return flattenOutput(node, report, in);
  case NodeKind::Delay:
    node.outElement = inElement;
    return checkPopulation(node, report, in, src);
  default:
    if (node.schema->spiking)
      node.outElement = IntegerType::get(report.getContext(), 1);
    return checkPopulation(node, report, in, src);
  }
}

static LogicalResult inferNode(Graph &graph, int index,
                               const Reporter &report) {
  Node &node = graph.nodes[index];
  if (isTopLevel(node, NodeKind::Input)) {
    node.outShape = node.declaredShape;
    node.outElement = Float32Type::get(report.getContext());
    node.typed = true;
    return success();
  }
  if (node.preds.empty())
    return report.nodeError(node)
           << "has no incoming edge; every node but an Input needs one";
  const Node *first = nullptr;
  for (int p : node.preds) {
    const Node &pred = graph.nodes[p];
    if (!pred.typed)
      continue;
    if (!first) {
      first = &pred;
      continue;
    }
    if (pred.outShape != first->outShape)
      return report.nodeError(node)
             << "inputs '" << first->name << "' "
             << formatShape(first->outShape) << " and '" << pred.name << "' "
             << formatShape(pred.outShape)
             << " have different shapes; summed inputs must have the same "
                "shape";
  }
  SmallVector<int64_t> in;
  Type inElement = Float32Type::get(report.getContext());
  StringRef src = graph.nodes[node.preds.front()].name;
  if (first) {
    in = first->outShape;
    inElement = first->outElement;
    src = first->name;
  } else if (std::optional<SmallVector<int64_t>> fallback =
                 fallbackInput(node)) {
    in = *fallback;
  } else {
    return report.nodeError(node)
           << "cannot infer its input shape: every input is reached only "
              "through a cycle and no field of the node gives the shape";
  }
  if (failed(typeNode(node, report, in, inElement, src)))
    return failure();
  if (!isBoundedSignal(node.outShape))
    return report.nodeError(node)
           << "produces a signal of shape " << formatShape(node.outShape)
           << ", more than 2^31 elements";
  node.typed = true;
  return success();
}

LogicalResult axon::nir::inferTypes(Graph &graph, const Reporter &report,
                                    std::vector<int> &order) {
  order = Orderer(graph).run();
  for (int index : order)
    if (failed(inferNode(graph, index, report)))
      return failure();
  // Edges closing a cycle were not seen when their target was typed.
  for (int index : order) {
    const Node &node = graph.nodes[index];
    if (isTopLevel(node, NodeKind::Input))
      continue;
    for (int p : node.preds) {
      const Node &pred = graph.nodes[p];
      if (pred.outShape != node.inShape)
        return report.nodeError(node)
               << "input '" << pred.name << "' produces "
               << formatShape(pred.outShape) << " but the node's input is "
               << formatShape(node.inShape) << " (from its other inputs or "
               << "its parameters)";
    }
  }
  return success();
}

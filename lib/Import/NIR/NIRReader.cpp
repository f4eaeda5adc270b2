//===- NIRReader.cpp - importNIR: a NIR file into one snn.network ---------===//
//
// Builds the snn ops of a loaded and typed NIR graph (see NIRGraph.h) in
// the deterministic order chosen by inferTypes, wires the operands
// afterwards (the network is a graph region, so recurrent edges need no
// special treatment) and runs the verifier, re-reporting its first error
// under the NIR node's name.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/NIR.h"
#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"
#include "lib/Import/NIR/NIRGraph.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace axon::nir;
using llvm::StringRef;

static constexpr size_t kMaxOperands = size_t(1) << 16;

namespace {
class NetworkBuilder {
public:
  NetworkBuilder(Graph &graph, const Reporter &report)
      : graph(graph), report(report), builder(report.getContext()) {}
  LogicalResult build(ArrayRef<int> order, ModuleOp module, StringRef name);

private:
  Operation *createOp(const Node &node);
  LogicalResult collectSources(int index, SmallVectorImpl<int> &sources);
  LogicalResult expandPort(int index, SmallVectorImpl<int> &sources);

  Graph &graph;
  const Reporter &report;
  OpBuilder builder;
  std::vector<Operation *> ops;
  /// Sources of each pass-through node once expanded; `expanding` breaks
  /// cycles made only of sub-graph ports.
  std::vector<std::optional<SmallVector<int>>> portSources;
  std::vector<bool> expanding;
};
} // namespace

Operation *NetworkBuilder::createOp(const Node &node) {
  OperationState state(report.nodeLoc(node.name), node.schema->opName);
  for (const Param &param : node.params) {
    MLIRContext *ctx = builder.getContext();
    Type element =
        param.isF64 ? Type(Float64Type::get(ctx)) : Type(Float32Type::get(ctx));
    auto type = RankedTensorType::get(param.shape, element);
    state.addAttribute(param.name,
                       DenseElementsAttr::getFromRawBuffer(type, param.data));
  }
  switch (node.kind()) {
  case NodeKind::Conv1d:
  case NodeKind::Conv2d:
    state.addAttribute("dilation", builder.getDenseI64ArrayAttr(node.dilation));
    state.addAttribute("groups",
                       builder.getI64IntegerAttr(node.geometry.groups));
    [[fallthrough]];
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d:
    if (node.kind() == NodeKind::SumPool2d ||
        node.kind() == NodeKind::AvgPool2d)
      state.addAttribute("kernel_size",
                         builder.getDenseI64ArrayAttr(node.kernel));
    state.addAttribute("stride", builder.getDenseI64ArrayAttr(node.stride));
    state.addAttribute("padding", builder.getDenseI64ArrayAttr(node.padding));
    break;
  case NodeKind::Flatten:
    state.addAttribute("start_dim", builder.getI64IntegerAttr(node.startDim));
    state.addAttribute("end_dim", builder.getI64IntegerAttr(node.endDim));
    break;
  default:
    break;
  }
  if (node.kind() != NodeKind::Output)
    state.addTypes(RankedTensorType::get(node.outShape, node.outElement));
  return builder.create(state);
}

LogicalResult NetworkBuilder::expandPort(int index,
                                         SmallVectorImpl<int> &sources) {
  if (!portSources[index]) {
    if (expanding[index])
      return success();
    expanding[index] = true;
    SmallVector<int> expanded;
    LogicalResult result = collectSources(index, expanded);
    expanding[index] = false;
    if (failed(result))
      return failure();
    portSources[index] = std::move(expanded);
  }
  if (sources.size() + portSources[index]->size() > kMaxOperands)
    return report.nodeError(graph.nodes[index])
           << "more than " << kMaxOperands << " inputs";
  sources.append(portSources[index]->begin(), portSources[index]->end());
  return success();
}

/// The non-port nodes feeding `index`, looking through sub-graph ports.
LogicalResult NetworkBuilder::collectSources(int index,
                                             SmallVectorImpl<int> &sources) {
  for (int p : graph.nodes[index].preds) {
    if (!graph.nodes[p].passThrough) {
      sources.push_back(p);
      continue;
    }
    if (failed(expandPort(p, sources)))
      return failure();
  }
  return success();
}

LogicalResult NetworkBuilder::build(ArrayRef<int> order, ModuleOp module,
                                    StringRef name) {
  size_t n = graph.nodes.size();
  ops.assign(n, nullptr);
  portSources.assign(n, std::nullopt);
  expanding.assign(n, false);
  builder.setInsertionPointToEnd(module.getBody());
  auto network = builder.create<axon::snn::NetworkOp>(report.fileLoc(), name);
  builder.setInsertionPointToEnd(network.getBodyBlock());
  for (int index : order)
    if (!graph.nodes[index].passThrough)
      ops[index] = createOp(graph.nodes[index]);
  for (int index : order) {
    const Node &node = graph.nodes[index];
    if (node.passThrough || node.kind() == NodeKind::Input)
      continue;
    SmallVector<int> sources;
    if (failed(collectSources(index, sources)))
      return failure();
    if (sources.empty())
      return report.nodeError(node)
             << "receives no signal: its inputs are sub-graph ports "
                "connected only to each other";
    // Operands in source-name order (index order is name order).
    llvm::sort(sources);
    SmallVector<Value> operands;
    for (int s : sources)
      operands.push_back(ops[s]->getResult(0));
    ops[index]->setOperands(operands);
  }
  return success();
}

/// Runs the verifier; its first error is re-emitted as a NIR node error.
static LogicalResult verifyImported(ModuleOp module, const Graph &graph,
                                    const Reporter &report) {
  std::string message;
  std::optional<Location> where;
  {
    ScopedDiagnosticHandler handler(report.getContext(), [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error && !where) {
        message = diag.str();
        where = diag.getLocation();
      }
      return success();
    });
    if (succeeded(verify(module)))
      return success();
  }
  StringRef nodeName;
  if (where)
    (*where)->walk([&](Location loc) {
      if (auto nameLoc = llvm::dyn_cast<NameLoc>(loc)) {
        nodeName = nameLoc.getName().strref();
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
  if (nodeName.empty())
    return report.fileError() << "the imported network is invalid: " << message;
  StringRef type;
  for (const Node &node : graph.nodes)
    if (node.name == nodeName)
      type = node.schema->nirType;
  return report.nodeError(nodeName, type) << message;
}

/// The network's name: node/metadata/name, else the file's stem.
static std::string networkName(const Graph &graph, StringRef fileName) {
  if (!graph.networkName.empty())
    return graph.networkName;
  StringRef stem = llvm::sys::path::stem(fileName);
  if (stem.empty() || fileName == "-" || fileName == "<stdin>")
    return "nir";
  return stem.str();
}

OwningOpRef<ModuleOp> axon::importNIR(StringRef bytes, StringRef fileName,
                                      MLIRContext *context) {
  context->getOrLoadDialect<snn::SNNDialect>();
  Reporter report(context, fileName);
  Graph graph;
  std::vector<int> order;
  if (failed(loadGraphIsolated(bytes, report, graph)) ||
      failed(inferTypes(graph, report, order)))
    return nullptr;
  OwningOpRef<ModuleOp> module = ModuleOp::create(report.fileLoc());
  if (failed(NetworkBuilder(graph, report)
                 .build(order, *module, networkName(graph, fileName))) ||
      failed(verifyImported(*module, graph, report)))
    return nullptr;
  return module;
}

//===- NetworkGraph.cpp - Populations and projections of a network -------===//
//
// Walks each population's operands backwards to the populations that drive
// it; see NetworkGraph.h for what counts as a projection.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/NetworkGraph.h"

#include "mlir/IR/Threading.h"
#include "llvm/ADT/StringSet.h"

#include <cmath>
#include <cstring>
#include <optional>

using namespace mlir;
using namespace axon;
using namespace axon::snn;
using namespace axon::spinnaker;

static std::string kindOf(Operation *op) {
  return op->getName().stripDialect().str();
}

DenseMap<Operation *, std::string>
axon::spinnaker::nameNodes(snn::NetworkOp net) {
  DenseMap<Operation *, std::string> names;
  llvm::StringSet<> used;
  unsigned index = 0;
  for (Operation &op : *net.getBodyBlock()) {
    std::string name = getNodeName(&op).str();
    if (name.empty())
      name = kindOf(&op) + "_" + std::to_string(index);
    if (!used.insert(name).second)
      name += "_" + std::to_string(index);
    used.insert(name);
    names[&op] = name;
    ++index;
  }
  return names;
}

llvm::StringMap<Operation *> axon::spinnaker::nodesByName(snn::NetworkOp net) {
  llvm::StringMap<Operation *> result;
  for (auto &[op, name] : nameNodes(net))
    result[name] = op;
  return result;
}

double axon::spinnaker::networkTimeStep(snn::NetworkOp net) {
  if (auto d = net.getDiscretizationAttr())
    return d.getDt().convertToDouble();
  return 1e-3;
}

namespace {

/// Backward walk from one population input to the populations feeding it.
struct Tracer {
  NetworkGraph &graph;
  DenseMap<Operation *, unsigned> &popIndex;
  DenseMap<Operation *, std::string> &names;
  double dt;

  LogicalResult trace(Value v, unsigned post, Operation *synapse, double delay);
};

} // namespace

LogicalResult Tracer::trace(Value v, unsigned post, Operation *synapse,
                            double delay) {
  Operation *def = v.getDefiningOp();
  if (!def)
    return graph.populations[post].op->emitError()
           << "population '" << graph.populations[post].name
           << "' is fed by a block argument, which SpiNNaker cannot map";
  if (auto it = popIndex.find(def); it != popIndex.end()) {
    ProjectionEdge edge;
    edge.pre = it->second;
    edge.post = post;
    edge.synapse = synapse;
    edge.synapseName = synapse ? names[synapse] : "";
    // SpiNNaker delivers a spike one tick after it is sent at the earliest
    // (the reference simulator's minimum synaptic delay of 1); delay ops on
    // the path add their own ticks on top (found by --spinn-replay-check).
    edge.delayTicks = 1 + (int64_t)std::llround(delay / dt);
    int64_t postNeurons = graph.populations[post].neurons;
    if (!synapse && graph.populations[edge.pre].neurons != postNeurons)
      return def->emitError()
             << "population '" << graph.populations[edge.pre].name
             << "' drives population '" << graph.populations[post].name
             << "' directly but has " << graph.populations[edge.pre].neurons
             << " neurons instead of " << postNeurons;
    // edge.synapses is counted after tracing, in parallel.
    graph.projections.push_back(std::move(edge));
    return success();
  }
  if (auto flatten = dyn_cast<FlattenOp>(def)) {
    for (Value in : flatten.getInputs())
      if (failed(trace(in, post, synapse, delay)))
        return failure();
    return success();
  }
  if (auto d = dyn_cast<DelayOp>(def)) {
    double maxDelay = 0;
    for (double x : getElementsAsDouble(d.getDelay()))
      maxDelay = std::max(maxDelay, x);
    for (Value in : d.getInputs())
      if (failed(trace(in, post, synapse, delay + maxDelay)))
        return failure();
    return success();
  }
  if (isa<SynapticOpInterface>(def)) {
    if (synapse)
      return synapse->emitError()
             << "synaptic op '" << names[synapse] << "' is fed by synaptic op '"
             << names[def]
             << "': SpiNNaker needs a population between two synaptic ops";
    for (Value in : def->getOperands())
      if (failed(trace(in, post, def, delay)))
        return failure();
    return success();
  }
  return def->emitError() << "'" << def->getName()
                          << "' cannot be mapped to SpiNNaker: only neuron "
                             "populations, inputs, synaptic ops, flatten and "
                             "delay may feed a population (convert ANN ops "
                             "with --snn-ann-to-snn first)";
}

/// Ops a SpiNNaker mapping can carry: populations, synaptic ops, shape and
/// delay ops, and the host-side ports and readout.
static LogicalResult checkMappable(snn::NetworkOp net) {
  bool anyNeuron = false;
  for (Operation &op : *net.getBodyBlock()) {
    anyNeuron |= isa<NeuronOpInterface>(&op);
    if (isa<NeuronOpInterface, SynapticOpInterface, InputOp, OutputOp,
            FlattenOp, DelayOp, ArgMaxOp>(&op))
      continue;
    return op.emitError() << "'" << op.getName()
                          << "' cannot be mapped to SpiNNaker: only neuron "
                             "populations, inputs, synaptic ops, flatten and "
                             "delay may feed a population (convert ANN ops "
                             "with --snn-ann-to-snn first)";
  }
  if (!anyNeuron)
    return net.emitError() << "network '" << net.getSymName()
                           << "' has no neuron population to map (convert "
                              "ANN networks with --snn-ann-to-snn first)";
  return success();
}

FailureOr<NetworkGraph> axon::spinnaker::analyzeNetwork(snn::NetworkOp net) {
  if (failed(checkMappable(net)))
    return failure();
  NetworkGraph graph;
  DenseMap<Operation *, std::string> names = nameNodes(net);
  DenseMap<Operation *, unsigned> popIndex;
  for (Operation &op : *net.getBodyBlock()) {
    PopulationNode node;
    node.op = &op;
    node.name = names[&op];
    node.kind = kindOf(&op);
    if (auto neuron = dyn_cast<NeuronOpInterface>(&op)) {
      node.neurons = neuron.getNumNeurons();
      node.stateWords = neuron.getStateNames().size();
      // Parameters plus one precomputed decay factor per state variable.
      node.paramWords = neuron.getParameterNames().size() + node.stateWords;
    } else if (isa<InputOp>(&op)) {
      node.neurons =
          cast<ShapedType>(op.getResult(0).getType()).getNumElements();
      node.isSource = true;
    } else {
      continue;
    }
    popIndex[&op] = graph.populations.size();
    graph.populations.push_back(std::move(node));
  }
  Tracer tracer{graph, popIndex, names, networkTimeStep(net)};
  for (unsigned post = 0, e = graph.populations.size(); post < e; ++post) {
    Operation *op = graph.populations[post].op;
    if (graph.populations[post].isSource)
      continue;
    for (Value in : op->getOperands())
      if (failed(tracer.trace(in, post, nullptr, 0.0)))
        return failure();
  }
  // Counting reads every weight: projections in parallel (each writes only
  // its own edge, so the result does not depend on the thread count).
  mlir::parallelFor(net.getContext(), 0, graph.projections.size(),
                    [&](size_t i) {
                      ProjectionEdge &edge = graph.projections[i];
                      edge.synapses = countConnections(
                          edge.synapse, graph.populations[edge.post].neurons);
                    });
  return graph;
}

namespace {

/// The weights of an affine/linear op with dense f32 weights (what the
/// importers produce), read in place: the generic SynapticOpInterface view
/// converts every weight through APFloat, which made enumeration the slowest
/// part of mapping 10^8-synapse networks.
struct DenseF32View {
  int64_t out = 0, in = 0, outer = 0;
  bool splat = false;
  float splatValue = 0.0f;
  const float *data = nullptr; ///< row-major [out][in] unless splat
};

std::optional<DenseF32View> denseF32View(Operation *synapse) {
  DenseElementsAttr weight;
  if (auto affine = dyn_cast<AffineOp>(synapse))
    weight = affine.getWeight();
  else if (auto linear = dyn_cast<LinearOp>(synapse))
    weight = linear.getWeight();
  if (!weight || !weight.getElementType().isF32() ||
      weight.getType().getRank() != 2)
    return std::nullopt;
  DenseF32View v;
  v.out = weight.getType().getDimSize(0);
  v.in = weight.getType().getDimSize(1);
  v.outer =
      cast<ShapedType>(synapse->getOperand(0).getType()).getNumElements() /
      std::max<int64_t>(v.in, 1);
  v.splat = weight.isSplat();
  if (v.splat)
    v.splatValue = *weight.getValues<float>().begin();
  else
    v.data = reinterpret_cast<const float *>(weight.getRawData().data());
  return v;
}

/// Bits of a float without its sign: zero exactly for +0.0 and -0.0.
inline uint32_t magnitudeBits(float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof(bits));
  return bits & 0x7fffffffu;
}

/// Calls fn(k) for every non-zero row[k] in ascending k.  Sparse rows are
/// skipped 16 weights at a time with a branch-free (vectorizable) test.
template <typename Fn>
inline void scanNonZero(const float *row, int64_t n, Fn fn) {
  int64_t k = 0;
  for (; k + 16 <= n; k += 16) {
    uint32_t any = 0;
    for (int i = 0; i < 16; ++i)
      any |= magnitudeBits(row[k + i]);
    if (!any)
      continue;
    for (int i = 0; i < 16; ++i)
      if (magnitudeBits(row[k + i]))
        fn(k + i);
  }
  for (; k < n; ++k)
    if (magnitudeBits(row[k]))
      fn(k);
}

} // namespace

int64_t axon::spinnaker::countConnections(Operation *synapse, int64_t neurons) {
  if (!synapse)
    return neurons;
  if (std::optional<DenseF32View> view = denseF32View(synapse)) {
    int64_t perBlock = 0, total = view->out * view->in;
    if (view->splat) {
      perBlock = view->splatValue != 0.0f ? total : 0;
    } else {
      for (int64_t i = 0; i < total; ++i)
        perBlock += magnitudeBits(view->data[i]) != 0;
    }
    return perBlock * view->outer;
  }
  int64_t n = 0;
  forEachConnection(synapse, neurons, [&](int64_t, int64_t) { ++n; });
  return n;
}

void axon::spinnaker::forEachConnection(
    Operation *synapse, int64_t neurons,
    llvm::function_ref<void(int64_t, int64_t)> fn) {
  if (!synapse) {
    for (int64_t i = 0; i < neurons; ++i)
      fn(i, i);
    return;
  }
  if (std::optional<DenseF32View> view = denseF32View(synapse)) {
    for (int64_t b = 0; b < view->outer; ++b)
      for (int64_t j = 0; j < view->out; ++j) {
        int64_t post = b * view->out + j, base = b * view->in;
        if (view->splat) {
          if (view->splatValue != 0.0f)
            for (int64_t k = 0; k < view->in; ++k)
              fn(base + k, post);
          continue;
        }
        scanNonZero(view->data + j * view->in, view->in,
                    [&](int64_t k) { fn(base + k, post); });
      }
    return;
  }
  cast<SynapticOpInterface>(synapse).forEachSynapse(
      [&](int64_t pre, int64_t post, double) { fn(pre, post); });
}

//===- NetworkGraph.cpp - Populations and projections of a network -------===//
//
// Walks each population's operands backwards to the populations that drive
// it; see NetworkGraph.h for what counts as a projection.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/NetworkGraph.h"

#include "llvm/ADT/StringSet.h"

#include <cmath>

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
    edge.delayTicks = std::max<int64_t>(1, (int64_t)std::llround(delay / dt));
    int64_t postNeurons = graph.populations[post].neurons;
    if (!synapse && graph.populations[edge.pre].neurons != postNeurons)
      return def->emitError()
             << "population '" << graph.populations[edge.pre].name
             << "' drives population '" << graph.populations[post].name
             << "' directly but has " << graph.populations[edge.pre].neurons
             << " neurons instead of " << postNeurons;
    forEachConnection(synapse, postNeurons,
                      [&](int64_t, int64_t) { ++edge.synapses; });
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
  return graph;
}

void axon::spinnaker::forEachConnection(
    Operation *synapse, int64_t neurons,
    llvm::function_ref<void(int64_t, int64_t)> fn) {
  if (!synapse) {
    for (int64_t i = 0; i < neurons; ++i)
      fn(i, i);
    return;
  }
  cast<SynapticOpInterface>(synapse).forEachSynapse(
      [&](int64_t pre, int64_t post, double) { fn(pre, post); });
}

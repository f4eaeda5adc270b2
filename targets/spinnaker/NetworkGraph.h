//===- NetworkGraph.h - Populations and projections of a network -*- C++ -*-=//
//
// SpiNNaker sends spikes, not tensors: a population's output travels as
// multicast packets and every synaptic op between two populations becomes
// synaptic rows on the cores of the target.  This analysis finds, for an
// snn.network, the populations (neuron ops through NeuronOpInterface, and
// inputs) and the projections between them (paths through at most one
// SynapticOpInterface op, with flatten and delay ops on the way).  Both the
// conversion and the partitioner use it, and it names ops the same way for
// both, so spinn IR can refer to snn ops by node name.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_NETWORKGRAPH_H
#define AXON_TARGETS_SPINNAKER_NETWORKGRAPH_H

#include "dialects/snn/SNNOps.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

#include <string>

namespace axon::spinnaker {

struct PopulationNode {
  mlir::Operation *op = nullptr;
  std::string name;
  std::string kind; ///< op name without dialect ("lif", "input")
  int64_t neurons = 0;
  unsigned stateWords = 0;
  unsigned paramWords = 0;
  bool isSource = false;
};

struct ProjectionEdge {
  unsigned pre = 0;
  unsigned post = 0;
  mlir::Operation *synapse = nullptr; ///< null: one-to-one
  std::string synapseName;
  int64_t delayTicks = 1;
  int64_t synapses = 0;
};

struct NetworkGraph {
  llvm::SmallVector<PopulationNode> populations;
  llvm::SmallVector<ProjectionEdge> projections;
};

/// Unique node names for every op of `net`: the op's NameLoc, else
/// `<kind>_<index>` (index in block order); clashes get `_<index>` appended.
llvm::DenseMap<mlir::Operation *, std::string> nameNodes(snn::NetworkOp net);

/// The inverse of nameNodes.
llvm::StringMap<mlir::Operation *> nodesByName(snn::NetworkOp net);

/// The time step of `net` in seconds (its discretization, else 1 ms).
double networkTimeStep(snn::NetworkOp net);

/// Analyses `net`; on failure emits an error at the offending op.
mlir::FailureOr<NetworkGraph> analyzeNetwork(snn::NetworkOp net);

/// Calls fn(pre, post) for every connection of a projection in ascending
/// (post, pre) order: the synaptic op's non-zero weights, or i -> i for a
/// one-to-one projection (synapse == null) of `neurons` neurons.
void forEachConnection(mlir::Operation *synapse, int64_t neurons,
                       llvm::function_ref<void(int64_t, int64_t)> fn);

/// The number of connections forEachConnection would enumerate.
int64_t countConnections(mlir::Operation *synapse, int64_t neurons);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_NETWORKGRAPH_H

//===- SNNToSpinn.cpp - Build the machine graph of a network ----*- C++ -*-===//
//
// The first SpiNNaker phase: one spinn.machine per snn.network, holding the
// network's populations and projections (NetworkGraph) and the machine's
// geometry and faults.  Nothing is sliced or placed yet.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/NetworkGraph.h"
#include "targets/spinnaker/Passes.h"

#include "mlir/IR/Builders.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_CONVERTSNNTOSPINN
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct ConvertSNNToSpinnPass
    : public spinnaker::impl::ConvertSNNToSpinnBase<ConvertSNNToSpinnPass> {
  using ConvertSNNToSpinnBase::ConvertSNNToSpinnBase;
  void runOnOperation() override;

  /// Neurons per core of one population: its attribute, else the option.
  FailureOr<int64_t> neuronsPerCoreOf(Operation *op);
  ArrayAttr faultList(Builder &b, ArrayRef<unsigned> flat, unsigned arity,
                      const Machine &machine, StringRef what);
  LogicalResult convert(snn::NetworkOp net, const Machine &machine);
};

} // namespace

FailureOr<int64_t> ConvertSNNToSpinnPass::neuronsPerCoreOf(Operation *op) {
  Attribute attr = op->getAttr("spinn.neurons_per_core");
  if (!attr)
    return (int64_t)neuronsPerCore;
  auto intAttr = dyn_cast<IntegerAttr>(attr);
  if (!intAttr || intAttr.getValue().getSExtValue() < 1)
    return op->emitError()
           << "'spinn.neurons_per_core' must be a positive integer, got "
           << attr;
  return intAttr.getValue().getSExtValue();
}

ArrayAttr ConvertSNNToSpinnPass::faultList(Builder &b, ArrayRef<unsigned> flat,
                                           unsigned arity,
                                           const Machine &machine,
                                           StringRef what) {
  if (flat.empty())
    return {};
  if (flat.size() % arity != 0) {
    getOperation().emitError() << "'" << what << "' needs " << arity
                               << " numbers per entry, got " << flat.size();
    return {};
  }
  SmallVector<Attribute> items;
  for (size_t i = 0; i < flat.size(); i += arity) {
    if (!machine.inBounds(flat[i], flat[i + 1])) {
      getOperation().emitError()
          << "'" << what << "' names chip (" << flat[i] << ", " << flat[i + 1]
          << ") outside the " << machine.width() << "x" << machine.height()
          << " machine";
      return {};
    }
    if (arity == 2)
      items.push_back(
          spinn::ChipAttr::get(b.getContext(), flat[i], flat[i + 1]));
    else
      items.push_back(spinn::CoreAttr::get(b.getContext(), flat[i], flat[i + 1],
                                           flat[i + 2]));
  }
  return b.getArrayAttr(items);
}

LogicalResult ConvertSNNToSpinnPass::convert(snn::NetworkOp net,
                                             const Machine &machine) {
  FailureOr<NetworkGraph> graph = analyzeNetwork(net);
  if (failed(graph))
    return failure();
  ModuleOp module = getOperation();
  OpBuilder b = OpBuilder::atBlockEnd(module.getBody());
  const HardwareSpec &hw = machine.hardware();
  auto machineOp = b.create<spinn::MachineOp>(
      net.getLoc(), (net.getSymName() + "_spinnaker").str(), this->machine,
      net.getSymName(), machine.width(), machine.height(), hw.coresPerChip,
      hw.monitorCores, ArrayAttr(), ArrayAttr());
  machineOp.getBody().emplaceBlock();
  if (!deadChips.empty() || !deadCores.empty()) {
    ArrayAttr chips = faultList(b, deadChips, 2, machine, "dead-chips");
    ArrayAttr cores = faultList(b, deadCores, 3, machine, "dead-cores");
    if ((!deadChips.empty() && !chips) || (!deadCores.empty() && !cores))
      return failure();
    if (chips)
      machineOp.setDeadChipsAttr(chips);
    if (cores)
      machineOp.setDeadCoresAttr(cores);
  }
  b.setInsertionPointToEnd(machineOp.getBodyBlock());
  for (const PopulationNode &pop : graph->populations) {
    FailureOr<int64_t> npc = neuronsPerCoreOf(pop.op);
    if (failed(npc))
      return failure();
    b.create<spinn::PopulationOp>(pop.op->getLoc(), pop.name, pop.name,
                                  pop.kind, pop.neurons, *npc, pop.stateWords,
                                  pop.paramWords);
  }
  for (const ProjectionEdge &edge : graph->projections) {
    Location loc = edge.synapse ? edge.synapse->getLoc()
                                : graph->populations[edge.post].op->getLoc();
    b.create<spinn::ProjectionOp>(loc, graph->populations[edge.pre].name,
                                  graph->populations[edge.post].name,
                                  edge.synapseName, edge.synapses,
                                  edge.delayTicks);
  }
  return success();
}

void ConvertSNNToSpinnPass::runOnOperation() {
  if (neuronsPerCore < 1) {
    getOperation().emitError() << "'neurons-per-core' must be positive, got "
                               << (int64_t)neuronsPerCore;
    return signalPassFailure();
  }
  llvm::Expected<Machine> machineOr = Machine::fromProfile(machine);
  if (!machineOr) {
    getOperation().emitError() << llvm::toString(machineOr.takeError());
    return signalPassFailure();
  }
  SmallVector<snn::NetworkOp> nets(getOperation().getOps<snn::NetworkOp>());
  for (snn::NetworkOp net : nets)
    if (failed(convert(net, *machineOr)))
      return signalPassFailure();
}

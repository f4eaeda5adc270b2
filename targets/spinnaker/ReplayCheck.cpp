//===- ReplayCheck.cpp - Replay a mapping against the reference -*- C++ -*-===//
//
// The --spinn-replay-check pass: the machine-level replay (Replay/) of every
// spinn.machine against the reference simulation of the snn.network it
// names.  A routing fault or the first diverging spike is an error; success
// is a remark with the replay's counts, so tests can see it ran.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/NetworkGraph.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Replay/Replay.h"

#include <algorithm>

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNREPLAYCHECK
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnReplayCheckPass
    : public spinnaker::impl::SpinnReplayCheckBase<SpinnReplayCheckPass> {
  using SpinnReplayCheckBase::SpinnReplayCheckBase;
  void runOnOperation() override;
  LogicalResult check(spinn::MachineOp m);
};

} // namespace

LogicalResult SpinnReplayCheckPass::check(spinn::MachineOp m) {
  auto net = SymbolTable::lookupNearestSymbolFrom<snn::NetworkOp>(
      m->getParentOp(), StringAttr::get(&getContext(), m.getNetwork()));
  if (!net)
    return m.emitOpError() << "names network '" << m.getNetwork()
                           << "', which the module does not have";
  FailureOr<Machine> model = getMachine(m);
  if (failed(model))
    return failure();
  if (rate < 0 || rate * networkTimeStep(net) > 1)
    return m.emitError() << "'rate' must be in [0, 1/dt] Hz, got " << rate;
  ReplayOptions options;
  options.steps = steps;
  options.seed = seed;
  options.rate = rate;
  options.hopLimit = hopLimit;
  FailureOr<ReplayStats> stats =
      replayMachine(m, net, *model, nodesByName(net), options);
  if (failed(stats))
    return failure();
  m.emitRemark() << "replay: " << stats->steps << " steps, " << stats->spikes
                 << " spikes, " << stats->packets << " packets, identical ("
                 << stats->inputSpikes << " input spikes, " << stats->deliveries
                 << " deliveries, " << stats->synapticEvents
                 << " synaptic events on " << stats->cores << " cores)";
  if (timing) {
    uint64_t events = stats->spikes + stats->inputSpikes;
    m.emitRemark() << "replay timing (CPU): machine " << stats->replaySeconds
                   << " s (" << events / std::max(stats->replaySeconds, 1e-9)
                   << " spikes/s, "
                   << stats->synapticEvents /
                          std::max(stats->replaySeconds, 1e-9)
                   << " synaptic events/s), reference "
                   << stats->referenceSeconds << " s; " << stats->routedKeys
                   << " keys routed with " << stats->lookups
                   << " router look-ups, " << stats->defaultRouted
                   << " by default routing";
  }
  return success();
}

void SpinnReplayCheckPass::runOnOperation() {
  bool failedAny = false;
  for (spinn::MachineOp m : getMachines(getOperation()))
    failedAny |= failed(check(m));
  if (failedAny)
    signalPassFailure();
}

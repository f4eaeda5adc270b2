//===- Replay.h - Machine-level replay of a SpiNNaker mapping ---*- C++ -*-===//
//
// The proof that a mapping is right: run the mapped machine as SpiNNaker
// would (packets through the loaded routing tables, synaptic rows into ring
// buffers, per-core neuron updates in the spinnaker fixed-point profile) and
// compare its spike trains, step by step, with the reference simulator's run
// of the unmapped network.  Connectivity is read only from the spinn IR, so a
// wrong table, key, placement or slice shows up as a fault or a divergence.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_REPLAY_REPLAY_H
#define AXON_TARGETS_SPINNAKER_REPLAY_REPLAY_H

#include "dialects/snn/SNNOps.h"
#include "dialects/spinn/SpinnOps.h"
#include "targets/spinnaker/Machine/Machine.h"

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>

namespace axon::spinnaker {

struct ReplayOptions {
  uint64_t steps = 100;
  uint64_t seed = 1;
  /// Poisson rate of every input neuron, in Hz.
  double rate = 100.0;
  /// Router hops after which a packet counts as looping (0: number of chips).
  unsigned hopLimit = 0;
};

struct ReplayStats {
  uint64_t steps = 0;
  uint64_t spikes = 0;      ///< spikes of neuron populations
  uint64_t inputSpikes = 0; ///< Poisson spikes of the input populations
  uint64_t packets = 0;     ///< multicast packets sent
  uint64_t deliveries = 0;  ///< packet arrivals at cores (row look-ups)
  uint64_t synapticEvents = 0;
  uint64_t routedKeys = 0; ///< distinct keys routed through the tables
  /// Over the distinct keys: router look-ups, and chips crossed by default
  /// routing (no entry matched, packet continued straight on).
  uint64_t lookups = 0, defaultRouted = 0;
  unsigned cores = 0;
  double replaySeconds = 0;    ///< CPU time of the machine side only
  double referenceSeconds = 0; ///< CPU time of the reference simulation
};

/// Replays `machine` (after the mapping pipeline) against the reference
/// simulation of `network`.  `nodes` maps the node names spinn IR uses to the
/// network's ops.  Emits an error at the first routing fault or divergence.
mlir::FailureOr<ReplayStats>
replayMachine(spinn::MachineOp machine, snn::NetworkOp network,
              const Machine &model,
              const llvm::StringMap<mlir::Operation *> &nodes,
              const ReplayOptions &options);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_REPLAY_REPLAY_H

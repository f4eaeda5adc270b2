//===- MachineImage.h - What a mapping loads onto the machine ---*- C++ -*-===//
//
// The replay's view of a spinn.machine: what the host would load onto each
// core and router, and nothing else.  Vertices with their core and key,
// per-chip routing tables (the compressed ones), and per core a master
// population table (source key/mask -> block of synaptic rows, one row per
// source atom: target neuron, delay, 16-bit weight already shifted into
// s16.15).  Rows are built from the spinn.projection ops and the vertex
// slices; the snn network is consulted only for weight values, biases and
// neuron parameters, never for who connects to whom.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_REPLAY_MACHINEIMAGE_H
#define AXON_TARGETS_SPINNAKER_REPLAY_MACHINEIMAGE_H

#include "axon/Simulate/Network.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/spinn/SpinnOps.h"
#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Table.h"

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace axon::spinnaker::replay {

/// One synapse of a row: target neuron (index within the target vertex),
/// delay in ticks and the s16.15 input it delivers.
struct RowSynapse {
  uint32_t post;
  uint32_t delay;
  int32_t weight;
};

/// The rows one source vertex has on one target core: row `a` (the atom of
/// the source slice) is synapses[rowStart[a], rowStart[a + 1]).
struct RowBlock {
  unsigned source = 0; ///< source vertex index
  uint32_t key = 0, mask = 0;
  std::vector<uint32_t> rowStart;
  std::vector<RowSynapse> synapses;
  bool rowEmpty(uint32_t atom) const {
    return rowStart[atom] == rowStart[atom + 1];
  }
};

struct PopulationInfo {
  mutable spinn::PopulationOp op; ///< mutable: diagnostics need a non-const op
  std::string name;
  mlir::Operation *snnOp = nullptr;
  sim::NodeId simNode = 0;
  bool isInput = false;
  bool spiking = false;
  int64_t neurons = 0;
  std::vector<unsigned> vertices; ///< ascending lo
};

struct VertexInfo {
  mutable spinn::VertexOp op;
  std::string name;
  unsigned population = 0;
  int64_t lo = 0, hi = 0;
  Machine::ChipId chip = Machine::InvalidChip;
  unsigned core = 0;
  uint32_t key = 0, mask = 0;
  bool hasKey = false;
  /// Some core holds synaptic rows for it: its spikes are sent.
  bool sends = false;
  int64_t size() const { return hi - lo; }
};

/// Where a delivered packet lands: the target vertex and its row block.
struct Delivery {
  unsigned vertex;
  unsigned block;
};

struct MachineImage {
  std::vector<PopulationInfo> populations;
  std::vector<VertexInfo> vertices;
  /// Loaded table of every chip that has one, by chip id.
  llvm::DenseMap<Machine::ChipId, std::vector<RoutingEntry>> tables;
  /// The vertex on (chip, core), if any.
  llvm::DenseMap<uint64_t, unsigned> vertexOnCore;
  /// Master population table of every vertex: its row blocks.
  std::vector<std::vector<RowBlock>> blocks;
  /// Constant input per neuron of every vertex (the synaptic ops' biases).
  std::vector<std::vector<int64_t>> bias;
  /// Row blocks for each source vertex: (target vertex, block index).
  std::vector<std::vector<Delivery>> expected;
  uint32_t maxDelay = 1;

  static uint64_t coreId(Machine::ChipId chip, unsigned core) {
    return (uint64_t(chip) << 8) | core;
  }
  /// The block of `vertex`'s master population table matching `key`.
  std::optional<unsigned> lookupBlock(unsigned vertex, uint32_t key) const;
};

/// Reads the loaded state of `m`.  `simNet`/`ids` give each snn op's
/// simulator node (for neuron parameters and the weight shift rule); emits
/// an error on the offending op.
mlir::FailureOr<MachineImage>
buildMachineImage(spinn::MachineOp m, const Machine &model,
                  const llvm::StringMap<mlir::Operation *> &nodes,
                  const sim::Network &simNet,
                  const llvm::DenseMap<mlir::Operation *, sim::NodeId> &ids);

/// The result of routing one key from its source vertex.
struct RouteResult {
  std::vector<Delivery> deliveries;
  unsigned lookups = 0;
  /// Chips the packet crossed by default routing (no entry matched).
  unsigned defaultRouted = 0;
};

/// Follows the packet `key` of vertex `source` through the loaded tables;
/// checks every core it reaches runs a vertex with a row block for it and
/// every vertex whose row for `atom` is non-empty is reached.  On a fault
/// returns failure and sets `why`.
mlir::LogicalResult routePacket(const MachineImage &image, const Machine &model,
                                unsigned source, uint32_t atom,
                                unsigned hopLimit, RouteResult &result,
                                std::string &why);

} // namespace axon::spinnaker::replay

#endif // AXON_TARGETS_SPINNAKER_REPLAY_MACHINEIMAGE_H

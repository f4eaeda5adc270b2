//===- Schedule.h - Evaluation order of a network ---------------*- C++ -*-===//
//
// A network may be cyclic (recurrent SNNs), so "evaluate in topological order"
// needs a rule for cycles.  The rule (also in docs/simulator.md):
//
//  1. Strongly connected components (SCCs) are evaluated in a topological
//     order of the condensation; among ready SCCs the one holding the smallest
//     node id goes first.
//  2. Inside an SCC, the entry is the smallest-id node with an edge from
//     outside the SCC (or the smallest id if none).  A depth-first search from
//     the entry, following edges inside the SCC to successors in ascending id
//     order, gives a postorder; the SCC's nodes are evaluated in reverse
//     postorder.
//  3. An edge u -> v inside one SCC whose target is not after its source in
//     that order (pos(v) <= pos(u): DFS back edges, self loops) is a BACK
//     edge: at step t, v reads u's output of step t - 1 (zero at step 0).
//     Every other edge reads the source's output of the same step t.
//  4. With a minimum synaptic delay m >= 1 (EngineOptions), every edge
//     leaving a spiking node or an Input reads step t - m.  Such edges are
//     delayed anyway, so they impose no order: they are left out of steps
//     1-3 (a recurrent LIF -> Affine -> LIF loop then has exactly one step of
//     delay, not two) and are never back edges.
//
// Machine back ends replay networks with the same schedule, so it is public.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SIMULATE_SCHEDULE_H
#define AXON_SIMULATE_SCHEDULE_H

#include "axon/Simulate/Network.h"

#include <vector>

namespace axon::sim {

struct Schedule {
  /// Nodes in evaluation order.
  std::vector<NodeId> order;
  /// position[n]: index of node n in `order`.
  std::vector<uint32_t> position;
  /// scc[n]: index (in evaluation order) of the SCC holding node n.
  std::vector<uint32_t> scc;
  /// backEdge[n][k]: whether the edge from node(n).inputs[k] is a back edge.
  std::vector<std::vector<uint8_t>> backEdge;
  /// delay[n][k]: steps by which node n reads node(n).inputs[k] (0, 1 for a
  /// back edge, m for a spike edge under a minimum synaptic delay m).
  std::vector<std::vector<uint32_t>> delay;
};

/// Whether an edge leaving a node of this kind carries spikes for the
/// minimum-synaptic-delay rule (spiking kinds and Input).
bool isSpikeSource(NodeKind kind);

/// Computes the schedule of a network (finalized or not; edges only).
Schedule computeSchedule(const Network &net,
                         unsigned minSynapticDelaySteps = 0);

} // namespace axon::sim

#endif // AXON_SIMULATE_SCHEDULE_H

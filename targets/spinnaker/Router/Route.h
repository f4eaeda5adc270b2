//===- Route.h - Multicast routing trees and table building -----*- C++ -*-===//
//
// Every multicast source (a "net": one partition's key/mask leaving one chip)
// needs a tree of chip-to-chip links reaching all chips that host its target
// cores.  MulticastRouter builds them with Neighbour Exploring Routing
// (Navaridas et al. 2015, as in rig/PACMAN's ner_route): targets are taken
// nearest first, each joins the tree at its nearest tree node with a
// longest-dimension-first path over SpiNNaker's three hexagonal dimensions,
// truncated where it meets the tree.  When that path would use a dead chip or
// link, a breadth-first search on the live graph (links tried in order 0..5)
// connects the target to the nearest tree node instead.  Trees are loop-free
// by construction: a chip enters a tree at most once.
//
// buildRoutingTables turns trees into per-chip tables: one entry per tree
// node, its route word = out-links of the node + target cores on that chip,
// "defaultable" when the packet only passes straight through.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_ROUTE_H
#define AXON_TARGETS_SPINNAKER_ROUTER_ROUTE_H

#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Table.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace axon::spinnaker {

struct RouteTarget {
  ChipCoord chip;
  unsigned core = 0;
};

/// Nets in flat (CSR) form: add a net, then its targets.
class NetList {
public:
  struct Net {
    ChipCoord source;
    uint32_t key = 0;
    uint32_t mask = 0;
    uint32_t targetBegin = 0;
    uint32_t targetEnd = 0;
  };

  /// Starts a new net; returns its index.
  unsigned addNet(ChipCoord source, uint32_t key, uint32_t mask);
  /// Adds a target core to the most recently added net.
  void addTarget(ChipCoord chip, unsigned core);

  size_t size() const { return nets.size(); }
  const Net &net(unsigned i) const { return nets[i]; }
  llvm::ArrayRef<RouteTarget> targets(unsigned i) const {
    return llvm::ArrayRef<RouteTarget>(allTargets)
        .slice(nets[i].targetBegin, nets[i].targetEnd - nets[i].targetBegin);
  }

private:
  std::vector<Net> nets;
  std::vector<RouteTarget> allTargets;
};

/// One chip of a routing tree.
struct TreeNode {
  Machine::ChipId chip = 0;
  int32_t parent = -1; ///< index in the same tree; -1 at the root
  int8_t inLink = -1;  ///< link the packet arrives on; -1 at the root
  uint32_t route = 0;  ///< route word: out-links | target cores
};

/// Trees of all nets, flat; a net's nodes are parent-before-child.
struct RoutingTrees {
  std::vector<TreeNode> nodes;
  std::vector<uint32_t> netBegin{0}; ///< size = nets + 1
  unsigned fallbacks = 0;            ///< targets that needed the BFS detour

  llvm::ArrayRef<TreeNode> tree(unsigned net) const {
    return llvm::ArrayRef<TreeNode>(nodes).slice(
        netBegin[net], netBegin[net + 1] - netBegin[net]);
  }
};

class MulticastRouter {
public:
  explicit MulticastRouter(const Machine &machine);
  ~MulticastRouter();
  MulticastRouter(const MulticastRouter &) = delete;
  MulticastRouter &operator=(const MulticastRouter &) = delete;

  /// Routes one net, appending its tree to `out` (root first).
  llvm::Error route(ChipCoord source, llvm::ArrayRef<RouteTarget> targets,
                    std::vector<TreeNode> &out);
  /// Routes every net; the error names the first net that failed.
  llvm::Expected<RoutingTrees> routeAll(const NetList &nets);

  unsigned fallbacks() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

/// Per-chip tables (ascending chip id, entries in net order) for routed nets.
std::vector<RoutingTable> buildRoutingTables(const Machine &machine,
                                             const NetList &nets,
                                             const RoutingTrees &trees);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_ROUTE_H

//===- TableBuild.cpp - Per-chip routing tables from routed trees ---------===//
//
// Merges the trees of all nets into one ordered table per chip with a
// counting sort over chip ids (two passes over the tree nodes), so building
// the tables of 10^5 nets costs about as much as reading their trees.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Route.h"

using namespace axon::spinnaker;
using namespace llvm;

std::vector<RoutingTable>
axon::spinnaker::buildRoutingTables(const Machine &machine, const NetList &nets,
                                    const RoutingTrees &trees) {
  // Entries per chip slot.
  std::vector<uint32_t> count(machine.numChipSlots() + 1, 0);
  for (const TreeNode &n : trees.nodes)
    if (n.route != 0)
      ++count[n.chip + 1];
  std::vector<uint32_t> tableOf(machine.numChipSlots(), ~0u);
  std::vector<RoutingTable> tables;
  for (Machine::ChipId id = 0; id < machine.numChipSlots(); ++id) {
    if (count[id + 1] == 0)
      continue;
    tableOf[id] = tables.size();
    RoutingTable t;
    ChipCoord c = machine.coord(id);
    t.x = c.x;
    t.y = c.y;
    t.entries.reserve(count[id + 1]);
    tables.push_back(std::move(t));
  }
  // Nets in order, so every table lists its entries in net order.
  for (unsigned i = 0; i < nets.size(); ++i) {
    const NetList::Net &net = nets.net(i);
    for (const TreeNode &n : trees.tree(i)) {
      if (n.route == 0)
        continue;
      RoutingEntry e;
      e.key = net.key;
      e.mask = net.mask;
      e.route = n.route;
      std::optional<unsigned> in;
      if (n.inLink >= 0)
        in = (unsigned)n.inLink;
      e.defaultable = isDefaultableRoute(in, n.route);
      tables[tableOf[n.chip]].entries.push_back(e);
    }
  }
  return tables;
}

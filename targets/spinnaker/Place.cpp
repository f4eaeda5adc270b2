//===- Place.cpp - Locality-aware placement ---------------------*- C++ -*-===//
//
// Traffic between cores on one chip never touches a link, and between
// neighbouring chips it uses one hop; so placement keeps the slices of a
// population together and next to the populations it talks to.  Populations
// are visited breadth-first along projections and their vertices fill cores
// chip by chip, chips taken in rings of growing hexagonal distance from the
// first live chip.  Linear in vertices + chips (after one sort of chips) and
// deterministic: ties break by IR order and chip id.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"

#include "mlir/IR/Builders.h"

#include <deque>

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNPLACE
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnPlacePass : public spinnaker::impl::SpinnPlaceBase<SpinnPlacePass> {
  using SpinnPlaceBase::SpinnPlaceBase;
  void runOnOperation() override;
  LogicalResult place(spinn::MachineOp machine);
};

} // namespace

/// Populations breadth-first along projections (both directions), starting
/// from each not-yet-visited population in IR order.
static SmallVector<unsigned> populationOrder(spinn::MachineOp m,
                                             llvm::StringMap<unsigned> &index) {
  unsigned n = index.size();
  SmallVector<SmallVector<unsigned>> adj(n);
  for (auto proj : m.getOps<spinn::ProjectionOp>()) {
    unsigned a = index.lookup(proj.getPre()), b = index.lookup(proj.getPost());
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  SmallVector<unsigned> order;
  std::vector<bool> seen(n, false);
  for (unsigned start = 0; start < n; ++start) {
    if (seen[start])
      continue;
    std::deque<unsigned> queue{start};
    seen[start] = true;
    while (!queue.empty()) {
      unsigned p = queue.front();
      queue.pop_front();
      order.push_back(p);
      for (unsigned q : adj[p])
        if (!seen[q]) {
          seen[q] = true;
          queue.push_back(q);
        }
    }
  }
  return order;
}

/// Live chips by hexagonal distance from the first live chip, then by id.
static std::vector<Machine::ChipId> chipOrder(const Machine &machine) {
  std::vector<Machine::ChipId> chips(machine.liveChips().begin(),
                                     machine.liveChips().end());
  if (chips.empty())
    return chips;
  ChipCoord root = machine.coord(chips.front());
  std::vector<std::pair<unsigned, Machine::ChipId>> keyed;
  keyed.reserve(chips.size());
  for (Machine::ChipId id : chips)
    keyed.push_back({machine.hexDistance(root, machine.coord(id)), id});
  llvm::sort(keyed);
  for (size_t i = 0; i < keyed.size(); ++i)
    chips[i] = keyed[i].second;
  return chips;
}

LogicalResult SpinnPlacePass::place(spinn::MachineOp m) {
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  llvm::StringMap<unsigned> index;
  for (auto pop : m.getOps<spinn::PopulationOp>())
    index.try_emplace(pop.getSymName(), index.size());
  SmallVector<SmallVector<spinn::VertexOp>> vertices(index.size());
  unsigned total = 0;
  for (auto v : m.getOps<spinn::VertexOp>()) {
    vertices[index.lookup(v.getPopulation())].push_back(v);
    ++total;
  }

  std::vector<Machine::ChipId> chips = chipOrder(*machine);
  size_t cursor = 0, nextCore = 0, placed = 0;
  uint64_t sdramUsed = 0;
  // Route words address routeCoreBits cores per chip (18 on both
  // generations as modelled), so only those cores can receive packets.
  unsigned addressable = machine->hardware().routeCoreBits;
  auto coresOf = [&](Machine::ChipId id) {
    SmallVector<unsigned, 18> cores = machine->applicationCores(id);
    llvm::erase_if(cores, [&](unsigned c) { return c >= addressable; });
    return cores;
  };
  SmallVector<unsigned, 18> cores;
  if (!chips.empty())
    cores = coresOf(chips[0]);
  MLIRContext *ctx = m.getContext();
  for (unsigned pop : populationOrder(m, index)) {
    for (spinn::VertexOp v : vertices[pop]) {
      uint64_t need = v.getSdram().value_or(0);
      while (cursor < chips.size() &&
             (nextCore >= cores.size() ||
              sdramUsed + need > machine->sdramBytes(chips[cursor]))) {
        if (++cursor < chips.size())
          cores = coresOf(chips[cursor]);
        nextCore = 0;
        sdramUsed = 0;
      }
      if (cursor == chips.size())
        return m.emitOpError()
               << "runs out of cores: placed " << placed << " of " << total
               << " vertices on " << chips.size() << " live chips ("
               << machine->describe() << ")";
      ChipCoord c = machine->coord(chips[cursor]);
      v.setPlacementAttr(
          spinn::CoreAttr::get(ctx, c.x, c.y, cores[nextCore++]));
      sdramUsed += need;
      ++placed;
    }
  }
  return success();
}

void SpinnPlacePass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(place(m)))
      return signalPassFailure();
}

//===- BuildTables.cpp - Per-chip routing tables ----------------*- C++ -*-===//
//
// Joins the two halves PACMAN keeps apart until the end: the multicast trees
// (--spinn-route) and the keys (--spinn-allocate-keys).  Every tree node with
// a non-empty route becomes one entry of its chip's table; tables list
// entries in vertex order and mark pass-through entries defaultable.  The
// table as built is kept as the reference the compressed one is checked
// against.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Router/Route.h"

#include "mlir/IR/Builders.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNBUILDTABLES
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnBuildTablesPass
    : public spinnaker::impl::SpinnBuildTablesBase<SpinnBuildTablesPass> {
  using SpinnBuildTablesBase::SpinnBuildTablesBase;
  void runOnOperation() override;
  LogicalResult build(spinn::MachineOp machine);
};

} // namespace

/// Reads the trees and keys of every routed vertex back from the IR.
static LogicalResult readNets(spinn::MachineOp m, const Machine &machine,
                              NetList &nets, RoutingTrees &trees) {
  for (auto v : m.getOps<spinn::VertexOp>()) {
    DenseI32ArrayAttr tree = v.getTreeAttr();
    if (!tree || tree.empty())
      continue;
    spinn::KeyMaskAttr km = v.getKeyMaskAttr();
    if (!km)
      return v.emitOpError()
             << "has a route but no key (run --spinn-allocate-keys first)";
    ArrayRef<int32_t> w = tree.asArrayRef();
    nets.addNet({w[0], w[1]}, km.getKey(), km.getMask());
    for (size_t i = 0; i < w.size(); i += 5) {
      if (!machine.inBounds(w[i], w[i + 1]))
        return v.emitOpError() << "tree node (" << w[i] << ", " << w[i + 1]
                               << ") is outside the machine";
      TreeNode node;
      node.chip = machine.chipId({w[i], w[i + 1]});
      node.parent = w[i + 2];
      node.inLink = (int8_t)w[i + 3];
      node.route = (uint32_t)w[i + 4];
      trees.nodes.push_back(node);
    }
    trees.netBegin.push_back(trees.nodes.size());
  }
  return success();
}

LogicalResult SpinnBuildTablesPass::build(spinn::MachineOp m) {
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  NetList nets;
  RoutingTrees trees;
  if (failed(readNets(m, *machine, nets, trees)))
    return failure();
  for (auto t : llvm::make_early_inc_range(m.getOps<spinn::TableOp>()))
    t.erase();
  std::vector<RoutingTable> tables = buildRoutingTables(*machine, nets, trees);
  OpBuilder b = OpBuilder::atBlockEnd(m.getBodyBlock());
  MLIRContext *ctx = m.getContext();
  for (const RoutingTable &t : tables)
    b.create<spinn::TableOp>(m.getLoc(), spinn::ChipAttr::get(ctx, t.x, t.y),
                             entriesToAttr(ctx, t.entries), ArrayAttr());
  return success();
}

void SpinnBuildTablesPass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(build(m)))
      return signalPassFailure();
}

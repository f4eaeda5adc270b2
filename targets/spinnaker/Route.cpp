//===- Route.cpp - Multicast route generation -------------------*- C++ -*-===//
//
// Every vertex with targets sends its spikes as multicast packets from its
// core to the cores of those targets.  The Router library builds the trees
// (Neighbour Exploring Routing, dead chips and links avoided); this pass only
// feeds it placements and stores each tree on its vertex, so keys can be
// allocated afterwards and tables built from both.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Route.h"
#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"

#include "mlir/IR/Builders.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNROUTE
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnRoutePass : public spinnaker::impl::SpinnRouteBase<SpinnRoutePass> {
  using SpinnRouteBase::SpinnRouteBase;
  void runOnOperation() override;
  LogicalResult route(spinn::MachineOp machine);
};

} // namespace

static ChipCoord chipOf(spinn::CoreAttr p) {
  return {(int)p.getX(), (int)p.getY()};
}

/// Adds one net per vertex with targets; `senders` gets the vertices.
static LogicalResult collectNets(spinn::MachineOp m, NetList &nets,
                                 SmallVectorImpl<spinn::VertexOp> &senders) {
  SymbolTable symbols(m);
  for (auto v : m.getOps<spinn::VertexOp>()) {
    auto targets = v.getTargets();
    if (!targets || targets->empty())
      continue;
    spinn::CoreAttr source = v.getPlacementAttr();
    if (!source)
      return v.emitOpError() << "is not placed (run --spinn-place first)";
    nets.addNet(chipOf(source), 0, 0);
    for (auto ref : targets->getAsRange<FlatSymbolRefAttr>()) {
      auto target = symbols.lookup<spinn::VertexOp>(ref.getValue());
      if (!target || !target.getPlacementAttr())
        return v.emitOpError()
               << "target '" << ref.getValue() << "' is missing or not placed";
      spinn::CoreAttr p = target.getPlacementAttr();
      if (p.getP() >= RouteCoreBits)
        return target.emitOpError()
               << "is on core " << p.getP() << ", which a route word ("
               << RouteCoreBits << " core bits) cannot address";
      nets.addTarget(chipOf(p), p.getP());
    }
    senders.push_back(v);
  }
  return success();
}

LogicalResult SpinnRoutePass::route(spinn::MachineOp m) {
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  NetList nets;
  SmallVector<spinn::VertexOp> senders;
  if (failed(collectNets(m, nets, senders)))
    return failure();
  MulticastRouter router(*machine);
  llvm::Expected<RoutingTrees> trees = router.routeAll(nets);
  if (!trees)
    return m.emitOpError() << "cannot route: "
                           << llvm::toString(trees.takeError());
  for (size_t i = 0; i < senders.size(); ++i) {
    SmallVector<int32_t> words;
    for (const TreeNode &node : trees->tree(i)) {
      ChipCoord c = machine->coord(node.chip);
      words.append({c.x, c.y, node.parent, node.inLink, (int32_t)node.route});
    }
    senders[i].setTreeAttr(DenseI32ArrayAttr::get(m.getContext(), words));
  }
  return success();
}

void SpinnRoutePass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(route(m)))
      return signalPassFailure();
}

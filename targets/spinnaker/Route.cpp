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
#include "mlir/IR/Threading.h"
#include "llvm/Support/FormatVariadic.h"

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
  // Nets are routed independently (the router's scratch is per net): split
  // them into one contiguous chunk per thread, each with its own router, and
  // store the trees in net order, so the result does not depend on threads.
  MLIRContext *ctx = m.getContext();
  size_t n = senders.size();
  size_t chunks = ctx->isMultithreadingEnabled()
                      ? std::min<size_t>(n, std::max(1u, ctx->getNumThreads()))
                      : std::min<size_t>(n, 1);
  std::vector<std::vector<TreeNode>> trees(n);
  std::vector<std::string> errors(n);
  mlir::parallelFor(ctx, 0, chunks, [&](size_t c) {
    MulticastRouter router(*machine);
    for (size_t i = c * n / chunks, e = (c + 1) * n / chunks; i < e; ++i)
      if (llvm::Error err =
              router.route(nets.net(i).source, nets.targets(i), trees[i]))
        errors[i] = llvm::toString(std::move(err));
  });
  for (size_t i = 0; i < n; ++i)
    if (!errors[i].empty())
      return m.emitOpError() << "cannot route: "
                             << llvm::formatv("net {0} (key 0x{1:x-8}): {2}", i,
                                              nets.net(i).key, errors[i])
                                    .str();
  for (size_t i = 0; i < n; ++i) {
    SmallVector<int32_t> words;
    for (const TreeNode &node : trees[i]) {
      ChipCoord c = machine->coord(node.chip);
      words.append({c.x, c.y, node.parent, node.inLink, (int32_t)node.route});
    }
    senders[i].setTreeAttr(DenseI32ArrayAttr::get(ctx, words));
  }
  return success();
}

void SpinnRoutePass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(route(m)))
      return signalPassFailure();
}

//===- LegalizeFanIn.cpp - tlg-legalize-fanin -----------------------------===//
//
// Decomposes every threshold gate of a net.module to the cell library's
// fan-in and weight bound with the Core legalizer (adder trees or
// thermometer trees, whichever is cheaper), rebuilding the module.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Legalize.h"
#include "targets/threshold/NetlistIR.h"
#include "targets/threshold/Passes.h"

#include "llvm/ADT/DenseMap.h"

namespace axon::threshold {
#define GEN_PASS_DEF_TLGLEGALIZEFANIN
#include "targets/threshold/Passes.h.inc"
} // namespace axon::threshold

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {
struct TLGLegalizeFanInPass
    : public threshold::impl::TLGLegalizeFanInBase<TLGLegalizeFanInPass> {
  using TLGLegalizeFanInBase::TLGLegalizeFanInBase;

  void runOnOperation() override {
    SmallVector<net::NetModuleOp> modules;
    for (auto module : getOperation().getOps<net::NetModuleOp>())
      if (!module.getBodyBlock()->getOps<tlg::GateOp>().empty())
        modules.push_back(module);
    for (net::NetModuleOp module : modules)
      if (failed(legalizeModule(module)))
        return signalPassFailure();
  }

  LogicalResult legalizeModule(net::NetModuleOp module) {
    if (maxFanIn < 2)
      return module.emitError("max-fanin must be at least 2, got ")
             << unsigned(maxFanIn);
    if (maxWeight < 1)
      return module.emitError("max-weight must be at least 1, got ")
             << int64_t(maxWeight);
    CellLibrary lib;
    lib.maxFanIn = maxFanIn;
    lib.maxWeight = maxWeight;
    if (llvm::Error err = lib.validate())
      return module.emitError(llvm::toString(std::move(err)));
    FailureOr<Netlist> netlist = netlistFromTLGModule(module);
    if (failed(netlist))
      return failure();
    llvm::Expected<Netlist> legal = legalize(*netlist, lib);
    if (!legal)
      return module.emitError("fan-in legalization failed: ")
             << llvm::toString(legal.takeError());
    // Keep each layer's source location on the gates that replace it.
    int32_t maxTag = -1;
    for (const Gate &g : legal->gates)
      maxTag = std::max(maxTag, g.tag);
    SmallVector<Location> layerLocs(maxTag + 1, module.getLoc());
    for (auto gate : module.getBodyBlock()->getOps<tlg::GateOp>())
      if (auto layer = gate->getAttrOfType<IntegerAttr>(kLayerAttrName))
        if (layer.getInt() >= 0 && layer.getInt() <= maxTag)
          layerLocs[layer.getInt()] = gate.getLoc();
    OpBuilder b(module);
    buildTLGModule(*legal, b, module.getLoc(), layerLocs);
    module.erase();
    return success();
  }
};
} // namespace

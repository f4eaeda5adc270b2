//===- SNNToTLG.cpp - convert-snn-to-tlg ----------------------------------===//
//
// Binarized snn networks -> net.module of tlg.gate: read the layer chain,
// fold each neuron into an integer threshold gate (Core buildNetlist) and
// emit the gates, located at the layer they implement.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/NetlistIR.h"
#include "targets/threshold/Passes.h"
#include "targets/threshold/SNNReader.h"

namespace axon::threshold {
#define GEN_PASS_DEF_CONVERTSNNTOTLG
#include "targets/threshold/Passes.h.inc"
} // namespace axon::threshold

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {
struct ConvertSNNToTLGPass
    : public threshold::impl::ConvertSNNToTLGBase<ConvertSNNToTLGPass> {
  using ConvertSNNToTLGBase::ConvertSNNToTLGBase;

  void runOnOperation() override {
    SmallVector<snn::NetworkOp> networks(
        getOperation().getOps<snn::NetworkOp>());
    for (snn::NetworkOp network : networks)
      if (failed(convert(network)))
        return signalPassFailure();
  }

  LogicalResult convert(snn::NetworkOp network) {
    FailureOr<SNNBinarizedNetwork> read =
        readBinarizedNetwork(network, inputBits);
    if (failed(read))
      return failure();
    llvm::Expected<Netlist> netlist = buildNetlist(read->network);
    if (!netlist)
      return network.emitError("cannot lower to threshold gates: ")
             << llvm::toString(netlist.takeError());
    OpBuilder b(network);
    buildTLGModule(*netlist, b, network.getLoc(), read->layerLocs);
    network.erase();
    return success();
  }
};
} // namespace

//===- CompressTables.cpp - Fit routing tables to their routers -*- C++ -*-===//
//
// A SpiNNaker 1 router holds 1023 entries.  Each chip's table is compressed
// by the Router library (default-route removal, then Ordered Covering or
// pair merging) only until it fits that chip's router: compressing further
// costs time and makes tables harder to read, for nothing.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Router/Compress.h"

#include "mlir/IR/Builders.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNCOMPRESSTABLES
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnCompressTablesPass
    : public spinnaker::impl::SpinnCompressTablesBase<SpinnCompressTablesPass> {
  using SpinnCompressTablesBase::SpinnCompressTablesBase;
  void runOnOperation() override;
  LogicalResult compress(spinn::MachineOp machine, Compressor algo);
};

} // namespace

LogicalResult SpinnCompressTablesPass::compress(spinn::MachineOp m,
                                                Compressor algo) {
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  bool failedAny = false;
  for (auto table : m.getOps<spinn::TableOp>()) {
    RoutingTable t = tableFromOp(table, /*useCompressed=*/false);
    CompressOptions options;
    options.algorithm = algo;
    options.targetLength =
        targetLength ? targetLength
                     : machine->routerEntries(machine->chipId({t.x, t.y}));
    llvm::Expected<CompressResult> result = compressTable(t.entries, options);
    if (!result) {
      table.emitOpError() << "chip (" << t.x << ", " << t.y
                          << "): " << llvm::toString(result.takeError());
      failedAny = true;
      continue;
    }
    if (!result->fits) {
      table.emitOpError() << "chip (" << t.x << ", " << t.y << "): table of "
                          << result->originalLength
                          << " entries compresses only to "
                          << result->entries.size() << " with "
                          << compressorName(algo) << ", but the router holds "
                          << options.targetLength;
      failedAny = true;
      continue;
    }
    table.setCompressedAttr(entriesToAttr(m.getContext(), result->entries));
  }
  return failure(failedAny);
}

void SpinnCompressTablesPass::runOnOperation() {
  Compressor algo;
  if (algorithm == "ordered-covering") {
    algo = Compressor::OrderedCovering;
  } else if (algorithm == "pair-merge") {
    algo = Compressor::PairMerge;
  } else {
    getOperation().emitError()
        << "unknown compressor '" << algorithm
        << "', expected 'ordered-covering' or 'pair-merge'";
    return signalPassFailure();
  }
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(compress(m, algo)))
      return signalPassFailure();
}

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
#include "mlir/IR/Threading.h"

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
  // Chips are independent: compress them in parallel, then report and set
  // the attributes in chip order (the same result with any thread count).
  SmallVector<spinn::TableOp> tables(m.getOps<spinn::TableOp>());
  struct Outcome {
    std::string error;
    std::vector<RoutingEntry> entries;
  };
  std::vector<Outcome> outcomes(tables.size());
  mlir::parallelFor(m.getContext(), 0, tables.size(), [&](size_t i) {
    RoutingTable t = tableFromOp(tables[i], /*useCompressed=*/false);
    CompressOptions options;
    options.algorithm = algo;
    options.targetLength =
        targetLength ? targetLength
                     : machine->routerEntries(machine->chipId({t.x, t.y}));
    Outcome &out = outcomes[i];
    llvm::Expected<CompressResult> result = compressTable(t.entries, options);
    std::string where =
        "chip (" + std::to_string(t.x) + ", " + std::to_string(t.y) + "): ";
    if (!result) {
      out.error = where + llvm::toString(result.takeError());
      return;
    }
    if (!result->fits) {
      out.error = where + "table of " + std::to_string(result->originalLength) +
                  " entries compresses only to " +
                  std::to_string(result->entries.size()) + " with " +
                  std::string(compressorName(algo)) +
                  ", but the router holds " +
                  std::to_string(options.targetLength);
      return;
    }
    out.entries = std::move(result->entries);
  });
  bool failedAny = false;
  for (size_t i = 0, e = tables.size(); i < e; ++i) {
    if (!outcomes[i].error.empty()) {
      tables[i].emitOpError() << outcomes[i].error;
      failedAny = true;
      continue;
    }
    tables[i].setCompressedAttr(
        entriesToAttr(m.getContext(), outcomes[i].entries));
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

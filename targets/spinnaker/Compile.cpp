//===- Compile.cpp - One call from an snn module to SpiNNaker files -------===//
//
// Runs --axon-spinnaker-pipeline with a timing instrumentation (the summary
// reports time per phase; with SpinnakerOptions::progress each phase is also
// reported as it ends), verifies the spinn IR once, then the emitters, each
// into its own file via llvm::writeToOutput (temporary file + rename).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Compile.h"
#include "targets/spinnaker/Export/Export.h"
#include "targets/spinnaker/Pipeline.h"

#include "axon/Support/WriteFile.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"

#include <chrono>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

/// Records the wall time of every pass, in pipeline order.
class PhaseTimer : public PassInstrumentation {
public:
  PhaseTimer(std::vector<PhaseTime> &out, raw_ostream *progress)
      : out(out), progress(progress) {}
  void runBeforePass(Pass *, Operation *) override {
    start = std::chrono::steady_clock::now();
  }
  void runAfterPass(Pass *pass, Operation *) override { record(pass); }
  void runAfterPassFailed(Pass *pass, Operation *) override { record(pass); }

private:
  void record(Pass *pass) {
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    out.push_back({pass->getArgument().str(), d.count()});
    if (progress) {
      *progress << llvm::format("spinnaker: %-24s %9.3f s\n",
                                out.back().name.c_str(), d.count());
      progress->flush();
    }
  }
  std::vector<PhaseTime> &out;
  raw_ostream *progress;
  std::chrono::steady_clock::time_point start;
};

} // namespace

static LogicalResult runPipeline(ModuleOp module, const SpinnakerOptions &o,
                                 std::vector<PhaseTime> &phases) {
  SpinnakerPipelineOptions p;
  p.machine = o.machine;
  p.neuronsPerCore = o.neuronsPerCore;
  p.deadChips = o.deadChips;
  p.deadCores = o.deadCores;
  p.timeStepUs = o.timeStepUs;
  p.spikeRate = o.spikeRate;
  p.compressor = o.compressor;
  p.check = o.check;
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  buildSpinnakerPipeline(pm, p);
  pm.addInstrumentation(std::make_unique<PhaseTimer>(phases, o.progress));
  // The passes only add spinn ops and attributes; verifying the whole module
  // after each of them would re-verify every weight of the (unchanged)
  // network eight times, which dominated large mappings.  The spinn IR is
  // verified once, below, after the last phase.
  pm.enableVerifier(false);
  if (failed(pm.run(module)))
    return failure();
  auto start = std::chrono::steady_clock::now();
  for (auto m : module.getOps<spinn::MachineOp>())
    if (failed(verify(m)))
      return failure();
  std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
  phases.push_back({"verify-spinn", d.count()});
  if (o.progress)
    *o.progress << llvm::format("spinnaker: %-24s %9.3f s\n",
                                (const char *)"verify-spinn", d.count());
  return success();
}

LogicalResult
axon::spinnaker::compileForSpinnaker(ModuleOp module,
                                     const SpinnakerOptions &options,
                                     StringRef outDir, raw_ostream &summary) {
  std::vector<PhaseTime> phases;
  if (failed(runPipeline(module, options, phases)))
    return failure();
  FailureOr<spinn::MachineOp> m = getSingleMachine(module);
  if (failed(m))
    return failure();
  if (std::error_code ec = llvm::sys::fs::create_directories(outDir))
    return module.emitError()
           << "cannot create '" << outDir << "': " << ec.message();
  auto writeStart = std::chrono::steady_clock::now();
  auto emitSummaryText = [&](raw_ostream &os) {
    writeSummaryText(*m, phases, os);
    return success();
  };
  auto emitSummaryJSON = [&](raw_ostream &os) {
    writeSummaryJSON(*m, phases, os);
    return success();
  };
  if (failed(writeFileAtomically(
          m->getLoc(), outDir, "placements.json",
          [&](raw_ostream &os) { return exportPlacementsJSON(*m, os); })) ||
      failed(writeFileAtomically(
          m->getLoc(), outDir, "routing_tables.json",
          [&](raw_ostream &os) { return exportRoutingTablesJSON(*m, os); })) ||
      failed(writeFileAtomically(
          m->getLoc(), outDir, "coremap.pb",
          [&](raw_ostream &os) { return exportCoreMapProto(*m, os); })) ||
      failed(writeFileAtomically(
          m->getLoc(), outDir, "coremap.svg",
          [&](raw_ostream &os) { return exportCoreMapSVG(*m, os); })) ||
      failed(writeFileAtomically(m->getLoc(), outDir, "summary.txt",
                                 emitSummaryText)) ||
      failed(writeFileAtomically(m->getLoc(), outDir, "summary.json",
                                 emitSummaryJSON)))
    return failure();
  // The mapped IR: parseable again by axon-opt (e.g. --spinn-replay-check).
  if (options.emitIR &&
      failed(writeFileAtomically(
          m->getLoc(), outDir, "spinn.mlir", [&](raw_ostream &os) {
            // Node names live in NameLocs, so the locations are printed too.
            module.print(os, OpPrintingFlags().enableDebugInfo());
            os << "\n";
            return success();
          })))
    return failure();
  if (options.progress) {
    std::chrono::duration<double> d =
        std::chrono::steady_clock::now() - writeStart;
    *options.progress << llvm::format("spinnaker: %-24s %9.3f s\n",
                                      (const char *)"write outputs", d.count());
  }
  writeSummaryText(*m, phases, summary);
  return success();
}

//===- CompileThreshold.cpp - axonc compile --target=threshold ------------===//
//
// `axonc compile MODEL --target threshold [--max-fanin K] [--dataset CSV]
// [--pes P] -o OUTDIR`: maps the command line onto
// threshold::compileForThreshold (targets/threshold/Compile.h), which runs
// the passes and writes the files.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Options.h"

#include "targets/threshold/Compile.h"

using namespace mlir;
using namespace llvm;

static cl::opt<unsigned>
    thMaxFanIn("max-fanin",
               cl::desc("threshold: largest fan-in K of a threshold cell"),
               cl::init(4), cl::cat(axonc::category()));
static cl::opt<int64_t>
    thMaxWeight("max-weight",
                cl::desc("threshold: largest |weight| of one cell pin "
                         "(1 = +-1 cells)"),
                cl::init(2), cl::cat(axonc::category()));
static cl::opt<unsigned>
    thInputBits("input-bits",
                cl::desc("threshold: 0 = +-1 inputs; B = unsigned B-bit "
                         "inputs (bit-plane expansion of the first layer)"),
                cl::init(0), cl::cat(axonc::category()));
static cl::opt<unsigned>
    thPEs("pes",
          cl::desc("threshold: processing elements of the TULIP "
                   "schedule"),
          cl::init(16), cl::cat(axonc::category()));
static cl::opt<unsigned>
    thCellsPerPE("cells-per-pe",
                 cl::desc("threshold: threshold cells per TULIP PE"),
                 cl::init(4), cl::cat(axonc::category()));
static cl::opt<size_t>
    thMaxRows("max-rows",
              cl::desc("threshold: evaluate only the first N dataset rows"),
              cl::init(0), cl::cat(axonc::category()));

static cl::opt<bool> thCmosBaseline(
    "cmos-baseline",
    cl::desc("threshold: also synthesize the XNOR-popcount CMOS baseline "
             "with yosys + ABC and report its cell count"),
    cl::init(false), cl::cat(axonc::category()));

LogicalResult axonc::compileThreshold(ModuleOp module, StringRef outDir,
                                      raw_ostream &os) {
  if (thMaxFanIn < 2)
    return emitError(module.getLoc(), "--max-fanin must be at least 2, got ")
           << unsigned(thMaxFanIn);
  if (thPEs < 1 || thCellsPerPE < 1)
    return emitError(module.getLoc(),
                     "--pes and --cells-per-pe must be at least 1");
  axon::threshold::ThresholdCompileOptions options;
  options.library.maxFanIn = thMaxFanIn;
  options.library.maxWeight = thMaxWeight;
  options.inputBits = thInputBits;
  options.tulip.numPEs = thPEs;
  options.tulip.cellsPerPE = thCellsPerPE;
  options.datasetPath = datasetPath;
  options.maxRows = thMaxRows;
  options.json = emitJSON;
  options.cmosBaseline = thCmosBaseline;
  return axon::threshold::compileForThreshold(module, options, outDir, os);
}

//===- CompilePrinted.cpp - axonc compile --target=printed ------*- C++ -*-===//
//
// Wires the printed flow (targets/printed/Flow) to axonc's options: the
// dataset, the accuracy-loss bound, the search seed, threads and budget, and
// the EGFET cell library.  The flow writes OUTDIR; this prints its summary.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Options.h"

#include "targets/printed/Flow/Flow.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace llvm;

static cl::opt<double> maxAccuracyLoss(
    "max-accuracy-loss",
    cl::desc("printed: largest loss of training accuracy vs the exact "
             "quantized circuit, as a fraction (default 0.01 = one point)"),
    cl::init(0.01), cl::cat(axonc::category()));
static cl::opt<unsigned> searchThreads(
    "jobs",
    cl::desc(
        "printed: search threads, like make -j (0 = all cores; results do not "
        "depend on it)"),
    cl::init(0), cl::cat(axonc::category()));
static cl::opt<std::string> pdkDir(
    "pdk",
    cl::desc("printed: EGFET cell library folder (default: $AXON_PDK, else "
             "the repository's ../shared/pdk)"),
    cl::value_desc("dir"), cl::init(""), cl::cat(axonc::category()));
static cl::opt<double> testFraction(
    "test-fraction",
    cl::desc("printed: share of a single --dataset CSV used as the test set "
             "(rows spread evenly; a folder gives train.csv/test.csv)"),
    cl::init(0.3), cl::cat(axonc::category()));
static cl::opt<unsigned>
    searchPopulation("search-population",
                     cl::desc("printed: NSGA-II population (even, >= 4)"),
                     cl::init(64), cl::cat(axonc::category()));
static cl::opt<unsigned>
    searchGenerations("search-generations",
                      cl::desc("printed: NSGA-II generations"), cl::init(400),
                      cl::cat(axonc::category()));
static cl::opt<unsigned>
    searchGreedySteps("search-greedy-steps",
                      cl::desc("printed: most moves of the greedy descent"),
                      cl::init(400), cl::cat(axonc::category()));

LogicalResult axonc::compilePrinted(ModuleOp module, StringRef outDir,
                                    raw_ostream &os) {
  auto networks = module.getOps<axon::snn::NetworkOp>();
  if (networks.empty())
    return emitError(module.getLoc(), "the model contains no snn.network");
  if (std::next(networks.begin()) != networks.end())
    return emitError(module.getLoc(),
                     "the model holds several networks; the printed target "
                     "compiles one");
  axon::printed::PrintedFlowOptions options;
  options.datasetPath = datasetPath;
  options.testFraction = testFraction;
  options.maxAccuracyLoss = maxAccuracyLoss;
  options.seed = seed;
  options.threads = searchThreads;
  options.population = searchPopulation;
  options.generations = searchGenerations;
  options.greedySteps = searchGreedySteps;
  options.pdkDir =
      pdkDir.empty() ? axon::printed::defaultPdkDir() : std::string(pdkDir);
  options.outDir = outDir.str();
  options.progress = !quiet;
  axon::printed::PrintedReport report;
  if (failed(axon::printed::runPrintedFlow(*networks.begin(), options, report)))
    return failure();
  if (emitJSON)
    os << formatv("{0:2}", axon::printed::toJSON(report)) << "\n";
  else
    axon::printed::printReport(report, os);
  return success();
}

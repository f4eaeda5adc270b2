//===- BenchPrinted.cpp - The printed flow on the UCI models --------------===//
//
// Runs exactly what `axonc compile --target printed` runs (runPrintedFlow)
// on examples/uci/<dataset>.onnx with ../shared/datasets/uci/<dataset>, at
// each loss bound, and prints one markdown table: float / quantized /
// approximate accuracy, baseline and approximate area from yosys + ABC,
// power, reduction, battery, time.  Targets: >= 3x area at <= 1 % and >= 5x
// at <= 5 % training-accuracy loss, < 2 min per run on 2 cores.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/LoadModel.h"
#include "dialects/net/NetDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "targets/printed/Flow/Flow.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace axon::printed;
namespace cl = llvm::cl;

static cl::list<std::string>
    datasetNames("datasets", cl::CommaSeparated,
                 cl::desc("UCI datasets (default: breast_cancer, cardio, "
                          "seeds, vertebral, redwine, whitewine)"));
static cl::list<double> bounds("bounds", cl::CommaSeparated,
                               cl::desc("loss bounds (default 0.01,0.05)"));
static cl::opt<std::string> sharedDir("shared", cl::init(AXON_SHARED_DIR),
                                      cl::desc("the shared folder"));
static cl::opt<std::string> examplesDir("examples", cl::init(AXON_UCI_DIR),
                                        cl::desc("folder of <dataset>.onnx"));
static cl::opt<std::string> workDir("work-dir", cl::init("/tmp/bench-printed"),
                                    cl::desc("output folders go here"));
static cl::opt<unsigned> threads("threads", cl::init(2));
static cl::opt<uint64_t> seed("seed", cl::init(1));
static cl::opt<unsigned> population("population", cl::init(64));
static cl::opt<unsigned> generations("generations", cl::init(400));
static cl::opt<unsigned> greedySteps("greedy-steps", cl::init(400));
static cl::opt<bool> quiet("quiet", cl::desc("no progress bar"));

/// Compiles one model at one bound; diagnostics go to stderr.
static std::optional<PrintedReport> runOne(mlir::MLIRContext &ctx,
                                           llvm::StringRef name, double bound) {
  llvm::SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &ctx);
  std::string model = (examplesDir + "/" + name + ".onnx").str();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      axon::loadModel(model, sourceMgr, &ctx);
  if (!module)
    return std::nullopt;
  auto networks = module->getOps<axon::snn::NetworkOp>();
  if (networks.empty())
    return std::nullopt;
  PrintedFlowOptions options;
  options.datasetPath = sharedDir + "/datasets/uci/" + name.str();
  options.maxAccuracyLoss = bound;
  options.seed = seed;
  options.threads = threads;
  options.population = population;
  options.generations = generations;
  options.greedySteps = greedySteps;
  options.pdkDir = sharedDir + "/pdk";
  options.outDir = llvm::formatv("{0}/{1}-{2}", workDir, name, bound).str();
  options.progress = !quiet;
  PrintedReport report;
  if (mlir::failed(runPrintedFlow(*networks.begin(), options, report)))
    return std::nullopt;
  return report;
}

static std::string pct(double v) { return llvm::formatv("{0:f1}", 100 * v); }

static void printRow(llvm::raw_ostream &os, const PrintedReport &r) {
  std::optional<double> x = r.areaReduction();
  os << llvm::formatv(
      "| {0} | {1} | {2:f0} % | {3} | {4} / {5} | {6} / {7} | {8} / {9} | "
      "{10:f3} | {11:f3} | {12} | {13:f3} | {14:f3} | {15} | {16:f0} |\n",
      r.model, r.topology, 100 * r.maxAccuracyLoss, pct(r.floatAccuracy.test),
      pct(r.baseline.accuracy.train), pct(r.baseline.accuracy.test),
      pct(r.chosen.accuracy.train), pct(r.chosen.accuracy.test),
      r.baseline.cells, r.chosen.cells, r.baseline.areaUm2 / 1e8,
      r.chosen.areaUm2 / 1e8,
      x ? std::string(llvm::formatv("{0:f1}x", *x)) : std::string("n/a"),
      r.baseline.powerMilliwatt, r.chosen.powerMilliwatt,
      r.chosen.batteryOk ? "yes" : "no", r.totalSeconds());
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "printed flow benchmark\n");
  std::vector<std::string> names(datasetNames.begin(), datasetNames.end());
  if (names.empty())
    names = {"breast_cancer", "cardio",  "seeds",
             "vertebral",     "redwine", "whitewine"};
  std::vector<double> losses(bounds.begin(), bounds.end());
  if (losses.empty())
    losses = {0.01, 0.05};
  mlir::DialectRegistry registry;
  registry.insert<axon::snn::SNNDialect, axon::net::NetDialect>();
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();

  std::vector<PrintedReport> reports;
  bool ok = true;
  for (const std::string &name : names)
    for (double bound : losses) {
      if (!quiet)
        llvm::errs() << llvm::formatv("{0} at {1:f0} % loss\n", name,
                                      100 * bound);
      std::optional<PrintedReport> r = runOne(ctx, name, bound);
      ok &= r.has_value();
      if (r)
        reports.push_back(std::move(*r));
    }
  llvm::raw_ostream &os = llvm::outs();
  os << "\nAccuracies in %; loss bound on TRAINING accuracy vs the exact "
        "quantized circuit; test accuracies from iverilog; areas from yosys + "
        "ABC on the EGFET cells (cm2); power = 0.345 mW/cm2 x area "
        "(mW); "
     << llvm::formatv("seed {0}, {1} threads.\n\n", seed.getValue(),
                      threads.getValue())
            .str();
  os << "| dataset | topology | bound | float test | quantized train / test "
        "| approximate train / test | cells exact / approx | exact cm2 | "
        "approx cm2 | reduction | exact mW | approx mW | battery | time s |\n";
  os << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const PrintedReport &r : reports)
    printRow(os, r);
  return ok ? 0 : 1;
}

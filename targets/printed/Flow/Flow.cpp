//===- Flow.cpp - The printed target's compile flow -----------------------===//
//
// Phases: load (model + dataset), quantize, search, emit (net dialect ->
// Verilog + testbench), simulate (iverilog, checked row by row against the
// integer model), synthesize (yosys + ABC), report.  Every figure that
// reaches the report comes from the files written here: test accuracies from
// simulating them, areas from synthesizing them.  Results depend only on the
// inputs and the seed (the search is deterministic for any thread count).
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Flow/Flow.h"

#include "targets/printed/Core/CostModel.h"
#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/Quantize.h"
#include "targets/printed/Core/Search.h"
#include "targets/printed/Flow/ExtractMLP.h"
#include "targets/printed/Hardware/Hardware.h"

#include "axon/Support/WriteFile.h"
#include "mlir/IR/Diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <thread>

using namespace mlir;
using namespace axon;
using namespace axon::printed;

std::string axon::printed::defaultPdkDir() {
  if (const char *env = std::getenv("AXON_PDK"); env && *env)
    return env;
  llvm::SmallString<256> dir(AXON_DEFAULT_PDK_DIR);
  llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
  return std::string(dir);
}

//===----------------------------------------------------------------------===//
// Dataset
//===----------------------------------------------------------------------===//

static llvm::Error datasetError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

llvm::Expected<DatasetSplit>
axon::printed::loadFlowDataset(llvm::StringRef path, double testFraction) {
  if (llvm::sys::fs::is_directory(path)) {
    llvm::SmallString<256> trainPath(path), testPath(path);
    llvm::sys::path::append(trainPath, "train.csv");
    llvm::sys::path::append(testPath, "test.csv");
    for (llvm::StringRef file : {trainPath.str(), testPath.str()})
      if (!llvm::sys::fs::exists(file))
        return datasetError("dataset folder '" + path + "' has no " +
                            llvm::sys::path::filename(file) +
                            " (expected train.csv and test.csv)");
    llvm::Expected<Dataset> train = readDatasetCSV(trainPath);
    if (!train)
      return train.takeError();
    llvm::Expected<Dataset> test = readDatasetCSV(testPath);
    if (!test)
      return test.takeError();
    if (train->numFeatures != test->numFeatures)
      return datasetError(testPath + " has " + llvm::Twine(test->numFeatures) +
                          " features but train.csv has " +
                          llvm::Twine(train->numFeatures));
    return DatasetSplit{std::move(*train), std::move(*test)};
  }
  if (!llvm::sys::fs::exists(path))
    return datasetError("dataset '" + path +
                        "' not found: expected a folder with train.csv and "
                        "test.csv, or one CSV file");
  if (!(testFraction > 0 && testFraction < 1))
    return datasetError("the test fraction must be in (0, 1), got " +
                        llvm::formatv("{0}", testFraction).str());
  llvm::Expected<Dataset> all = readDatasetCSV(path);
  if (!all)
    return all.takeError();
  DatasetSplit split;
  split.train.numFeatures = split.test.numFeatures = all->numFeatures;
  for (unsigned r = 0; r < all->numRows(); ++r) {
    bool isTest =
        std::floor((r + 1) * testFraction) > std::floor(r * testFraction);
    Dataset &part = isTest ? split.test : split.train;
    llvm::ArrayRef<double> row = all->row(r);
    part.features.insert(part.features.end(), row.begin(), row.end());
    part.labels.push_back(all->labels[r]);
  }
  return split;
}

/// The dataset must fit the model: one column per input, labels below the
/// number of outputs, rows in both parts.
static LogicalResult checkDataset(Location loc, const FloatMLP &model,
                                  const DatasetSplit &data,
                                  llvm::StringRef path) {
  if (data.train.numFeatures != model.numInputs())
    return emitError(loc) << "dataset '" << path << "' has "
                          << data.train.numFeatures
                          << " feature columns but the model takes "
                          << model.numInputs() << " inputs";
  if (data.train.numRows() == 0 || data.test.numRows() == 0)
    return emitError(loc) << "dataset '" << path << "' needs training and "
                          << "test rows, got " << data.train.numRows()
                          << " and " << data.test.numRows();
  unsigned classes = std::max(data.train.numClasses(), data.test.numClasses());
  if (classes > model.numClasses())
    return emitError(loc) << "dataset '" << path << "' has labels up to "
                          << classes - 1 << " but the model has "
                          << model.numClasses() << " outputs";
  return success();
}

//===----------------------------------------------------------------------===//
// Phases
//===----------------------------------------------------------------------===//

namespace {
/// Wall-clock time per phase.
class PhaseTimer {
public:
  explicit PhaseTimer(PrintedReport &report) : report(report) {}
  void lap(llvm::StringRef phase) {
    auto now = std::chrono::steady_clock::now();
    report.phaseSeconds.push_back(
        {phase.str(), std::chrono::duration<double>(now - start).count()});
    start = now;
  }

private:
  PrintedReport &report;
  std::chrono::steady_clock::time_point start =
      std::chrono::steady_clock::now();
};

/// Everything before the search.
struct Prepared {
  FloatMLP floatModel;
  DatasetSplit data;
  InputScaler scaler;
  QuantizedData train, test;
  IntMLP exact;
};
} // namespace

static std::string topologyOf(const FloatMLP &m) {
  std::string s = std::to_string(m.numInputs());
  for (const FloatLayer &l : m.layers)
    s += "-" + std::to_string(l.numOutputs);
  return s;
}

/// Extracts the model, reads the dataset, quantizes (load + quantize phases).
static LogicalResult prepare(snn::NetworkOp network,
                             const PrintedFlowOptions &options,
                             PrintedReport &report, PhaseTimer &timer,
                             Prepared &p) {
  Location loc = network.getLoc();
  FailureOr<FloatMLP> model = extractMLP(network);
  if (failed(model))
    return failure();
  p.floatModel = std::move(*model);
  llvm::Expected<DatasetSplit> data =
      loadFlowDataset(options.datasetPath, options.testFraction);
  if (!data)
    return emitError(loc) << llvm::toString(data.takeError());
  p.data = std::move(*data);
  if (failed(checkDataset(loc, p.floatModel, p.data, options.datasetPath)))
    return failure();
  timer.lap("load");

  p.scaler = fitInputScaler(p.data.train);
  report.floatAccuracy.train = floatAccuracy(
      p.floatModel, scaleDataset(p.scaler, p.data.train), p.data.train.labels);
  report.floatAccuracy.test = floatAccuracy(
      p.floatModel, scaleDataset(p.scaler, p.data.test), p.data.test.labels);
  p.train = quantizeDataset(p.scaler, p.data.train);
  p.test = quantizeDataset(p.scaler, p.data.test);
  llvm::Expected<QuantizedMLP> quant = quantizeMLP(
      p.floatModel, p.scaler.codeStep(), p.scaler.options.bits, &p.train);
  if (!quant)
    return emitError(loc) << "cannot quantize the model: "
                          << llvm::toString(quant.takeError());
  p.exact = std::move(quant->model);
  report.topology = topologyOf(p.floatModel);
  report.inputs = p.floatModel.numInputs();
  report.classes = p.floatModel.numClasses();
  report.trainRows = p.data.train.numRows();
  report.testRows = p.data.test.numRows();
  timer.lap("quantize");
  return success();
}

/// One line redrawn in place on a terminal; elsewhere one line per phase.
static std::function<void(const SearchProgress &)> progressBar() {
  bool terminal = llvm::errs().is_displayed();
  return [terminal](const SearchProgress &p) {
    bool last = p.step == p.steps;
    if (!terminal && !last)
      return;
    constexpr unsigned width = 30;
    unsigned filled = p.steps ? width * p.step / p.steps : width;
    llvm::errs() << llvm::formatv(
        "{0}  search [{1}{2}] {3,-7} {4,4}/{5,-4} evals {6,7}, front {7,3}, "
        "smallest {8:f3} cm2{9}",
        terminal ? "\r" : "", std::string(filled, '#'),
        std::string(width - filled, '.'), p.phase, p.step, p.steps,
        p.evaluations, p.frontSize, p.bestArea / 1e8, terminal ? "" : "\n");
  };
}

/// Runs the search and fills the front and the accuracies of both designs.
static SearchResult search(const PrintedFlowOptions &options, const Prepared &p,
                           PrintedReport &report, size_t &chosenIndex) {
  unsigned nc = p.exact.numClasses();
  EvalSet trainSet = EvalSet::build(p.train, nc);
  EvalSet testSet = EvalSet::build(p.test, nc);
  SearchOptions so;
  so.seed = options.seed;
  so.threads = report.threads;
  so.maxLoss = options.maxAccuracyLoss;
  so.lossBounds = {options.maxAccuracyLoss};
  so.population = options.population;
  so.generations = options.generations;
  so.greedySteps = options.greedySteps;
  if (options.progress)
    so.progress = progressBar();
  SearchResult result =
      searchApproximations(p.exact, trainSet, &testSet, GateCosts::egfet(), so);
  if (options.progress && llvm::errs().is_displayed())
    llvm::errs() << "\n";
  // The exact design is always a candidate, so a design within the bound
  // exists; fall back to the smallest front design defensively.
  chosenIndex = result.chosen.front().index.value_or(0);
  report.evaluations = result.evaluations;
  for (auto [i, d] : llvm::enumerate(result.front))
    report.front.push_back(FrontPoint{
        d.area, {d.trainAccuracy, d.testAccuracy}, d.origin, i == chosenIndex});
  return result;
}

/// Lowers `model` to the net dialect and writes its folder.
static LogicalResult emit(MLIRContext *ctx, Location loc, const IntMLP &model,
                          const QuantizedData &test, llvm::StringRef dir) {
  OwningOpRef<ModuleOp> net = lowerToNet(model, ctx);
  if (!net)
    return emitError(loc) << "cannot lower the design to the net dialect";
  std::vector<std::vector<uint8_t>> rows;
  for (unsigned r = 0; r < test.numRows(); ++r)
    rows.emplace_back(test.row(r).begin(), test.row(r).end());
  if (failed(writeDesign(*net, model, rows, test.labels, dir)))
    return emitError(loc) << "cannot write the design to " << dir;
  return success();
}

/// Simulates the folder with iverilog; every prediction must equal the
/// integer model's.  Fills the test accuracy from the simulation.
static LogicalResult simulate(Location loc, const IntMLP &model,
                              const QuantizedData &test, llvm::StringRef dir,
                              HardwareDesign &design) {
  llvm::Expected<std::vector<unsigned>> got = simulateWithIverilog(dir);
  if (!got)
    return emitError(loc) << "simulating " << dir << " with iverilog failed: "
                          << llvm::toString(got.takeError());
  if (got->size() != test.numRows())
    return emitError(loc) << "iverilog gave " << got->size()
                          << " predictions for " << test.numRows()
                          << " test rows in " << dir;
  unsigned mismatches = 0, correct = 0, first = 0;
  for (unsigned r = 0; r < test.numRows(); ++r) {
    if ((*got)[r] != predictInt(model, test.row(r)) && mismatches++ == 0)
      first = r;
    correct += (*got)[r] == test.labels[r];
  }
  if (mismatches)
    return emitError(loc) << "the circuit in " << dir
                          << " disagrees with the integer model on "
                          << mismatches << " of " << test.numRows()
                          << " test rows (first: row " << first << ", iverilog "
                          << (*got)[first] << ", model "
                          << predictInt(model, test.row(first)) << ")";
  design.testCorrect = correct;
  design.accuracy.test = double(correct) / test.numRows();
  return success();
}

/// yosys + ABC area, leakage power and the battery check.
static LogicalResult applySynthesis(Location loc, llvm::StringRef verilog,
                                    llvm::Expected<SynthesisResult> result,
                                    HardwareDesign &design) {
  if (!result)
    return emitError(loc) << "synthesizing " << verilog
                          << " failed: " << llvm::toString(result.takeError());
  design.areaUm2 = result->areaUm2;
  design.cells = result->cells;
  design.synthesisWarnings = result->warnings;
  design.powerMilliwatt = kLeakageMilliwattPerCm2 * design.areaUm2 / 1e8;
  design.batteryOk = design.powerMilliwatt < kPrintedBatteryMilliwatt;
  return success();
}

static std::string topOf(llvm::StringRef dir) {
  llvm::SmallString<256> verilog(dir);
  llvm::sys::path::append(verilog, "top.v");
  return std::string(verilog);
}

namespace {
/// yosys on another thread: the exact design is known before the search, and
/// synthesizing it is the slowest step, so it runs while the search does.
/// The thread only runs the external tool; diagnostics stay on the caller.
class BackgroundSynthesis {
public:
  BackgroundSynthesis(std::string verilog, std::string pdkDir)
      : thread([this, verilog, pdkDir] {
          result.emplace(synthesizeArea(verilog, pdkDir));
        }) {}
  ~BackgroundSynthesis() {
    if (thread.joinable())
      thread.join();
    if (!taken && result && !*result)
      llvm::consumeError(result->takeError());
  }
  llvm::Expected<SynthesisResult> take() {
    thread.join();
    taken = true;
    return std::move(*result);
  }

private:
  std::optional<llvm::Expected<SynthesisResult>> result;
  bool taken = false;
  std::thread thread; // last: starts once the members above exist
};
} // namespace

static LogicalResult writeReports(Location loc, llvm::StringRef dir,
                                  const PrintedReport &report) {
  if (failed(writeTextFile(loc, dir, "report.json",
                           [&](llvm::raw_ostream &os) {
                             os << llvm::formatv("{0:2}", toJSON(report))
                                << "\n";
                           })) ||
      failed(writeTextFile(loc, dir, "report.txt", [&](llvm::raw_ostream &os) {
        printReport(report, os);
      })))
    return failure();
  return writeTextFile(loc, dir, "pareto.svg", [&](llvm::raw_ostream &os) {
    os << renderParetoSVG(report);
  });
}

//===----------------------------------------------------------------------===//
// The flow
//===----------------------------------------------------------------------===//

/// Checks options that do not depend on the model.
static LogicalResult checkOptions(Location loc,
                                  const PrintedFlowOptions &options) {
  if (!(options.maxAccuracyLoss >= 0 && options.maxAccuracyLoss <= 1))
    return emitError(loc) << "--max-accuracy-loss must be a fraction in "
                             "[0, 1] (0.01 = one point), got "
                          << options.maxAccuracyLoss;
  if (options.datasetPath.empty())
    return emitError(loc) << "the printed target needs --dataset (a folder "
                             "with train.csv and test.csv, or one CSV)";
  llvm::SmallString<256> lib(options.pdkDir);
  llvm::sys::path::append(lib, "egfet.lib");
  if (!llvm::sys::fs::exists(lib))
    return emitError(loc) << "no EGFET cell library at " << lib
                          << " (pass --pdk DIR or set AXON_PDK to the "
                             "shared/pdk folder)";
  if (options.population < 4 || options.population % 2)
    return emitError(loc)
           << "--search-population must be an even number >= 4, got "
           << options.population;
  return success();
}

LogicalResult axon::printed::runPrintedFlow(snn::NetworkOp network,
                                            const PrintedFlowOptions &options,
                                            PrintedReport &report) {
  Location loc = network.getLoc();
  if (failed(checkOptions(loc, options)))
    return failure();
  report.model = network.getSymName().str();
  report.dataset = options.datasetPath;
  report.maxAccuracyLoss = options.maxAccuracyLoss;
  report.seed = options.seed;
  report.population = options.population;
  report.generations = options.generations;
  report.greedySteps = options.greedySteps;
  report.threads = options.threads
                       ? options.threads
                       : std::max(1u, std::thread::hardware_concurrency());
  PhaseTimer timer(report);
  Prepared p;
  if (failed(prepare(network, options, report, timer, p)))
    return failure();

  llvm::SmallString<256> baseDir(options.outDir);
  llvm::sys::path::append(baseDir, "baseline");
  MLIRContext *ctx = network.getContext();
  if (failed(emit(ctx, loc, p.exact, p.test, baseDir)))
    return failure();
  BackgroundSynthesis baselineSynthesis(topOf(baseDir), options.pdkDir);
  timer.lap("emit baseline");

  size_t chosenIndex = 0;
  SearchResult result = search(options, p, report, chosenIndex);
  const DesignPoint &chosen = result.front[chosenIndex];
  timer.lap("search");

  report.baseline.dir = "baseline";
  report.chosen.dir = ".";
  report.baseline.accuracy.train = result.exact.trainAccuracy;
  report.chosen.accuracy.train = chosen.trainAccuracy;
  report.baseline.estimatedAreaUm2 = result.exact.area;
  report.chosen.estimatedAreaUm2 = chosen.area;
  report.chosen.changes = describeChanges(result.exact.model, chosen.model);
  if (failed(emit(ctx, loc, chosen.model, p.test, options.outDir)))
    return failure();
  timer.lap("emit");
  if (options.progress)
    llvm::errs() << "  iverilog: both designs on " << p.test.numRows()
                 << " test rows\n";
  if (failed(simulate(loc, p.exact, p.test, baseDir, report.baseline)) ||
      failed(
          simulate(loc, chosen.model, p.test, options.outDir, report.chosen)))
    return failure();
  timer.lap("simulate");
  std::string chosenTop = topOf(options.outDir);
  if (options.progress)
    llvm::errs() << "  yosys + ABC: the chosen design (the baseline's run "
                    "started before the search)\n";
  if (failed(applySynthesis(loc, chosenTop,
                            synthesizeArea(chosenTop, options.pdkDir),
                            report.chosen)) ||
      failed(applySynthesis(loc, topOf(baseDir), baselineSynthesis.take(),
                            report.baseline)))
    return failure();
  timer.lap("synthesize");
  return writeReports(loc, options.outDir, report);
}

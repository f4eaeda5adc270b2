//===- BenchPrinted.cpp - Printed-MLP approximation benchmark -------------===//
//
// For each UCI dataset: a float MLP (read from --weights-dir, or fitted here
// with seeded SGD), its exact 8-bit bespoke circuit, then the approximation
// search; prints accuracy, estimated EGFET area and time per dataset against
// the targets (>= 3x at <= 1 % loss, >= 5x at <= 5 % loss, < 2 min on 2
// cores).  --synth runs yosys + ABC (shared/pdk/area.sh) on the exact and the
// chosen designs and fits the cost model's calibration; --verify simulates
// them with iverilog against the integer reference model.
//
//===----------------------------------------------------------------------===//

#include "bench/printed/Synth.h"
#include "bench/printed/TrainMLP.h"

#include "targets/printed/Core/CostModel.h"
#include "targets/printed/Core/Dataset.h"
#include "targets/printed/Core/Evaluate.h"
#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/Quantize.h"
#include "targets/printed/Core/Random.h"
#include "targets/printed/Core/Search.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <map>

using namespace axon::printed;
using namespace axon::printed::bench;
namespace cl = llvm::cl;

static cl::list<std::string>
    datasetNames("datasets", cl::CommaSeparated,
                 cl::desc("UCI datasets (default: all seven)"));
static cl::opt<std::string> sharedDir("shared", cl::init(AXON_SHARED_DIR),
                                      cl::desc("the shared folder"));
static cl::opt<std::string>
    weightsDir("weights-dir", cl::init(""),
               cl::desc("read float models from DIR/<dataset>.json"));
static cl::opt<std::string>
    saveWeightsDir("save-weights-dir", cl::init(""),
                   cl::desc("write the fitted float models to DIR"));
static cl::opt<unsigned> threads("threads", cl::init(2));
static cl::opt<uint64_t> seed("seed", cl::init(1));
static cl::opt<unsigned> population("population", cl::init(64));
static cl::opt<unsigned> generations("generations", cl::init(400));
static cl::opt<unsigned> greedySteps("greedy-steps", cl::init(400));
static cl::opt<unsigned> epochs("epochs", cl::init(300));
static cl::opt<bool> literature("literature",
                                cl::desc("inputs as the published designs: "
                                         "[0, 0.9], floor(16 x)"));
static cl::opt<bool> synth("synth", cl::desc("run yosys + ABC on the exact "
                                             "and chosen designs"));
static cl::opt<bool> verify("verify", cl::desc("simulate the exact and chosen "
                                               "designs with iverilog"));
static cl::opt<std::string> workDir("work-dir", cl::init("/tmp/bench-printed"),
                                    cl::desc("scratch folder for --synth"));
static cl::opt<bool> quiet("quiet", cl::desc("no progress lines"));

/// Hidden widths per dataset, as in the published printed MLPs.
static std::vector<unsigned> hiddenFor(llvm::StringRef name) {
  static const std::map<std::string, std::vector<unsigned>> table = {
      {"breast_cancer", {3}}, {"cardio", {3}},  {"seeds", {3}},
      {"vertebral", {3}},     {"redwine", {2}}, {"whitewine", {4}},
      {"balance", {3}}};
  auto it = table.find(name.str());
  return it == table.end() ? std::vector<unsigned>{3} : it->second;
}

namespace {
struct Row {
  std::string name, topology;
  double floatTest = 0, quantTrain = 0, quantTest = 0, exactArea = 0;
  std::vector<const DesignPoint *> chosen;
  SearchResult result;
  double searchSeconds = 0;
  std::vector<SynthResult> synth;
};
} // namespace

static llvm::Expected<FloatMLP> floatModelFor(llvm::StringRef name,
                                              const Dataset &train,
                                              const InputScaler &scaler) {
  std::string path = (weightsDir + "/" + name + ".json").str();
  if (!weightsDir.empty() && llvm::sys::fs::exists(path))
    return readFloatMLPJSON(path);
  TrainOptions opts;
  opts.hidden = hiddenFor(name);
  opts.epochs = epochs;
  opts.seed = seed;
  FloatMLP m = trainMLP(scaleDataset(scaler, train), train.numFeatures,
                        train.labels, train.numClasses(), opts);
  if (!saveWeightsDir.empty()) {
    std::error_code ec;
    llvm::raw_fd_ostream os(saveWeightsDir + "/" + name.str() + ".json", ec);
    if (!ec)
      os << writeFloatMLPJSON(m) << "\n";
  }
  return m;
}

static std::string topologyOf(const IntMLP &m) {
  std::string s = std::to_string(m.numInputs());
  for (const IntLayer &l : m.layers)
    s += "-" + std::to_string(l.numOutputs);
  return s;
}

static SearchOptions searchOptions() {
  SearchOptions o;
  o.seed = seed;
  o.threads = threads;
  o.population = population;
  o.generations = generations;
  o.greedySteps = greedySteps;
  o.maxLoss = 0.05;
  o.lossBounds = {0.01, 0.05};
  if (!quiet)
    o.progress = [](const SearchProgress &p) {
      if (p.step % 25 == 0 || p.step == p.steps)
        llvm::errs() << llvm::formatv(
            "  [{0} {1}/{2}] evals {3}, front {4}, smallest {5:f2} cm2\n",
            p.phase, p.step, p.steps, p.evaluations, p.frontSize,
            p.bestArea / 1e8);
    };
  return o;
}

/// The test rows plus seeded random input vectors (labels unused).
static QuantizedData verificationVectors(const QuantizedData &test) {
  QuantizedData v = test;
  SplitMix64 rng(seed);
  unsigned top = (1u << test.inputBits) - 1;
  for (unsigned r = 0; r < 1000; ++r) {
    for (unsigned f = 0; f < test.numFeatures; ++f)
      v.codes.push_back(static_cast<uint8_t>(rng.range(0, top)));
    v.labels.push_back(0);
  }
  return v;
}

/// Synthesizes and/or simulates the exact and chosen designs.
static void checkHardware(Row &row, const QuantizedData &testRows) {
  QuantizedData test = verificationVectors(testRows);
  std::string pdk = sharedDir + "/pdk";
  std::vector<std::pair<std::string, const DesignPoint *>> designs = {
      {"exact", &row.result.exact}};
  for (size_t i = 0; i < row.chosen.size(); ++i)
    if (row.chosen[i])
      designs.push_back({i == 0 ? "loss1" : "loss5", row.chosen[i]});
  for (auto &[tag, d] : designs) {
    std::string name = row.name + "_" + tag;
    std::vector<std::string> files = {workDir + "/" + name + ".v"};
    SynthResult s;
    if (synth) {
      auto r = synthesize(d->model, pdk, workDir, name);
      if (!r) {
        llvm::errs() << "synth " << name << ": " << toString(r.takeError())
                     << "\n";
        continue;
      }
      s = *r;
      row.synth.push_back(s);
    } else {
      std::error_code ec;
      llvm::sys::fs::create_directories(workDir);
      llvm::raw_fd_ostream os(files[0], ec);
      writeVerilog(d->model, os);
    }
    if (!verify)
      continue;
    auto rtl = simulate(d->model, files, test, workDir, name + "_rtl");
    llvm::outs() << llvm::formatv("  verify {0} RTL: ", name)
                 << (rtl ? std::to_string(*rtl) + " mismatches"
                         : toString(rtl.takeError()));
    if (synth) {
      std::vector<std::string> mapped = {s.mappedNetlist,
                                         pdk + "/egfet_cells.v"};
      auto net = simulate(d->model, mapped, test, workDir, name + "_net");
      llvm::outs() << ", mapped netlist: "
                   << (net ? std::to_string(*net) + " mismatches"
                           : toString(net.takeError()));
    }
    llvm::outs() << " (" << testRows.numRows() << " test rows + "
                 << test.numRows() - testRows.numRows() << " random)\n";
  }
}

static std::optional<Row> runDataset(llvm::StringRef name) {
  auto split = loadDatasetSplit(sharedDir + "/datasets/uci", name);
  if (!split) {
    llvm::errs() << toString(split.takeError()) << "\n";
    return std::nullopt;
  }
  InputScaler scaler =
      fitInputScaler(split->train, literature ? InputQuantOptions::literature()
                                              : InputQuantOptions());
  auto model = floatModelFor(name, split->train, scaler);
  if (!model) {
    llvm::errs() << toString(model.takeError()) << "\n";
    return std::nullopt;
  }
  Row row;
  row.name = name.str();
  row.floatTest = floatAccuracy(*model, scaleDataset(scaler, split->test),
                                split->test.labels);
  QuantizedData qtrain = quantizeDataset(scaler, split->train);
  QuantizedData qtest = quantizeDataset(scaler, split->test);
  auto quant =
      quantizeMLP(*model, scaler.codeStep(), scaler.options.bits, &qtrain);
  if (!quant) {
    llvm::errs() << toString(quant.takeError()) << "\n";
    return std::nullopt;
  }
  unsigned nc = std::max(split->train.numClasses(), model->numClasses());
  EvalSet trainSet = EvalSet::build(qtrain, nc);
  EvalSet testSet = EvalSet::build(qtest, nc);
  row.topology = topologyOf(quant->model);
  if (!quiet)
    llvm::errs() << name << " (" << row.topology << "): search\n";
  auto t0 = std::chrono::steady_clock::now();
  row.result = searchApproximations(quant->model, trainSet, &testSet,
                                    GateCosts::egfet(), searchOptions());
  row.searchSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  row.quantTrain = row.result.exact.trainAccuracy;
  row.quantTest = row.result.exact.testAccuracy;
  row.exactArea = row.result.exact.area;
  for (const ChosenDesign &c : row.result.chosen)
    row.chosen.push_back(c.index ? &row.result.front[*c.index] : nullptr);
  if (synth || verify)
    checkHardware(row, qtest);
  return row;
}

static std::string pct(double v) { return llvm::formatv("{0:f1}", 100 * v); }

static void printTable(llvm::ArrayRef<Row> rows) {
  llvm::raw_ostream &os = llvm::outs();
  os << "\nEstimated EGFET area (analytic model, cm2); accuracies in %; "
        "loss bounds on TRAINING accuracy vs the exact quantized design.\n";
  os << llvm::formatv("{0,-14} {1,-9} {2,6} {3,13} {4,8} | {5,-30} | "
                      "{6,-30} | {7,7} {8,7}\n",
                      "dataset", "topology", "float", "quant tr/te", "exact",
                      "<=1%: area  x  train/test", "<=5%: area  x  train/test",
                      "time s", "evals");
  for (const Row &r : rows) {
    os << llvm::formatv("{0,-14} {1,-9} {2,6} {3,13} {4,8:f3} |", r.name,
                        r.topology, pct(r.floatTest),
                        pct(r.quantTrain) + "/" + pct(r.quantTest),
                        r.exactArea / 1e8);
    for (const DesignPoint *d : r.chosen) {
      if (!d) {
        os << llvm::formatv(" {0,-30} |", "none");
        continue;
      }
      os << llvm::formatv(" {0,6:f3} {1,5:f1}x {2,15} |", d->area / 1e8,
                          r.exactArea / d->area,
                          pct(d->trainAccuracy) + "/" + pct(d->testAccuracy));
    }
    os << llvm::formatv(" {0,7:f1} {1,7}\n", r.searchSeconds,
                        r.result.evaluations);
  }
}

static void printSynthesis(llvm::ArrayRef<Row> rows) {
  std::vector<std::pair<double, double>> pairs;
  llvm::raw_ostream &os = llvm::outs();
  os << "\nyosys + ABC (shared/pdk/area.sh) vs the analytic estimate, cm2:\n";
  os << llvm::formatv("{0,-14} {1,-6} {2,9} {3,9} {4,7} {5,7}\n", "dataset",
                      "design", "estimate", "real", "cells", "real x");
  for (const Row &r : rows) {
    std::vector<const DesignPoint *> designs = {&r.result.exact};
    designs.insert(designs.end(), r.chosen.begin(), r.chosen.end());
    const char *tags[] = {"exact", "<=1%", "<=5%"};
    size_t s = 0;
    for (size_t i = 0; i < designs.size() && s < r.synth.size(); ++i) {
      if (!designs[i])
        continue;
      const SynthResult &res = r.synth[s++];
      pairs.push_back({designs[i]->area, res.areaUm2});
      os << llvm::formatv("{0,-14} {1,-6} {2,9:f3} {3,9:f3} {4,7} {5,7:f1}\n",
                          r.name, tags[i], designs[i]->area / 1e8,
                          res.areaUm2 / 1e8, res.cells,
                          r.synth.front().areaUm2 / res.areaUm2);
    }
  }
  auto report = [&](const char *what, const Calibration &cal) {
    double worst = 0, sum = 0;
    for (auto [est, real] : pairs) {
      double e = std::fabs(cal.apply(est) - real) / real;
      worst = std::max(worst, e);
      sum += e;
    }
    os << llvm::formatv("calibration ({0}): real = {1:f4} * estimate + {2:f0} "
                        "um2; relative error mean {3:f1}%, worst {4:f1}% "
                        "({5} designs)\n",
                        what, cal.scale, cal.offset,
                        100 * sum / std::max<size_t>(1, pairs.size()),
                        100 * worst, pairs.size());
  };
  report("least squares", Calibration::fit(pairs));
  report("relative", Calibration::fitRelative(pairs));
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "printed-MLP approximation bench\n");
  std::vector<std::string> names(datasetNames.begin(), datasetNames.end());
  if (names.empty())
    names = {"breast_cancer", "cardio",    "seeds",  "vertebral",
             "redwine",       "whitewine", "balance"};
  std::vector<Row> rows;
  for (const std::string &name : names)
    if (std::optional<Row> row = runDataset(name))
      rows.push_back(std::move(*row));
  printTable(rows);
  if (synth)
    printSynthesis(rows);
  return rows.size() == names.size() ? 0 : 1;
}

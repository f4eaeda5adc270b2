//===- Compile.cpp - The threshold-logic flow behind axonc ----------------===//
//
// Runs convert-snn-to-tlg and tlg-legalize-fanin, writes the netlist in every
// output format (atomically, deterministic bytes), and evaluates it on a
// dataset with the net interpreter, cross-checked against the Core
// evaluator, the unlegalized netlist and the .th text parsed back.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Compile.h"
#include "targets/threshold/Baseline/Baseline.h"

#include "axon/Export/Verilog.h"
#include "axon/Simulate/Evaluate.h"
#include "dialects/net/Interpreter.h"
#include "targets/threshold/Core/Legalize.h"
#include "targets/threshold/Core/Report.h"
#include "targets/threshold/Core/TH.h"
#include "targets/threshold/Core/Verilog.h"
#include "targets/threshold/NetlistIR.h"
#include "targets/threshold/Passes.h"
#include "targets/threshold/SNNReader.h"

#include "axon/Support/WriteFile.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {
/// What the flow produced, before anything is written.
struct Flow {
  BinarizedNetwork network;
  bool argMax = false;
  std::vector<std::string> layerNames;
  Netlist folded, legal;
  net::NetModuleOp module;
};

/// Per-row results of the dataset evaluation.
struct DatasetResult {
  size_t rows = 0, correct = 0;
  /// Rows on which each cross-check agreed with the interpreter.
  size_t coreAgrees = 0, foldedAgrees = 0, thAgrees = 0;
  std::vector<int64_t> labels;
  std::vector<uint64_t> predictions;
  std::vector<std::vector<uint8_t>> vectors;
};
} // namespace

static FailureOr<net::NetModuleOp> findTLGModule(ModuleOp module) {
  for (auto m : module.getOps<net::NetModuleOp>())
    if (!m.getBodyBlock()->getOps<tlg::GateOp>().empty())
      return m;
  return emitError(module.getLoc(), "the threshold flow produced no gates");
}

static FailureOr<Flow> runFlow(ModuleOp module,
                               const ThresholdCompileOptions &options) {
  auto networks = module.getOps<snn::NetworkOp>();
  if (networks.empty() || std::next(networks.begin()) != networks.end())
    return emitError(module.getLoc(),
                     "the threshold target compiles exactly one snn.network");
  Flow flow;
  FailureOr<SNNBinarizedNetwork> read =
      readBinarizedNetwork(*networks.begin(), options.inputBits);
  if (failed(read))
    return failure();
  flow.network = read->network;
  flow.argMax = read->network.argMaxReadout;
  for (const BinaryLayer &l : read->network.layers)
    flow.layerNames.push_back(l.name);

  // The two passes of buildThresholdPipeline, run one at a time so that the
  // unlegalized netlist can be reported and cross-checked.
  PassManager convert(module.getContext());
  ConvertSNNToTLGOptions convertOptions;
  convertOptions.inputBits = options.inputBits;
  convert.addPass(createConvertSNNToTLG(convertOptions));
  if (failed(convert.run(module)))
    return failure();
  FailureOr<net::NetModuleOp> folded = findTLGModule(module);
  if (failed(folded))
    return failure();
  FailureOr<Netlist> foldedNet = netlistFromTLGModule(*folded);
  if (failed(foldedNet))
    return failure();
  flow.folded = std::move(*foldedNet);

  PassManager legalize(module.getContext());
  TLGLegalizeFanInOptions legalizeOptions;
  legalizeOptions.maxFanIn = options.library.maxFanIn;
  legalizeOptions.maxWeight = options.library.maxWeight;
  legalize.addPass(createTLGLegalizeFanIn(legalizeOptions));
  if (failed(legalize.run(module)))
    return failure();
  FailureOr<net::NetModuleOp> legal = findTLGModule(module);
  if (failed(legal))
    return failure();
  FailureOr<Netlist> legalNet = netlistFromTLGModule(*legal);
  if (failed(legalNet))
    return failure();
  flow.legal = std::move(*legalNet);
  flow.module = *legal;
  return flow;
}

/// The netlist's input bits for one dataset row.
static llvm::Expected<std::vector<uint8_t>>
encodeRow(llvm::ArrayRef<double> features, const Netlist &netlist,
          unsigned inputBits, size_t row) {
  unsigned perFeature = inputBits == 0 ? 1 : inputBits;
  if (features.size() * perFeature != netlist.numInputs())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("dataset row {0} has {1} features; the network reads {2}",
                      row + 1, features.size(),
                      netlist.numInputs() / perFeature));
  std::vector<uint8_t> bits;
  for (auto [i, x] : llvm::enumerate(features)) {
    if (inputBits == 0) {
      if (x != 1 && x != -1 && x != 0)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            llvm::formatv("dataset row {0}, feature {1}: {2} is not a binary "
                          "value (+1/-1, or 1/0)",
                          row + 1, i, llvm::format("%g", x)));
      bits.push_back(x == 1);
      continue;
    }
    double limit = double(uint64_t(1) << inputBits);
    if (!(x >= 0 && x < limit) || x != double(uint64_t(x)))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("dataset row {0}, feature {1}: {2} is not an unsigned "
                        "{3}-bit integer",
                        row + 1, i, llvm::format("%g", x), inputBits));
    for (unsigned b = 0; b != inputBits; ++b)
      bits.push_back((uint64_t(x) >> b) & 1);
  }
  return bits;
}

static uint64_t packBits(llvm::ArrayRef<uint8_t> bits) {
  uint64_t v = 0;
  for (size_t b = 0; b < bits.size() && b < 64; ++b)
    v |= uint64_t(bits[b] != 0) << b;
  return v;
}

static FailureOr<DatasetResult>
evaluateDataset(Flow &flow, const ThresholdCompileOptions &options,
                const Netlist &parsedTH) {
  Location loc = flow.module.getLoc();
  llvm::Expected<sim::Dataset> data = sim::readLabeledCSV(options.datasetPath);
  if (!data)
    return emitError(loc) << llvm::toString(data.takeError());
  if (flow.legal.outputs.size() > 64)
    return emitError(loc) << "dataset evaluation supports at most 64 outputs";
  if (data->size() == 0)
    return emitError(loc) << options.datasetPath << ": the dataset has no rows";
  DatasetResult result;
  result.rows = data->size();
  if (options.maxRows && options.maxRows < result.rows)
    result.rows = options.maxRows;
  FailureOr<net::Interpreter> interp = net::Interpreter::create(flow.module);
  if (failed(interp))
    return failure();
  NetlistEvaluator core(flow.legal), folded(flow.folded), th(parsedTH);
  bool thComparable = parsedTH.numInputs() == flow.legal.numInputs() &&
                      parsedTH.outputs.size() == flow.legal.outputs.size();
  std::vector<uint8_t> a, b;
  for (size_t r = 0; r != result.rows; ++r) {
    llvm::Expected<std::vector<uint8_t>> bits =
        encodeRow(data->features[r], flow.legal, options.inputBits, r);
    if (!bits)
      return emitError(loc)
             << options.datasetPath << ": " << llvm::toString(bits.takeError());
    SmallVector<llvm::APInt> in(bits->size(), llvm::APInt(1, 0));
    for (auto [i, x] : llvm::enumerate(*bits))
      if (x)
        in[i].setBit(0);
    FailureOr<SmallVector<llvm::APInt>> out = interp->evaluate(in);
    if (failed(out))
      return failure();
    std::vector<uint8_t> outBits;
    for (const llvm::APInt &v : *out)
      outBits.push_back(v.getBoolValue());
    uint64_t predicted = packBits(outBits);
    result.predictions.push_back(predicted);
    result.labels.push_back(data->labels[r]);
    result.correct += flow.argMax && int64_t(predicted) == data->labels[r];
    core.evaluate(*bits, a);
    result.coreAgrees += a == outBits;
    folded.evaluate(*bits, b);
    result.foldedAgrees += b == outBits;
    if (thComparable) {
      th.evaluate(*bits, b);
      result.thAgrees += b == outBits;
    }
    result.vectors.push_back(std::move(*bits));
  }
  return result;
}

static llvm::json::Value layersBefore(const Flow &flow,
                                      const NetlistReport &before) {
  llvm::json::Array layers;
  for (const LayerReport &l : before.layers) {
    std::string name = l.tag >= 0 && size_t(l.tag) < flow.layerNames.size()
                           ? flow.layerNames[l.tag]
                           : (flow.argMax ? "argmax" : "");
    layers.push_back(llvm::json::Object{
        {"tag", int64_t(l.tag)}, {"name", name}, {"gates", int64_t(l.gates)}});
  }
  return layers;
}

static void printText(const Flow &flow, const ThresholdCompileOptions &options,
                      const NetlistReport &before, const NetlistReport &after,
                      const TulipSchedule &schedule,
                      const std::optional<DatasetResult> &data,
                      const std::optional<CmosSynthesis> &cmos,
                      raw_ostream &os) {
  const CellLibrary &lib = options.library;
  os << "threshold-logic netlist @" << flow.legal.name << " (cells TLG_1.."
     << "TLG_" << lib.maxFanIn << ", max pin weight " << lib.maxWeight << ")\n";
  os << "before legalization: " << before.gates << " gates, "
     << before.constants << " constants";
  for (const LayerReport &l : before.layers)
    os << ", layer " << l.tag << ": " << l.gates;
  os << " (max fan-in " << before.maxFanIn << ", depth " << before.depth
     << ")\n";
  printReport(after, os);
  os << llvm::format("TULIP schedule: %u PEs x %u cells: %u cycles per "
                     "classification, utilisation %.3f, peak live values %u "
                     "(%s the registers)\n",
                     options.tulip.numPEs, options.tulip.cellsPerPE,
                     schedule.cycles, schedule.utilisation,
                     schedule.peakLiveValues,
                     schedule.fitsRegisters ? "fits" : "exceeds");
  if (cmos)
    os << llvm::format("CMOS XNOR-popcount baseline (yosys + ABC, baseline.v): "
                       "%u cells, depth %d; threshold cells / CMOS cells = "
                       "%.3f\n",
                       cmos->cells, cmos->depth,
                       double(after.gates) / double(cmos->cells));
  if (!data)
    return;
  os << "dataset: " << data->rows << " rows";
  if (flow.argMax)
    os << llvm::format(", accuracy %.4f (%zu/%zu, tlg interpreter)",
                       double(data->correct) / double(data->rows),
                       data->correct, data->rows);
  os << "\nagreement with the tlg interpreter: core evaluator "
     << data->coreAgrees << "/" << data->rows << ", unlegalized netlist "
     << data->foldedAgrees << "/" << data->rows << ", model.th parsed back "
     << data->thAgrees << "/" << data->rows << "\n";
}

static llvm::json::Value
toJSON(const Flow &flow, const ThresholdCompileOptions &options,
       const NetlistReport &before, const NetlistReport &after,
       const TulipSchedule &schedule, const std::optional<DatasetResult> &data,
       const std::optional<CmosSynthesis> &cmos) {
  llvm::json::Object root{
      {"model", flow.legal.name},
      {"maxFanIn", int64_t(options.library.maxFanIn)},
      {"maxWeight", options.library.maxWeight},
      {"argMaxReadout", flow.argMax},
      {"beforeLegalization",
       llvm::json::Object{{"gates", int64_t(before.gates)},
                          {"constants", int64_t(before.constants)},
                          {"depth", int64_t(before.depth)},
                          {"maxFanIn", int64_t(before.maxFanIn)},
                          {"layers", layersBefore(flow, before)}}},
      {"netlist", reportToJSON(after)},
      {"tulip", scheduleToJSON(schedule, options.tulip)}};
  if (data) {
    llvm::json::Object d{{"path", options.datasetPath},
                         {"rows", int64_t(data->rows)},
                         {"coreAgrees", int64_t(data->coreAgrees)},
                         {"unlegalizedAgrees", int64_t(data->foldedAgrees)},
                         {"thAgrees", int64_t(data->thAgrees)}};
    if (flow.argMax) {
      d["correct"] = int64_t(data->correct);
      d["accuracy"] = double(data->correct) / double(data->rows);
    }
    root["dataset"] = std::move(d);
  }
  if (cmos) {
    llvm::json::Object byType;
    for (const auto &[type, count] : cmos->cellsByType)
      byType[type] = int64_t(count);
    root["cmosBaseline"] =
        llvm::json::Object{{"cells", int64_t(cmos->cells)},
                           {"depth", int64_t(cmos->depth)},
                           {"cellsByType", std::move(byType)}};
  }
  return root;
}

/// The CMOS XNOR-popcount netlist of the same network, written as
/// OUT/baseline.v and synthesized with yosys + ABC.
static FailureOr<CmosSynthesis>
runCmosBaseline(const Flow &flow, MLIRContext *context, Location loc,
                const ThresholdCompileOptions &options, StringRef outDir) {
  OwningOpRef<ModuleOp> baseline = buildXnorPopcountNet(flow.network, context);
  if (!baseline)
    return failure();
  std::string verilog;
  llvm::raw_string_ostream os(verilog);
  if (failed(exportVerilog(*baseline, os)))
    return failure();
  if (failed(writeTextFile(loc, outDir, "baseline.v",
                           [&](raw_ostream &s) { s << verilog; })))
    return failure();
  llvm::SmallString<256> path(outDir);
  llvm::sys::path::append(path, "baseline.v");
  CmosSynthesisOptions synth;
  synth.yosys = options.yosys;
  llvm::Expected<CmosSynthesis> result = synthesizeCmos(path, synth);
  if (!result)
    return emitError(loc) << "CMOS baseline: "
                          << llvm::toString(result.takeError());
  return *result;
}

/// predictions.csv, and the testbench that replays the rows in Verilog.
static LogicalResult writeDatasetFiles(Location loc, StringRef outDir,
                                       const Netlist &legal,
                                       const DatasetResult &data) {
  std::string tb;
  llvm::raw_string_ostream tbs(tb);
  if (llvm::Error err =
          writeVectorTestbench(legal, data.rows, "vectors.txt", tbs))
    return emitError(loc) << llvm::toString(std::move(err));
  return success(succeeded(writeTextFile(loc, outDir, "testbench.v",
                                         [&](raw_ostream &s) { s << tb; })) &&
                 succeeded(writeTextFile(loc, outDir, "vectors.txt",
                                         [&](raw_ostream &s) {
                                           writeVectorFile(data.vectors, s);
                                         })) &&
                 succeeded(writeTextFile(
                     loc, outDir, "predictions.csv", [&](raw_ostream &s) {
                       s << "row,label,predicted\n";
                       for (size_t r = 0; r != data.rows; ++r)
                         s << r << "," << data.labels[r] << ","
                           << data.predictions[r] << "\n";
                     })));
}

/// The few lines `axonc compile` prints.
static void printSummary(const Flow &flow,
                         const ThresholdCompileOptions &options,
                         const NetlistReport &after,
                         const TulipSchedule &schedule,
                         const std::optional<DatasetResult> &data,
                         const std::optional<CmosSynthesis> &cmos,
                         StringRef outDir, raw_ostream &os) {
  os << llvm::format("threshold: @%s, %u cells (fan-in <= %u), depth %u, "
                     "area %.1f GE, energy %.1f\n",
                     flow.legal.name.c_str(), after.gates,
                     options.library.maxFanIn, after.depth, after.area,
                     after.energy);
  os << llvm::format("TULIP (%u PEs): %u cycles per classification, "
                     "utilisation %.3f\n",
                     options.tulip.numPEs, schedule.cycles,
                     schedule.utilisation);
  if (cmos)
    os << llvm::format("CMOS baseline: %u cells (%.1fx the threshold "
                       "netlist's)\n",
                       cmos->cells, double(cmos->cells) / double(after.gates));
  if (data && flow.argMax)
    os << llvm::format("accuracy %.4f on %zu rows (tlg interpreter)\n",
                       double(data->correct) / double(data->rows), data->rows);
  os << "wrote " << outDir << "/{model.th,model.v,cells.v,cells.json,"
     << "model.mlir,report.txt,report.json"
     << (data ? ",predictions.csv,testbench.v,vectors.txt" : "")
     << (cmos ? ",baseline.v" : "") << "}\n";
}

LogicalResult
axon::threshold::compileForThreshold(ModuleOp module,
                                     const ThresholdCompileOptions &options,
                                     StringRef outDir, raw_ostream &os) {
  Location loc = module.getLoc();
  if (llvm::Error err = options.library.validate())
    return emitError(loc) << llvm::toString(std::move(err));
  FailureOr<Flow> flow = runFlow(module, options);
  if (failed(flow))
    return failure();
  const Netlist &legal = flow->legal;
  if (llvm::Error err = checkLegal(legal, options.library))
    return emitError(loc) << "internal error: "
                          << llvm::toString(std::move(err));

  std::string thText, verilog;
  {
    llvm::raw_string_ostream s(thText);
    writeTH(legal, s);
  }
  {
    llvm::raw_string_ostream s(verilog);
    if (llvm::Error err = writeStructuralVerilog(legal, s))
      return emitError(loc) << llvm::toString(std::move(err));
  }
  llvm::Expected<Netlist> parsedTH = parseTH(thText, "model.th");
  if (!parsedTH)
    return emitError(loc) << "internal error: model.th does not parse back: "
                          << llvm::toString(parsedTH.takeError());

  NetlistReport before = computeReport(flow->folded, options.library);
  NetlistReport after = computeReport(legal, options.library);
  TulipConfig tulip = options.tulip;
  tulip.cellFanIn = options.library.maxFanIn;
  llvm::Expected<TulipSchedule> schedule = scheduleTulip(legal, tulip);
  if (!schedule)
    return emitError(loc) << "TULIP schedule: "
                          << llvm::toString(schedule.takeError());

  std::optional<DatasetResult> data;
  if (!options.datasetPath.empty()) {
    FailureOr<DatasetResult> d = evaluateDataset(*flow, options, *parsedTH);
    if (failed(d))
      return failure();
    data = std::move(*d);
  }

  if (std::error_code ec = llvm::sys::fs::create_directories(outDir))
    return emitError(loc) << "cannot create " << outDir << ": " << ec.message();
  std::optional<CmosSynthesis> cmos;
  if (options.cmosBaseline) {
    FailureOr<CmosSynthesis> c =
        runCmosBaseline(*flow, module.getContext(), loc, options, outDir);
    if (failed(c))
      return failure();
    cmos = std::move(*c);
  }
  auto text = [](const std::string &s) {
    return [&s](raw_ostream &os) { os << s; };
  };
  if (failed(writeTextFile(loc, outDir, "model.th", text(thText))) ||
      failed(writeTextFile(loc, outDir, "model.v", text(verilog))) ||
      failed(
          writeTextFile(loc, outDir, "cells.v",
                        [&](raw_ostream &s) { writeCellModels(legal, s); })) ||
      failed(writeTextFile(
          loc, outDir, "cells.json",
          [&](raw_ostream &s) { writeCellLibraryJSON(options.library, s); })) ||
      failed(writeTextFile(loc, outDir, "model.mlir",
                           [&](raw_ostream &s) { module.print(s); })) ||
      failed(writeTextFile(loc, outDir, "report.txt", [&](raw_ostream &s) {
        printText(*flow, options, before, after, *schedule, data, cmos, s);
      })))
    return failure();
  llvm::json::Value json =
      toJSON(*flow, options, before, after, *schedule, data, cmos);
  if (failed(writeTextFile(loc, outDir, "report.json", [&](raw_ostream &s) {
        s << llvm::formatv("{0:2}", json) << "\n";
      })))
    return failure();
  if (data && failed(writeDatasetFiles(loc, outDir, legal, *data)))
    return failure();

  if (options.json)
    os << llvm::formatv("{0:2}", json) << "\n";
  else
    printSummary(*flow, options, after, *schedule, data, cmos, outDir, os);
  return success();
}

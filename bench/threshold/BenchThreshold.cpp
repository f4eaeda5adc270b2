//===- BenchThreshold.cpp - Threshold netlist vs CMOS baseline ------------===//
//
// For one binarized model: the threshold netlist (Core buildNetlist, then
// legalize to the default cell library) and the conventional XNOR-popcount
// baseline (buildXnorPopcountNet, exportVerilog, yosys + ABC), their cell
// counts and depths, and, with --dataset, the accuracy of both circuits and
// their agreement with the reference simulator (float-exact) on every row.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"
#include "targets/threshold/Core/Legalize.h"
#include "targets/threshold/Core/Report.h"
#include "targets/threshold/SNNReader.h"

#include "axon/Export/Verilog.h"
#include "axon/Import/LoadModel.h"
#include "axon/Simulate/Evaluate.h"
#include "axon/Simulate/FromSNN.h"
#include "dialects/net/Interpreter.h"
#include "dialects/net/NetDialect.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

static llvm::cl::opt<std::string> modelPath(llvm::cl::Positional,
                                            llvm::cl::desc("<model>"),
                                            llvm::cl::Required);
static llvm::cl::opt<std::string>
    datasetPath("dataset", llvm::cl::desc("Labelled CSV of +-1 features"));
static llvm::cl::opt<unsigned>
    maxFanIn("max-fanin", llvm::cl::desc("Threshold cell fan-in K"),
             llvm::cl::init(CellLibrary{}.maxFanIn));
static llvm::cl::opt<bool>
    runSynth("synth", llvm::cl::desc("Synthesize the baseline with yosys"));
static llvm::cl::opt<std::string> yosysPath("yosys",
                                            llvm::cl::desc("yosys executable"),
                                            llvm::cl::init("yosys"));
static llvm::cl::opt<unsigned>
    timeout("timeout", llvm::cl::desc("yosys time limit in seconds"),
            llvm::cl::init(600));
static llvm::cl::opt<std::string>
    verilogOut("emit-verilog",
               llvm::cl::desc("Write the baseline's Verilog to this file"));
static llvm::cl::opt<std::string>
    netOut("emit-net", llvm::cl::desc("Write the baseline's net IR here"));
static llvm::cl::opt<PopcountStyle> popcountStyle(
    "popcount", llvm::cl::desc("How the baseline's popcounts are written"),
    llvm::cl::values(clEnumValN(PopcountStyle::AdderTree, "tree",
                                "balanced tree of two-operand adds"),
                     clEnumValN(PopcountStyle::MultiOperand, "multi",
                                "one multi-operand add per neuron")),
    llvm::cl::init(PopcountStyle::AdderTree));
static llvm::cl::opt<bool>
    markdown("markdown", llvm::cl::desc("Print one markdown table row"));
static llvm::cl::opt<bool>
    fullReport("report",
               llvm::cl::desc("Also print the threshold netlist's report"));

namespace {

/// Per-row predictions (class index, or the output bits packed LSB first).
struct Predictions {
  std::vector<int64_t> values;
};

int64_t packBits(llvm::ArrayRef<uint8_t> bits) {
  int64_t v = 0;
  for (auto [i, b] : llvm::enumerate(bits))
    v |= int64_t(b != 0) << i;
  return v;
}

std::vector<uint8_t> rowBits(const std::vector<double> &row) {
  std::vector<uint8_t> bits;
  for (double v : row)
    bits.push_back(v > 0);
  return bits;
}

/// Writes `fn`'s text to `path` atomically.
LogicalResult writeText(StringRef path,
                        llvm::function_ref<LogicalResult(raw_ostream &)> fn) {
  LogicalResult result = success();
  if (llvm::Error err = llvm::writeToOutput(path, [&](raw_ostream &os) {
        result = fn(os);
        return llvm::Error::success();
      })) {
    llvm::WithColor::error()
        << path << ": " << llvm::toString(std::move(err)) << "\n";
    return failure();
  }
  return result;
}

std::string topology(const BinarizedNetwork &net) {
  std::string s = std::to_string(net.layers.front().numInputs);
  for (const BinaryLayer &l : net.layers)
    s += "-" + std::to_string(l.numOutputs);
  return s;
}

std::string fanInList(const NetlistReport &r) {
  std::string s;
  for (auto [n, count] : r.cellsByFanIn)
    s += (s.empty() ? "" : ", ") + std::to_string(n) + ":" +
         std::to_string(count);
  return s;
}

/// Approximate NAND2 gate equivalents of yosys's internal gate cells
/// (typical static CMOS standard-cell ratios; see
/// docs/targets/threshold-baseline.md).
double gateEquivalents(const CmosSynthesis &s) {
  static const std::map<std::string, double> ge = {
      {"NOT", 0.67},  {"NAND", 1.0},    {"NOR", 1.0},    {"AND", 1.33},
      {"OR", 1.33},   {"ANDNOT", 1.33}, {"ORNOT", 1.33}, {"XOR", 2.33},
      {"XNOR", 2.33}, {"MUX", 2.33},    {"BUF", 1.0}};
  double total = 0;
  for (auto [type, count] : s.cellsByType) {
    auto it = ge.find(type);
    total += count * (it == ge.end() ? 2.0 : it->second);
  }
  return total;
}

int run() {
  MLIRContext context;
  context.loadDialect<snn::SNNDialect, net::NetDialect>();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagHandler(sourceMgr, &context);
  OwningOpRef<ModuleOp> model = loadModel(modelPath, sourceMgr, &context);
  if (!model)
    return 1;
  auto networks = model->getOps<snn::NetworkOp>();
  if (networks.empty()) {
    emitError(model->getLoc()) << "the model holds no snn.network";
    return 1;
  }
  FailureOr<SNNBinarizedNetwork> read =
      readBinarizedNetwork(*networks.begin(), 0);
  if (failed(read))
    return 1;
  const BinarizedNetwork &network = read->network;

  // The threshold side.
  CellLibrary lib;
  lib.maxFanIn = maxFanIn;
  llvm::Expected<Netlist> netlist = buildNetlist(network);
  if (!netlist) {
    emitError(model->getLoc()) << llvm::toString(netlist.takeError());
    return 1;
  }
  llvm::Expected<Netlist> legal = legalize(*netlist, lib);
  if (!legal) {
    emitError(model->getLoc()) << llvm::toString(legal.takeError());
    return 1;
  }
  NetlistReport tlg = computeReport(*legal, lib);

  // The baseline.
  BaselineOptions baselineOptions;
  baselineOptions.popcount = popcountStyle;
  OwningOpRef<ModuleOp> baseline =
      buildXnorPopcountNet(network, &context, baselineOptions);
  if (!baseline)
    return 1;
  if (!netOut.empty() && failed(writeText(netOut, [&](raw_ostream &os) {
        baseline->print(os);
        return success();
      })))
    return 1;
  if (failed(prepareForVerilog(*baseline)))
    return 1;
  std::optional<CmosSynthesis> cmos;
  {
    llvm::SmallString<128> tmp;
    std::string verilog = verilogOut;
    if (verilog.empty() && runSynth) {
      if (llvm::sys::fs::createTemporaryFile("axon-baseline", "v", tmp)) {
        llvm::WithColor::error() << "cannot create a temporary file\n";
        return 1;
      }
      verilog = tmp.str().str();
    }
    if (!verilog.empty() && failed(writeText(verilog, [&](raw_ostream &os) {
          return emitVerilog(*baseline, os);
        })))
      return 1;
    if (runSynth) {
      CmosSynthesisOptions options;
      options.yosys = yosysPath;
      options.timeoutSeconds = timeout;
      llvm::Expected<CmosSynthesis> s = synthesizeCmos(verilog, options);
      if (!tmp.empty())
        llvm::sys::fs::remove(tmp);
      if (!s) {
        llvm::WithColor::error() << llvm::toString(s.takeError()) << "\n";
        return 1;
      }
      cmos = *s;
    }
  }

  // Accuracy and agreement on the dataset.
  size_t rows = 0, refCorrect = 0, tlgCorrect = 0, cmosCorrect = 0;
  size_t tlgAgree = 0, cmosAgree = 0;
  if (!datasetPath.empty()) {
    auto data = sim::readLabeledCSV(datasetPath);
    if (!data) {
      llvm::WithColor::error() << llvm::toString(data.takeError()) << "\n";
      return 1;
    }
    FailureOr<sim::Network> simNet = buildSimNetwork(*networks.begin());
    if (failed(simNet))
      return 1;
    sim::EngineOptions engine;
    engine.profile = sim::Profile::FloatExact;
    auto ref = sim::evaluateClassifier(*simNet, engine, *data, {});
    if (!ref) {
      llvm::WithColor::error() << llvm::toString(ref.takeError()) << "\n";
      return 1;
    }
    auto module = *baseline->getOps<net::NetModuleOp>().begin();
    FailureOr<net::Interpreter> interp = net::Interpreter::create(module);
    if (failed(interp))
      return 1;
    NetlistEvaluator tlgEval(*legal);
    std::vector<uint8_t> tlgOut;
    rows = data->size();
    for (size_t r = 0; r != rows; ++r) {
      std::vector<uint8_t> bits = rowBits(data->features[r]);
      if (bits.size() != legal->numInputs()) {
        llvm::WithColor::error()
            << datasetPath << ": rows have " << bits.size()
            << " features, the model reads " << legal->numInputs() << "\n";
        return 1;
      }
      SmallVector<APInt> in;
      for (uint8_t b : bits)
        in.emplace_back(1, uint64_t(b));
      auto out = interp->evaluate(in);
      if (failed(out))
        return 1;
      std::vector<uint8_t> cmosBits;
      for (const APInt &v : *out)
        cmosBits.push_back(v.getZExtValue());
      tlgEval.evaluate(bits, tlgOut);
      int64_t cmosValue = packBits(cmosBits), tlgValue = packBits(tlgOut);
      int64_t want = ref->predictions[r], label = data->labels[r];
      refCorrect += want == label;
      cmosCorrect += cmosValue == label;
      tlgCorrect += tlgValue == label;
      cmosAgree += cmosValue == want;
      tlgAgree += tlgValue == want;
    }
  }

  llvm::raw_ostream &os = llvm::outs();
  auto acc = [&](size_t c) {
    return rows ? llvm::formatv("{0:F4}", double(c) / rows).str()
                : std::string("-");
  };
  double ratio =
      cmos && tlg.gates ? double(cmos->cells) / double(tlg.gates) : 0.0;
  if (markdown) {
    os << "| " << network.name << " | " << topology(network) << " | "
       << tlg.gates << " | " << tlg.depth << " | " << fanInList(tlg) << " | "
       << llvm::format("%.0f", tlg.area) << " | "
       << (cmos ? std::to_string(cmos->cells) : "-") << " | "
       << (cmos ? std::to_string(cmos->depth) : "-") << " | "
       << (cmos ? llvm::formatv("{0:F0}", gateEquivalents(*cmos)).str() : "-")
       << " | " << (cmos ? llvm::formatv("{0:F2}x", ratio).str() : "-") << " | "
       << acc(tlgCorrect) << " | " << acc(cmosCorrect) << " | "
       << acc(refCorrect) << " |\n";
    return 0;
  }
  os << "model " << network.name << " (" << topology(network)
     << (network.argMaxReadout ? ", argmax" : "") << ")\n";
  os << "threshold (K=" << lib.maxFanIn << "): cells " << tlg.gates
     << ", depth " << tlg.depth << ", area " << llvm::format("%.1f", tlg.area)
     << " GE, cells by fan-in {" << fanInList(tlg) << "}\n";
  if (fullReport)
    printReport(tlg, os);
  if (cmos) {
    os << "cmos: cells " << cmos->cells << ", depth " << cmos->depth
       << ", area ~" << llvm::format("%.1f", gateEquivalents(*cmos))
       << " GE, by type {";
    bool first = true;
    for (auto [type, count] : cmos->cellsByType) {
      os << (first ? "" : ", ") << type << ":" << count;
      first = false;
    }
    os << "}\n";
    os << "ratio cmos/threshold cells: " << llvm::formatv("{0:F2}", ratio)
       << "\n";
  }
  if (rows) {
    os << "accuracy: reference " << acc(refCorrect) << " (" << refCorrect << "/"
       << rows << "), threshold " << acc(tlgCorrect) << ", cmos "
       << acc(cmosCorrect) << " (" << cmosCorrect << "/" << rows << ")\n";
    os << "agreement with the reference simulator: threshold " << tlgAgree
       << "/" << rows << ", cmos " << cmosAgree << "/" << rows << "\n";
  }
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "threshold netlist vs conventional CMOS XNOR-popcount baseline\n");
  return run();
}

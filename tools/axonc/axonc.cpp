//===- axonc.cpp - the Axon compiler driver ---------------------*- C++ -*-===//
//
// The user-facing driver: `axonc <command> [options] MODEL`.  It only wires
// libraries together: load a model (lib/Import), run pipelines, print
// summaries (lib/Analysis).  Commands: compile, simulate, check, report.
//
//===----------------------------------------------------------------------===//

#include "axon/Analysis/NetworkSummary.h"
#include "axon/Import/LoadModel.h"
#include "axon/InitAllDialects.h"
#include "axon/InitAllPasses.h"
#include "axon/Simulate/Run.h"

#include "Compile.h"
#include "Options.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
using namespace llvm;

namespace {
enum class Command { Compile, Simulate, Check, Report };

const char *const kUsage =
    "Axon: compile trained neural networks to neuromorphic, printed and "
    "threshold-logic hardware\n\n"
    "USAGE: axonc <command> [options] MODEL\n\n"
    "COMMANDS:\n"
    "  compile   map MODEL to a target (--target=...) and write OUTDIR\n"
    "  simulate  run the reference simulator on MODEL\n"
    "  check     verify MODEL and tell whether it fits a target\n"
    "  report    print a summary of MODEL (populations, neurons, synapses)\n\n"
    "MODEL is a .nir, .onnx or .mlir file.  `axonc <command> --help` lists "
    "the options.\n";
} // namespace

cl::OptionCategory &axonc::category() {
  static cl::OptionCategory cat("axonc options");
  return cat;
}
static cl::OptionCategory &axoncCategory = axonc::category();

cl::opt<std::string> axonc::inputFilename(cl::Positional,
                                          cl::desc("<model file>"),
                                          cl::init("-"),
                                          cl::cat(axonc::category()));
cl::opt<std::string>
    axonc::outputFilename("o", cl::desc("Output file (compile: output folder)"),
                          cl::value_desc("path"), cl::init("-"),
                          cl::cat(axonc::category()));
cl::opt<bool> axonc::emitJSON("json", cl::desc("Print the report as JSON"),
                              cl::init(false), cl::cat(axonc::category()));
cl::opt<bool> axonc::quiet("quiet", cl::desc("No progress messages on stderr"),
                           cl::init(false), cl::cat(axonc::category()));
static cl::opt<bool> verifyDiagnostics(
    "verify-diagnostics",
    cl::desc("Check that emitted diagnostics match expected-* comments in "
             "an .mlir model (testing aid, as in mlir-opt)"),
    cl::init(false), cl::cat(axoncCategory));
cl::opt<std::string>
    axonc::targetName("target",
                      cl::desc("Target: spinnaker1, spinnaker2, printed, "
                               "threshold"),
                      cl::init(""), cl::cat(axonc::category()));
cl::opt<std::string> axonc::datasetPath(
    "dataset",
    cl::desc("Labelled CSV (f0,...,label) or a dataset folder: simulate "
             "prints the accuracy; compile uses it for calibration/search"),
    cl::init(""), cl::cat(axonc::category()));

using axonc::emitJSON;
using axonc::inputFilename;
using axonc::outputFilename;
using axonc::targetName;

// simulate
static cl::opt<std::string> simProfile(
    "profile",
    cl::desc("Number profile: float-exact, float-euler, spinnaker, loihi, "
             "integer, binary (default: the network's discretization)"),
    cl::init(""), cl::cat(axoncCategory));
static cl::opt<double> simDt("dt", cl::desc("Time step in seconds"),
                             cl::init(0.0), cl::cat(axoncCategory));
static cl::opt<uint64_t> simSteps("steps", cl::desc("Steps to simulate"),
                                  cl::init(0), cl::cat(axoncCategory));
static cl::opt<std::string>
    simInput("input", cl::desc("Input CSV: one row per step (dense)"),
             cl::init(""), cl::cat(axoncCategory));
static cl::opt<bool>
    simInputEvents("input-events",
                   cl::desc("--input holds spike events `step,index`"),
                   cl::init(false), cl::cat(axoncCategory));
static cl::list<unsigned>
    simInputColumns("input-columns",
                    cl::desc("Columns of the dense --input to use (0-based)"),
                    cl::CommaSeparated, cl::cat(axoncCategory));
static cl::list<std::string>
    simProbes("probe",
              cl::desc("Probes NODE.field (v, i, spikes, out), "
                       "comma separated"),
              cl::CommaSeparated, cl::cat(axoncCategory));

static cl::opt<std::string>
    simEncoding("encoding",
                cl::desc("Input encoding: direct or rate (default: the "
                         "network's snn.encoding, else direct)"),
                cl::init(""), cl::cat(axoncCategory));
cl::opt<uint64_t>
    axonc::seed("seed",
                cl::desc("Seed: of the rate encoder (simulate), of the "
                         "approximation search (compile --target printed)"),
                cl::init(1), cl::cat(axonc::category()));
static cl::opt<uint64_t> &simSeed = axonc::seed;
static cl::opt<size_t> simLimit("limit",
                                cl::desc("Use only the first N dataset rows"),
                                cl::init(0), cl::cat(axoncCategory));
static cl::opt<unsigned>
    simMinDelay("min-delay-steps",
                cl::desc("Deliver every spike at least this many steps later "
                         "(1 = SpiNNaker timing)"),
                cl::init(0), cl::cat(axoncCategory));

static std::optional<Command> parseCommand(StringRef word) {
  return llvm::StringSwitch<std::optional<Command>>(word)
      .Case("compile", Command::Compile)
      .Case("simulate", Command::Simulate)
      .Case("check", Command::Check)
      .Case("report", Command::Report)
      .Default(std::nullopt);
}

/// Loads and verifies the model; diagnostics go to the source manager handler.
static OwningOpRef<ModuleOp> loadVerified(SourceMgr &sourceMgr,
                                          MLIRContext &context) {
  OwningOpRef<ModuleOp> module =
      axon::loadModel(inputFilename, sourceMgr, &context);
  if (!module || failed(verify(*module)))
    return nullptr;
  return module;
}

static LogicalResult runReport(ModuleOp module, raw_ostream &os) {
  json::Array networks;
  bool any = false;
  for (auto network : module.getOps<axon::snn::NetworkOp>()) {
    any = true;
    axon::NetworkSummary summary = axon::summarizeNetwork(network);
    if (emitJSON)
      networks.push_back(axon::toJSON(summary));
    else
      axon::printNetworkSummary(os, summary);
  }
  if (!any)
    return emitError(module.getLoc(), "the model contains no snn.network");
  if (emitJSON)
    os << formatv("{0:2}", json::Value(std::move(networks))) << "\n";
  return success();
}

/// The single network of the model (the commands work on one at a time).
static FailureOr<axon::snn::NetworkOp> singleNetwork(ModuleOp module) {
  auto networks = module.getOps<axon::snn::NetworkOp>();
  if (networks.empty())
    return emitError(module.getLoc(), "the model contains no snn.network");
  if (std::next(networks.begin()) != networks.end())
    return emitError(module.getLoc(), "the model holds several networks; "
                                      "this command takes one");
  return *networks.begin();
}

static LogicalResult runSimulateCommand(ModuleOp module, raw_ostream &os) {
  FailureOr<axon::snn::NetworkOp> network = singleNetwork(module);
  if (failed(network))
    return failure();
  axon::SimulateOptions options;
  options.profile = simProfile;
  options.dt = simDt;
  options.steps = simSteps;
  options.inputPath = simInput;
  options.inputEvents = simInputEvents;
  options.inputColumns.assign(simInputColumns.begin(), simInputColumns.end());
  options.probes.assign(simProbes.begin(), simProbes.end());
  options.datasetPath = axonc::datasetPath;
  options.limit = simLimit;
  options.minSynapticDelaySteps = simMinDelay;
  options.seed = simSeed;
  if (simEncoding == "rate")
    options.encoding = axon::sim::Encoding::Rate;
  else if (simEncoding == "direct")
    options.encoding = axon::sim::Encoding::Direct;
  else if (!simEncoding.empty())
    return emitError(module.getLoc(), "unknown --encoding '")
           << simEncoding << "'; expected direct or rate";
  return axon::runSimulate(*network, options, os);
}

/// `axonc compile`: -o names the output folder, the summary goes to stdout.
static LogicalResult runCompile(ModuleOp module, raw_ostream &os) {
  if (targetName.empty())
    return emitError(module.getLoc(),
                     "compile needs --target=spinnaker1, spinnaker2, "
                     "printed or threshold");
  if (outputFilename == "-")
    return emitError(module.getLoc(),
                     "compile needs -o OUTDIR (the folder for the outputs)");
  if (targetName == "spinnaker1" || targetName == "spinnaker2")
    return axonc::compileSpinnaker(module, targetName, outputFilename, os);
  if (targetName == "printed")
    return axonc::compilePrinted(module, outputFilename, os);
  if (targetName == "threshold")
    return axonc::compileThreshold(module, outputFilename, os);
  return emitError(module.getLoc(), "unknown --target '")
         << targetName
         << "'; expected spinnaker1, spinnaker2, printed or threshold";
}

static LogicalResult runCommand(Command command, ModuleOp module) {
  if (command == Command::Compile)
    return runCompile(module, outs());
  std::string errorMessage;
  auto output = openOutputFile(outputFilename, &errorMessage);
  if (!output)
    return emitError(module.getLoc(), errorMessage);
  LogicalResult result = success();
  switch (command) {
  case Command::Report:
    result = runReport(module, output->os());
    break;
  case Command::Check:
    output->os() << "ok: " << inputFilename << " verifies\n";
    break;
  case Command::Simulate:
    result = runSimulateCommand(module, output->os());
    break;
  case Command::Compile:
    result = runCompile(module, output->os());
    break;
  }
  if (succeeded(result))
    output->keep();
  return result;
}

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  setBugReportMsg("PLEASE report this crash of axonc with the model and the "
                  "command line at the Axon issue tracker.\n");
  registerAsmPrinterCLOptions();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  axon::registerAllPasses();
  auto printVersion = [](raw_ostream &os) {
    os << "axonc (Axon) " AXON_VERSION "\n  built with MLIR/LLVM "
       << LLVM_VERSION_STRING << "\n";
  };
  cl::SetVersionPrinter(printVersion);

  if (argc < 2 || StringRef(argv[1]) == "--help" ||
      StringRef(argv[1]) == "-help" || StringRef(argv[1]) == "-h") {
    outs() << kUsage;
    return argc < 2 ? 1 : 0;
  }
  if (StringRef(argv[1]) == "--version") {
    printVersion(outs());
    return 0;
  }
  std::optional<Command> command = parseCommand(argv[1]);
  if (!command) {
    errs() << "axonc: error: unknown command '" << argv[1]
           << "'; expected compile, simulate, check or report (see axonc "
              "--help)\n";
    return 1;
  }
  std::string overview = std::string("axonc ") + argv[1];
  cl::HideUnrelatedOptions(axoncCategory);
  if (!cl::ParseCommandLineOptions(argc - 1, argv + 1, overview, &errs()))
    return 1;

  DialectRegistry registry;
  axon::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  SourceMgr sourceMgr;
  if (verifyDiagnostics) {
    // Diagnostics are checked against the expected-* comments; the exit code
    // says whether they matched, not whether the command succeeded.
    SourceMgrDiagnosticVerifierHandler handler(sourceMgr, &context);
    OwningOpRef<ModuleOp> module = loadVerified(sourceMgr, context);
    if (module)
      (void)runCommand(*command, *module);
    return failed(handler.verify()) ? 1 : 0;
  }
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = loadVerified(sourceMgr, context);
  if (!module)
    return 1;
  return failed(runCommand(*command, *module)) ? 1 : 0;
}

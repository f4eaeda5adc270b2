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

static cl::OptionCategory axoncCategory("axonc options");
static cl::opt<std::string> inputFilename(cl::Positional,
                                          cl::desc("<model file>"),
                                          cl::init("-"),
                                          cl::cat(axoncCategory));
static cl::opt<std::string> outputFilename("o", cl::desc("Output file/folder"),
                                           cl::value_desc("path"),
                                           cl::init("-"),
                                           cl::cat(axoncCategory));
static cl::opt<bool> emitJSON("json", cl::desc("Print the report as JSON"),
                              cl::init(false), cl::cat(axoncCategory));
static cl::opt<bool> verifyDiagnostics(
    "verify-diagnostics",
    cl::desc("Check that emitted diagnostics match expected-* comments in "
             "an .mlir model (testing aid, as in mlir-opt)"),
    cl::init(false), cl::cat(axoncCategory));
static cl::opt<std::string>
    targetName("target",
               cl::desc("Target: spinnaker1, spinnaker2, printed, threshold"),
               cl::init(""), cl::cat(axoncCategory));

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

static LogicalResult runCommand(Command command, ModuleOp module) {
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
  case Command::Compile:
  case Command::Simulate:
    result = emitError(module.getLoc())
             << (command == Command::Compile ? "compile" : "simulate")
             << (targetName.empty() ? std::string() : " --target=" + targetName)
             << " is not available in this build of axonc";
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

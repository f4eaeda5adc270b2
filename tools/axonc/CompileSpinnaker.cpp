//===- CompileSpinnaker.cpp - axonc compile --target=spinnaker* -*- C++ -*-===//
//
// `axonc compile MODEL --target=spinnaker1|spinnaker2 -o OUTDIR`: ANN models
// (relu networks, e.g. from ONNX) are first converted to integrate-and-fire
// networks (--snn-fold-batch-norm, --snn-ann-to-snn calibrated on
// --dataset), then compileForSpinnaker maps the network and writes the core
// map, the PACMAN-schema JSON, coremap.svg and the summary into OUTDIR.
//
// Progress: networks of more than 10^4 neurons print one line per phase on
// stderr (phase, wall time) unless --quiet; small ones stay silent so tests
// and scripts see only the summary.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Options.h"

#include "axon/Transforms/Passes.h"
#include "targets/spinnaker/Compile.h"
#include "targets/spinnaker/Machine/Machine.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"

#include <chrono>

using namespace mlir;
using namespace llvm;
using namespace axon;

static cl::opt<std::string> spinnMachine(
    "machine",
    cl::desc("SpiNNaker machine: spinnaker1, spinnaker1-boards:N, "
             "spinnaker1-1m, spinnaker2 or a machine description FILE.json "
             "(default: the --target's one-board machine)"),
    cl::value_desc("profile|file.json"), cl::init(""),
    cl::cat(axonc::category()));
static cl::opt<int64_t>
    spinnNeuronsPerCore("neurons-per-core",
                        cl::desc("Neurons per core (default 256; "
                                 "spinn.neurons_per_core on an op wins)"),
                        cl::init(256), cl::cat(axonc::category()));
static cl::opt<double>
    spinnTimeStepUs("time-step-us",
                    cl::desc("SpiNNaker real-time tick in microseconds"),
                    cl::init(1000.0), cl::cat(axonc::category()));
static cl::opt<double>
    spinnSpikeRate("spike-rate",
                   cl::desc("Assumed mean firing rate in Hz (CPU estimate)"),
                   cl::init(10.0), cl::cat(axonc::category()));
static cl::opt<std::string>
    spinnCompressor("compressor",
                    cl::desc("Routing-table compressor: ordered-covering or "
                             "pair-merge"),
                    cl::init("ordered-covering"), cl::cat(axonc::category()));
static cl::list<unsigned> spinnDeadChips("dead-chips",
                                         cl::desc("Dead chips x,y,x,y,..."),
                                         cl::CommaSeparated,
                                         cl::cat(axonc::category()));
static cl::list<unsigned> spinnDeadCores("dead-cores",
                                         cl::desc("Dead cores x,y,p,..."),
                                         cl::CommaSeparated,
                                         cl::cat(axonc::category()));
static cl::opt<bool> spinnCheck(
    "check-routing",
    cl::desc("Prove every compressed table and walk every vertex's packets "
             "(default on; --check-routing=false skips it)"),
    cl::init(true), cl::cat(axonc::category()));
static cl::opt<bool> spinnEmitIR(
    "emit-ir",
    cl::desc("spinnaker: also write the mapped IR as spinn.mlir (default on)"),
    cl::init(true), cl::cat(axonc::category()));
static cl::opt<unsigned>
    annTimesteps("timesteps",
                 cl::desc("ANN models: steps per sample of the converted "
                          "spiking network (snn-ann-to-snn)"),
                 cl::init(64), cl::cat(axonc::category()));

/// Networks above this many neurons report progress per phase on stderr.
static constexpr int64_t ProgressNeurons = 10000;

/// Neurons of all populations (inputs included) of every network.
static int64_t countNeurons(ModuleOp module) {
  int64_t n = 0;
  module.walk([&](Operation *op) {
    if (auto neuron = dyn_cast<snn::NeuronOpInterface>(op))
      n += neuron.getNumNeurons();
    else if (auto in = dyn_cast<snn::InputOp>(op))
      n += cast<ShapedType>(in.getResult().getType()).getNumElements();
  });
  return n;
}

/// True if a network of the module still holds ANN neurons (relu, or a
/// batch_norm to fold), which SpiNNaker cannot run.
static bool isANN(ModuleOp module) {
  bool ann = false;
  module.walk([&](Operation *op) {
    if (isa<snn::ReLUOp, snn::BatchNormOp>(op))
      ann = true;
  });
  return ann;
}

/// --snn-fold-batch-norm and --snn-ann-to-snn calibrated on --dataset.
static LogicalResult convertANN(ModuleOp module, raw_ostream *progress) {
  if (axonc::datasetPath.empty())
    return emitError(module.getLoc())
           << "the model is an ANN (relu neurons): SpiNNaker runs spiking "
              "networks, so axonc converts it first and needs calibration "
              "data; pass --dataset=<labelled CSV f0,...,label> (e.g. the "
              "training set) and optionally --timesteps=N (now "
           << annTimesteps.getValue() << ")";
  if (!llvm::sys::fs::exists(axonc::datasetPath))
    return emitError(module.getLoc())
           << "--dataset '" << axonc::datasetPath << "' does not exist";
  auto start = std::chrono::steady_clock::now();
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  pm.addNestedPass<snn::NetworkOp>(createSNNFoldBatchNorm());
  SNNANNToSNNOptions options;
  options.calibration = axonc::datasetPath;
  options.timesteps = annTimesteps;
  pm.addNestedPass<snn::NetworkOp>(createSNNANNToSNN(options));
  if (failed(pm.run(module)))
    return failure();
  if (progress)
    *progress << llvm::format(
        "spinnaker: %-24s %9.3f s\n", (const char *)"snn-ann-to-snn",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  return success();
}

LogicalResult axonc::compileSpinnaker(ModuleOp module, StringRef target,
                                      StringRef outDir, raw_ostream &os) {
  // The machine: the target's one-board machine unless --machine says more;
  // it must be of the generation the target names.
  std::string machine = spinnMachine.empty() ? target.str() : spinnMachine;
  Expected<spinnaker::Machine> m = spinnaker::Machine::fromProfile(machine);
  if (!m)
    return emitError(module.getLoc())
           << "--machine: " << toString(m.takeError())
           << (StringRef(machine).ends_with(".json")
                   ? ""
                   : "; or give a machine description FILE.json");
  if (m->hardware().name != target)
    return emitError(module.getLoc())
           << "--machine '" << machine << "' is a " << m->hardware().name
           << " machine but the target is " << target;
  if (spinnNeuronsPerCore <= 0)
    return emitError(module.getLoc())
           << "--neurons-per-core must be positive, got "
           << spinnNeuronsPerCore.getValue();
  if (!(spinnTimeStepUs > 0) || !(spinnSpikeRate >= 0))
    return emitError(module.getLoc())
           << "--time-step-us must be positive and --spike-rate non-negative";

  // A failing phase must not dump the machine IR into its message: for a
  // large network that is megabytes of text.
  module.getContext()->printOpOnDiagnostic(false);
  int64_t neurons = countNeurons(module);
  raw_ostream *progress =
      !axonc::quiet && neurons > ProgressNeurons ? &errs() : nullptr;
  if (progress)
    *progress << "spinnaker: mapping " << neurons << " neurons onto " << machine
              << " (" << m->describe() << "); one line per phase\n";
  if (isANN(module) && failed(convertANN(module, progress)))
    return failure();

  spinnaker::SpinnakerOptions options;
  options.machine = machine;
  options.neuronsPerCore = spinnNeuronsPerCore;
  options.deadChips.assign(spinnDeadChips.begin(), spinnDeadChips.end());
  options.deadCores.assign(spinnDeadCores.begin(), spinnDeadCores.end());
  options.timeStepUs = spinnTimeStepUs;
  options.spikeRate = spinnSpikeRate;
  options.compressor = spinnCompressor;
  options.check = spinnCheck;
  options.emitIR = spinnEmitIR;
  options.progress = progress;
  return spinnaker::compileForSpinnaker(module, options, outDir, os);
}

//===- Run.cpp - what `axonc simulate` does ---------------------*- C++ -*-===//
//
// Glue between snn IR, input files and the engine.  Every failure becomes one
// diagnostic on the network so the driver reports it with a location.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Run.h"
#include "axon/Simulate/FromSNN.h"
#include "axon/Simulate/Trace.h"

#include "llvm/Support/Format.h"

using namespace mlir;
using namespace axon;

/// Engine options from the flags and the network's discretization.
static FailureOr<sim::EngineOptions>
engineOptions(snn::NetworkOp network, const SimulateOptions &options) {
  sim::EngineOptions eo;
  if (!options.profile.empty()) {
    std::optional<sim::Profile> p = sim::parseProfile(options.profile);
    if (!p)
      return network.emitError("unknown simulation profile '")
             << options.profile
             << "'; expected float-exact, float-euler, spinnaker, loihi, "
                "integer or binary";
    eo.profile = *p;
  }
  bool explicitFloat =
      !options.profile.empty() && (eo.profile == sim::Profile::FloatExact ||
                                   eo.profile == sim::Profile::FloatEuler);
  sim::Profile requested = eo.profile;
  applyDiscretization(network, eo);
  if (explicitFloat)
    eo.profile = requested;
  if (options.dt > 0)
    eo.dt = options.dt;
  else if (!network.getDiscretizationAttr() && !options.datasetPath.empty())
    eo.dt = 1.0;
  else if (!network.getDiscretizationAttr())
    return network.emitError("no time step: pass --dt=<seconds> or "
                             "discretize the network (--snn-discretize)");
  eo.minSynapticDelaySteps = options.minSynapticDelaySteps;
  return eo;
}

static LogicalResult fail(snn::NetworkOp network, llvm::Error err) {
  return network.emitError() << llvm::toString(std::move(err));
}

/// The encoding: the flag, else the network's `snn.encoding`, else direct.
static FailureOr<sim::Encoding> inputEncoding(snn::NetworkOp network,
                                              const SimulateOptions &options) {
  if (options.encoding)
    return *options.encoding;
  Attribute attr = network->getAttr("snn.encoding");
  if (!attr)
    return sim::Encoding::Direct;
  auto name = dyn_cast<StringAttr>(attr);
  if (name && name.getValue() == "direct")
    return sim::Encoding::Direct;
  if (name && name.getValue() == "rate")
    return sim::Encoding::Rate;
  return network.emitError("snn.encoding must be \"direct\" or \"rate\", "
                           "got ")
         << attr;
}

/// The steps: the flag, else the network's `snn.timesteps`, else 0.
static FailureOr<uint64_t> defaultSteps(snn::NetworkOp network,
                                        const SimulateOptions &options) {
  if (options.steps)
    return options.steps;
  Attribute attr = network->getAttr("snn.timesteps");
  if (!attr)
    return uint64_t(0);
  auto steps = dyn_cast<IntegerAttr>(attr);
  if (!steps || steps.getValue().getSExtValue() <= 0)
    return network.emitError("snn.timesteps must be a positive integer, got ")
           << attr;
  return uint64_t(steps.getValue().getSExtValue());
}

static LogicalResult runDataset(snn::NetworkOp network, const sim::Network &net,
                                const sim::EngineOptions &eo,
                                const SimulateOptions &options,
                                llvm::raw_ostream &os) {
  llvm::Expected<sim::Dataset> data = sim::readLabeledCSV(options.datasetPath);
  if (!data)
    return fail(network, data.takeError());
  sim::EvalOptions eval;
  FailureOr<uint64_t> steps = defaultSteps(network, options);
  FailureOr<sim::Encoding> encoding = inputEncoding(network, options);
  if (failed(steps) || failed(encoding))
    return failure();
  eval.steps = *steps ? *steps : 1;
  eval.encoding = *encoding;
  eval.seed = options.seed;
  eval.limit = options.limit;
  llvm::Expected<sim::EvalResult> result =
      sim::evaluateClassifier(net, eo, *data, eval);
  if (!result)
    return fail(network, result.takeError());
  os << "accuracy: " << llvm::format("%.4f", result->accuracy()) << " ("
     << result->correct << "/" << result->total << ", "
     << sim::profileName(eo.profile) << ", " << eval.steps << " steps";
  if (eval.encoding == sim::Encoding::Rate)
    os << ", rate seed " << eval.seed;
  os << ")\n";
  return success();
}

LogicalResult axon::runSimulate(snn::NetworkOp network,
                                const SimulateOptions &options,
                                llvm::raw_ostream &os) {
  FailureOr<sim::Network> net = buildSimNetwork(network);
  if (failed(net))
    return failure();
  FailureOr<sim::EngineOptions> eo = engineOptions(network, options);
  if (failed(eo))
    return failure();
  if (!options.datasetPath.empty())
    return runDataset(network, *net, *eo, options, os);

  std::optional<sim::NodeId> input;
  for (sim::NodeId id = 0; id < net->size(); ++id)
    if (net->node(id).kind == sim::NodeKind::Input && !input)
      input = id;
  sim::InputTrace trace;
  if (!options.inputPath.empty()) {
    if (!input)
      return network.emitError("--input given but the network has no input");
    llvm::Expected<sim::InputTrace> read =
        options.inputEvents ? sim::readEventCSV(options.inputPath)
                            : sim::readDenseCSV(options.inputPath);
    if (!read)
      return fail(network, read.takeError());
    trace = std::move(*read);
    if (!options.inputColumns.empty()) {
      llvm::Expected<sim::InputTrace> selected =
          sim::selectColumns(trace, options.inputColumns);
      if (!selected)
        return fail(network, selected.takeError());
      trace = std::move(*selected);
    }
  }
  FailureOr<uint64_t> netSteps = defaultSteps(network, options);
  FailureOr<sim::Encoding> encoding = inputEncoding(network, options);
  if (failed(netSteps) || failed(encoding))
    return failure();
  uint64_t steps = *netSteps ? *netSteps : trace.numSteps();
  if (*encoding == sim::Encoding::Rate && !trace.isEvents && trace.numSteps()) {
    // Rate-code the dense trace: row t holds the intensities of step t.
    sim::RateEncoder encoder(options.seed);
    sim::InputTrace spikes;
    spikes.isEvents = true;
    spikes.events.resize(trace.rows.size());
    for (size_t t = 0; t < trace.rows.size(); ++t)
      encoder.encode(trace.rows[t], /*sample=*/0, t, spikes.events[t]);
    trace = std::move(spikes);
  }
  if (steps == 0)
    return network.emitError("nothing to simulate: pass --steps=N or an "
                             "--input trace");
  llvm::Expected<std::unique_ptr<sim::Engine>> engine =
      sim::Engine::create(*net, *eo);
  if (!engine)
    return fail(network, engine.takeError());
  for (const std::string &probe : options.probes)
    if (llvm::Error err = (*engine)->addProbe(probe))
      return fail(network, std::move(err));
  if (input) {
    if (llvm::Error err = (*engine)->run(net->node(*input).name, trace, steps))
      return fail(network, std::move(err));
  } else {
    for (uint64_t t = 0; t < steps; ++t)
      (*engine)->step();
  }
  (*engine)->getRecorder().writeCSV(os);
  return success();
}

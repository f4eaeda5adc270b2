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

static LogicalResult runDataset(snn::NetworkOp network, const sim::Network &net,
                                const sim::EngineOptions &eo,
                                const SimulateOptions &options,
                                llvm::raw_ostream &os) {
  llvm::Expected<sim::Dataset> data = sim::readLabeledCSV(options.datasetPath);
  if (!data)
    return fail(network, data.takeError());
  sim::EvalOptions eval;
  eval.steps = options.steps ? options.steps : 1;
  eval.encoding = options.encoding;
  eval.limit = options.limit;
  llvm::Expected<sim::EvalResult> result =
      sim::evaluateClassifier(net, eo, *data, eval);
  if (!result)
    return fail(network, result.takeError());
  os << "accuracy: " << llvm::format("%.4f", result->accuracy()) << " ("
     << result->correct << "/" << result->total << ", "
     << sim::profileName(eo.profile) << ", " << eval.steps << " steps)\n";
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
  uint64_t steps = options.steps ? options.steps : trace.numSteps();
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

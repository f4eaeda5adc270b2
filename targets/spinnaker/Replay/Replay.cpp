//===- Replay.cpp - Machine-level replay of a SpiNNaker mapping -*- C++ -*-===//
//
// Time loop of the replay.  Every step: each core updates its neurons from
// the ring-buffer slot of the step (plus its constant bias input) with the
// reference simulator's own spinnaker-profile neuron kernel (one small
// engine per core: an input port feeding a copy of the population's node,
// sliced to the core's atoms), then sends one multicast packet per spike,
// which the routers deliver to the cores whose rows add weights into the
// slot `t + delay`.  Input cores emit seeded Poisson spikes.  The reference
// engine runs the unmapped network on the same input spikes (minimum
// synaptic delay 1: SpiNNaker's timing), and the spike trains are compared
// every step.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Replay/Replay.h"
#include "targets/spinnaker/Replay/MachineImage.h"

#include "axon/Simulate/Engine.h"
#include "axon/Simulate/FixedPoint.h"
#include "axon/Simulate/FromSNN.h"

#include "axon/Support/SplitMix64.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <ctime>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;
using namespace axon::spinnaker::replay;

namespace {

using axon::SplitMix64;

/// One application core running a neuron slice.
struct Core {
  std::unique_ptr<sim::Engine> engine;
  sim::NodeId input = 0;
  std::string spikeProbe, vProbe;
  std::vector<int64_t> ring; ///< slots x atoms, s16.15 raw sums
};

class Replayer {
public:
  Replayer(spinn::MachineOp m, snn::NetworkOp net, const Machine &model,
           const ReplayOptions &options)
      : m(m), net(net), model(model), options(options) {}
  FailureOr<ReplayStats> run(const llvm::StringMap<Operation *> &nodes);

private:
  LogicalResult buildCores();
  LogicalResult stepMachine(uint64_t t);
  LogicalResult send(unsigned vertex, uint32_t atom, uint64_t t);
  LogicalResult compare(uint64_t t);

  spinn::MachineOp m;
  snn::NetworkOp net;
  const Machine &model;
  ReplayOptions options;
  sim::Network simNet;
  DenseMap<Operation *, sim::NodeId> ids;
  sim::EngineOptions engineOptions;
  MachineImage image;
  std::unique_ptr<sim::Engine> reference;
  std::vector<Core> cores; ///< by vertex (empty engine for inputs)
  /// Input spikes of the step per population (ascending neuron index).
  std::vector<std::vector<uint32_t>> inputEvents;
  /// Machine spikes of the step per population (neuron indices).
  std::vector<std::vector<uint32_t>> spikes;
  /// Machine membrane of non-spiking populations.
  std::vector<std::vector<double>> voltages;
  /// Routing result of every (vertex, atom) key, computed when first sent.
  std::vector<std::vector<std::optional<std::vector<Delivery>>>> routes;
  unsigned ringSlots = 2;
  ReplayStats stats;
  double replaySeconds = 0, referenceSeconds = 0;
};

} // namespace

/// CPU time of this thread in seconds: the machine is shared, so wall time
/// would measure the neighbours too (as bench/simulate does).
static double threadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

/// A copy of `node` for atoms [lo, hi): per-neuron parameters sliced.
static sim::Node sliceNode(const sim::Node &node, int64_t lo, int64_t hi) {
  sim::Node copy;
  copy.kind = node.kind;
  copy.name = "neurons";
  for (const auto &[name, tensor] : node.params) {
    if (tensor.isSplat() || (int64_t)tensor.size() != node.numOutputs()) {
      copy.params[name] = tensor;
      continue;
    }
    copy.params[name] = sim::Tensor(std::vector<double>(
        tensor.data.begin() + lo, tensor.data.begin() + hi));
  }
  return copy;
}

LogicalResult Replayer::buildCores() {
  cores.resize(image.vertices.size());
  ringSlots = image.maxDelay + 1;
  sim::EngineOptions coreOptions = engineOptions;
  coreOptions.minSynapticDelaySteps = 0;
  for (unsigned v = 0, e = image.vertices.size(); v < e; ++v) {
    const VertexInfo &info = image.vertices[v];
    const PopulationInfo &pop = image.populations[info.population];
    if (pop.isInput)
      continue;
    sim::Node slice = sliceNode(simNet.node(pop.simNode), info.lo, info.hi);
    sim::Network coreNet;
    sim::NodeId in = coreNet.addInput("synapses", {info.size()});
    sim::NodeId neurons =
        coreNet.addNode(slice.kind, slice.name, std::move(slice.params));
    coreNet.connect(in, neurons);
    auto fail = [&](llvm::Error err) {
      return info.op.emitOpError()
             << "cannot run its neurons: " << llvm::toString(std::move(err));
    };
    if (llvm::Error err = coreNet.finalize())
      return fail(std::move(err));
    auto engine = sim::Engine::create(coreNet, coreOptions);
    if (!engine)
      return fail(engine.takeError());
    cores[v].engine = std::move(*engine);
    cores[v].input = in;
    cores[v].spikeProbe = "neurons.spikes";
    cores[v].vProbe = "neurons.v";
    cores[v].ring.assign(size_t(ringSlots) * info.size(), 0);
  }
  routes.resize(image.vertices.size());
  for (unsigned v = 0, e = image.vertices.size(); v < e; ++v)
    routes[v].resize(image.vertices[v].sends ? image.vertices[v].size() : 0);
  return success();
}

LogicalResult Replayer::send(unsigned vertex, uint32_t atom, uint64_t t) {
  std::optional<std::vector<Delivery>> &route = routes[vertex][atom];
  if (!route) {
    RouteResult result;
    std::string why;
    unsigned limit = options.hopLimit ? options.hopLimit
                                      : (unsigned)model.liveChips().size();
    if (failed(routePacket(image, model, vertex, atom, limit, result, why)))
      return image.vertices[vertex].op.emitError()
             << "replay: at step " << t << ", " << why;
    route = std::move(result.deliveries);
    ++stats.routedKeys;
    stats.lookups += result.lookups;
    stats.defaultRouted += result.defaultRouted;
  }
  ++stats.packets;
  for (const Delivery &d : *route) {
    ++stats.deliveries;
    const RowBlock &b = image.blocks[d.vertex][d.block];
    Core &core = cores[d.vertex];
    size_t n = image.vertices[d.vertex].size();
    // delay < ringSlots, so one conditional subtraction wraps the slot.
    uint64_t now = t % ringSlots;
    int64_t *ring = core.ring.data();
    for (uint32_t i = b.rowStart[atom], e = b.rowStart[atom + 1]; i < e; ++i) {
      const RowSynapse &s = b.synapses[i];
      uint64_t slot = now + s.delay;
      if (slot >= ringSlots)
        slot -= ringSlots;
      ring[slot * n + s.post] += s.weight;
    }
    stats.synapticEvents += b.rowStart[atom + 1] - b.rowStart[atom];
  }
  return success();
}

LogicalResult Replayer::stepMachine(uint64_t t) {
  std::vector<double> input;
  for (unsigned v = 0, e = image.vertices.size(); v < e; ++v) {
    const VertexInfo &info = image.vertices[v];
    const PopulationInfo &pop = image.populations[info.population];
    std::vector<uint32_t> &popSpikes = spikes[info.population];
    size_t first = popSpikes.size();
    if (pop.isInput) {
      // Events ascend: the slice's are one contiguous run.
      const std::vector<uint32_t> &events = inputEvents[info.population];
      for (auto it = llvm::lower_bound(events, uint32_t(info.lo));
           it != events.end() && *it < info.hi; ++it)
        popSpikes.push_back(*it);
    } else {
      Core &core = cores[v];
      size_t n = info.size();
      int64_t *slot = core.ring.data() + (t % ringSlots) * n;
      input.resize(n);
      for (size_t i = 0; i < n; ++i) {
        input[i] = sim::fixed::fromS1615(
            sim::fixed::saturate32(slot[i] + image.bias[v][i]));
        slot[i] = 0;
      }
      if (llvm::Error err = core.engine->setInput(core.input, input))
        return info.op.emitOpError() << llvm::toString(std::move(err));
      core.engine->step();
      auto out = core.engine->read(pop.spiking ? core.spikeProbe : core.vProbe);
      if (!out)
        return info.op.emitOpError() << llvm::toString(out.takeError());
      if (pop.spiking) {
        for (size_t i = 0; i < n; ++i)
          if ((*out)[i] != 0)
            popSpikes.push_back(uint32_t(info.lo + i));
      } else {
        std::copy(out->begin(), out->end(),
                  voltages[info.population].begin() + info.lo);
      }
    }
    (pop.isInput ? stats.inputSpikes : stats.spikes) +=
        popSpikes.size() - first;
    if (!info.sends)
      continue;
    for (size_t i = first; i < popSpikes.size(); ++i)
      if (failed(send(v, uint32_t(popSpikes[i] - info.lo), t)))
        return failure();
  }
  return success();
}

LogicalResult Replayer::compare(uint64_t t) {
  for (unsigned p = 0, e = image.populations.size(); p < e; ++p) {
    const PopulationInfo &pop = image.populations[p];
    if (pop.isInput)
      continue;
    const std::string &node = simNet.node(pop.simNode).name;
    auto ref = reference->read(node + (pop.spiking ? ".spikes" : ".v"));
    if (!ref)
      return pop.op.emitOpError() << llvm::toString(ref.takeError());
    std::vector<double> machine;
    if (pop.spiking) {
      machine.assign(pop.neurons, 0.0);
      for (uint32_t i : spikes[p])
        machine[i] = 1.0;
    } else {
      machine = voltages[p];
    }
    for (int64_t i = 0; i < pop.neurons; ++i) {
      if ((*ref)[i] == machine[i])
        continue;
      InFlightDiagnostic diag = pop.op.emitError();
      diag << "replay diverges from the reference at step " << t
           << ": population '" << pop.name << "' neuron " << i;
      if (pop.spiking)
        diag << ((*ref)[i] != 0 ? " spikes in the reference but not on the "
                                  "machine"
                                : " spikes on the machine but not in the "
                                  "reference");
      else
        diag << " has v = " << machine[i] << " on the machine but " << (*ref)[i]
             << " in the reference";
      return failure();
    }
  }
  return success();
}

FailureOr<ReplayStats>
Replayer::run(const llvm::StringMap<Operation *> &nodes) {
  FailureOr<sim::Network> built = buildSimNetwork(net, &ids);
  if (failed(built))
    return failure();
  simNet = std::move(*built);
  engineOptions.profile = sim::Profile::Spinnaker;
  engineOptions.spikeTiming = sim::SpikeTiming::StepEnd;
  applyDiscretization(net, engineOptions);
  engineOptions.minSynapticDelaySteps = 1;
  auto ref = sim::Engine::create(simNet, engineOptions);
  if (!ref) {
    net.emitError() << "replay: the reference simulator cannot run the "
                       "network: "
                    << llvm::toString(ref.takeError());
    return failure();
  }
  reference = std::move(*ref);
  FailureOr<MachineImage> img = buildMachineImage(m, model, nodes, simNet, ids);
  if (failed(img))
    return failure();
  image = std::move(*img);
  if (failed(buildCores()))
    return failure();
  for (const VertexInfo &v : image.vertices)
    stats.cores += !image.populations[v.population].isInput;
  size_t numPops = image.populations.size();
  inputEvents.resize(numPops);
  spikes.resize(numPops);
  voltages.resize(numPops);
  for (unsigned p = 0; p < numPops; ++p)
    if (!image.populations[p].spiking)
      voltages[p].assign(image.populations[p].neurons, 0.0);
  SplitMix64 rng{options.seed};
  double probability = options.rate * engineOptions.dt;
  for (uint64_t t = 0; t < options.steps; ++t) {
    for (unsigned p = 0; p < numPops; ++p) {
      inputEvents[p].clear();
      spikes[p].clear();
      const PopulationInfo &pop = image.populations[p];
      if (!pop.isInput)
        continue;
      for (int64_t i = 0; i < pop.neurons; ++i)
        if (rng.uniform() < probability)
          inputEvents[p].push_back(uint32_t(i));
    }
    double t0 = threadSeconds();
    for (unsigned p = 0; p < numPops; ++p)
      if (image.populations[p].isInput)
        if (llvm::Error err = reference->setInputEvents(
                image.populations[p].simNode, inputEvents[p]))
          return net.emitError() << llvm::toString(std::move(err)), failure();
    reference->step();
    double t1 = threadSeconds();
    if (failed(stepMachine(t)))
      return failure();
    double t2 = threadSeconds();
    referenceSeconds += t1 - t0;
    replaySeconds += t2 - t1;
    if (failed(compare(t)))
      return failure();
  }
  stats.steps = options.steps;
  stats.replaySeconds = replaySeconds;
  stats.referenceSeconds = referenceSeconds;
  return stats;
}

FailureOr<ReplayStats> axon::spinnaker::replayMachine(
    spinn::MachineOp machine, snn::NetworkOp network, const Machine &model,
    const llvm::StringMap<Operation *> &nodes, const ReplayOptions &options) {
  Replayer replayer(machine, network, model, options);
  return replayer.run(nodes);
}

//===- BenchSimulate.cpp - Synaptic event throughput ------------*- C++ -*-===//
//
// A 100,000-neuron LIF population with a recurrent sparse projection of fixed
// out-degree (seeded splitmix64), driven so that about 10% of the neurons
// spike per step: every step a fresh random 10% of the neurons receive an
// input spike strong enough to cross threshold (r = 50, tau = 20 ms, dt =
// 1 ms: one input gives v = 50 (1 - e^-0.05) = 2.44 > 1), while the
// recurrent weights (+-0.004) only nudge.  One thread.  Prints a table of
// synaptic events (recurrent spikes x out-degree) per second per profile.
//
// Usage: bench-simulate [neurons] [out-degree] [steps] [repeats]
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Engine.h"
#include "axon/Support/SplitMix64.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>

using namespace axon::sim;

namespace {

using SplitMix = axon::SplitMix64;

struct Config {
  uint32_t neurons = 100000, degree = 100, steps = 100, repeats = 3;
  double driveFraction = 0.1;
};

Network buildNetwork(const Config &cfg) {
  SplitMix rng{42};
  std::vector<std::vector<uint32_t>> posts(cfg.neurons);
  std::vector<std::vector<double>> weights(cfg.neurons);
  for (uint32_t p = 0; p < cfg.neurons; ++p) {
    posts[p].resize(cfg.degree);
    weights[p].resize(cfg.degree);
    for (uint32_t k = 0; k < cfg.degree; ++k) {
      posts[p][k] = uint32_t(rng.next() % cfg.neurons);
      weights[p][k] = (rng.uniform() * 2 - 1) * 0.004;
    }
  }
  auto sparse = SparseWeights::fromRows(cfg.neurons, posts, weights);
  if (!sparse) {
    std::fprintf(stderr, "%s\n", llvm::toString(sparse.takeError()).c_str());
    std::exit(1);
  }
  Network net;
  NodeId in = net.addInput("drive", {int64_t(cfg.neurons)});
  NodeId lif = net.addNode(NodeKind::LIF, "pop",
                           {{"tau", 0.02}, {"r", 50.0}, {"v_threshold", 1.0}});
  NodeId rec = net.addSparseLinear(
      "rec", std::make_shared<SparseWeights>(std::move(*sparse)));
  net.connect(in, lif);
  net.connect(rec, lif);
  net.connect(lif, rec);
  if (auto err = net.finalize()) {
    std::fprintf(stderr, "%s\n", llvm::toString(std::move(err)).c_str());
    std::exit(1);
  }
  return net;
}

/// CPU time of this thread: on a shared machine wall time also counts the
/// time other processes hold the core.
double threadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

struct Result {
  double seconds = 0, cpuSeconds = 0, activity = 0;
  uint64_t events = 0, spikes = 0;
};

/// Random drive sets, drawn before timing so the RNG is not measured.
std::vector<std::vector<uint32_t>> driveSets(const Config &cfg,
                                             uint32_t steps) {
  SplitMix rng{7};
  std::vector<std::vector<uint32_t>> sets(steps);
  for (auto &s : sets)
    for (uint32_t i = 0; i < cfg.neurons; ++i)
      if (rng.uniform() < cfg.driveFraction)
        s.push_back(i);
  return sets;
}

std::unique_ptr<Engine> makeEngine(const Network &net, Profile profile) {
  EngineOptions opts;
  opts.profile = profile;
  opts.dt = 1e-3;
  opts.spikeTiming = SpikeTiming::StepEnd;
  auto engine = Engine::create(net, opts);
  if (!engine) {
    std::fprintf(stderr, "%s\n", llvm::toString(engine.takeError()).c_str());
    std::exit(1);
  }
  return std::move(*engine);
}

void drive(Engine &e, NodeId in, const std::vector<uint32_t> &set) {
  if (auto err = e.setInputEvents(in, set)) {
    std::fprintf(stderr, "%s\n", llvm::toString(std::move(err)).c_str());
    std::exit(1);
  }
}

/// The engine is deterministic, so an untimed pass counts spikes and
/// synaptic events and an identical timed pass measures the engine alone.
Result runProfile(const Network &net, const Config &cfg, Profile profile,
                  const std::vector<std::vector<uint32_t>> &sets) {
  const uint32_t warmup = 10;
  NodeId in = *net.lookup("drive");
  const SparseWeights &w = *net.node(*net.lookup("rec")).sparse;
  Result r;
  auto counting = makeEngine(net, profile);
  for (uint32_t t = 0; t < warmup + cfg.steps; ++t) {
    drive(*counting, in, sets[t]);
    counting->step();
    if (t + 1 < warmup)
      continue;
    // A spike of step t is one CSR row processed at step t + 1: the timed
    // steps [warmup, warmup + steps) process the spikes of steps
    // [warmup - 1, warmup + steps - 1).
    std::vector<double> spikes = *counting->read("pop.spikes");
    for (uint32_t i = 0; i < cfg.neurons; ++i) {
      if (spikes[i] == 0)
        continue;
      if (t >= warmup)
        ++r.spikes;
      if (t + 1 < warmup + cfg.steps)
        r.events += w.rowStart[i + 1] - w.rowStart[i];
    }
  }
  // Best of `repeats` timed runs: other processes only ever add time.
  r.seconds = r.cpuSeconds = 1e300;
  for (uint32_t rep = 0; rep < cfg.repeats; ++rep) {
    auto timed = makeEngine(net, profile);
    for (uint32_t t = 0; t < warmup; ++t) {
      drive(*timed, in, sets[t]);
      timed->step();
    }
    auto start = std::chrono::steady_clock::now();
    double cpuStart = threadCpuSeconds();
    for (uint32_t t = warmup; t < warmup + cfg.steps; ++t) {
      drive(*timed, in, sets[t]);
      timed->step();
    }
    double cpu = threadCpuSeconds() - cpuStart;
    auto end = std::chrono::steady_clock::now();
    r.cpuSeconds = std::min(r.cpuSeconds, cpu);
    r.seconds =
        std::min(r.seconds, std::chrono::duration<double>(end - start).count());
  }
  r.activity = double(r.spikes) / (double(cfg.neurons) * cfg.steps);
  return r;
}

} // namespace

int main(int argc, char **argv) {
  Config cfg;
  if (argc > 1)
    cfg.neurons = uint32_t(std::atol(argv[1]));
  if (argc > 2)
    cfg.degree = uint32_t(std::atol(argv[2]));
  if (argc > 3)
    cfg.steps = uint32_t(std::atol(argv[3]));
  if (argc > 4)
    cfg.repeats = std::max(1u, uint32_t(std::atol(argv[4])));
  Network net = buildNetwork(cfg);
  auto sets = driveSets(cfg, cfg.steps + 10);
  std::printf("bench-simulate: %u LIF neurons, out-degree %u (%llu "
              "synapses), %u timed steps, best of %u runs, 1 thread\n\n",
              cfg.neurons, cfg.degree,
              (unsigned long long)cfg.neurons * cfg.degree, cfg.steps,
              cfg.repeats);
  std::printf("| profile | activity (spikes/neuron/step) | synaptic events | "
              "CPU time (s) | wall time (s) | events/s (CPU) | ms/step (CPU) "
              "|\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (Profile p :
       {Profile::FloatExact, Profile::FloatEuler, Profile::Spinnaker}) {
    Result r = runProfile(net, cfg, p, sets);
    std::printf("| %s | %.4f | %llu | %.3f | %.3f | %.1f M | %.2f |\n",
                profileName(p).str().c_str(), r.activity,
                (unsigned long long)r.events, r.cpuSeconds, r.seconds,
                r.events / r.cpuSeconds / 1e6, 1e3 * r.cpuSeconds / cfg.steps);
  }
  return 0;
}

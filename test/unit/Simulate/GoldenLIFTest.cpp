//===- GoldenLIFTest.cpp - The NIR LIF fixture and its traces ---*- C++ -*-===//
//
// shared/fixtures/nir/lif: one LIF (tau = 2.5 ms, r = 1, v_leak = 0,
// v_threshold = 0.1, no v_reset) behind Affine(w = 1, b = 0), dt = 0.1 ms, and
// traces (input spike, voltage, output spike per step) from an exact solver
// and five simulators.  float-exact must reproduce the exact trace (voltage
// to 1e-6, spikes exactly); for the other traces the test measures which
// convention reproduces each best and pins the table of docs/simulator.md.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Engine.h"
#include "axon/Simulate/Trace.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdio>

using namespace axon::sim;

namespace {

const char *kDir = AXON_SHARED_DIR "/fixtures/nir/lif/";
constexpr double kDt = 1e-4, kTau = 0.0025, kTh = 0.1;

struct Trace3 {
  std::vector<double> in, v, spikes;
};

Trace3 loadTrace(const std::string &file) {
  auto trace = readDenseCSV(std::string(kDir) + file);
  Trace3 t;
  if (!trace) {
    ADD_FAILURE() << llvm::toString(trace.takeError());
    return t;
  }
  for (auto &row : trace->rows) {
    EXPECT_EQ(row.size(), 3u);
    t.in.push_back(row[0]);
    t.v.push_back(row[1]);
    t.spikes.push_back(row[2]);
  }
  return t;
}

/// A simulator convention, expressed as engine options plus the input gain
/// (the Affine weight) and the threshold scale it implies.
struct Convention {
  std::string name;
  EngineOptions opts;
  double weight = 1.0, thresholdScale = 1.0;
};

/// input -> Affine(w) -> LIF -> output, built by hand with the Network API.
Network lifNetwork(double weight, double threshold) {
  Network net;
  NodeId in = net.addInput("input", {1});
  NodeId aff = net.addAffine("affine", 1, 1, {weight}, {0.0});
  NodeId lif = net.addNode(
      NodeKind::LIF, "lif",
      {{"tau", kTau}, {"r", 1.0}, {"v_leak", 0.0}, {"v_threshold", threshold}});
  NodeId out = net.addOutput("output");
  net.connect(in, aff);
  net.connect(aff, lif);
  net.connect(lif, out);
  return net;
}

Trace3 simulate(const Convention &c, const std::vector<double> &input) {
  Network net = lifNetwork(c.weight, kTh * c.thresholdScale);
  Trace3 r;
  if (auto err = net.finalize()) {
    ADD_FAILURE() << llvm::toString(std::move(err));
    return r;
  }
  auto engine = Engine::create(net, c.opts);
  if (!engine) {
    ADD_FAILURE() << llvm::toString(engine.takeError());
    return r;
  }
  EXPECT_FALSE((*engine)->addProbe("lif.v"));
  EXPECT_FALSE((*engine)->addProbe("lif.spikes"));
  InputTrace trace;
  for (double x : input)
    trace.rows.push_back({x});
  EXPECT_FALSE((*engine)->run("input", trace, input.size()));
  r.v = *(*engine)->getRecorder().column("lif.v");
  r.spikes = *(*engine)->getRecorder().column("lif.spikes");
  return r;
}

struct Score {
  double maxErr = 0;
  int mismatches = 0;
  bool operator<(const Score &o) const {
    return mismatches != o.mismatches ? mismatches < o.mismatches
                                      : maxErr < o.maxErr - 1e-12;
  }
};

Score compare(const Trace3 &sim, const Trace3 &ref) {
  Score s;
  for (size_t t = 0; t < ref.v.size(); ++t) {
    s.maxErr = std::max(s.maxErr, std::fabs(sim.v[t] - ref.v[t]));
    s.mismatches += (sim.spikes[t] != 0) != (ref.spikes[t] != 0);
  }
  return s;
}

/// Every convention tried: method x reset x delivery x input scaling.
std::vector<Convention> allConventions() {
  double k = std::exp(-kDt / kTau);
  struct Gain {
    const char *name;
    double weight, thScale;
  } gains[] = {
      {"I*1", 1.0, 1.0},
      {"I*(dt/tau)/(1-e^(-dt/tau)) [exact decay, input*dt/tau]",
       (kDt / kTau) / (1 - k), 1.0},
      {"I*tau/dt, v and threshold in tau/dt units", kTau / kDt, kTau / kDt},
      {"I*1/dt", 1.0 / kDt, 1.0}};
  struct Method {
    const char *name;
    Profile profile;
    SpikeTiming timing;
  } methods[] = {{"exact in-step", Profile::FloatExact, SpikeTiming::InStep},
                 {"exact step-end", Profile::FloatExact, SpikeTiming::StepEnd},
                 {"euler", Profile::FloatEuler, SpikeTiming::StepEnd}};
  std::vector<Convention> all;
  for (const Method &m : methods)
    for (ResetMode reset : {ResetMode::Zero, ResetMode::Subtract})
      for (unsigned delay : {0u, 1u})
        for (const Gain &g : gains) {
          Convention c;
          c.name =
              std::string(m.name) +
              (reset == ResetMode::Zero ? ", reset zero" : ", reset subtract") +
              (delay ? ", next-step delivery" : ", same-step delivery") + ", " +
              g.name;
          c.opts.profile = m.profile;
          c.opts.spikeTiming = m.timing;
          c.opts.dt = kDt;
          c.opts.reset = reset;
          c.opts.minSynapticDelaySteps = delay;
          c.weight = g.weight;
          c.thresholdScale = g.thScale;
          all.push_back(c);
        }
  return all;
}

} // namespace

TEST(GoldenLIF, FloatExactReproducesExactTrace) {
  Trace3 ref = loadTrace("lif_exact.csv");
  ASSERT_EQ(ref.v.size(), 1000u);
  Convention c;
  c.opts.profile = Profile::FloatExact;
  c.opts.dt = kDt; // defaults: in-step spike timing, reset to v_reset (0)
  Trace3 sim = simulate(c, ref.in);
  ASSERT_EQ(sim.v.size(), ref.v.size());
  int spikes = 0;
  for (size_t t = 0; t < ref.v.size(); ++t) {
    EXPECT_NEAR(sim.v[t], ref.v[t], 1e-6) << "step " << t;
    EXPECT_EQ(sim.spikes[t], ref.spikes[t]) << "step " << t;
    spikes += ref.spikes[t] != 0;
  }
  EXPECT_EQ(spikes, 4); // steps 460, 510, 710, 760
}

/// The best convention for each trace, as docs/simulator.md reports it.
TEST(GoldenLIF, ConventionTable) {
  struct Expect {
    const char *file;
    const char *best;
    int maxMismatches;
    double maxErr;
  } expects[] = {
      {"lif_exact.csv", "exact in-step, reset zero, same-step delivery, I*1", 0,
       1e-6},
      {"lif_norse.csv", "euler, reset zero, same-step delivery, I*1", 0, 1e-7},
      {"lif_rockpool.csv",
       "exact step-end, reset subtract, same-step delivery, "
       "I*(dt/tau)/(1-e^(-dt/tau)) [exact decay, input*dt/tau]",
       0, 1e-7},
      {"lif_snntorch.csv",
       "euler, reset zero, same-step delivery, I*tau/dt, v and threshold in "
       "tau/dt units",
       0, 2e-6},
      {"lif_lava_cpu_float.csv", "euler, reset zero, next-step delivery, I*1",
       0, 1e-7},
      // SpiNNaker2's input gain is 0.99980 instead of 1 (measured), hence
      // the 5e-4 error at v ~ 2.5.
      {"lif_spinnaker2.csv",
       "euler, reset zero, same-step delivery, I*tau/dt, v and threshold in "
       "tau/dt units",
       0, 1e-3},
  };
  std::vector<Convention> all = allConventions();
  for (const Expect &e : expects) {
    Trace3 ref = loadTrace(e.file);
    ASSERT_EQ(ref.v.size(), 1000u) << e.file;
    Score best;
    std::string bestName;
    bool first = true;
    for (const Convention &c : all) {
      Score s = compare(simulate(c, ref.in), ref);
      if (first || s < best) {
        best = s;
        bestName = c.name;
        first = false;
      }
    }
    // The default float-exact convention is all[0].
    Score def = compare(simulate(all[0], ref.in), ref);
    std::printf("| %s | %s | %.3g | %d | %.3g | %d |\n", e.file,
                bestName.c_str(), best.maxErr, best.mismatches, def.maxErr,
                def.mismatches);
    EXPECT_EQ(bestName, e.best) << e.file;
    EXPECT_LE(best.mismatches, e.maxMismatches) << e.file;
    EXPECT_LE(best.maxErr, e.maxErr) << e.file;
  }
}

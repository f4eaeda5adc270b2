//===- FloatNeuronTest.cpp - float-exact/euler neuron steps -----*- C++ -*-===//
//
// One neuron driven straight from an Input node; every expectation is the
// documented formula evaluated by hand (numbers in the comments).
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

#include <cmath>

using namespace axon::sim;
using namespace axon::sim::test;

namespace {

constexpr double kDt = 1e-3;

/// Input("in", [1]) -> node("n").
std::unique_ptr<Engine> single(NodeKind kind,
                               std::map<std::string, Tensor, std::less<>> p,
                               EngineOptions opts) {
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId n = net.addNode(kind, "n", std::move(p));
  net.connect(in, n);
  opts.dt = kDt;
  return makeEngine(net, opts);
}

EngineOptions profile(Profile p, SpikeTiming timing = SpikeTiming::StepEnd,
                      ResetMode reset = ResetMode::ToVReset) {
  EngineOptions o;
  o.profile = p;
  o.spikeTiming = timing;
  o.reset = reset;
  return o;
}

} // namespace

TEST(FloatNeuron, ExactVersusEulerSingleSteps) {
  // LI: tau = 10 ms, r = 2, v_leak = 0.5; I = 1.5 then 0.
  std::map<std::string, Tensor, std::less<>> p = {
      {"tau", 0.01}, {"r", 2.0}, {"v_leak", 0.5}};
  auto exact = single(NodeKind::LI, p, profile(Profile::FloatExact));
  auto euler = single(NodeKind::LI, p, profile(Profile::FloatEuler));
  ASSERT_TRUE(exact && euler);
  double k = std::exp(-0.1); // dt / tau = 0.1
  // Step 0: a = 0.5 + 2 * 1.5 = 3.5.  exact: v = 3.5 + (0 - 3.5) k
  // = 0.33306903...; euler: v = 0 + 0.1 (3.5 - 0) = 0.35.
  feed(*exact, "in", {1.5});
  feed(*euler, "in", {1.5});
  exact->step();
  euler->step();
  EXPECT_NEAR(read(*exact, "n.v")[0], 3.5 * (1 - k), 1e-15);
  EXPECT_NEAR(read(*euler, "n.v")[0], 0.35, 1e-15);
  // Step 1: a = 0.5.  exact: v = 0.5 + (v1 - 0.5) k; euler: 0.35 + 0.1 *
  // (0.5 - 0.35) = 0.365.
  exact->step();
  euler->step();
  EXPECT_NEAR(read(*exact, "n.v")[0], 0.5 + (3.5 * (1 - k) - 0.5) * k, 1e-15);
  EXPECT_NEAR(read(*euler, "n.v")[0], 0.365, 1e-15);
  // LI outputs its voltage.
  EXPECT_EQ(read(*euler, "n.out")[0], read(*euler, "n.v")[0]);
}

TEST(FloatNeuron, IFAndIntegratorScaleInputByDt) {
  // IF, I: dv/dt = r I, so v' = v + dt r I = 0 + 1e-3 * 2 * 100 = 0.2.
  auto ifn = single(NodeKind::IF, {{"r", 2.0}, {"v_threshold", 1.0}},
                    profile(Profile::FloatEuler));
  auto integ =
      single(NodeKind::Integrator, {{"r", 2.0}}, profile(Profile::FloatExact));
  ASSERT_TRUE(ifn && integ);
  feed(*ifn, "in", {100.0});
  feed(*integ, "in", {100.0});
  ifn->step();
  integ->step();
  EXPECT_NEAR(read(*ifn, "n.v")[0], 0.2, 1e-15);
  EXPECT_NEAR(read(*integ, "n.v")[0], 0.2, 1e-15);
}

TEST(FloatNeuron, ResetModesAtStepEnd) {
  // LIF tau = 10 ms, v_th = 1, v_reset = 0.2, I = 20: a = 20,
  // v = 20 (1 - e^-0.1) = 1.9033516 > 1 -> spike.
  std::map<std::string, Tensor, std::less<>> p = {
      {"tau", 0.01}, {"v_threshold", 1.0}, {"v_reset", 0.2}};
  double vNew = 20 * (1 - std::exp(-0.1));
  struct Case {
    ResetMode mode;
    double expect;
  } cases[] = {{ResetMode::Zero, 0.0},
               {ResetMode::Subtract, vNew - 1.0}, // 0.9033516
               {ResetMode::ToVReset, 0.2}};
  for (const Case &c : cases) {
    auto e = single(NodeKind::LIF, p,
                    profile(Profile::FloatExact, SpikeTiming::StepEnd, c.mode));
    ASSERT_TRUE(e);
    feed(*e, "in", {20.0});
    e->step();
    EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
    EXPECT_NEAR(read(*e, "n.v")[0], c.expect, 1e-15);
  }
}

TEST(FloatNeuron, InStepResetIntegratesTheRestOfTheStep) {
  // Same LIF, in-step timing: v(s) = 20 (1 - e^(-s/tau)) reaches 1 at
  // s* = tau ln(20/19) = 0.5129 ms; from 0 the remaining 0.4871 ms give
  // v = 20 (1 - e^(-(dt - s*)/tau)) = 0.9508.
  std::map<std::string, Tensor, std::less<>> p = {{"tau", 0.01},
                                                  {"v_threshold", 1.0}};
  double sStar = 0.01 * std::log(20.0 / 19.0);
  double expect = 20 * (1 - std::exp(-(kDt - sStar) / 0.01));
  for (ResetMode mode :
       {ResetMode::Zero, ResetMode::Subtract, ResetMode::ToVReset}) {
    auto e = single(NodeKind::LIF, p,
                    profile(Profile::FloatExact, SpikeTiming::InStep, mode));
    ASSERT_TRUE(e);
    feed(*e, "in", {20.0});
    e->step();
    EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
    // At the crossing v = v_th exactly, so subtract == zero == v_reset (0).
    EXPECT_NEAR(read(*e, "n.v")[0], expect, 1e-13);
  }
  // IF: v' = 0 + 1e-3 * 1 * 1500 = 1.5 crosses 1 at 2/3 of the step; the
  // remaining third adds 0.5 to the reset value 0.
  auto ifn = single(NodeKind::IF, {{"v_threshold", 1.0}},
                    profile(Profile::FloatExact, SpikeTiming::InStep));
  ASSERT_TRUE(ifn);
  feed(*ifn, "in", {1500.0});
  ifn->step();
  EXPECT_EQ(read(*ifn, "n.spikes")[0], 1.0);
  EXPECT_NEAR(read(*ifn, "n.v")[0], 0.5, 1e-15);
}

TEST(FloatNeuron, InStepCrossingCarriedToTheNextStep) {
  // v_reset = 0.15 > 0: after the crossing at s* = tau ln(20/19) the rest of
  // step 0 gives v = 20 + (0.15 - 20) * k * 20/19 = 1.0937 > 1 (k = e^-0.1).
  // At most one spike per step, so it fires at the start of step 1 (input
  // 0, a = 0) although v would have decayed to 0.9896 < 1 by the end:
  // reset at s = 0, then v = 0 + (0.15 - 0) * k = 0.1357.
  auto e = single(NodeKind::LIF,
                  {{"tau", 0.01}, {"v_threshold", 1.0}, {"v_reset", 0.15}},
                  profile(Profile::FloatExact, SpikeTiming::InStep));
  ASSERT_TRUE(e);
  double k = std::exp(-0.1);
  feed(*e, "in", {20.0});
  e->step();
  EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
  double v1 = 20 + (0.15 - 20) * (k * 20 / 19);
  EXPECT_NEAR(read(*e, "n.v")[0], v1, 1e-13);
  EXPECT_GT(v1, 1.0);
  EXPECT_LT(v1 * k, 1.0);
  e->step();
  EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
  EXPECT_NEAR(read(*e, "n.v")[0], 0.15 * k, 1e-15);
}

TEST(FloatNeuron, CubaLIFTwoSteps) {
  // tau_syn = 5 ms, tau_mem = 10 ms, w_in = 2, r = 1; I = 1 then 0.
  std::map<std::string, Tensor, std::less<>> p = {{"tau_syn", 0.005},
                                                  {"tau_mem", 0.01},
                                                  {"w_in", 2.0},
                                                  {"v_threshold", 100.0}};
  auto euler = single(NodeKind::CubaLIF, p, profile(Profile::FloatEuler));
  auto exact = single(NodeKind::CubaLIF, p, profile(Profile::FloatExact));
  ASSERT_TRUE(euler && exact);
  feed(*euler, "in", {1.0});
  feed(*exact, "in", {1.0});
  euler->step();
  exact->step();
  // Euler: i1 = 0 + 0.2 (2 - 0) = 0.4; v1 = 0 + 0.1 (0.4 - 0) = 0.04.
  EXPECT_NEAR(read(*euler, "n.i")[0], 0.4, 1e-15);
  EXPECT_NEAR(read(*euler, "n.v")[0], 0.04, 1e-15);
  // Exact: i1 = 2 + (0 - 2) e^-0.2; v1 = i1 + (0 - i1) e^-0.1.
  double ks = std::exp(-0.2), k = std::exp(-0.1);
  double i1 = 2 * (1 - ks), v1 = i1 * (1 - k);
  EXPECT_NEAR(read(*exact, "n.i")[0], i1, 1e-15);
  EXPECT_NEAR(read(*exact, "n.v")[0], v1, 1e-15);
  euler->step();
  exact->step();
  // Euler: i2 = 0.4 + 0.2 (0 - 0.4) = 0.32; v2 = 0.04 + 0.1 (0.32 - 0.04)
  // = 0.068.
  EXPECT_NEAR(read(*euler, "n.i")[0], 0.32, 1e-15);
  EXPECT_NEAR(read(*euler, "n.v")[0], 0.068, 1e-15);
  double i2 = i1 * ks, v2 = i2 + (v1 - i2) * k;
  EXPECT_NEAR(read(*exact, "n.i")[0], i2, 1e-15);
  EXPECT_NEAR(read(*exact, "n.v")[0], v2, 1e-15);
}

TEST(FloatNeuron, AdaptiveThreshold) {
  // ALIF, Euler: tau = 10 ms (h = 0.1), v_th = 1, tau_adapt = 100 ms
  // (ka = 0.99), beta = 0.5.
  auto e = single(
      NodeKind::ALIF,
      {{"tau", 0.01}, {"v_threshold", 1.0}, {"tau_adapt", 0.1}, {"beta", 0.5}},
      profile(Profile::FloatEuler));
  ASSERT_TRUE(e);
  // t0: b = 0, threshold 1; v = 0.1 * 20 = 2 > 1: spike, v = 0, b = 0.5.
  feed(*e, "in", {20.0});
  e->step();
  EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
  EXPECT_NEAR(read(*e, "n.threshold")[0], 1.5, 1e-15);
  // t1: b = 0.5 * 0.99 = 0.495, threshold 1.495; v = 2 > 1.495: spike,
  // b = 0.995.
  feed(*e, "in", {20.0});
  e->step();
  EXPECT_EQ(read(*e, "n.spikes")[0], 1.0);
  EXPECT_NEAR(read(*e, "n.threshold")[0], 1.995, 1e-15);
  // t2: b = 0.995 * 0.99 = 0.98505; v = 0.1 * 14 = 1.4 < 1.98505.
  feed(*e, "in", {14.0});
  e->step();
  EXPECT_EQ(read(*e, "n.spikes")[0], 0.0);
  EXPECT_NEAR(read(*e, "n.v")[0], 1.4, 1e-15);
  EXPECT_NEAR(read(*e, "n.threshold")[0], 1.98505, 1e-15);
}

TEST(FloatNeuron, SpikeIsVisibleDownstreamInTheSameStep) {
  // in -> LIF -> Affine(w = 3) -> I(r = 1000): a spike adds dt * r * 3 = 3
  // to the integrator in the step it is emitted (min delay 0).  With min
  // delay 1 both the input edge and the spike edge take one step more.
  for (unsigned delay : {0u, 1u}) {
    Network net;
    NodeId in = net.addInput("in", {1});
    NodeId lif = net.addNode(NodeKind::LIF, "lif",
                             {{"tau", 0.01}, {"v_threshold", 1.0}});
    NodeId aff = net.addAffine("aff", 1, 1, {3.0}, {0.0});
    NodeId integ = net.addNode(NodeKind::Integrator, "acc", {{"r", 1000.0}});
    net.connect(in, lif);
    net.connect(lif, aff);
    net.connect(aff, integ);
    EngineOptions o =
        profile(Profile::FloatExact, SpikeTiming::StepEnd, ResetMode::Zero);
    o.dt = kDt;
    o.minSynapticDelaySteps = delay;
    auto e = makeEngine(net, o);
    ASSERT_TRUE(e);
    ASSERT_FALSE(e->addProbe("lif.spikes"));
    ASSERT_FALSE(e->addProbe("acc.v"));
    // I = 1000: v = 1000 (1 - e^-0.1) = 95 > 1 -> one spike, reset to 0.
    feed(*e, "in", {1000.0});
    for (int t = 0; t < 3; ++t)
      e->step();
    std::vector<double> spikes = *e->getRecorder().column("lif.spikes");
    std::vector<double> acc = *e->getRecorder().column("acc.v");
    std::vector<double> expectSpikes =
        delay ? std::vector<double>{0, 1, 0} : std::vector<double>{1, 0, 0};
    std::vector<double> expectAcc =
        delay ? std::vector<double>{0, 0, 3} : std::vector<double>{3, 3, 3};
    EXPECT_EQ(spikes, expectSpikes) << "delay " << delay;
    for (int t = 0; t < 3; ++t)
      EXPECT_NEAR(acc[t], expectAcc[t], 1e-12) << "delay " << delay;
  }
}

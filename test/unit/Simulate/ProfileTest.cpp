//===- ProfileTest.cpp - spinnaker/loihi neurons, errors --------*- C++ -*-===//
//
// Fixed-point neurons checked against integer arithmetic done by hand (and,
// for longer runs, against a naive re-implementation of the documented
// update inside the test); plus the errors users see.
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

#include <cmath>
#include <limits>

using namespace axon::sim;
using namespace axon::sim::test;

namespace {

/// in(1) -> Affine(w) -> neuron "n" (default LIF tau 20 ms, v_th 1).
Network affineNeuron(double w, NodeKind kind = NodeKind::LIF,
                     std::map<std::string, Tensor, std::less<>> p = {
                         {"tau", 0.02}, {"v_threshold", 1.0}}) {
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId aff = net.addAffine("aff", 1, 1, {w}, {0.0});
  NodeId n = net.addNode(kind, "n", std::move(p));
  net.connect(in, aff);
  net.connect(aff, n);
  return net;
}

EngineOptions withProfile(Profile p) {
  EngineOptions o;
  o.profile = p;
  o.dt = 1e-3;
  return o;
}

} // namespace

TEST(SpinnakerProfile, LIFStepsByHand) {
  // shift 0 (sum 0.5 -> 16384 fits), weight_int = 16384, input 16384 raw.
  // k = decayS1615(1 ms, 20 ms) = 31170, r = 32768.
  // t0: a = 0 + mul(32768, 16384) = 16384; v = 16384 - mul(31170, 16384)
  //     = 16384 - 15585 = 799.
  // t1: a = 0; v = 0 - mul(31170, 0 - 799) = -floor(-760.035) = 761.
  Network net = affineNeuron(0.5);
  auto e = makeEngine(net, withProfile(Profile::Spinnaker));
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->setInputEvents("in", {0}));
  e->step();
  EXPECT_EQ(read(*e, "aff")[0], 0.5);
  EXPECT_EQ(read(*e, "n.i")[0], 0.5);
  EXPECT_EQ(read(*e, "n.v")[0], 799.0 / 32768);
  e->step();
  EXPECT_EQ(read(*e, "n.v")[0], 761.0 / 32768);
}

TEST(SpinnakerProfile, StateSaturatesInsteadOfWrapping) {
  // IF: v' = add(v, mul(dtr, I)), dtr = toS1615(1e-3 * 1e7) = 1e4.  Ten
  // steps of I = +-1 would reach +-1e5; the state stops at the accum limits.
  for (double w : {1.0, -1.0}) {
    Network net =
        affineNeuron(w, NodeKind::IF, {{"r", 1e7}, {"v_threshold", 1e6}});
    auto e = makeEngine(net, withProfile(Profile::Spinnaker));
    ASSERT_TRUE(e);
    for (int t = 0; t < 10; ++t) {
      ASSERT_FALSE(e->setInputEvents("in", {0}));
      e->step();
    }
    double expect =
        w > 0 ? std::numeric_limits<int32_t>::max() / 32768.0 : -65536.0;
    EXPECT_EQ(read(*e, "n.v")[0], expect);
    // v_th = 1e6 saturates to the same maximum: strict > never fires.
    EXPECT_EQ(read(*e, "n.spikes")[0], 0.0);
  }
}

TEST(SpinnakerProfile, FollowsFloatStepEndOnTheNIRFixtureNetwork) {
  // The NIR LIF (tau 2.5 ms, v_th 0.1, dt 0.1 ms) with a regular input:
  // s16.15 keeps the voltage within a few LSBs of the double step-end
  // simulation and the spikes identical.
  Network a =
      affineNeuron(1.0, NodeKind::LIF, {{"tau", 0.0025}, {"v_threshold", 0.1}});
  Network b = a;
  EngineOptions fo = withProfile(Profile::FloatExact);
  fo.dt = 1e-4;
  fo.spikeTiming = SpikeTiming::StepEnd;
  EngineOptions so = withProfile(Profile::Spinnaker);
  so.dt = 1e-4;
  auto f = makeEngine(a, fo);
  auto s = makeEngine(b, so);
  ASSERT_TRUE(f && s);
  int spikes = 0;
  for (int t = 0; t < 1000; ++t) {
    if (t % 7 == 0 || (t > 400 && t % 3 == 0)) {
      ASSERT_FALSE(f->setInputEvents("in", {0}));
      ASSERT_FALSE(s->setInputEvents("in", {0}));
    }
    f->step();
    s->step();
    EXPECT_EQ(read(*f, "n.spikes"), read(*s, "n.spikes")) << "t=" << t;
    EXPECT_NEAR(read(*f, "n.v")[0], read(*s, "n.v")[0], 20.0 / 32768)
        << "t=" << t;
    spikes += read(*s, "n.spikes")[0] != 0;
  }
  EXPECT_GT(spikes, 10);
}

TEST(LoihiProfile, LIFStepsByHand) {
  // v_th = 1 -> q = 22, vth = 65536 << 6.  dv = round(4096 / 20) = 205,
  // gain = 205 / 4096.  w = 2: w_u = 2 * 205/4096 * 2^22 = 419840; exponent
  // 6 (419840 / 2^12 = 102.5 <= 127), mantissa 102 (tie -> even);
  // act = 102 << 12 = 417792.
  // t0: u = 417792; v = 417792.
  // t1: u = decay(u, 4096) = 0; v = (417792 * 3891) >> 12 = 396882.
  Network net = affineNeuron(2.0);
  auto e = makeEngine(net, withProfile(Profile::Loihi));
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->setInputEvents("in", {0}));
  e->step();
  const double q = std::ldexp(1.0, 22);
  EXPECT_EQ(read(*e, "aff")[0], 417792.0);
  EXPECT_EQ(read(*e, "n.i")[0], 417792 / q);
  EXPECT_EQ(read(*e, "n.v")[0], 417792 / q);
  e->step();
  EXPECT_EQ(read(*e, "n.i")[0], 0.0);
  EXPECT_EQ(read(*e, "n.v")[0], 396882 / q);
}

namespace {
int64_t oracleDecay(int64_t x, int64_t d) {
  int64_t m = (std::llabs(x) * (4096 - d)) / 4096; // floor of a magnitude
  return x < 0 ? -m : m;
}
int64_t oracleWrap24(int64_t x) {
  int64_t m = ((x % (1 << 24)) + (1 << 24)) % (1 << 24);
  return m >= (1 << 23) ? m - (1 << 24) : m;
}
int64_t oracleSat24(int64_t x) {
  return std::max<int64_t>(-(1 << 23) + 1, std::min<int64_t>((1 << 23) - 1, x));
}
} // namespace

TEST(LoihiProfile, ThresholdShiftResetAndCurrentWrap) {
  // CubaLIF, tau_syn = 4.096 s -> du = 1 (u barely decays), w_in = 4096 so
  // that w_in * du / 4096 = 1; tau_mem 20 ms -> dv = 205; v_th = 1 -> q = 22,
  // vth = 65536 << 6 = 4194304.  w = 1000 saturates the weight: exponent 7,
  // mantissa 127, act = 127 << 13 = 1040384 per input spike.  u grows past
  // 2^23 and must wrap; v saturates, spikes above vth and resets to 0.
  Network net = affineNeuron(1000.0, NodeKind::CubaLIF,
                             {{"tau_syn", 4.096},
                              {"tau_mem", 0.02},
                              {"w_in", 4096.0},
                              {"v_threshold", 1.0}});
  auto e = makeEngine(net, withProfile(Profile::Loihi));
  ASSERT_TRUE(e);
  const double q = std::ldexp(1.0, 22);
  int64_t u = 0, v = 0;
  bool wrapped = false, spiked = false, quiet = false;
  for (int t = 0; t < 40; ++t) {
    ASSERT_FALSE(e->setInputEvents("in", {0}));
    e->step();
    u = oracleWrap24(oracleDecay(u, 1) + 1040384);
    v = oracleSat24(oracleDecay(v, 205) + u);
    bool spike = v > (int64_t(65536) << 6);
    if (spike)
      v = 0;
    wrapped |= u < 0;
    spiked |= spike;
    quiet |= !spike;
    ASSERT_EQ(read(*e, "n.i")[0], u / q) << "t=" << t;
    ASSERT_EQ(read(*e, "n.v")[0], v / q) << "t=" << t;
    ASSERT_EQ(read(*e, "n.spikes")[0], spike ? 1.0 : 0.0) << "t=" << t;
  }
  EXPECT_TRUE(wrapped && spiked && quiet);
}

TEST(ProfileErrors, UnsupportedNodesAndBadUse) {
  EngineOptions loihi = withProfile(Profile::Loihi);
  {
    Network net;
    NodeId in = net.addInput("in", {1, 4, 4});
    NodeId pool =
        net.addNode(NodeKind::SumPool2d, "pool", {{"kernel_size", 2.0}});
    net.connect(in, pool);
    ASSERT_FALSE(net.finalize());
    EXPECT_EQ(errorOf(Engine::create(net, loihi)),
              "profile 'loihi': node 'pool' (SumPool2d): not supported by "
              "the loihi profile");
  }
  {
    Network net;
    NodeId in = net.addInput("in", {1});
    NodeId lif = net.addNode(NodeKind::LIF, "lif",
                             {{"tau", 0.02}, {"v_threshold", 1.0}});
    net.connect(in, lif);
    ASSERT_FALSE(net.finalize());
    EXPECT_NE(errorOf(Engine::create(net, loihi)).find("must be an Affine"),
              std::string::npos);
    EXPECT_NE(errorOf(Engine::create(net, withProfile(Profile::Integer)))
                  .find("node 'lif' (LIF): this profile runs ANN nodes only"),
              std::string::npos);
  }
  {
    Network net;
    NodeId in = net.addInput("in", {2});
    NodeId bn =
        net.addNode(NodeKind::BatchNorm, "bn", {{"mean", 0.0}, {"var", 1.0}});
    net.connect(in, bn);
    EXPECT_NE(errorOf(Engine::create(net, withProfile(Profile::FloatExact)))
                  .find("finalized"),
              std::string::npos);
    ASSERT_FALSE(net.finalize());
    EXPECT_NE(errorOf(Engine::create(net, withProfile(Profile::Spinnaker)))
                  .find("fold it"),
              std::string::npos);
    EngineOptions bad = withProfile(Profile::FloatExact);
    bad.dt = 0;
    EXPECT_NE(errorOf(Engine::create(net, bad)).find("dt must be positive"),
              std::string::npos);
  }
}

TEST(ProfileErrors, ProbesAndInputs) {
  Network net = affineNeuron(1.0);
  auto e = makeEngine(net, withProfile(Profile::FloatExact));
  ASSERT_TRUE(e);
  EXPECT_EQ(errorOf(e->addProbe("nope.v")),
            "probe 'nope.v': no node named 'nope'");
  EXPECT_EQ(errorOf(e->addProbe("aff.v")),
            "probe 'aff.v': node 'aff' (Affine) has no field 'v'");
  EXPECT_EQ(errorOf(e->setInput("in", {1, 2})),
            "input 'in' takes 1 values, got 2");
  EXPECT_EQ(errorOf(e->setInputEvents("in", {3})),
            "input 'in': event index 3 out of range (size 1)");
  EXPECT_EQ(errorOf(e->setInput("aff", {1})), "setInput: node is not an Input");
  ASSERT_FALSE(e->addProbe("n.v"));
  e->step();
  EXPECT_EQ(errorOf(e->addProbe("n.spikes")),
            "probes must be added before the first step");
  e->reset();
  EXPECT_EQ(e->getStep(), 0u);
  EXPECT_FALSE(e->addProbe("n.spikes"));
}

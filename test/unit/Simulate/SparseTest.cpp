//===- SparseTest.cpp - Event-driven equals dense ---------------*- C++ -*-===//
//
// The event-driven synapse path must be an optimisation only: on seeded
// random networks and inputs every probe must be bit-identical to the dense
// path, in every profile that runs synaptic ops.
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

#include <algorithm>

using namespace axon::sim;
using namespace axon::sim::test;

namespace {

/// Random dense matrix [rows][cols] with the given density.
std::vector<double> randomMatrix(SplitMix &rng, uint32_t rows, uint32_t cols,
                                 double density, double scale) {
  std::vector<double> w(size_t(rows) * cols, 0.0);
  for (double &v : w)
    if (rng.uniform() < density)
      v = rng.uniform(-scale, scale);
  return w;
}

/// in(50) -> A(40x50) -> LIF(40) -> L(30x40) -> CubaLIF(30), plus a
/// recurrent sparse projection R on the LIF (fixed out-degree 5).
Network randomNetwork(uint64_t seed) {
  SplitMix rng(seed);
  Network net;
  NodeId in = net.addInput("in", {50});
  NodeId a = net.addAffine("A", 40, 50, randomMatrix(rng, 40, 50, 0.3, 0.8),
                           std::vector<double>(40, 0.01));
  NodeId lif = net.addNode(NodeKind::LIF, "lif",
                           {{"tau", 0.02}, {"v_threshold", 0.3}, {"r", 2.0}});
  NodeId l = net.addNode(
      NodeKind::Linear, "L",
      {{"weight", Tensor({30, 40}, randomMatrix(rng, 30, 40, 0.5, 0.5))}});
  NodeId out = net.addNode(
      NodeKind::CubaLIF, "out",
      {{"tau_syn", 0.005}, {"tau_mem", 0.01}, {"v_threshold", 0.1}});
  std::vector<std::vector<uint32_t>> posts(40);
  std::vector<std::vector<double>> weights(40);
  // Five distinct targets per row: a repeated (pre, post) pair would be
  // quantized per synapse in CSR form but summed first in dense form.
  for (uint32_t p = 0; p < 40; ++p)
    while (posts[p].size() < 5) {
      uint32_t post = uint32_t(rng.next() % 40);
      if (std::find(posts[p].begin(), posts[p].end(), post) != posts[p].end())
        continue;
      posts[p].push_back(post);
      weights[p].push_back(rng.uniform(-0.2, 0.2));
    }
  auto sw = SparseWeights::fromRows(40, posts, weights);
  EXPECT_TRUE(bool(sw));
  NodeId r =
      net.addSparseLinear("R", std::make_shared<SparseWeights>(std::move(*sw)));
  net.connect(in, a);
  net.connect(a, lif);
  net.connect(r, lif);
  net.connect(lif, r);
  net.connect(lif, l);
  net.connect(l, out);
  return net;
}

/// All probes of a run, row by row.
std::vector<double> runAll(Profile profile, SynapseMode mode, bool events,
                           uint64_t seed) {
  Network net = randomNetwork(seed);
  EngineOptions o;
  o.profile = profile;
  o.synapses = mode;
  auto e = makeEngine(net, o);
  if (!e)
    return {};
  for (const char *p :
       {"A", "lif.v", "lif.spikes", "R", "L", "out.v", "out.i", "out.spikes"})
    EXPECT_FALSE(e->addProbe(p));
  SplitMix rng(seed * 31 + 1);
  for (int t = 0; t < 200; ++t) {
    if (events) {
      std::vector<uint32_t> idx;
      for (uint32_t i = 0; i < 50; ++i)
        if (rng.uniform() < 0.2)
          idx.push_back(i);
      EXPECT_FALSE(e->setInputEvents("in", idx));
    } else {
      std::vector<double> x(50);
      for (double &v : x)
        v = rng.uniform() < 0.5 ? 0.0 : rng.uniform(0, 2);
      EXPECT_FALSE(e->setInput("in", x));
    }
    e->step();
  }
  const ProbeRecorder &rec = e->getRecorder();
  std::vector<double> all;
  for (size_t r = 0; r < rec.numRows(); ++r)
    for (double v : rec.row(r))
      all.push_back(v);
  return all;
}

} // namespace

TEST(Sparse, EventDrivenEqualsDenseOnRandomNetworks) {
  for (uint64_t seed : {1u, 2u, 3u})
    for (Profile p : {Profile::FloatExact, Profile::FloatEuler,
                      Profile::Spinnaker, Profile::Loihi})
      for (bool events : {true, false}) {
        std::vector<double> dense = runAll(p, SynapseMode::Dense, events, seed);
        std::vector<double> sparse =
            runAll(p, SynapseMode::Sparse, events, seed);
        ASSERT_FALSE(dense.empty());
        ASSERT_EQ(dense.size(), sparse.size());
        size_t differing = 0;
        for (size_t i = 0; i < dense.size(); ++i)
          differing += dense[i] != sparse[i];
        EXPECT_EQ(differing, 0u)
            << profileName(p).str() << " seed " << seed << " events " << events;
      }
}

TEST(Sparse, NetworkIsActive) {
  // Guard against a vacuous comparison: the random network must spike.
  std::vector<double> r =
      runAll(Profile::FloatExact, SynapseMode::Sparse, true, 1);
  double spikes = 0;
  // Row layout: A(40) lif.v(40) lif.spikes(40) R(40) L(30) out.v out.i
  // out.spikes (30 each) = 280 per step.
  ASSERT_EQ(r.size(), 200u * 280u);
  for (size_t t = 0; t < 200; ++t)
    for (size_t i = 0; i < 40; ++i)
      spikes += r[t * 280 + 80 + i];
  EXPECT_GT(spikes, 200.0);
  EXPECT_LT(spikes, 200.0 * 40 * 0.9);
}

TEST(Sparse, FromDenseRoundTrip) {
  // w[post][pre] = [[0, 2], [3, 0], [0, -1]]: CSR rows by pre:
  // pre 0 -> (1, 3); pre 1 -> (0, 2), (2, -1).
  std::vector<double> w = {0, 2, 3, 0, 0, -1};
  SparseWeights s = SparseWeights::fromDense(w, 3, 2);
  EXPECT_EQ(s.rowStart, (std::vector<uint64_t>{0, 1, 3}));
  EXPECT_EQ(s.post, (std::vector<uint32_t>{1, 0, 2}));
  EXPECT_EQ(s.weight, (std::vector<double>{3, 2, -1}));
  EXPECT_EQ(s.toDense(), w);
  EXPECT_FALSE(s.verify());
  auto bad = SparseWeights::fromRows(2, {{0, 5}}, {{1.0, 1.0}});
  EXPECT_NE(errorOf(std::move(bad)).find("post 5"), std::string::npos);
}

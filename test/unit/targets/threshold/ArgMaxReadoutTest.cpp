//===- ArgMaxReadoutTest.cpp - ArgMax readout as threshold gates -*- C++ -*-=//
//
// The readout netlist must output the index of the first maximal score on
// every input vector.  The reference is written out here from the
// definition (s = 2x - 1, integer sums, alpha, bias, BatchNorm in the
// simulator's order, first maximum), independently of the library, and the
// netlist is evaluated exhaustively, before and after fan-in legalization.
// Integer scores without BatchNorm tie often, which exercises the tie rule.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/ArgMaxReadout.h"
#include "targets/threshold/Core/Legalize.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace axon::threshold;

namespace {

/// The class the reference picks for input bits `x`.
unsigned referenceClass(const BinaryLayer &layer, uint64_t x) {
  unsigned best = 0;
  double bestScore = 0;
  for (unsigned c = 0; c != layer.numOutputs; ++c) {
    int64_t a = 0;
    for (unsigned i = 0; i != layer.numInputs; ++i)
      a += layer.weights[c * layer.numInputs + i] * (((x >> i) & 1) ? 1 : -1);
    const NeuronParams &p = layer.neurons[c];
    double y = p.alpha * double(a) + p.bias;
    if (p.batchNorm) {
      const BatchNormParams &bn = *p.batchNorm;
      y = (y - bn.mean) * (bn.gamma / std::sqrt(bn.var + bn.eps)) + bn.beta;
    }
    if (c == 0 || y > bestScore) {
      best = c;
      bestScore = y;
    }
  }
  return best;
}

unsigned netlistClass(const Netlist &net, uint64_t x) {
  std::vector<uint8_t> in(net.numInputs()), out;
  for (unsigned i = 0; i != in.size(); ++i)
    in[i] = (x >> i) & 1;
  out = net.evaluate(in);
  unsigned c = 0;
  for (unsigned b = 0; b != out.size(); ++b)
    c |= unsigned(out[b]) << b;
  return c;
}

BinaryLayer randomLayer(std::mt19937_64 &rng, unsigned inputs, unsigned classes,
                        int bnMode) {
  BinaryLayer layer;
  layer.name = "scores";
  layer.numInputs = inputs;
  layer.numOutputs = classes;
  std::uniform_int_distribution<int> w(-1, 1);
  std::uniform_real_distribution<double> u(-1, 1);
  for (unsigned i = 0; i != inputs * classes; ++i)
    layer.weights.push_back(w(rng));
  layer.neurons.resize(classes);
  for (NeuronParams &p : layer.neurons) {
    if (bnMode == 0)
      continue; // integer scores: many ties
    p.alpha = 0.25 + std::fabs(u(rng));
    p.bias = u(rng);
    BatchNormParams bn;
    bn.gamma = bnMode == 2 ? u(rng) : 0.5 + std::fabs(u(rng));
    if (bnMode == 2 && u(rng) > 0.8)
      bn.gamma = 0; // constant score
    bn.beta = u(rng);
    bn.mean = 3 * u(rng);
    bn.var = 0.5 + std::fabs(u(rng));
    bn.eps = 1e-5;
    p.batchNorm = bn;
  }
  return layer;
}

void checkExhaustive(const BinaryLayer &layer, unsigned maxFanIn) {
  BinarizedNetwork network;
  network.layers = {layer};
  network.argMaxReadout = true;
  llvm::Expected<Netlist> net = buildNetlist(network);
  ASSERT_TRUE(bool(net)) << llvm::toString(net.takeError());
  ASSERT_EQ(net->outputs.size(), classIndexBits(layer.numOutputs));
  CellLibrary lib;
  lib.maxFanIn = maxFanIn;
  llvm::Expected<Netlist> legal = legalize(*net, lib);
  ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
  ASSERT_FALSE(bool(checkLegal(*legal, lib)));
  for (uint64_t x = 0; x != (uint64_t(1) << layer.numInputs); ++x) {
    unsigned expected = referenceClass(layer, x);
    ASSERT_EQ(netlistClass(*net, x), expected) << "x = " << x;
    ASSERT_EQ(netlistClass(*legal, x), expected) << "x = " << x << " (K)";
  }
}

TEST(ArgMaxReadout, ClassIndexBits) {
  EXPECT_EQ(classIndexBits(1), 1u);
  EXPECT_EQ(classIndexBits(2), 1u);
  EXPECT_EQ(classIndexBits(3), 2u);
  EXPECT_EQ(classIndexBits(4), 2u);
  EXPECT_EQ(classIndexBits(10), 4u);
}

TEST(ArgMaxReadout, HandComputedTwoClasses) {
  // a0 = s0 + s1, a1 = s0 - s1, so class 1 wins exactly when x1 = 0.
  BinaryLayer layer;
  layer.numInputs = 2;
  layer.numOutputs = 2;
  layer.weights = {1, 1, 1, -1};
  layer.neurons.resize(2);
  BinarizedNetwork network;
  network.layers = {layer};
  network.argMaxReadout = true;
  llvm::Expected<Netlist> net = buildNetlist(network);
  ASSERT_TRUE(bool(net)) << llvm::toString(net.takeError());
  // x = x0 + 2 x1: 0 -> a = (-2, 0), 1 -> (0, 2), 2 -> (0, -2), 3 -> (2, 0).
  EXPECT_EQ(netlistClass(*net, 0), 1u);
  EXPECT_EQ(netlistClass(*net, 1), 1u);
  EXPECT_EQ(netlistClass(*net, 2), 0u);
  EXPECT_EQ(netlistClass(*net, 3), 0u);
}

TEST(ArgMaxReadout, TiesGoToTheLowestIndex) {
  // Identical rows: every score ties, class 0 always wins.
  BinaryLayer layer;
  layer.numInputs = 3;
  layer.numOutputs = 3;
  layer.weights = {1, -1, 1, 1, -1, 1, 1, -1, 1};
  layer.neurons.resize(3);
  BinarizedNetwork network;
  network.layers = {layer};
  network.argMaxReadout = true;
  llvm::Expected<Netlist> net = buildNetlist(network);
  ASSERT_TRUE(bool(net)) << llvm::toString(net.takeError());
  for (uint64_t x = 0; x != 8; ++x)
    EXPECT_EQ(netlistClass(*net, x), 0u);
}

TEST(ArgMaxReadout, RandomLayersExhaustive) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial != 60; ++trial) {
    unsigned inputs = 2 + trial % 8;
    unsigned classes = 2 + trial % 5;
    int bnMode = trial % 3;
    BinaryLayer layer = randomLayer(rng, inputs, classes, bnMode);
    SCOPED_TRACE(testing::Message() << "trial " << trial << ", " << inputs
                                    << " inputs, " << classes << " classes");
    checkExhaustive(layer, 2 + trial % 4);
  }
}

TEST(ArgMaxReadout, PairComparatorIsExactOnTheGrid) {
  // Irrational slope ratio: the search must still find an exact gate.
  NeuronParams j, k;
  j.alpha = std::sqrt(2.0);
  k.alpha = 1.0;
  k.bias = 0.3;
  llvm::Expected<PairComparator> pc = findPairComparator(j, 20, k, 20);
  ASSERT_TRUE(bool(pc)) << llvm::toString(pc.takeError());
  ASSERT_FALSE(pc->isConstant);
  for (int64_t u = -20; u <= 20; u += 2)
    for (int64_t v = -20; v <= 20; v += 2)
      ASSERT_EQ(pc->p * u + pc->q * v >= pc->threshold,
                std::sqrt(2.0) * double(u) >= double(v) + 0.3)
          << u << ", " << v;
}

} // namespace

TEST(ArgMaxReadout, SharedCountsExhaustive) {
  // Both comparator styles, forced, on random layers with 2..9 classes:
  // integer scores (ties), increasing and decreasing BatchNorm scores and
  // constant scores, zero weights; before and after legalization with
  // K = 2..4 and W = 1, 2.
  std::mt19937_64 rng(11);
  unsigned sharedBuilt = 0;
  for (int trial = 0; trial != 48; ++trial) {
    unsigned inputs = 3 + trial % 8;
    unsigned classes = 2 + trial % 8;
    int bnMode = trial % 3;
    BinaryLayer layer = randomLayer(rng, inputs, classes, bnMode);
    for (ReadoutStyle style :
         {ReadoutStyle::SharedCounts, ReadoutStyle::Pairwise}) {
      SCOPED_TRACE(testing::Message()
                   << "trial " << trial << ", " << inputs << " inputs, "
                   << classes << " classes, style " << int(style));
      Netlist net("readout");
      std::vector<SignalId> in;
      for (unsigned i = 0; i != inputs; ++i)
        in.push_back(net.addInput("x" + std::to_string(i)));
      llvm::Expected<std::vector<SignalId>> index =
          buildArgMaxReadout(net, layer, in, 0, style);
      ASSERT_TRUE(bool(index)) << llvm::toString(index.takeError());
      for (unsigned b = 0; b != index->size(); ++b)
        net.addOutput("b" + std::to_string(b), (*index)[b]);
      ASSERT_FALSE(bool(net.verify()));
      // The shared form only has gates over counts: none reads all inputs
      // with a weight above 2 (the pairwise gates weigh 2 (p w + q w')).
      if (style == ReadoutStyle::SharedCounts && net.gates.size() > 1) {
        bool small = true;
        for (const Gate &g : net.gates)
          for (unsigned p = 0; p != g.inputs.size(); ++p)
            small &= g.inputs[p] >= inputs || std::abs(g.weights[p]) <= 1;
        EXPECT_TRUE(small);
        sharedBuilt += small;
      }
      CellLibrary lib;
      lib.maxFanIn = 2 + trial % 3;
      lib.maxWeight = 1 + trial % 2;
      llvm::Expected<Netlist> legal = legalize(net, lib);
      ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
      for (uint64_t x = 0; x != (uint64_t(1) << inputs); ++x) {
        unsigned expected = referenceClass(layer, x);
        ASSERT_EQ(netlistClass(net, x), expected) << "x = " << x;
        ASSERT_EQ(netlistClass(*legal, x), expected) << "x = " << x << " (K)";
      }
    }
  }
  EXPECT_GT(sharedBuilt, 30u);
}

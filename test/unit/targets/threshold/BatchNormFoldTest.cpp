//===- BatchNormFoldTest.cpp - BatchNorm/sign folding tests -----*- C++ -*-===//
//
// The folded gate must equal the float reference on every input vector.  The
// reference is written out here from the definition (s = 2x - 1, integer
// sum, then alpha, bias, BatchNorm and sign in double), independently of the
// library; the gate is evaluated from its integer weights and threshold.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/BinarizedNetwork.h"
#include "targets/threshold/Core/Legalize.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace axon::threshold;

namespace {

struct Ref {
  double alpha = 1, bias = 0;
  bool hasBN = false;
  double gamma = 1, beta = 0, mean = 0, var = 1, eps = 0;
  bool zeroIsOne = true;

  NeuronParams params() const {
    NeuronParams p;
    p.alpha = alpha;
    p.bias = bias;
    if (hasBN)
      p.batchNorm = BatchNormParams{gamma, beta, mean, var, eps};
    return p;
  }
  /// Naive reference: the neuron's bit for pre-activation sum `a`.
  bool bit(int64_t a) const {
    double z = alpha * double(a) + bias;
    double y = hasBN ? gamma * (z - mean) / std::sqrt(var + eps) + beta : z;
    return zeroIsOne ? y >= 0 : y > 0;
  }
};

bool gateBit(const FoldedNeuron &f, const std::vector<uint8_t> &bits) {
  if (f.isConstant)
    return f.constantValue;
  int64_t sum = 0;
  for (size_t i = 0; i != bits.size(); ++i)
    sum += bits[i] ? f.weights[i] : 0;
  return sum >= f.threshold;
}

/// Exhaustive check of one neuron with +-1 inputs.
void checkBinary(const std::vector<int64_t> &w, const Ref &ref) {
  unsigned n = w.size();
  llvm::Expected<FoldedNeuron> f =
      foldNeuron(w, 0, ref.params(),
                 ref.zeroIsOne ? SignAtZero::PlusOne : SignAtZero::MinusOne);
  ASSERT_TRUE(bool(f)) << llvm::toString(f.takeError());
  ASSERT_TRUE(f->isConstant || f->weights.size() == n);
  std::vector<uint8_t> bits(n);
  for (uint32_t v = 0; v != (1u << n); ++v) {
    int64_t a = 0;
    for (unsigned i = 0; i != n; ++i) {
      bits[i] = (v >> i) & 1;
      a += w[i] * (bits[i] ? 1 : -1);
    }
    ASSERT_EQ(gateBit(*f, bits), ref.bit(a))
        << "vector " << v << " sum " << a << " gamma " << ref.gamma << " beta "
        << ref.beta << " mean " << ref.mean;
  }
}

} // namespace

TEST(BatchNormFold, RandomParametersExhaustive) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> uni(-1, 1);
  std::uniform_int_distribution<int> ternary(-1, 1), size(1, 10), pick(0, 5);
  for (unsigned trial = 0; trial != 400; ++trial) {
    unsigned n = size(rng);
    std::vector<int64_t> w(n);
    for (int64_t &x : w)
      x = ternary(rng);
    Ref ref;
    ref.hasBN = trial % 8 != 0;
    ref.alpha = trial % 3 ? 1.0 : 0.1 + 2 * std::abs(uni(rng));
    ref.bias = trial % 5 ? 0.0 : uni(rng) * 3;
    switch (pick(rng)) {
    case 0:
      ref.gamma = 0; // constant sign(beta)
      break;
    case 1:
      ref.gamma = -std::abs(uni(rng)) - 0.01;
      break;
    case 2:
      ref.gamma = -0.0;
      break;
    default:
      ref.gamma = std::abs(uni(rng)) + 0.01;
    }
    ref.beta = trial % 4 == 1 ? 0.0 : uni(rng) * 2;
    // Integer means make exact ties (y == 0) common.
    ref.mean = trial % 2 ? std::round(uni(rng) * n) : uni(rng) * n;
    ref.var = trial % 7 == 3 ? 0.0 : std::abs(uni(rng)) * 4;
    ref.eps = ref.var == 0 ? 1e-5 : (trial % 2 ? 1e-5 : 0.0);
    ref.zeroIsOne = trial % 3 != 2;
    checkBinary(w, ref);
  }
}

TEST(BatchNormFold, ExactTiesFollowTheSignConvention) {
  // sum = 2 gives y = 0 exactly: bit 1 with sign(0) = +1, bit 0 otherwise.
  std::vector<int64_t> w = {1, 1, 1, 1};
  for (bool zeroIsOne : {true, false})
    for (double gamma : {1.0, -1.0}) {
      Ref ref;
      ref.hasBN = true;
      ref.gamma = gamma;
      ref.mean = 2;
      ref.zeroIsOne = zeroIsOne;
      checkBinary(w, ref);
      llvm::Expected<FoldedNeuron> f =
          foldNeuron(w, 0, ref.params(),
                     zeroIsOne ? SignAtZero::PlusOne : SignAtZero::MinusOne);
      ASSERT_TRUE(bool(f));
      // All four inputs at +1 is the only vector with sum 4; three at +1
      // give sum 2 (the tie).
      EXPECT_EQ(gateBit(*f, {1, 1, 1, 0}), zeroIsOne);
    }
}

TEST(BatchNormFold, RoundingAtTheThreshold) {
  // mean = 0.1 * 30 = 3.0000000000000004 and sqrt(var + eps) inexact: the
  // gate must follow the double evaluation, not the real-number one.
  Ref ref;
  ref.hasBN = true;
  ref.mean = 0.1 * 30;
  ref.var = 0.7;
  ref.eps = 1e-3;
  ref.gamma = 1e-300;
  checkBinary({1, 1, 1, 1, 1, 1, 1}, ref);
  ref.gamma = 1;
  ref.mean = 3;
  ref.beta = 1e-17; // tiny positive beta lifts the tie at sum 3
  checkBinary({1, 1, 1, 1, 1, 1, 1}, ref);
  ref.beta = -1e-17;
  checkBinary({1, 1, 1, 1, 1, 1, 1}, ref);
}

TEST(BatchNormFold, GammaZeroIsConstantSignOfBeta) {
  for (double beta : {0.5, 0.0, -0.5}) {
    NeuronParams p;
    p.batchNorm = BatchNormParams{0.0, beta, 1.0, 1.0, 0.0};
    llvm::Expected<FoldedNeuron> f =
        foldNeuron({1, -1, 1}, 0, p, SignAtZero::PlusOne);
    ASSERT_TRUE(bool(f));
    EXPECT_TRUE(f->isConstant);
    EXPECT_EQ(f->constantValue, beta >= 0);
  }
}

TEST(BatchNormFold, NegativeGammaFlipsTheInequality) {
  // y = -(a - 0) >= 0 <=> a <= 0.  With w = (1, 1, 1): a = 2G - 3, so the
  // gate is G <= 1, i.e. -x0 - x1 - x2 >= -1.
  NeuronParams p;
  p.batchNorm = BatchNormParams{-1.0, 0.0, 0.0, 1.0, 0.0};
  llvm::Expected<FoldedNeuron> f =
      foldNeuron({1, 1, 1}, 0, p, SignAtZero::PlusOne);
  ASSERT_TRUE(bool(f));
  ASSERT_FALSE(f->isConstant);
  EXPECT_EQ(f->weights, (std::vector<int64_t>{-1, -1, -1}));
  EXPECT_EQ(f->threshold, -1);
}

TEST(BatchNormFold, BitPlaneExpansionOfMultiBitInputs) {
  // Three 4-bit unsigned inputs: a = sum_j w_j u_j, checked on all 2^12
  // vectors against the reference on the integer sum.
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> uni(-1, 1);
  for (unsigned trial = 0; trial != 30; ++trial) {
    std::vector<int64_t> w = {1, -1, trial % 2 ? 1 : -1};
    Ref ref;
    ref.hasBN = true;
    ref.gamma = trial % 3 == 0 ? -0.5 : 0.7;
    ref.beta = uni(rng);
    ref.mean = std::round(uni(rng) * 10);
    ref.var = 2;
    llvm::Expected<FoldedNeuron> f =
        foldNeuron(w, 4, ref.params(), SignAtZero::PlusOne);
    ASSERT_TRUE(bool(f)) << llvm::toString(f.takeError());
    if (!f->isConstant) {
      ASSERT_EQ(f->weights.size(), 12u);
      EXPECT_EQ(std::abs(f->weights[3]), 8); // bit 3 of input 0
    }
    std::vector<uint8_t> bits(12);
    for (uint32_t v = 0; v != 4096; ++v) {
      int64_t a = 0;
      for (unsigned j = 0; j != 3; ++j)
        a += w[j] * int64_t((v >> (4 * j)) & 15);
      for (unsigned b = 0; b != 12; ++b)
        bits[b] = (v >> b) & 1;
      ASSERT_EQ(gateBit(*f, bits), ref.bit(a)) << "trial " << trial;
    }
  }
}

TEST(BatchNormFold, RejectsInvalidParameters) {
  NeuronParams p;
  p.batchNorm = BatchNormParams{1.0, 0.0, 0.0, 0.0, 0.0}; // var + eps = 0
  llvm::Expected<FoldedNeuron> f = foldNeuron({1}, 0, p, SignAtZero::PlusOne);
  ASSERT_FALSE(bool(f));
  EXPECT_NE(llvm::toString(f.takeError()).find("var + eps > 0"),
            std::string::npos);
  NeuronParams q;
  q.alpha = -1;
  f = foldNeuron({1}, 0, q, SignAtZero::PlusOne);
  ASSERT_FALSE(bool(f));
  EXPECT_NE(llvm::toString(f.takeError()).find("alpha"), std::string::npos);
  NeuronParams r;
  r.batchNorm = BatchNormParams{NAN, 0.0, 0.0, 1.0, 0.0};
  f = foldNeuron({1}, 0, r, SignAtZero::PlusOne);
  EXPECT_FALSE(bool(f));
  llvm::consumeError(f.takeError());
}

TEST(BatchNormFold, TwoLayerNetworkMatchesForwardPass) {
  // 8 binary inputs -> 6 hidden -> 3 outputs, random +-1/0 weights and BN;
  // every input vector through a naive +-1 forward pass, the folded netlist
  // and its legalization for 3-input cells.
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> uni(-1, 1);
  std::uniform_int_distribution<int> ternary(-1, 1);
  BinarizedNetwork net;
  unsigned sizes[] = {8, 6, 3};
  std::vector<std::vector<Ref>> refs(2);
  for (unsigned l = 0; l != 2; ++l) {
    BinaryLayer layer;
    layer.numInputs = sizes[l];
    layer.numOutputs = sizes[l + 1];
    for (unsigned i = 0; i != sizes[l] * sizes[l + 1]; ++i)
      layer.weights.push_back(ternary(rng));
    for (unsigned o = 0; o != sizes[l + 1]; ++o) {
      Ref ref;
      ref.hasBN = true;
      ref.gamma = o % 3 == 2 ? -0.8 : 1.3;
      ref.beta = uni(rng);
      ref.mean = std::round(uni(rng) * 3);
      ref.var = 1.5;
      ref.eps = 1e-5;
      refs[l].push_back(ref);
      layer.neurons.push_back(ref.params());
    }
    net.layers.push_back(layer);
  }
  llvm::Expected<Netlist> netlist = buildNetlist(net);
  ASSERT_TRUE(bool(netlist)) << llvm::toString(netlist.takeError());
  CellLibrary lib;
  lib.maxFanIn = 3;
  llvm::Expected<Netlist> legal = legalize(*netlist, lib);
  ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
  for (uint32_t v = 0; v != 256; ++v) {
    std::vector<int> act(8);
    std::vector<uint8_t> bits(8);
    for (unsigned i = 0; i != 8; ++i) {
      bits[i] = (v >> i) & 1;
      act[i] = bits[i] ? 1 : -1;
    }
    for (unsigned l = 0; l != 2; ++l) {
      std::vector<int> next;
      for (unsigned o = 0; o != sizes[l + 1]; ++o) {
        int64_t a = 0;
        for (unsigned i = 0; i != sizes[l]; ++i)
          a += net.layers[l].weights[o * sizes[l] + i] * act[i];
        next.push_back(refs[l][o].bit(a) ? 1 : -1);
      }
      act = next;
    }
    std::vector<uint8_t> expected;
    for (int s : act)
      expected.push_back(s > 0);
    ASSERT_EQ(netlist->evaluate(bits), expected) << "vector " << v;
    ASSERT_EQ(legal->evaluate(bits), expected) << "vector " << v;
  }
}

//===- BaselineTest.cpp - XNOR-popcount netlist vs the definition ---------===//
//
// Random small binarized networks (seeded) are built as XNOR-popcount
// net.modules and evaluated by the net interpreter; the expected outputs are
// computed here from the definition in BinarizedNetwork.h (s = 2x - 1,
// integer pre-activation, scale/bias/BatchNorm in double, sign or first
// maximum), independently of the netlist builder.  Exhaustive over all input
// vectors when there are at most 10 input bits.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"

#include "dialects/net/Interpreter.h"
#include "dialects/net/NetDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

#include <cmath>
#include <random>

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {

/// Score of one neuron, written out from the definition (the reference
/// simulator's BatchNorm order: (z - mean) * (gamma / sqrt(var + eps)) +
/// beta).
double refScore(int64_t a, const NeuronParams &p) {
  double z = p.alpha * double(a) + p.bias;
  if (!p.batchNorm)
    return z;
  const BatchNormParams &bn = *p.batchNorm;
  return (z - bn.mean) * (bn.gamma / std::sqrt(bn.var + bn.eps)) + bn.beta;
}

/// Sign decision from the definition (the formula of neuronDecision).
bool refBit(int64_t a, const NeuronParams &p, SignAtZero zero) {
  double z = p.alpha * double(a) + p.bias;
  double y = z;
  if (p.batchNorm) {
    const BatchNormParams &bn = *p.batchNorm;
    y = bn.gamma * (z - bn.mean) / std::sqrt(bn.var + bn.eps) + bn.beta;
  }
  return zero == SignAtZero::PlusOne ? y >= 0 : y > 0;
}

/// The network's outputs (sign bits, or the class index) for input bits.
std::vector<int64_t> reference(const BinarizedNetwork &net,
                               const std::vector<uint8_t> &bits) {
  // Values the first layer reads: +-1 or B-bit unsigned integers.
  std::vector<int64_t> values;
  if (net.inputBits == 0) {
    for (uint8_t b : bits)
      values.push_back(b ? 1 : -1);
  } else {
    for (size_t i = 0; i < bits.size(); i += net.inputBits) {
      int64_t u = 0;
      for (unsigned b = 0; b != net.inputBits; ++b)
        u |= int64_t(bits[i + b]) << b;
      values.push_back(u);
    }
  }
  for (size_t l = 0; l != net.layers.size(); ++l) {
    const BinaryLayer &layer = net.layers[l];
    bool last = l + 1 == net.layers.size();
    std::vector<int64_t> next;
    int best = -1;
    double bestScore = 0;
    for (unsigned o = 0; o != layer.numOutputs; ++o) {
      int64_t a = 0;
      for (unsigned i = 0; i != layer.numInputs; ++i)
        a += layer.weights[o * layer.numInputs + i] * values[i];
      NeuronParams p =
          layer.neurons.empty() ? NeuronParams{} : layer.neurons[o];
      if (last && net.argMaxReadout) {
        double s = refScore(a, p);
        if (best < 0 || s > bestScore) {
          best = o;
          bestScore = s;
        }
        continue;
      }
      next.push_back(refBit(a, p, net.signAtZero) ? 1 : -1);
    }
    if (last && net.argMaxReadout)
      return {best};
    values = std::move(next);
  }
  std::vector<int64_t> out;
  for (int64_t v : values)
    out.push_back(v > 0);
  return out;
}

/// Random network: 1-3 layers of ternary weights with random parameters.
BinarizedNetwork randomNetwork(std::mt19937 &rng, bool argMax,
                               unsigned inputBits, bool tieProne) {
  auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  auto real = [&](double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
  };
  BinarizedNetwork net;
  net.inputBits = inputBits;
  net.argMaxReadout = argMax;
  net.signAtZero = pick(0, 1) ? SignAtZero::PlusOne : SignAtZero::MinusOne;
  unsigned numLayers = pick(1, 3);
  unsigned inputs = inputBits ? pick(1, 4) : pick(1, 10);
  for (unsigned l = 0; l != numLayers; ++l) {
    BinaryLayer layer;
    layer.numInputs = inputs;
    layer.numOutputs = pick(1, 6);
    for (unsigned i = 0; i != layer.numInputs * layer.numOutputs; ++i)
      layer.weights.push_back(pick(0, 4) == 0 ? 0 : (pick(0, 1) ? 1 : -1));
    for (unsigned o = 0; o != layer.numOutputs; ++o) {
      NeuronParams p;
      if (!tieProne) {
        p.alpha = real(0.1, 2);
        p.bias = real(-3, 3);
        if (pick(0, 3)) {
          BatchNormParams bn;
          int g = pick(0, 9);
          bn.gamma = g == 0 ? 0.0 : (g < 4 ? -real(0.2, 2) : real(0.2, 2));
          bn.beta = real(-2, 2);
          bn.mean = real(-3, 3);
          bn.var = real(0.01, 4);
          bn.eps = 1e-5;
          p.batchNorm = bn;
        }
      } else {
        // Integer scores: ties between classes and at zero are common.
        p.bias = pick(-2, 2);
      }
      layer.neurons.push_back(p);
    }
    inputs = layer.numOutputs;
    net.layers.push_back(std::move(layer));
  }
  return net;
}

/// Checks the baseline of `net` against the reference on `vectors`.
void checkAgainstReference(MLIRContext &context, const BinarizedNetwork &net,
                           const std::vector<std::vector<uint8_t>> &vectors,
                           unsigned trial,
                           PopcountStyle style = PopcountStyle::AdderTree) {
  BaselineOptions options;
  options.popcount = style;
  OwningOpRef<ModuleOp> top = buildXnorPopcountNet(net, &context, options);
  ASSERT_TRUE(top) << "trial " << trial;
  auto module = *top->getOps<net::NetModuleOp>().begin();
  FailureOr<net::Interpreter> interp = net::Interpreter::create(module);
  ASSERT_TRUE(succeeded(interp));
  for (const auto &bits : vectors) {
    SmallVector<APInt> in;
    for (uint8_t b : bits)
      in.emplace_back(1, uint64_t(b));
    auto out = interp->evaluate(in);
    ASSERT_TRUE(succeeded(out));
    std::vector<int64_t> want = reference(net, bits);
    if (net.argMaxReadout) {
      ASSERT_EQ(out->size(), classIndexBits(net.layers.back().numOutputs));
      int64_t got = 0;
      for (auto [b, v] : llvm::enumerate(*out))
        got |= int64_t(v.getZExtValue()) << b;
      ASSERT_EQ(got, want[0]) << "trial " << trial;
    } else {
      ASSERT_EQ(out->size(), want.size());
      for (size_t o = 0; o != want.size(); ++o)
        ASSERT_EQ(int64_t((*out)[o].getZExtValue()), want[o])
            << "trial " << trial << " output " << o;
    }
  }
}

void runRandomTrials(unsigned seed, unsigned trials, bool argMax,
                     unsigned inputBits,
                     PopcountStyle style = PopcountStyle::AdderTree) {
  MLIRContext context;
  context.loadDialect<net::NetDialect>();
  std::mt19937 rng(seed);
  for (unsigned t = 0; t != trials; ++t) {
    BinarizedNetwork net = randomNetwork(rng, argMax, inputBits, t % 3 == 0);
    unsigned n = net.layers.front().numInputs * (inputBits ? inputBits : 1);
    std::vector<std::vector<uint8_t>> vectors;
    if (n <= 10) {
      for (uint32_t v = 0; v != (1u << n); ++v) {
        std::vector<uint8_t> bits(n);
        for (unsigned i = 0; i != n; ++i)
          bits[i] = (v >> i) & 1;
        vectors.push_back(bits);
      }
    } else {
      for (unsigned v = 0; v != 256; ++v) {
        std::vector<uint8_t> bits(n);
        for (auto &b : bits)
          b = rng() & 1;
        vectors.push_back(bits);
      }
    }
    checkAgainstReference(context, net, vectors, t, style);
    if (::testing::Test::HasFatalFailure())
      return;
  }
}

TEST(XnorPopcount, SignOutputsExhaustive) { runRandomTrials(1, 150, false, 0); }

TEST(XnorPopcount, ArgMaxExhaustive) { runRandomTrials(2, 150, true, 0); }

TEST(XnorPopcount, MultiBitInputs) {
  runRandomTrials(3, 60, false, 2);
  runRandomTrials(4, 60, true, 3);
}

TEST(XnorPopcount, MultiOperandPopcount) {
  runRandomTrials(6, 80, false, 0, PopcountStyle::MultiOperand);
  runRandomTrials(7, 80, true, 0, PopcountStyle::MultiOperand);
  runRandomTrials(8, 40, true, 2, PopcountStyle::MultiOperand);
}

TEST(XnorPopcount, WideNeuron) {
  // 40 inputs: the adder tree goes several levels deep.
  MLIRContext context;
  context.loadDialect<net::NetDialect>();
  std::mt19937 rng(5);
  for (unsigned t = 0; t != 10; ++t) {
    BinarizedNetwork net;
    net.argMaxReadout = t % 2;
    BinaryLayer layer;
    layer.numInputs = 40;
    layer.numOutputs = 3;
    for (unsigned i = 0; i != 120; ++i)
      layer.weights.push_back(rng() % 2 ? 1 : -1);
    for (unsigned o = 0; o != 3; ++o) {
      NeuronParams p;
      p.bias = double(int(rng() % 21) - 10);
      layer.neurons.push_back(p);
    }
    net.layers.push_back(layer);
    std::vector<std::vector<uint8_t>> vectors;
    for (unsigned v = 0; v != 300; ++v) {
      std::vector<uint8_t> bits(40);
      for (auto &b : bits)
        b = rng() & 1;
      vectors.push_back(bits);
    }
    checkAgainstReference(context, net, vectors, t);
    checkAgainstReference(context, net, vectors, t,
                          PopcountStyle::MultiOperand);
  }
}

/// Builds `net` and returns the diagnostics emitted.
std::string buildErrors(const BinarizedNetwork &net) {
  MLIRContext context;
  std::string messages;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &d) {
    messages += d.str() + "\n";
    return success();
  });
  OwningOpRef<ModuleOp> top = buildXnorPopcountNet(net, &context);
  EXPECT_FALSE(top);
  return messages;
}

TEST(XnorPopcount, RejectsMalformedNetworks) {
  BinarizedNetwork empty;
  EXPECT_NE(buildErrors(empty).find("has no layers"), std::string::npos);

  BinarizedNetwork shape;
  BinaryLayer l0;
  l0.numInputs = 3;
  l0.numOutputs = 2;
  l0.weights = {1, 1, 1, 1, 1};
  shape.layers.push_back(l0);
  EXPECT_NE(buildErrors(shape).find("layer 0 has 5 weights, expected 6"),
            std::string::npos);

  BinarizedNetwork chain;
  l0.weights.push_back(1);
  BinaryLayer l1;
  l1.numInputs = 3;
  l1.numOutputs = 1;
  l1.weights = {1, 1, 1};
  chain.layers = {l0, l1};
  EXPECT_NE(buildErrors(chain).find("layer 1 has 3 inputs, expected 2"),
            std::string::npos);

  BinarizedNetwork wide;
  wide.inputBits = 16;
  wide.argMaxReadout = true;
  BinaryLayer scores;
  scores.numInputs = 2;
  scores.numOutputs = 2;
  scores.weights = {1, 1, 1, -1};
  wide.layers.push_back(scores);
  EXPECT_NE(buildErrors(wide).find("131071 popcount values; at most 16384"),
            std::string::npos)
      << buildErrors(wide);

  BinarizedNetwork params;
  params.layers.push_back(l0);
  params.layers[0].neurons.assign(2, NeuronParams{});
  params.layers[0].neurons[1].alpha = -1;
  EXPECT_NE(buildErrors(params).find("layer 0 neuron 1"), std::string::npos);
}

} // namespace

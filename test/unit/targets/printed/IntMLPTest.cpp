//===- IntMLPTest.cpp - Integer model, ranges and quantization --*- C++ -*-===//
//
// The oracle below re-implements the integer model from the rules in
// docs/targets/printed.md with different arithmetic (the NAF from the
// x ^ 3x bit trick, truncation by division), then the library's reference
// inference, its fast evaluator and its exact widths are compared with it
// (widths against brute-force min/max over every input of small layers).
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/IntMLP.h"
#include "targets/printed/Core/Evaluate.h"
#include "targets/printed/Core/Quantize.h"
#include "targets/printed/Core/Random.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace axon::printed;

namespace {

//===----------------------------------------------------------------------===//
// Oracle
//===----------------------------------------------------------------------===//

struct OracleSums {
  int64_t pos = 0, neg = 0;
};

/// floor(x / 2^k) * 2^k for any sign, by division.
int64_t floorMultiple(int64_t x, unsigned k) {
  int64_t m = int64_t(1) << k;
  int64_t q = x / m;
  if (x % m != 0 && x < 0)
    --q;
  return q * m;
}

OracleSums oracleNeuron(const IntLayer &layer, unsigned o,
                        const std::vector<int64_t> &in) {
  OracleSums s;
  unsigned k = layer.pruneBits[o];
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    int64_t w = layer.weight(o, i);
    int64_t mag = std::llabs(w);
    int64_t xh = mag >> 1, x3 = mag + xh, c = xh ^ x3;
    int64_t plus = x3 & c, minus = xh & c; // NAF of |w|
    if (w < 0)
      std::swap(plus, minus);
    for (unsigned t = 0; t < 40; ++t) {
      int64_t term = floorMultiple(in[i] * (int64_t(1) << t), k);
      if ((plus >> t) & 1)
        s.pos += term;
      if ((minus >> t) & 1)
        s.neg += term;
    }
  }
  int64_t b = floorMultiple(layer.biases[o], k);
  (b > 0 ? s.pos : s.neg) += b > 0 ? b : -b;
  return s;
}

int64_t oracleActivation(int64_t acc, unsigned shift, unsigned bits) {
  if (acc <= 0)
    return 0;
  return std::min<int64_t>(acc / (int64_t(1) << shift),
                           (int64_t(1) << bits) - 1);
}

std::vector<int64_t> oracleOutputs(const IntMLP &m,
                                   const std::vector<int64_t> &codes) {
  std::vector<int64_t> in = codes, acc;
  for (size_t l = 0; l < m.layers.size(); ++l) {
    const IntLayer &layer = m.layers[l];
    acc.clear();
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      OracleSums s = oracleNeuron(layer, o, in);
      acc.push_back(s.pos - s.neg);
    }
    if (l + 1 < m.layers.size()) {
      in.clear();
      for (int64_t a : acc)
        in.push_back(oracleActivation(a, layer.actShift, layer.actBits));
    }
  }
  return acc;
}

unsigned oracleArgmax(const std::vector<int64_t> &acc) {
  unsigned best = 0;
  for (unsigned c = 0; c < acc.size(); ++c)
    if (acc[c] > acc[best])
      best = c;
  return best;
}

IntMLP randomModel(SplitMix64 &rng, std::vector<unsigned> shape,
                   unsigned maxPrune, unsigned inputBits = 4) {
  IntMLP m;
  m.inputBits = inputBits;
  for (size_t l = 0; l + 1 < shape.size(); ++l) {
    IntLayer layer;
    layer.numInputs = shape[l];
    layer.numOutputs = shape[l + 1];
    for (unsigned i = 0; i < shape[l] * shape[l + 1]; ++i)
      layer.weights.push_back(
          rng.chance(0.15) ? 0 : static_cast<int32_t>(rng.range(-127, 127)));
    for (unsigned o = 0; o < shape[l + 1]; ++o) {
      layer.biases.push_back(rng.range(-3000, 3000));
      layer.pruneBits.push_back(static_cast<uint8_t>(rng.range(0, maxPrune)));
    }
    layer.actShift = static_cast<unsigned>(rng.range(0, 6));
    layer.actBits = static_cast<unsigned>(rng.range(2, 8));
    m.layers.push_back(std::move(layer));
  }
  return m;
}

//===----------------------------------------------------------------------===//
// Inference
//===----------------------------------------------------------------------===//

TEST(IntMLP, ReferenceInferenceMatchesOracle) {
  SplitMix64 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    IntMLP m = randomModel(rng, {5, 4, 3}, trial % 2 ? 5 : 0);
    ASSERT_FALSE(bool(m.verify()));
    for (int r = 0; r < 50; ++r) {
      std::vector<uint8_t> codes;
      std::vector<int64_t> wide;
      for (int f = 0; f < 5; ++f) {
        codes.push_back(static_cast<uint8_t>(rng.range(0, 15)));
        wide.push_back(codes.back());
      }
      std::vector<int64_t> want = oracleOutputs(m, wide);
      EXPECT_EQ(outputAccumulators(m, codes), want);
      EXPECT_EQ(predictInt(m, codes), oracleArgmax(want));
    }
  }
}

TEST(IntMLP, SplitProductByHand) {
  // 7 = 8 - 1: a = 13 -> P = 104, N = 13; with k = 2: P = 104, N = 12.
  SplitProduct p = splitProduct(7, 13, 0);
  EXPECT_EQ(p.pos, 104u);
  EXPECT_EQ(p.neg, 13u);
  p = splitProduct(7, 13, 2);
  EXPECT_EQ(p.pos, 104u);
  EXPECT_EQ(p.neg, 12u);
  // -6 = -8 + 2: a = 5 -> P = 10, N = 40; k = 3 drops the 10 entirely.
  p = splitProduct(-6, 5, 3);
  EXPECT_EQ(p.pos, 8u);
  EXPECT_EQ(p.neg, 40u);
  EXPECT_EQ(prunedBias(-5, 2), -8);
  EXPECT_EQ(prunedBias(5, 2), 4);
  EXPECT_EQ(activate(-3, 0, 4), 0u);
  EXPECT_EQ(activate(100, 2, 4), 15u); // 25 clamps to 15
  EXPECT_EQ(activate(59, 2, 4), 14u);
}

TEST(IntMLP, EvaluatorMatchesReference) {
  SplitMix64 rng(11);
  QuantizedData data;
  data.numFeatures = 6;
  for (int r = 0; r < 300; ++r) {
    // Few distinct codes so rows repeat and the merging is exercised.
    for (int f = 0; f < 6; ++f)
      data.codes.push_back(static_cast<uint8_t>(rng.range(0, 3) * 5));
    data.labels.push_back(static_cast<unsigned>(rng.range(0, 2)));
  }
  EvalSet set = EvalSet::build(data, 3);
  EXPECT_LT(set.numDistinct(), 300u);
  EXPECT_EQ(set.totalRows, 300u);
  Evaluator eval(set);
  for (int trial = 0; trial < 20; ++trial) {
    IntMLP m = randomModel(rng, {6, 3, 3}, trial % 3 ? 4 : 0);
    unsigned correct = 0;
    for (unsigned r = 0; r < data.numRows(); ++r) {
      std::vector<int64_t> wide(data.row(r).begin(), data.row(r).end());
      correct += oracleArgmax(oracleOutputs(m, wide)) == data.labels[r];
    }
    EXPECT_EQ(eval.countCorrect(m), correct);
  }
}

TEST(IntMLP, VerifyRejectsBadShapes) {
  SplitMix64 rng(1);
  IntMLP m = randomModel(rng, {3, 2, 2}, 0);
  m.layers[1].numInputs = 3;
  m.layers[1].weights.resize(6);
  std::string msg = llvm::toString(m.verify());
  EXPECT_NE(msg.find("layer 1 takes 3 inputs but layer 0 produces 2"),
            std::string::npos)
      << msg;
  m = randomModel(rng, {3, 2, 2}, 0);
  m.layers[0].actBits = 0;
  EXPECT_NE(llvm::toString(m.verify()).find("actBits 0"), std::string::npos);
}

//===----------------------------------------------------------------------===//
// Ranges
//===----------------------------------------------------------------------===//

unsigned bruteSignedWidth(int64_t lo, int64_t hi) {
  for (unsigned w = 1;; ++w)
    if (lo >= -std::pow(2.0, w - 1) && hi <= std::pow(2.0, w - 1) - 1)
      return w;
}

/// Brute force over every input vector of a layer with inputs in [0, max_i].
void checkLayerRanges(const IntLayer &layer, const std::vector<int64_t> &inMax,
                      const LayerRange &got) {
  size_t combos = 1;
  for (int64_t m : inMax)
    combos *= size_t(m + 1);
  for (unsigned o = 0; o < layer.numOutputs; ++o) {
    int64_t pMin = INT64_MAX, pMax = 0, nMin = INT64_MAX, nMax = 0;
    int64_t aMin = INT64_MAX, aMax = INT64_MIN;
    std::vector<int64_t> in(inMax.size());
    for (size_t c = 0; c < combos; ++c) {
      size_t rest = c;
      for (size_t i = 0; i < in.size(); ++i) {
        in[i] = int64_t(rest % size_t(inMax[i] + 1));
        rest /= size_t(inMax[i] + 1);
      }
      OracleSums s = oracleNeuron(layer, o, in);
      pMin = std::min(pMin, s.pos), pMax = std::max(pMax, s.pos);
      nMin = std::min(nMin, s.neg), nMax = std::max(nMax, s.neg);
      aMin = std::min(aMin, s.pos - s.neg),
      aMax = std::max(aMax, s.pos - s.neg);
    }
    const NeuronRange &r = got.neurons[o];
    EXPECT_EQ(int64_t(r.posMin), pMin);
    EXPECT_EQ(int64_t(r.posMax), pMax);
    EXPECT_EQ(int64_t(r.negMin), nMin);
    EXPECT_EQ(int64_t(r.negMax), nMax);
    EXPECT_EQ(r.accMin, aMin);
    EXPECT_EQ(r.accMax, aMax);
    EXPECT_EQ(r.accBits, bruteSignedWidth(aMin, aMax));
    EXPECT_EQ(r.posBits, pMax ? unsigned(std::floor(std::log2(pMax))) + 1 : 0);
    EXPECT_EQ(r.negBits, nMax ? unsigned(std::floor(std::log2(nMax))) + 1 : 0);
  }
}

TEST(IntMLP, AccumulatorWidthsMatchBruteForce) {
  SplitMix64 rng(3);
  for (int trial = 0; trial < 12; ++trial) {
    IntMLP m = randomModel(rng, {3, 3, 2}, trial < 4 ? 0 : 6);
    std::vector<LayerRange> ranges = analyzeRanges(m);
    ASSERT_EQ(ranges.size(), 2u);
    checkLayerRanges(m.layers[0], {15, 15, 15}, ranges[0]);
    // Hidden maxima: the truncated ReLU of the brute-force accumulator max.
    std::vector<int64_t> hiddenMax;
    for (unsigned o = 0; o < 3; ++o) {
      int64_t want =
          oracleActivation(ranges[0].neurons[o].accMax, m.layers[0].actShift,
                           m.layers[0].actBits);
      EXPECT_EQ(int64_t(ranges[0].outputMax[o]), want);
      hiddenMax.push_back(want);
    }
    std::vector<int64_t> inMax(ranges[1].inputMax.begin(),
                               ranges[1].inputMax.end());
    EXPECT_EQ(inMax, hiddenMax);
    checkLayerRanges(m.layers[1], inMax, ranges[1]);
  }
}

TEST(IntMLP, WidthHelpers) {
  EXPECT_EQ(unsignedWidth(0), 0u);
  EXPECT_EQ(unsignedWidth(1), 1u);
  EXPECT_EQ(unsignedWidth(255), 8u);
  EXPECT_EQ(unsignedWidth(256), 9u);
  EXPECT_EQ(signedWidth(0, 0), 1u);
  EXPECT_EQ(signedWidth(-1, 0), 1u);
  EXPECT_EQ(signedWidth(-128, 127), 8u);
  EXPECT_EQ(signedWidth(-129, 0), 9u);
  EXPECT_EQ(signedWidth(0, 128), 9u);
}

TEST(IntMLP, PrunedProductNeedNotBeMonotone) {
  // 11 = 16 - 4 - 1 with k = 4: a = 15 gives 240 - 48 - 0 = 192 but a = 16
  // gives 256 - 64 - 16 = 176, so the range must come from enumeration.
  auto value = [](int64_t a) {
    return (16 * a) / 16 * 16 - (4 * a) / 16 * 16 - a / 16 * 16;
  };
  EXPECT_EQ(value(15), 192);
  EXPECT_EQ(value(16), 176);
  for (uint64_t aMax : {15u, 31u, 100u}) {
    auto [lo, hi] = productRange(11, aMax, 4);
    int64_t bLo = 0, bHi = 0;
    for (int64_t a = 0; a <= int64_t(aMax); ++a) {
      bLo = std::min(bLo, value(a));
      bHi = std::max(bHi, value(a));
    }
    EXPECT_EQ(lo, bLo) << aMax;
    EXPECT_EQ(hi, bHi) << aMax;
  }
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

FloatMLP oneLayer() {
  FloatMLP f;
  f.layers.push_back({2, 2, {0.6, -1.0, 0.25, 0.1}, {0.2, -0.2}});
  return f;
}

TEST(Quantize, RealScaleByHand) {
  // s_w = 1 / 127; acc scale = (1/15) (1/127) = 1 / 1905.
  auto q = quantizeMLP(oneLayer(), 1.0 / 15, 4, nullptr);
  ASSERT_TRUE(bool(q)) << llvm::toString(q.takeError());
  const IntLayer &l = q->model.layers[0];
  EXPECT_EQ(l.weights, (std::vector<int32_t>{76, -127, 32, 13}));
  EXPECT_EQ(l.biases, (std::vector<int64_t>{381, -381}));
  EXPECT_DOUBLE_EQ(q->weightScale[0], 1.0 / 127);
  EXPECT_EQ(l.pruneBits, (std::vector<uint8_t>{0, 0}));
}

TEST(Quantize, PowerOfTwoScaleByHand) {
  // max |W| = 1 -> s_w = 2^ceil(log2(1/127)) = 1/64; acc scale 1/960.
  QuantizeOptions opts;
  opts.weightScale = WeightScaleKind::PowerOfTwo;
  auto q = quantizeMLP(oneLayer(), 1.0 / 15, 4, nullptr, opts);
  ASSERT_TRUE(bool(q));
  const IntLayer &l = q->model.layers[0];
  EXPECT_EQ(l.weights, (std::vector<int32_t>{38, -64, 16, 6}));
  EXPECT_EQ(l.biases, (std::vector<int64_t>{192, -192}));
}

TEST(Quantize, HiddenShiftFromCalibrationData) {
  FloatMLP f;
  f.layers.push_back({1, 1, {1.0}, {0.0}});
  f.layers.push_back({1, 2, {1.0, -0.5}, {0.0, 0.3}});
  QuantizedData calib;
  calib.numFeatures = 1;
  calib.codes = {3, 9, 6};
  calib.labels = {0, 0, 0};
  QuantizeOptions opts;
  opts.hiddenBits = 4;
  auto q = quantizeMLP(f, 1.0 / 15, 4, &calib, opts);
  ASSERT_TRUE(bool(q));
  // Layer 0: w = 127, largest acc = 9 * 127 = 1143; 1143 >> 7 = 8 <= 15 but
  // 1143 >> 6 = 17 > 15, so the shift is 7.
  EXPECT_EQ(q->model.layers[0].weights[0], 127);
  EXPECT_EQ(q->model.layers[0].actShift, 7u);
  // Layer 1 input scale = (1/15)(1/127) 2^7; s_w = 1/127:
  // bias 0.3 / (128 / (15 * 127 * 127)) = 0.3 * 241935 / 128 = 567.04 -> 567.
  EXPECT_EQ(q->model.layers[1].biases[1], 567);
  EXPECT_EQ(q->model.layers[1].weights, (std::vector<int32_t>{127, -64}));
  // Without calibration the worst case 15 * 127 = 1905 needs shift 7 too;
  // with hiddenBits 3 it needs 8 (1905 >> 8 = 7).
  opts.hiddenBits = 3;
  auto worst = quantizeMLP(f, 1.0 / 15, 4, nullptr, opts);
  ASSERT_TRUE(bool(worst));
  EXPECT_EQ(worst->model.layers[0].actShift, 8u);
}

TEST(Quantize, AgreesWithFloatModelOnMostInputs) {
  SplitMix64 rng(5);
  FloatMLP f;
  std::vector<unsigned> shape = {4, 6, 3};
  for (size_t l = 0; l + 1 < shape.size(); ++l) {
    FloatLayer layer{shape[l], shape[l + 1], {}, {}};
    for (unsigned i = 0; i < shape[l] * shape[l + 1]; ++i)
      layer.weights.push_back(rng.uniform() * 2 - 1);
    for (unsigned o = 0; o < shape[l + 1]; ++o)
      layer.biases.push_back(rng.uniform() - 0.5);
    f.layers.push_back(layer);
  }
  QuantizedData data;
  data.numFeatures = 4;
  for (int r = 0; r < 2000; ++r) {
    for (int c = 0; c < 4; ++c)
      data.codes.push_back(static_cast<uint8_t>(rng.range(0, 15)));
    data.labels.push_back(0);
  }
  auto q = quantizeMLP(f, 1.0 / 15, 4, &data);
  ASSERT_TRUE(bool(q));
  unsigned agree = 0;
  for (unsigned r = 0; r < data.numRows(); ++r) {
    std::vector<double> x;
    for (uint8_t c : data.row(r))
      x.push_back(c / 15.0);
    agree += f.predict(x) == predictInt(q->model, data.row(r));
  }
  EXPECT_GT(agree, 1900u); // 8-bit weights and activations: > 95 %
}

} // namespace

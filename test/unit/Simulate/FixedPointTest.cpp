//===- FixedPointTest.cpp - s16.15 and Loihi arithmetic ---------*- C++ -*-===//
//
// Every expected value is worked out in the comment next to it; none comes
// from the code under test.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/FixedPoint.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace axon::sim;
using namespace axon::sim::fixed;

static constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
static constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
static const double kLsb = std::ldexp(1.0, -15);

TEST(FixedPoint, RoundHalfEven) {
  EXPECT_EQ(roundHalfEven(0.5), 0);   // tie -> even 0
  EXPECT_EQ(roundHalfEven(1.5), 2);   // tie -> even 2
  EXPECT_EQ(roundHalfEven(2.5), 2);   // tie -> even 2
  EXPECT_EQ(roundHalfEven(-0.5), 0);  // tie -> even 0
  EXPECT_EQ(roundHalfEven(-1.5), -2); // tie -> even -2
  EXPECT_EQ(roundHalfEven(2.4999), 2);
  EXPECT_EQ(roundHalfEven(-2.5001), -3);
  EXPECT_EQ(roundHalfEven(1e300), std::numeric_limits<int64_t>::max());
}

TEST(FixedPoint, ToS1615RoundsHalfToEven) {
  EXPECT_EQ(toS1615(1.0), 32768);
  EXPECT_EQ(toS1615(0.1), 3277);       // 3276.8 -> 3277
  EXPECT_EQ(toS1615(0.5 * kLsb), 0);   // 0.5 LSB, tie -> 0
  EXPECT_EQ(toS1615(1.5 * kLsb), 2);   // tie -> 2
  EXPECT_EQ(toS1615(2.5 * kLsb), 2);   // tie -> 2
  EXPECT_EQ(toS1615(-1.5 * kLsb), -2); // tie -> -2
  EXPECT_EQ(toS1615(-2.5 * kLsb), -2); // tie -> -2
  EXPECT_EQ(toS1615(-0.1), -3277);
  EXPECT_DOUBLE_EQ(fromS1615(3277), 3277.0 / 32768.0);
}

TEST(FixedPoint, ToS1615SaturatesAtBothEnds) {
  // Largest accum: 65535 + 32767/32768 = (2^31 - 1) / 2^15.
  EXPECT_EQ(toS1615(65535.0 + 32767.0 / 32768.0), kMax);
  EXPECT_EQ(toS1615(65536.0), kMax); // 2^31 does not fit
  EXPECT_EQ(toS1615(1e12), kMax);
  EXPECT_EQ(toS1615(-65536.0), kMin); // -2^31 fits exactly
  EXPECT_EQ(toS1615(-70000.0), kMin);
}

TEST(FixedPoint, AddSubSaturate) {
  EXPECT_EQ(addS1615(kMax, 1), kMax);
  EXPECT_EQ(addS1615(kMin, -1), kMin);
  EXPECT_EQ(subS1615(kMin, 1), kMin);
  EXPECT_EQ(subS1615(kMax, -1), kMax);
  EXPECT_EQ(addS1615(100, -300), -200);
}

TEST(FixedPoint, MultiplyTruncatesTowardMinusInfinity) {
  EXPECT_EQ(mulS1615(32768, 32768), 32768); // 1 * 1
  EXPECT_EQ(mulS1615(3, 16384), 1);         // 3 * 0.5 = 1.5 LSB -> 1
  EXPECT_EQ(mulS1615(-3, 16384), -2);       // -1.5 LSB -> -2 (not -1)
  EXPECT_EQ(mulS1615(-1, 1), -1);           // -2^-15 LSB -> -1
  EXPECT_EQ(mulS1615(1, 1), 0);             // 2^-15 LSB -> 0
  // 0.75 * -0.5 = -0.375 exactly: 24576 * -16384 / 32768 = -12288.
  EXPECT_EQ(mulS1615(24576, -16384), -12288);
}

TEST(FixedPoint, MultiplySaturatesAtBothEnds) {
  EXPECT_EQ(mulS1615(kMax, kMax), kMax); // ~2^47 LSB
  EXPECT_EQ(mulS1615(kMin, kMax), kMin);
  EXPECT_EQ(mulS1615(kMin, kMin), kMax); // (-65536)^2 overflows upward
  EXPECT_EQ(mulS1615(toS1615(300.0), toS1615(300.0)), kMax); // 90000
  EXPECT_EQ(mulS1615(toS1615(-300.0), toS1615(300.0)), kMin);
}

TEST(FixedPoint, DecayFactor) {
  // exp(-1/20) * 32768 = 31169.886 -> 31170; exp(-1) * 32768 = 12054.67.
  EXPECT_EQ(decayS1615(1e-3, 20e-3), 31170);
  EXPECT_EQ(decayS1615(1.0, 1.0), 12055);
  EXPECT_EQ(decayS1615(1e-3, 1e9), 32768); // ~1.0 exactly representable
}

TEST(FixedPoint, DecayMultiplyRounding) {
  // sPyNNaker's closed form v' = a - k * (a - v) with a = 0, k = 31170:
  //   v = 3:  k * (0 - 3) = floor(-93510 / 32768) = floor(-2.854) = -3,
  //           v' = 0 - (-3) = 3: a tiny positive v does not decay;
  //   v = -3: k * 3 = floor(2.854) = 2, v' = -2.
  int32_t k = 31170;
  EXPECT_EQ(subS1615(0, mulS1615(k, subS1615(0, 3))), 3);
  EXPECT_EQ(subS1615(0, mulS1615(k, subS1615(0, -3))), -2);
  // v = 799: 799 * 31170 / 32768 = 760.035, floor(-760.035) = -761.
  EXPECT_EQ(subS1615(0, mulS1615(k, subS1615(0, 799))), 761);
}

TEST(FixedPoint, WeightShiftChoice) {
  EXPECT_EQ(chooseWeightShift(0.0), 0u);
  EXPECT_EQ(chooseWeightShift(1.0), 0u);    // 32768 <= 65535
  EXPECT_EQ(chooseWeightShift(1.9999), 0u); // 65533.5 <= 65535
  EXPECT_EQ(chooseWeightShift(2.0), 1u);    // 65536 > 65535; 2 * 2^14 fits
  EXPECT_EQ(chooseWeightShift(100.0), 6u);  // 100 * 2^9 = 51200; 2^10 fails
  EXPECT_EQ(chooseWeightShift(1e9), 15u);   // nothing fits: largest shift
}

TEST(FixedPoint, WeightQuantization) {
  EXPECT_EQ(quantizeWeight(0.1, 0), 3277); // 3276.8
  EXPECT_EQ(weightToInput(3277, 0), 3277);
  EXPECT_EQ(quantizeWeight(0.1, 6), 51); // 0.1 * 2^9 = 51.2
  EXPECT_EQ(weightToInput(51, 6), 3264); // 51 << 6
  EXPECT_DOUBLE_EQ(quantizedWeightValue(0.1, 6), 3264.0 / 32768.0);
  EXPECT_EQ(quantizeWeight(-0.1, 0), -3277);   // sign kept
  EXPECT_EQ(quantizeWeight(2.5 * kLsb, 0), 2); // tie -> even
  EXPECT_EQ(quantizeWeight(3.0, 0), 65535);    // 98304 saturates to 16 bits
  EXPECT_EQ(quantizeWeight(-3.0, 0), -65535);
}

TEST(FixedPoint, PopulationShiftsSumAllIncomingProjections) {
  Network net;
  NodeId in = net.addInput("in", {2});
  NodeId a1 = net.addAffine("a1", 1, 2, {1.5, 0.25}, {0.0});
  NodeId a2 = net.addAffine("a2", 1, 2, {0.5, 0.0}, {0.0});
  NodeId lif =
      net.addNode(NodeKind::LIF, "lif", {{"tau", 0.02}, {"v_threshold", 1.0}});
  NodeId a3 = net.addAffine("a3", 1, 2, {-0.75, -0.75}, {0.0});
  NodeId li = net.addNode(NodeKind::LI, "li", {{"tau", 0.02}});
  for (NodeId a : {a1, a2, a3})
    net.connect(in, a);
  net.connect(a1, lif);
  net.connect(a2, lif);
  net.connect(a3, li);
  ASSERT_FALSE(net.finalize());
  std::vector<int> shifts = spinnakerWeightShifts(net);
  // lif: positive sum 1.5 + 0.25 + 0.5 = 2.25 -> 73728 > 65535 at shift 0,
  // 36864 at shift 1.  li: negative sum 1.5 -> 49152 fits at shift 0.
  EXPECT_EQ(shifts[a1], 1);
  EXPECT_EQ(shifts[a2], 1);
  EXPECT_EQ(shifts[a3], 0);
  EXPECT_EQ(shifts[lif], -1);
}

TEST(FixedPoint, LoihiDecayConstant) {
  EXPECT_EQ(loihiDecayConstant(1e-3, 20e-3), 205); // 204.8
  EXPECT_EQ(loihiDecayConstant(2.5, 4096.0), 2);   // 2.5, tie -> even
  EXPECT_EQ(loihiDecayConstant(3.5, 4096.0), 4);   // 3.5, tie -> even
  EXPECT_EQ(loihiDecayConstant(2.0, 1.0), 4096);   // clamped
}

TEST(FixedPoint, LoihiDecayTruncatesMagnitude) {
  // 1000 * (4096 - 205) / 4096 = 949.95 -> 949; the sign is applied after,
  // so -1000 -> -949 (toward zero, not floor's -950).
  EXPECT_EQ(loihiDecay(1000, 205), 949);
  EXPECT_EQ(loihiDecay(-1000, 205), -949);
  EXPECT_EQ(loihiDecay(417792, 205), 396882); // 102 * 3891, exact
  EXPECT_EQ(loihiDecay(12345, 4096), 0);      // d = 4096 forgets
  EXPECT_EQ(loihiDecay(12345, 0), 12345);     // d = 0 keeps
}

TEST(FixedPoint, Loihi24BitWrapAndSaturation) {
  EXPECT_EQ(wrap24((1 << 23) - 1), (1 << 23) - 1);
  EXPECT_EQ(wrap24(1 << 23), -(1 << 23)); // +2^23 wraps to -2^23
  EXPECT_EQ(wrap24(-(1 << 23)), -(1 << 23));
  EXPECT_EQ(wrap24(-(1 << 23) - 1), (1 << 23) - 1); // wraps to the top
  EXPECT_EQ(wrap24((int64_t(1) << 24) + 5), 5);
  EXPECT_EQ(saturate24(1 << 23), (1 << 23) - 1);
  EXPECT_EQ(saturate24(-(1 << 23)), -((1 << 23) - 1));
  EXPECT_EQ(saturate24(int64_t(1) << 40), (1 << 23) - 1);
  EXPECT_EQ(saturate24(-77), -77);
}

TEST(FixedPoint, LoihiThresholdAndScales) {
  EXPECT_EQ(loihiThreshold(100), 6400); // mantissa << 6
  // 0.1 * 2^25 = 3355443 <= 2^22 = 4194304, 0.1 * 2^26 is not.
  EXPECT_EQ(loihiStateFracBits(0.1), 25);
  EXPECT_EQ(loihiStateFracBits(1.0), 22); // 2^22 <= 2^22, mantissa 65536
  EXPECT_EQ(loihiStateFracBits(0.0), 16);
  // 1000 / 2^(6+e) <= 127 first at 6 + e = 3 (125).
  EXPECT_EQ(chooseLoihiWeightExponent(1000.0), -3);
  EXPECT_EQ(chooseLoihiWeightExponent(1e12), 7);
  EXPECT_EQ(loihiWeightMantissa(1000.0, -3), 125);
  EXPECT_EQ(loihiWeightMantissa(-1000.0, -3), -125);
  EXPECT_EQ(loihiWeightMantissa(1004.0, -3), 126); // 125.5, tie -> even
  EXPECT_EQ(loihiWeightMantissa(1e9, 0), 127);     // clamped
  EXPECT_EQ(loihiWeightMantissa(-1e9, 0), -128);
  EXPECT_EQ(loihiActivation(2, 0), 128);  // 2 << 6
  EXPECT_EQ(loihiActivation(3, -8), 0);   // floor(3 / 4)
  EXPECT_EQ(loihiActivation(-3, -8), -1); // floor(-3 / 4)
}

//===- CSDTest.cpp - CSD recoding against brute force -----------*- C++ -*-===//
//
// The oracle enumerates every signed-digit string over 11 positions (3^11) and
// keeps, per value, the fewest nonzero digits: the CSD must reach that minimum
// for every 8-bit value, reconstruct the value and never put two nonzero
// digits side by side.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/CSD.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <map>

using namespace axon::printed;

namespace {

/// Minimal signed-digit weight of every value reachable with 11 digits.
std::map<int64_t, unsigned> bruteForceMinWeights() {
  std::map<int64_t, unsigned> best;
  int64_t combos = 1;
  for (int i = 0; i < 11; ++i)
    combos *= 3;
  for (int64_t code = 0; code < combos; ++code) {
    int64_t c = code, value = 0;
    unsigned weight = 0;
    for (int pos = 0; pos < 11; ++pos, c /= 3) {
      int digit = int(c % 3) - 1;
      value += digit * (int64_t(1) << pos);
      weight += digit != 0;
    }
    auto it = best.find(value);
    if (it == best.end() || weight < it->second)
      best[value] = weight;
  }
  return best;
}

TEST(CSD, MatchesBruteForceForAllEightBitValues) {
  std::map<int64_t, unsigned> minWeight = bruteForceMinWeights();
  for (int64_t v = -255; v <= 255; ++v) {
    auto digits = toCSD(v);
    EXPECT_EQ(fromCSD(digits), v) << v;
    EXPECT_EQ(digits.size(), minWeight.at(v)) << v;
    EXPECT_EQ(csdNonZeros(v), minWeight.at(v)) << v;
    for (size_t i = 1; i < digits.size(); ++i) {
      EXPECT_GT(digits[i].shift, digits[i - 1].shift) << v;
      EXPECT_GE(digits[i].shift - digits[i - 1].shift, 2) << "adjacent " << v;
    }
  }
}

TEST(CSD, HandExamples) {
  // 7 = 8 - 1, -7 = -8 + 1, 0x55 needs all four digits.
  auto seven = toCSD(7);
  ASSERT_EQ(seven.size(), 2u);
  EXPECT_EQ(seven[0].sign, -1);
  EXPECT_EQ(seven[0].shift, 0);
  EXPECT_EQ(seven[1].sign, 1);
  EXPECT_EQ(seven[1].shift, 3);
  auto minusSeven = toCSD(-7);
  ASSERT_EQ(minusSeven.size(), 2u);
  EXPECT_EQ(minusSeven[0].sign, 1);
  EXPECT_EQ(minusSeven[1].sign, -1);
  EXPECT_TRUE(toCSD(0).empty());
  EXPECT_EQ(csdNonZeros(0x55), 4u);
  EXPECT_EQ(csdNonZeros(127), 2u); // 128 - 1
  EXPECT_EQ(fromCSD(toCSD(INT64_MIN + 1)), INT64_MIN + 1);
}

TEST(CSD, CheaperNeighborsAgreeWithLinearScan) {
  for (int64_t v = -127; v <= 127; ++v) {
    CheaperNeighbors n = cheaperNeighbors(v, -127, 127);
    unsigned cost = csdNonZeros(v);
    std::optional<int64_t> below, above;
    for (int64_t c = v - 1; c >= -127 && !below && cost; --c)
      if (csdNonZeros(c) < cost)
        below = c;
    for (int64_t c = v + 1; c <= 127 && !above && cost; ++c)
      if (csdNonZeros(c) < cost)
        above = c;
    EXPECT_EQ(n.below, below) << v;
    EXPECT_EQ(n.above, above) << v;
  }
  // 11 = 16 - 4 - 1: 3 digits; neighbours with 2 digits are 10 and 12.
  CheaperNeighbors n = cheaperNeighbors(11, -127, 127);
  EXPECT_EQ(n.below, std::optional<int64_t>(10));
  EXPECT_EQ(n.above, std::optional<int64_t>(12));
  // A power of two can only become 0.
  n = cheaperNeighbors(64, -127, 127);
  EXPECT_EQ(n.below, std::optional<int64_t>(0));
  EXPECT_FALSE(n.above);
}

TEST(CSD, NearestPowerOfTwo) {
  EXPECT_EQ(nearestPowerOfTwo(0), 0);
  EXPECT_EQ(nearestPowerOfTwo(5), 4);
  EXPECT_EQ(nearestPowerOfTwo(6), 4); // tie 4 / 8 -> smaller
  EXPECT_EQ(nearestPowerOfTwo(7), 8);
  EXPECT_EQ(nearestPowerOfTwo(-100), -128);
  EXPECT_EQ(nearestPowerOfTwo(-95), -64);
  EXPECT_EQ(nearestPowerOfTwo(1), 1);
}

} // namespace

//===- TernaryTest.cpp - Cube arithmetic and overlap index tests ----------===//
//
// The checker and both compressors rest on cube subtraction and on the
// overlap index, so both are tested here against enumeration and brute
// force, independently of the code that uses them.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Ternary.h"

#include "gtest/gtest.h"

#include <random>

using namespace axon::spinnaker;

namespace {

/// A random cube over the low 8 bits (upper bits fixed to 0).
Cube smallCube(std::mt19937 &rng) {
  uint32_t xs = 0;
  for (unsigned b = 0; b < 8; ++b)
    if (rng() % 3 == 0)
      xs |= 1u << b;
  Cube c;
  c.mask = ~xs;
  c.key = rng() & 0xffu & c.mask;
  return c;
}

bool inCube(Cube c, uint32_t key) { return (key & c.mask) == c.key; }

TEST(TernaryTest, SubtractionMatchesEnumeration) {
  std::mt19937 rng(8);
  for (int trial = 0; trial < 2000; ++trial) {
    Cube a = smallCube(rng), b = smallCube(rng);
    llvm::SmallVector<Cube, 8> diff;
    subtractCube(a, b, diff);
    for (uint32_t key = 0; key < 256; ++key) {
      unsigned hits = 0;
      for (Cube d : diff)
        hits += inCube(d, key);
      bool expected = inCube(a, key) && !inCube(b, key);
      // Exactly once: the pieces are disjoint and cover a \ b.
      ASSERT_EQ(hits, expected ? 1u : 0u) << "trial " << trial;
    }
  }
}

TEST(TernaryTest, IntersectionAndContainment) {
  Cube a{0b0000, ~0b0011u}, b{0b0001, ~0b0100u};
  ASSERT_TRUE(intersects(a, b));
  Cube i = intersection(a, b);
  // a = ...00XX, b = ...0X01: together they fix every bit: the key 0001.
  EXPECT_EQ(i.key, 0b0001u);
  EXPECT_EQ(i.mask, ~0u);
  EXPECT_TRUE(contains(a, i));
  EXPECT_TRUE(contains(b, i));
  EXPECT_FALSE(contains(i, a));
  EXPECT_FALSE(intersects(Cube{0b1000, ~0u}, a));
}

TEST(TernaryTest, OverlapIndexMatchesBruteForce) {
  std::mt19937 rng(12);
  // Few distinct masks over 20 bits, so groups are large and the trie
  // descent (not the small-group scan) does the work.
  const uint32_t masks[] = {0xffffffe0u, 0xffffffc0u, 0xfffffffcu, 0xffffffffu,
                            0xfff0ffffu};
  std::vector<Cube> cubes;
  for (int i = 0; i < 3000; ++i) {
    uint32_t mask = masks[rng() % 5];
    cubes.push_back({(uint32_t)rng() & 0xfffffu & mask, mask});
  }
  OverlapIndex index(cubes);
  for (int q = 0; q < 3000; ++q) {
    Cube query;
    query.mask = ~0u;
    for (unsigned b = 0; b < 20; ++b)
      if (rng() % (q % 4 + 2) == 0)
        query.mask &= ~(1u << b);
    query.key = rng() & 0xfffffu & query.mask;
    std::vector<uint32_t> expected;
    for (uint32_t i = 0; i < cubes.size(); ++i)
      if (((cubes[i].key ^ query.key) & cubes[i].mask & query.mask) == 0)
        expected.push_back(i);
    llvm::SmallVector<uint32_t, 16> got;
    index.query(query, got);
    ASSERT_EQ(std::vector<uint32_t>(got.begin(), got.end()), expected);
    uint32_t lo = rng() % 3000, hi = lo + rng() % 500;
    bool any = false;
    for (uint32_t i : expected)
      any |= i >= lo && i < hi;
    ASSERT_EQ(index.anyInRange(query, lo, hi), any);
  }
}

} // namespace

//===- CheckTest.cpp - Compressed-table checker tests ---------------------===//
//
// Hand-built broken compressions with known counter-examples, and random
// table pairs over a small key space where the naive oracle can enumerate
// every key: the checker must accept exactly the equivalent pairs, and every
// counter-example it reports must be real.
//
//===----------------------------------------------------------------------===//

#include "Oracles.h"

#include "targets/spinnaker/Router/Check.h"

#include "gtest/gtest.h"

using namespace axon::spinnaker;
using namespace axon::spinnaker::testing;

namespace {

const uint32_t E = routeLinkBit(East), N = routeLinkBit(North);
const uint32_t Full = 0xffffffffu;

TEST(CheckTest, AcceptsACorrectMerge) {
  std::vector<RoutingEntry> u = {
      {0x0, Full, E, false}, {0x1, Full, E, false}, {0x2, Full, N, false}};
  std::vector<RoutingEntry> c = {{0x0, 0xfffffffeu, E, false},
                                 {0x2, Full, N, false}};
  EXPECT_FALSE(checkCompressedTable(u, c).has_value());
}

TEST(CheckTest, CatchesReorderedEntries) {
  // 0x1 -> N before 0x0/X -> E; swapping them sends 0x1 East.
  std::vector<RoutingEntry> u = {{0x1, Full, N, false},
                                 {0x0, 0xfffffffeu, E, false}};
  std::vector<RoutingEntry> c = {u[1], u[0]};
  std::optional<CheckFailure> f = checkCompressedTable(u, c);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->key, 0x1u);
  EXPECT_EQ(f->originalIndex, 0u);
  EXPECT_EQ(f->expectedRoute, N);
  ASSERT_TRUE(f->compressedIndex.has_value());
  EXPECT_EQ(*f->compressedIndex, 0u);
  EXPECT_EQ(f->actualRoute, E);
  EXPECT_EQ(f->describe(), "key 0x00000001: original entry 0 routes it to [N] "
                           "but compressed entry 0 routes it to [E]");
}

TEST(CheckTest, CatchesAWidenedMask) {
  // 0x0 -> E widened to 0x0/bit-1-X captures 0x2, which must go North.
  std::vector<RoutingEntry> u = {{0x0, Full, E, false}, {0x2, Full, N, false}};
  std::vector<RoutingEntry> c = {{0x0, 0xfffffffdu, E, false},
                                 {0x2, Full, N, false}};
  std::optional<CheckFailure> f = checkCompressedTable(u, c);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->key, 0x2u);
  EXPECT_EQ(f->originalIndex, 1u);
  EXPECT_EQ(f->expectedRoute, N);
  EXPECT_EQ(f->compressedIndex, std::optional<size_t>(0));
  EXPECT_EQ(f->actualRoute, E);
}

TEST(CheckTest, MissingEntryUnlessDefaultable) {
  std::vector<RoutingEntry> u = {{0x0, Full, E, false}, {0x4, Full, E, false}};
  std::vector<RoutingEntry> c = {{0x0, Full, E, false}};
  std::optional<CheckFailure> f = checkCompressedTable(u, c);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->key, 0x4u);
  EXPECT_FALSE(f->compressedIndex.has_value());
  EXPECT_EQ(f->describe(), "key 0x00000004: original entry 1 routes it to [E] "
                           "but no compressed entry matches it");
  u[1].defaultable = true;
  EXPECT_FALSE(checkCompressedTable(u, c).has_value());
}

TEST(CheckTest, KeysTheOriginalNeverRoutesAreFree) {
  // PACMAN's rule: 0x3 is not routed by U, so C may send it anywhere.
  std::vector<RoutingEntry> u = {
      {0x0, Full, E, false}, {0x1, Full, E, false}, {0x2, Full, E, false}};
  std::vector<RoutingEntry> c = {{0x0, 0xfffffffcu, E, false}};
  EXPECT_FALSE(checkCompressedTable(u, c).has_value());
}

TEST(CheckTest, ShadowedOriginalEntriesDecideNothing) {
  // U's second entry is fully hidden by the first; C need not honour it.
  std::vector<RoutingEntry> u = {{0x0, 0xfffffff0u, E, false},
                                 {0x3, Full, N, false}};
  std::vector<RoutingEntry> c = {{0x0, 0xfffffff0u, E, false}};
  EXPECT_FALSE(checkCompressedTable(u, c).has_value());
}

TEST(CheckTest, ChipErrorNamesTheChip) {
  RoutingTable u{2, 5, {{0x0, Full, E, false}}};
  RoutingTable c{2, 5, {{0x0, Full, N, false}}};
  EXPECT_EQ(llvm::toString(checkCompressedTable(u, c)),
            "chip (2, 5): compressed routing table (1 entries) differs from "
            "the original (1 entries): key 0x00000000: original entry 0 "
            "routes it to [E] but compressed entry 0 routes it to [N]");
}

/// A random table over keys 0..255 (upper 24 bits fixed to 0 by every mask),
/// overlaps allowed.
std::vector<RoutingEntry> smallTable(std::mt19937 &rng, size_t n) {
  std::vector<RoutingEntry> t;
  const uint32_t routes[] = {E, N, routeCoreBit(2)};
  for (size_t i = 0; i < n; ++i) {
    uint32_t xs = 0;
    for (unsigned b = 0; b < 8; ++b)
      if (rng() % 3 == 0)
        xs |= 1u << b;
    RoutingEntry e;
    e.mask = ~xs;
    e.key = rng() & 0xffu & e.mask;
    e.route = routes[rng() % 3];
    e.defaultable = rng() % 4 == 0;
    t.push_back(e);
  }
  return t;
}

TEST(CheckTest, AgreesWithExhaustiveEnumeration) {
  std::mt19937 rng(42);
  int failures = 0, passes = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<RoutingEntry> u = smallTable(rng, 1 + rng() % 8);
    std::vector<RoutingEntry> c = smallTable(rng, 1 + rng() % 6);
    if (trial % 3 == 0) // near-misses: a permutation or copy of u
      c = u, std::shuffle(c.begin(), c.end(), rng);
    bool equivalent = true;
    for (uint32_t key = 0; key < 256 && equivalent; ++key) {
      std::optional<size_t> o = naiveLookupIndex(u, key);
      if (!o)
        continue;
      std::optional<uint32_t> r = naiveLookup(c, key);
      equivalent = r ? *r == u[*o].route : u[*o].defaultable;
    }
    std::optional<CheckFailure> f = checkCompressedTable(u, c);
    ASSERT_EQ(!f.has_value(), equivalent) << "trial " << trial;
    if (!f) {
      ++passes;
      continue;
    }
    ++failures;
    // The reported key really is a counter-example, as reported.
    std::optional<size_t> o = naiveLookupIndex(u, f->key);
    ASSERT_EQ(o, std::optional<size_t>(f->originalIndex));
    ASSERT_EQ(f->expectedRoute, u[*o].route);
    std::optional<size_t> ci = naiveLookupIndex(c, f->key);
    ASSERT_EQ(ci, f->compressedIndex);
    if (ci) {
      ASSERT_EQ(f->actualRoute, c[*ci].route);
    }
  }
  // Both outcomes were exercised.
  EXPECT_GT(failures, 100);
  EXPECT_GT(passes, 100);
}

} // namespace

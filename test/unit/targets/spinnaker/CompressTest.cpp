//===- CompressTest.cpp - Routing table compression tests -----------------===//
//
// Compressed tables are compared with the originals by a naive first-match
// oracle on random keys and on keys derived from every entry; the stopping
// rule and the failure report are checked on hand-built tables.
//
//===----------------------------------------------------------------------===//

#include "Oracles.h"

#include "targets/spinnaker/Router/Check.h"
#include "targets/spinnaker/Router/Compress.h"

#include "gtest/gtest.h"

using namespace axon::spinnaker;
using namespace axon::spinnaker::testing;

namespace {

const std::vector<uint32_t> Routes = {
    routeLinkBit(East), routeLinkBit(North), routeLinkBit(SouthWest),
    routeCoreBit(1) | routeLinkBit(West), routeCoreBit(3)};

/// Naive: the compressed table routes every key the original routes the same
/// way (or leaves it to default routing when the original entry was
/// defaultable).
void expectEquivalent(const std::vector<RoutingEntry> &original,
                      const std::vector<RoutingEntry> &compressed,
                      std::mt19937 &rng, unsigned bits) {
  std::vector<uint32_t> keys = probeKeys(original, rng);
  std::vector<uint32_t> more = probeKeys(compressed, rng);
  keys.insert(keys.end(), more.begin(), more.end());
  for (int i = 0; i < 2000; ++i)
    keys.push_back(rng() & ((1u << bits) - 1));
  for (uint32_t key : keys) {
    std::optional<size_t> o = naiveLookupIndex(original, key);
    if (!o)
      continue;
    std::optional<uint32_t> c = naiveLookup(compressed, key);
    if (!c && original[*o].defaultable)
      continue;
    ASSERT_TRUE(c.has_value()) << "key " << key << " lost";
    ASSERT_EQ(*c, original[*o].route) << "key " << key;
  }
}

/// Naive default removal: defaultable entries no later entry overlaps.
std::vector<RoutingEntry>
naiveRemoveDefaults(const std::vector<RoutingEntry> &t) {
  std::vector<RoutingEntry> kept;
  for (size_t i = 0; i < t.size(); ++i) {
    bool overlapped = false;
    for (size_t j = i + 1; j < t.size(); ++j)
      overlapped |= ((t[i].key ^ t[j].key) & t[i].mask & t[j].mask) == 0;
    if (!t[i].defaultable || overlapped)
      kept.push_back(t[i]);
  }
  return kept;
}

CompressResult compress(const std::vector<RoutingEntry> &t, Compressor c,
                        size_t target, bool removeDefaults = true) {
  CompressOptions o;
  o.algorithm = c;
  o.targetLength = target;
  o.removeDefaults = removeDefaults;
  llvm::Expected<CompressResult> r = compressTable(t, o);
  EXPECT_TRUE(bool(r)) << llvm::toString(r.takeError());
  return std::move(*r);
}

class CompressorTest : public ::testing::TestWithParam<Compressor> {};

TEST_P(CompressorTest, RandomTablesStayEquivalent) {
  std::mt19937 rng(2024);
  for (int trial = 0; trial < 40; ++trial) {
    unsigned bits = 8 + trial % 5;
    std::vector<RoutingEntry> t =
        randomOrthogonalTable(rng, 60 + trial * 5, bits, Routes, 0.3);
    for (size_t target : {size_t(0), t.size() / 2, t.size() / 4}) {
      CompressResult r = compress(t, GetParam(), target);
      expectEquivalent(t, r.entries, rng, bits);
      EXPECT_FALSE(checkCompressedTable(t, r.entries).has_value());
      if (r.fits && target) {
        EXPECT_LE(r.entries.size(), target);
      }
    }
  }
}

TEST_P(CompressorTest, NothingToDoWhenTheTableFits) {
  std::mt19937 rng(99);
  std::vector<RoutingEntry> t =
      randomOrthogonalTable(rng, 120, 10, Routes, 0.4);
  CompressResult r = compress(t, GetParam(), t.size());
  EXPECT_EQ(r.entries, naiveRemoveDefaults(t));
  EXPECT_LT(r.entries.size(), t.size()); // some defaults did go
  CompressResult same = compress(t, GetParam(), t.size(), false);
  EXPECT_EQ(same.entries, t);
  // Fits after default removal alone: still no merging.
  size_t afterDefaults = naiveRemoveDefaults(t).size();
  CompressResult r2 = compress(t, GetParam(), afterDefaults);
  EXPECT_EQ(r2.entries, naiveRemoveDefaults(t));
}

TEST_P(CompressorTest, FailsCleanlyWhenTargetUnreachable) {
  // Eight entries, eight different routes: nothing can merge.
  RoutingTable t;
  t.x = 3;
  t.y = 4;
  for (uint32_t i = 0; i < 8; ++i)
    t.entries.push_back({i, 0xffffffffu, routeCoreBit(i), false});
  CompressOptions o;
  o.algorithm = GetParam();
  o.targetLength = 5;
  llvm::Expected<RoutingTable> r = compressRoutingTable(t, o);
  ASSERT_FALSE(bool(r));
  EXPECT_EQ(llvm::toString(r.takeError()),
            std::string("chip (3, 4): ") + compressorName(GetParam()) +
                " compressed the routing table from 8 to 8 entries (8 after "
                "removing default routes), above the target of 5");
}

TEST_P(CompressorTest, RejectsOverlapsWithDifferentRoutes) {
  std::vector<RoutingEntry> t = {
      {0x0, 0xfffffffeu, routeLinkBit(East), false},
      {0x1, 0xffffffffu, routeLinkBit(North), false}};
  CompressOptions o;
  o.algorithm = GetParam();
  llvm::Expected<CompressResult> r = compressTable(t, o);
  ASSERT_FALSE(bool(r));
  EXPECT_EQ(llvm::toString(r.takeError()),
            "entries 0 (0x00000000/0xfffffffe) and 1 (0x00000001/0xffffffff) "
            "overlap with different routes; the compressors need a table "
            "whose overlapping entries agree");
}

TEST_P(CompressorTest, ProtectsRemovedDefaultRoutes) {
  // 0b00 and 0b10 go East; 0b01 is defaultable to North and gets removed.
  // Merging 0b00 and 0b10 into 0bX0 is fine; merging everything into 0bXX
  // would send 0b01 East instead of letting it default North.
  std::vector<RoutingEntry> t = {{0x0, 0xffffffffu, routeLinkBit(East), false},
                                 {0x1, 0xffffffffu, routeLinkBit(North), true},
                                 {0x2, 0xffffffffu, routeLinkBit(East), false},
                                 {0x3, 0xffffffffu, routeLinkBit(East), false}};
  CompressResult r = compress(t, GetParam(), 0);
  EXPECT_EQ(r.afterDefaultRemoval, 3u);
  for (const RoutingEntry &e : r.entries)
    EXPECT_FALSE(e.matches(0x1)) << "captures the defaulted key";
  EXPECT_FALSE(checkCompressedTable(t, r.entries).has_value());
  EXPECT_EQ(r.entries.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Both, CompressorTest,
                         ::testing::Values(Compressor::OrderedCovering,
                                           Compressor::PairMerge),
                         [](const auto &info) {
                           return info.param == Compressor::OrderedCovering
                                      ? "OrderedCovering"
                                      : "PairMerge";
                         });

TEST(CompressForMachineTest, UsesEachChipsCapacity) {
  // Four entries that merge pairwise: 0,1 -> E and 2,3 -> N.
  std::vector<RoutingEntry> entries;
  for (uint32_t k = 0; k < 4; ++k)
    entries.push_back(
        {k, 0xffffffffu, routeLinkBit(k < 2 ? East : North), false});
  Machine m(spinnaker1Hardware(), 2, 1, Wrap::None);
  m.setRouterEntries(m.chipId({1, 0}), 1);
  std::vector<RoutingTable> tables = {{0, 0, entries}, {1, 0, entries}};
  CompressOptions o;
  o.algorithm = Compressor::PairMerge;
  llvm::Expected<std::vector<RoutingTable>> r =
      compressForMachine(m, tables, o);
  ASSERT_FALSE(bool(r));
  // Chip (0, 0) keeps its 4 entries (1023 fit); chip (1, 0) cannot get to 1.
  EXPECT_EQ(llvm::toString(r.takeError()),
            "chip (1, 0): pair-merge compressed the routing table from 4 to 2 "
            "entries (4 after removing default routes), above the target of "
            "1");
  m.setRouterEntries(m.chipId({1, 0}), 2);
  llvm::Expected<std::vector<RoutingTable>> ok =
      compressForMachine(m, tables, o);
  ASSERT_TRUE(bool(ok)) << llvm::toString(ok.takeError());
  EXPECT_EQ((*ok)[0].entries, entries);
  EXPECT_EQ((*ok)[1].size(), 2u);
}

TEST(OrderedCoveringTest, StopsAtTheFirstMergeThatFits) {
  // Route E: four keys 0..3 (one merge makes 0x0/...fc); route N: keys 8, 9.
  // Best merge first (goodness 3): 6 -> 3 entries.  Target 5 must stop
  // there; as far as possible also merges 8 and 9: 2 entries.
  std::vector<RoutingEntry> t;
  for (uint32_t k = 0; k < 4; ++k)
    t.push_back({k, 0xffffffffu, routeLinkBit(East), false});
  t.push_back({8, 0xffffffffu, routeLinkBit(North), false});
  t.push_back({9, 0xffffffffu, routeLinkBit(North), false});
  std::vector<RoutingEntry> five = orderedCovering(t, 5);
  ASSERT_EQ(five.size(), 3u);
  EXPECT_EQ(five[2],
            (RoutingEntry{0x0, 0xfffffffcu, routeLinkBit(East), false}));
  std::vector<RoutingEntry> all = orderedCovering(t, 0);
  EXPECT_EQ(all, (std::vector<RoutingEntry>{
                     {0x8, 0xfffffffeu, routeLinkBit(North), false},
                     {0x0, 0xfffffffcu, routeLinkBit(East), false}}));
}

TEST(OrderedCoveringTest, DownCheckKeepsLowerEntriesVisible) {
  // Mundy et al.'s example, bits 4..0: 00001, 00011, 00100 -> (N S);
  // XX1XX -> (core 3); merging all three into 00XXX would hide 00110 of the
  // lower entry, so only 00001 and 00011 merge, into 000X1.
  uint32_t hi = 0xffffffe0u, ns = routeLinkBit(North) | routeLinkBit(South);
  std::vector<RoutingEntry> t = {{0b00001, hi | 0b11111, ns, false},
                                 {0b00011, hi | 0b11111, ns, false},
                                 {0b00100, hi | 0b11111, ns, false},
                                 {0b00100, 0b00100, routeCoreBit(3), false}};
  std::vector<RoutingEntry> r = orderedCovering(t, 0);
  EXPECT_EQ(r, (std::vector<RoutingEntry>{
                   {0b00100, hi | 0b11111, ns, false},
                   {0b00001, hi | 0b11101, ns, false},
                   {0b00100, 0b00100, routeCoreBit(3), false}}));
}

TEST(PairMergeTest, MergesRarestRouteFirstAndStopsExactly) {
  // Pair merging removes exactly one entry per merge, so it lands on the
  // target exactly.
  std::mt19937 rng(1);
  std::vector<RoutingEntry> t = randomOrthogonalTable(rng, 200, 9, Routes);
  std::vector<RoutingEntry> full = pairMerge(t, 0);
  ASSERT_LT(full.size(), 150u);
  for (size_t target : {size_t(190), size_t(170), full.size() + 1})
    EXPECT_EQ(pairMerge(t, target).size(), target);
}

TEST(DefaultRoutesTest, RemovalMatchesNaiveRule) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<RoutingEntry> t =
        randomOrthogonalTable(rng, 100, 9, Routes, 0.5);
    // Overlapping defaultable entries too: append a catch-all at the end.
    if (trial % 2)
      t.push_back({0, 0, routeLinkBit(East), false});
    EXPECT_EQ(removeDefaultRoutes(t), naiveRemoveDefaults(t));
  }
}

} // namespace

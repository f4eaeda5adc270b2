//===- MachineTest.cpp - SpiNNaker machine model tests --------------------===//
//
// Board layouts against the hexagon rule, wrap-around neighbours against hand
// computation, hexagonal distance against breadth-first search on the link
// graph (an independent oracle), and fault handling.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <deque>
#include <set>

using namespace axon::spinnaker;

namespace {

Machine profile(llvm::StringRef name) {
  llvm::Expected<Machine> m = Machine::fromProfile(name);
  EXPECT_TRUE(bool(m)) << llvm::toString(m.takeError());
  return std::move(*m);
}

/// Hop distances from `from` by BFS over live links.
std::vector<int> bfsDistances(const Machine &m, Machine::ChipId from) {
  std::vector<int> dist(m.numChipSlots(), -1);
  std::deque<Machine::ChipId> queue{from};
  dist[from] = 0;
  while (!queue.empty()) {
    Machine::ChipId u = queue.front();
    queue.pop_front();
    for (unsigned l = 0; l < NumLinks; ++l) {
      Machine::ChipId v = m.neighbour(u, l);
      if (v != Machine::InvalidChip && dist[v] < 0) {
        dist[v] = dist[u] + 1;
        queue.push_back(v);
      }
    }
  }
  return dist;
}

TEST(MachineTest, SingleBoardHasTheHexagonalFortyEightChips) {
  Machine m = profile("spinnaker1");
  EXPECT_EQ(m.width(), 8u);
  EXPECT_EQ(m.height(), 8u);
  EXPECT_EQ(m.wrap(), Wrap::None);
  EXPECT_EQ(m.numLiveChips(), 48u);
  // A SpiNN-5 board: column x holds y = max(0, x-4) .. min(7, x+3).
  std::set<std::pair<int, int>> expected;
  for (int x = 0; x < 8; ++x)
    for (int y = std::max(0, x - 4); y <= std::min(7, x + 3); ++y)
      expected.insert({x, y});
  ASSERT_EQ(expected.size(), 48u);
  std::set<std::pair<int, int>> actual;
  for (Machine::ChipId id : m.liveChips())
    actual.insert({m.coord(id).x, m.coord(id).y});
  EXPECT_EQ(actual, expected);
  EXPECT_FALSE(m.chipExists(m.chipId({0, 4})));
  EXPECT_FALSE(m.chipExists(m.chipId({7, 2})));
}

TEST(MachineTest, SpinnakerOneConstants) {
  Machine m = profile("spinnaker1");
  const HardwareSpec &hw = m.hardware();
  EXPECT_EQ(hw.coresPerChip, 18u);
  EXPECT_EQ(hw.monitorCores, 1u);
  EXPECT_EQ(hw.applicationCores, 16u);
  EXPECT_EQ(hw.clockMHz, 200u);
  EXPECT_EQ(hw.dtcmBytes, 65536u);
  EXPECT_EQ(hw.itcmBytes, 32768u);
  EXPECT_EQ(hw.sdramBytes, 123469792u);
  EXPECT_EQ(hw.routerEntries, 1023u);
  Machine::ChipId c = m.chipId({3, 3});
  llvm::SmallVector<unsigned, 18> cores = m.applicationCores(c);
  ASSERT_EQ(cores.size(), 16u);
  for (unsigned i = 0; i < 16; ++i)
    EXPECT_EQ(cores[i], i + 1);
  EXPECT_EQ(m.routerEntries(c), 1023u);
}

TEST(MachineTest, SpinnakerTwoProfile) {
  Machine m = profile("spinnaker2");
  EXPECT_EQ(m.numLiveChips(), 48u);
  EXPECT_EQ(m.hardware().coresPerChip, 152u);
  EXPECT_EQ(m.hardware().dtcmBytes, 128u * 1024);
  EXPECT_EQ(m.routerEntries(m.chipId({0, 0})), 16384u);
}

TEST(MachineTest, BoardCountsFollowTriads) {
  Machine three = profile("spinnaker1-boards:3");
  EXPECT_EQ(three.width(), 12u);
  EXPECT_EQ(three.height(), 12u);
  EXPECT_EQ(three.wrap(), Wrap::Both);
  EXPECT_EQ(three.numLiveChips(), 144u);
  Machine six = profile("spinnaker1-boards:6");
  EXPECT_EQ(six.width(), 24u);
  EXPECT_EQ(six.height(), 12u);
  EXPECT_EQ(six.numLiveChips(), 288u);
  // Not a multiple of 3: SpiNNMachine's 12w+4 non-wrapping layout, one
  // triad of boards = 144 chips.
  Machine two = profile("spinnaker1-boards:2");
  EXPECT_EQ(two.width(), 16u);
  EXPECT_EQ(two.wrap(), Wrap::None);
  EXPECT_EQ(two.numLiveChips(), 144u);
  Machine big = profile("spinnaker1-1m");
  EXPECT_EQ(big.width(), 240u);
  EXPECT_EQ(big.height(), 240u);
  EXPECT_EQ(big.numLiveChips(), 57600u);
  EXPECT_EQ(big.numLiveChips() * 18u, 1036800u); // "1M cores"
}

TEST(MachineTest, UnknownProfileIsAnError) {
  llvm::Expected<Machine> m = Machine::fromProfile("spinaker1");
  ASSERT_FALSE(bool(m));
  EXPECT_EQ(llvm::toString(m.takeError()),
            "unknown machine profile 'spinaker1' (expected one of: "
            "spinnaker1, spinnaker1-boards:N, spinnaker1-1m, spinnaker2)");
  llvm::Expected<Machine> z = Machine::fromProfile("spinnaker1-boards:0");
  ASSERT_FALSE(bool(z));
  llvm::consumeError(z.takeError());
}

TEST(MachineTest, TorusNeighboursWrap) {
  Machine m = profile("spinnaker1-boards:3");
  auto nb = [&](int x, int y, unsigned l) {
    Machine::ChipId id = m.neighbour(m.chipId({x, y}), l);
    EXPECT_NE(id, Machine::InvalidChip);
    return m.coord(id);
  };
  EXPECT_EQ(nb(0, 0, West), (ChipCoord{11, 0}));
  EXPECT_EQ(nb(0, 0, South), (ChipCoord{0, 11}));
  EXPECT_EQ(nb(0, 0, SouthWest), (ChipCoord{11, 11}));
  EXPECT_EQ(nb(11, 11, NorthEast), (ChipCoord{0, 0}));
  EXPECT_EQ(nb(11, 5, East), (ChipCoord{0, 5}));
  EXPECT_EQ(nb(5, 11, North), (ChipCoord{5, 0}));
  EXPECT_EQ(nb(4, 4, NorthEast), (ChipCoord{5, 5}));
}

TEST(MachineTest, BoardEdgesHaveNoLinks) {
  Machine m = profile("spinnaker1");
  Machine::ChipId origin = m.chipId({0, 0});
  EXPECT_TRUE(m.isLinkAlive(origin, East));
  EXPECT_TRUE(m.isLinkAlive(origin, NorthEast));
  EXPECT_TRUE(m.isLinkAlive(origin, North));
  EXPECT_FALSE(m.isLinkAlive(origin, West));
  EXPECT_FALSE(m.isLinkAlive(origin, SouthWest));
  EXPECT_FALSE(m.isLinkAlive(origin, South));
  // (5, 0) is a gap of the hexagon, (5, 1) is not.
  Machine::ChipId c = m.chipId({4, 0});
  EXPECT_FALSE(m.isLinkAlive(c, East));
  EXPECT_TRUE(m.isLinkAlive(c, NorthEast));
}

TEST(MachineTest, HexDistanceEqualsBreadthFirstHops) {
  for (llvm::StringRef name : {"spinnaker1", "spinnaker1-boards:3"}) {
    Machine m = profile(name);
    for (Machine::ChipId a : m.liveChips()) {
      std::vector<int> dist = bfsDistances(m, a);
      for (Machine::ChipId b : m.liveChips()) {
        ASSERT_EQ((int)m.hexDistance(m.coord(a), m.coord(b)), dist[b])
            << name.str() << " from " << m.coord(a).x << "," << m.coord(a).y;
      }
    }
  }
  // Full rectangle mesh: every pair agrees with BFS.
  Machine mesh(spinnaker1Hardware(), 7, 5, Wrap::None);
  for (Machine::ChipId a : mesh.liveChips()) {
    std::vector<int> dist = bfsDistances(mesh, a);
    for (Machine::ChipId b : mesh.liveChips())
      ASSERT_EQ((int)mesh.hexDistance(mesh.coord(a), mesh.coord(b)), dist[b]);
  }
}

TEST(MachineTest, ShortestVectorCoversTheOffset) {
  Machine m(spinnaker1Hardware(), 12, 12, Wrap::Both);
  for (int x = 0; x < 12; ++x)
    for (int y = 0; y < 12; ++y) {
      HexVector v = m.shortestVector({3, 4}, {x, y});
      // x - z, y - z is the offset modulo the torus size.
      EXPECT_EQ(((3 + v.x - v.z) % 12 + 12) % 12, x);
      EXPECT_EQ(((4 + v.y - v.z) % 12 + 12) % 12, y);
      EXPECT_EQ(v.length(),
                (unsigned)(std::abs(v.x) + std::abs(v.y) + std::abs(v.z)));
    }
  // Hand examples: (0,0)->(3,3) is three NE hops, (0,0)->(2,-1) is three.
  EXPECT_EQ(minimalHexVector(3, 3).length(), 3u);
  EXPECT_EQ(minimalHexVector(2, -1).length(), 3u);
  EXPECT_EQ(minimalHexVector(-3, -1).length(), 3u);
  EXPECT_EQ(m.hexDistance({0, 0}, {11, 11}), 1u);
  EXPECT_EQ(m.hexDistance({0, 0}, {6, 0}), 6u);
  EXPECT_EQ(m.hexDistance({0, 0}, {6, 6}), 6u);
}

TEST(MachineTest, DeadLinkInOneOrBothDirections) {
  Machine m(spinnaker1Hardware(), 4, 4, Wrap::None);
  Machine::ChipId a = m.chipId({1, 1}), b = m.chipId({2, 1});
  m.killLink(a, East, /*bothDirections=*/false);
  EXPECT_EQ(m.neighbour(a, East), Machine::InvalidChip);
  EXPECT_EQ(m.neighbour(b, West), a);
  m.killLink(a, North, /*bothDirections=*/true);
  EXPECT_EQ(m.neighbour(a, North), Machine::InvalidChip);
  EXPECT_EQ(m.neighbour(m.chipId({1, 2}), South), Machine::InvalidChip);
}

TEST(MachineTest, DeadChipRemovesItsLinks) {
  Machine m(spinnaker1Hardware(), 4, 4, Wrap::None);
  Machine::ChipId c = m.chipId({1, 1});
  m.killChip(c);
  EXPECT_FALSE(m.isChipAlive(c));
  EXPECT_TRUE(m.chipExists(c));
  EXPECT_EQ(m.numLiveChips(), 15u);
  for (unsigned l = 0; l < NumLinks; ++l) {
    Machine::ChipId n = m.chipId(*m.linkTarget({1, 1}, l));
    EXPECT_FALSE(m.isLinkAlive(n, oppositeLink(l)));
    EXPECT_FALSE(m.isLinkAlive(c, l));
  }
  EXPECT_TRUE(m.applicationCores(c).empty());
}

TEST(MachineTest, DeadCoreIsSkipped) {
  Machine m = profile("spinnaker1");
  Machine::ChipId c = m.chipId({2, 2});
  m.killCore(c, 3);
  EXPECT_FALSE(m.isCoreAlive(c, 3));
  llvm::SmallVector<unsigned, 18> cores = m.applicationCores(c);
  std::vector<unsigned> expected = {1,  2,  4,  5,  6,  7,  8,  9,
                                    10, 11, 12, 13, 14, 15, 16, 17};
  EXPECT_EQ(std::vector<unsigned>(cores.begin(), cores.end()), expected);
}

} // namespace

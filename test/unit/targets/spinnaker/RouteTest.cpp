//===- RouteTest.cpp - Multicast routing tests ----------------------------===//
//
// Trees are checked by sending packets through the generated tables with a
// naive hop-by-hop simulator (Oracles.h): every target core must receive the
// packet exactly once, nothing else may, and no chip may see it twice.  Path
// lengths are compared with breadth-first hop counts on the link graph.
//
//===----------------------------------------------------------------------===//

#include "Oracles.h"

#include "targets/spinnaker/Router/Compress.h"
#include "targets/spinnaker/Router/Route.h"

#include "gtest/gtest.h"

#include <deque>

using namespace axon::spinnaker;
using namespace axon::spinnaker::testing;

namespace {

std::vector<int> bfsHops(const Machine &m, Machine::ChipId from) {
  std::vector<int> dist(m.numChipSlots(), -1);
  std::deque<Machine::ChipId> q{from};
  dist[from] = 0;
  while (!q.empty()) {
    Machine::ChipId u = q.front();
    q.pop_front();
    for (unsigned l = 0; l < NumLinks; ++l) {
      Machine::ChipId v = m.neighbour(u, l);
      if (v != Machine::InvalidChip && dist[v] < 0) {
        dist[v] = dist[u] + 1;
        q.push_back(v);
      }
    }
  }
  return dist;
}

std::map<unsigned, std::vector<RoutingEntry>>
tablesByChip(const Machine &m, const std::vector<RoutingTable> &tables,
             bool removeDefaults) {
  std::map<unsigned, std::vector<RoutingEntry>> out;
  for (const RoutingTable &t : tables)
    out[m.chipId({t.x, t.y})] =
        removeDefaults ? removeDefaultRoutes(t.entries) : t.entries;
  return out;
}

/// Random nets with distinct keys whose sources and targets are live.
NetList randomNets(const Machine &m, std::mt19937 &rng, unsigned n,
                   unsigned maxTargets) {
  NetList nets;
  auto liveChip = [&] {
    return m.coord(m.liveChips()[rng() % m.numLiveChips()]);
  };
  for (unsigned i = 0; i < n; ++i) {
    nets.addNet(liveChip(), (i + 1) << 8, 0xffffff00u);
    unsigned k = 1 + rng() % maxTargets;
    for (unsigned t = 0; t < k; ++t)
      nets.addTarget(liveChip(), 1 + rng() % 16);
  }
  return nets;
}

/// Every net's packet reaches exactly its target cores.
void expectDelivery(const Machine &m, const NetList &nets,
                    const std::vector<RoutingTable> &tables,
                    bool removeDefaults) {
  auto byChip = tablesByChip(m, tables, removeDefaults);
  for (unsigned i = 0; i < nets.size(); ++i) {
    std::set<std::pair<unsigned, unsigned>> expected;
    for (const RouteTarget &t : nets.targets(i))
      expected.insert({m.chipId(t.chip), t.core});
    Delivery d = simulatePacket(m, byChip, m.chipId(nets.net(i).source),
                                nets.net(i).key);
    ASSERT_EQ(d.error, "") << "net " << i;
    ASSERT_EQ(d.cores, expected) << "net " << i;
  }
}

TEST(RouteTest, SingleTargetHopsEqualHexDistance) {
  std::mt19937 rng(7);
  for (Wrap wrap : {Wrap::None, Wrap::Both}) {
    Machine m(spinnaker1Hardware(), 12, 12, wrap);
    MulticastRouter router(m);
    for (int trial = 0; trial < 300; ++trial) {
      Machine::ChipId a = rng() % 144, b = rng() % 144;
      std::vector<TreeNode> tree;
      llvm::Error e = router.route(m.coord(a), {{m.coord(b), 2}}, tree);
      ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
      int hops = bfsHops(m, a)[b];
      ASSERT_EQ((int)tree.size(), hops + 1);
      EXPECT_EQ(tree.back().chip, b);
      EXPECT_EQ(tree.back().route, routeCoreBit(2));
    }
    EXPECT_EQ(router.fallbacks(), 0u);
  }
}

TEST(RouteTest, StraightLineTableByHand) {
  Machine m(spinnaker1Hardware(), 4, 1, Wrap::None);
  NetList nets;
  nets.addNet({0, 0}, 0x100, 0xffffff00u);
  nets.addTarget({3, 0}, 1);
  nets.addTarget({3, 0}, 5);
  nets.addNet({3, 0}, 0x200, 0xffffff00u);
  nets.addTarget({2, 0}, 4);
  MulticastRouter router(m);
  llvm::Expected<RoutingTrees> trees = router.routeAll(nets);
  ASSERT_TRUE(bool(trees)) << llvm::toString(trees.takeError());
  std::vector<RoutingTable> tables = buildRoutingTables(m, nets, *trees);
  ASSERT_EQ(tables.size(), 4u);
  uint32_t east = routeLinkBit(East), west = routeLinkBit(West);
  // (0, 0): source of net 0, sends East; not defaultable (from a core).
  EXPECT_EQ(tables[0].entries,
            (std::vector<RoutingEntry>{{0x100, 0xffffff00u, east, false}}));
  // (1, 0): straight through from the West link -> defaultable.
  EXPECT_EQ(tables[1].entries,
            (std::vector<RoutingEntry>{{0x100, 0xffffff00u, east, true}}));
  // (2, 0): net 0 passes straight through; net 1 delivers to core 4.
  EXPECT_EQ(tables[2].entries,
            (std::vector<RoutingEntry>{
                {0x100, 0xffffff00u, east, true},
                {0x200, 0xffffff00u, routeCoreBit(4), false}}));
  // (3, 0): net 0 delivers to cores 1 and 5; net 1 leaves West.
  EXPECT_EQ(tables[3].entries,
            (std::vector<RoutingEntry>{
                {0x100, 0xffffff00u, routeCoreBit(1) | routeCoreBit(5), false},
                {0x200, 0xffffff00u, west, false}}));
}

TEST(RouteTest, RandomNetsOnTorusDeliverExactly) {
  std::mt19937 rng(11);
  Machine m(spinnaker1Hardware(), 12, 12, Wrap::Both);
  NetList nets = randomNets(m, rng, 400, 12);
  MulticastRouter router(m);
  llvm::Expected<RoutingTrees> trees = router.routeAll(nets);
  ASSERT_TRUE(bool(trees)) << llvm::toString(trees.takeError());
  std::vector<RoutingTable> tables = buildRoutingTables(m, nets, *trees);
  expectDelivery(m, nets, tables, /*removeDefaults=*/false);
  // Default routing must take over exactly where entries were dropped.
  expectDelivery(m, nets, tables, /*removeDefaults=*/true);
}

TEST(RouteTest, DetourAroundDeadChip) {
  Machine m(spinnaker1Hardware(), 3, 3, Wrap::None);
  m.killChip(m.chipId({1, 1}));
  MulticastRouter router(m);
  std::vector<TreeNode> tree;
  llvm::Error e = router.route({0, 0}, {{{2, 2}, 3}}, tree);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  // Two NE hops would cross (1, 1); the shortest live path has 3 hops.
  EXPECT_EQ(tree.size(), 4u);
  for (const TreeNode &n : tree)
    EXPECT_NE(n.chip, m.chipId({1, 1}));
  EXPECT_EQ(router.fallbacks(), 1u);
}

TEST(RouteTest, RoutesAvoidDeadLinksAndChips) {
  std::mt19937 rng(5);
  Machine m(spinnaker1Hardware(), 12, 12, Wrap::Both);
  for (int i = 0; i < 10; ++i)
    m.killChip(rng() % 144);
  for (int i = 0; i < 30; ++i)
    m.killLink(rng() % 144, rng() % 6, /*bothDirections=*/i % 2 == 0);
  NetList nets = randomNets(m, rng, 300, 10);
  MulticastRouter router(m);
  llvm::Expected<RoutingTrees> trees = router.routeAll(nets);
  ASSERT_TRUE(bool(trees)) << llvm::toString(trees.takeError());
  EXPECT_GT(trees->fallbacks, 0u);
  for (unsigned i = 0; i < nets.size(); ++i) {
    llvm::ArrayRef<TreeNode> tree = trees->tree(i);
    for (const TreeNode &n : tree) {
      ASSERT_TRUE(m.isChipAlive(n.chip));
      if (n.parent < 0)
        continue;
      unsigned out = oppositeLink(n.inLink);
      ASSERT_TRUE(m.isLinkAlive(tree[n.parent].chip, out));
      ASSERT_EQ(m.neighbour(tree[n.parent].chip, out), n.chip);
    }
  }
  std::vector<RoutingTable> tables = buildRoutingTables(m, nets, *trees);
  expectDelivery(m, nets, tables, /*removeDefaults=*/false);
  expectDelivery(m, nets, tables, /*removeDefaults=*/true);
}

TEST(RouteTest, BoardWithGapsRoutesAroundThem) {
  std::mt19937 rng(3);
  llvm::Expected<Machine> m = Machine::fromProfile("spinnaker1-boards:2");
  ASSERT_TRUE(bool(m));
  NetList nets = randomNets(*m, rng, 200, 8);
  MulticastRouter router(*m);
  llvm::Expected<RoutingTrees> trees = router.routeAll(nets);
  ASSERT_TRUE(bool(trees)) << llvm::toString(trees.takeError());
  expectDelivery(*m, nets, buildRoutingTables(*m, nets, *trees), true);
}

TEST(RouteTest, Errors) {
  Machine m(spinnaker1Hardware(), 3, 1, Wrap::None);
  m.killChip(m.chipId({2, 0}));
  MulticastRouter router(m);
  NetList nets;
  nets.addNet({0, 0}, 0x100, 0xffffff00u);
  nets.addTarget({2, 0}, 1);
  llvm::Expected<RoutingTrees> t = router.routeAll(nets);
  ASSERT_FALSE(bool(t));
  EXPECT_EQ(llvm::toString(t.takeError()),
            "net 0 (key 0x00000100): target chip (2, 0) is not a live chip");

  Machine cut(spinnaker1Hardware(), 3, 1, Wrap::None);
  cut.killLink(cut.chipId({0, 0}), East, /*bothDirections=*/true);
  MulticastRouter cutRouter(cut);
  std::vector<TreeNode> tree;
  llvm::Error e = cutRouter.route({0, 0}, {{{2, 0}, 1}}, tree);
  EXPECT_EQ(llvm::toString(std::move(e)),
            "no live path reaches chip (2, 0) from the tree");
  EXPECT_TRUE(tree.empty());

  llvm::Error c = cutRouter.route({0, 0}, {{{0, 0}, 18}}, tree);
  EXPECT_EQ(llvm::toString(std::move(c)),
            "target core 18 on chip (0, 0) is not a live core a route word "
            "can address (0..17)");
}

} // namespace

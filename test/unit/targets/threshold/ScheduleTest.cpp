//===- ScheduleTest.cpp - TULIP-style schedule tests ------------*- C++ -*-===//
//
// Cycle counts on a five-gate netlist computed by hand, plus an independent
// dependency/capacity check on a legalized network.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Schedule.h"
#include "targets/threshold/Core/BinarizedNetwork.h"
#include "targets/threshold/Core/Legalize.h"

#include "gtest/gtest.h"

#include <random>

using namespace axon::threshold;

namespace {

/// g0(x0,x1) g1(x2,x3) g2(x0,x2) g3(g0,g1) g4(g3,g2).  Heights: g0 = g1 = 3,
/// g2 = g3 = 2, g4 = 1; the critical path is g0 -> g3 -> g4.
Netlist fiveGates() {
  Netlist net("five");
  for (unsigned i = 0; i != 4; ++i)
    net.addInput("x" + std::to_string(i));
  auto gate = [&](SignalId a, SignalId b) {
    Gate g;
    g.inputs = {a, b};
    g.weights = {1, 1};
    g.threshold = 1;
    return net.addGate(g);
  };
  SignalId g0 = gate(0, 1), g1 = gate(2, 3), g2 = gate(0, 2);
  SignalId g3 = gate(g0, g1);
  net.addOutput("y", gate(g3, g2));
  return net;
}

/// Independent check: every gate input was produced in an earlier cycle and
/// no cycle holds more gates than there are cells.
void checkDependencies(const Netlist &net, const TulipSchedule &s,
                       unsigned capacity) {
  std::vector<unsigned> count(s.cycles + 1, 0);
  for (unsigned g = 0; g != net.gates.size(); ++g) {
    if (net.gates[g].isConstant())
      continue;
    ++count[s.gates[g].cycle];
    for (SignalId in : net.gates[g].inputs) {
      if (in >= net.numInputs() &&
          !net.gates[in - net.numInputs()].isConstant()) {
        EXPECT_LT(s.gates[in - net.numInputs()].cycle, s.gates[g].cycle);
      }
    }
  }
  for (unsigned c = 1; c <= s.cycles; ++c)
    EXPECT_LE(count[c], capacity);
}

} // namespace

TEST(Schedule, HandComputedCycles) {
  Netlist net = fiveGates();
  struct Case {
    unsigned pes, cells, cycles;
  } cases[] = {
      {1, 1, 5}, // one cell: one gate per cycle
      {1, 2, 3}, // c1: g0 g1, c2: g2 g3, c3: g4
      {2, 2, 3}, // the critical path bounds it
      {1, 3, 3}, // c1: g0 g1 g2, c2: g3, c3: g4
  };
  for (const Case &c : cases) {
    TulipConfig config;
    config.numPEs = c.pes;
    config.cellsPerPE = c.cells;
    llvm::Expected<TulipSchedule> s = scheduleTulip(net, config);
    ASSERT_TRUE(bool(s)) << llvm::toString(s.takeError());
    EXPECT_EQ(s->cycles, c.cycles) << c.pes << "x" << c.cells;
    EXPECT_EQ(s->evaluations, 5u);
    EXPECT_DOUBLE_EQ(s->utilisation, 5.0 / (c.cycles * c.pes * c.cells));
    checkDependencies(net, *s, c.pes * c.cells);
    llvm::Error err = verifySchedule(net, *s, config);
    EXPECT_FALSE(bool(err)) << llvm::toString(std::move(err));
  }
}

TEST(Schedule, CriticalPathGoesFirst) {
  // With two cells, g0 and g1 (height 3) must win cycle 1 over g2 (height
  // 2); then g2 and g3 share cycle 2.
  Netlist net = fiveGates();
  TulipConfig config;
  config.numPEs = 1;
  config.cellsPerPE = 2;
  llvm::Expected<TulipSchedule> s = scheduleTulip(net, config);
  ASSERT_TRUE(bool(s));
  EXPECT_EQ(s->gates[0].cycle, 1u);
  EXPECT_EQ(s->gates[1].cycle, 1u);
  EXPECT_EQ(s->gates[2].cycle, 2u);
  EXPECT_EQ(s->gates[3].cycle, 2u);
  EXPECT_EQ(s->gates[4].cycle, 3u);
  EXPECT_EQ(s->perCycle, (std::vector<unsigned>{2, 2, 1}));
  // Values alive per cycle: c1 x0..x3; c2 x0 x2 g0 g1; c3 g2 g3.
  EXPECT_EQ(s->peakLiveValues, 4u);
}

TEST(Schedule, LegalizedNetworkRespectsDependencies) {
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> ternary(-1, 1);
  BinarizedNetwork bnn;
  BinaryLayer l0{"fc0", 24, 12, {}, {}}, l1{"fc1", 12, 4, {}, {}};
  for (unsigned i = 0; i != 24 * 12; ++i)
    l0.weights.push_back(ternary(rng));
  for (unsigned i = 0; i != 12 * 4; ++i)
    l1.weights.push_back(ternary(rng));
  bnn.layers = {l0, l1};
  llvm::Expected<Netlist> net = buildNetlist(bnn);
  ASSERT_TRUE(bool(net));
  CellLibrary lib;
  lib.maxFanIn = 4;
  llvm::Expected<Netlist> legal = legalize(*net, lib);
  ASSERT_TRUE(bool(legal));
  TulipConfig config;
  config.numPEs = 4;
  config.cellsPerPE = 4;
  config.cellFanIn = 4;
  llvm::Expected<TulipSchedule> s = scheduleTulip(*legal, config);
  ASSERT_TRUE(bool(s)) << llvm::toString(s.takeError());
  checkDependencies(*legal, *s, 16);
  unsigned cells = 0;
  for (const Gate &g : legal->gates)
    cells += !g.isConstant();
  EXPECT_EQ(s->evaluations, cells);
  // Lower bounds: the depth and the work divided by the cells.
  EXPECT_GE(s->cycles, legal->depth());
  EXPECT_GE(s->cycles, (cells + 15) / 16);
  // An unlegalized netlist does not fit the cells.
  llvm::Expected<TulipSchedule> wide = scheduleTulip(*net, config);
  ASSERT_FALSE(bool(wide));
  EXPECT_NE(llvm::toString(wide.takeError()).find("legalize first"),
            std::string::npos);
}

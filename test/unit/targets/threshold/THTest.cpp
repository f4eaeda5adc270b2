//===- THTest.cpp - threABC .th writer/parser tests -------------*- C++ -*-===//
//
// The exact text written for a small netlist (the grammar documented in
// docs/targets/threshold.md), round trips of legalized networks, files in
// threABC's own layout, and one case per parser diagnostic with its line.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/TH.h"
#include "targets/threshold/Core/BinarizedNetwork.h"
#include "targets/threshold/Core/Legalize.h"

#include "gtest/gtest.h"

#include <random>

using namespace axon::threshold;

namespace {

std::string toTH(const Netlist &net) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeTH(net, os);
  return text;
}

} // namespace

TEST(TH, ExactTextOfASmallNetlist) {
  Netlist net("and or");
  net.addInput("a");
  net.addInput("b");
  SignalId g = net.addGate(Gate{{0, 1}, {1, -1}, 1, -1});
  SignalId one = net.addGate(Gate{{}, {}, 0, -1});
  net.addOutput("y", g);
  net.addOutput("z", one);
  net.addOutput("w", 1);
  EXPECT_EQ(toTH(net), "Threshold logic gate list written by Axon: y = [sum w "
                       "x >= T]\n"
                       ".model and_or\n"
                       ".input 1 2\n"
                       ".output 5 6 7\n"
                       ".threshold 3 5\n1 1\n"
                       ".threshold 4 6\n1 1\n"
                       ".threshold 2 7\n1 1\n"
                       ".threshold 1 2 3\n1 -1 1\n"
                       ".threshold CONST1 4\n1 1\n"
                       ".end\n");
}

TEST(TH, RoundTripOfALegalizedNetwork) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> ternary(-1, 1);
  BinarizedNetwork bnn;
  BinaryLayer l0{"fc0", 20, 8, {}, {}}, l1{"fc1", 8, 4, {}, {}};
  for (unsigned i = 0; i != 160; ++i)
    l0.weights.push_back(ternary(rng));
  for (unsigned i = 0; i != 32; ++i)
    l1.weights.push_back(ternary(rng));
  bnn.layers = {l0, l1};
  llvm::Expected<Netlist> net = buildNetlist(bnn);
  ASSERT_TRUE(bool(net));
  for (unsigned k : {3u, 5u}) {
    CellLibrary lib;
    lib.maxFanIn = k;
    llvm::Expected<Netlist> legal = legalize(*net, lib);
    ASSERT_TRUE(bool(legal));
    std::string text = toTH(*legal);
    llvm::Expected<Netlist> back = parseTH(text);
    ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
    EXPECT_EQ(back->gates.size(), legal->gates.size());
    EXPECT_EQ(back->numInputs(), 20u);
    ASSERT_EQ(back->outputs.size(), 4u);
    // Same text again: the parse is faithful up to names.
    EXPECT_EQ(toTH(*back), text);
    std::vector<uint8_t> in(20);
    std::uniform_int_distribution<int> bit(0, 1);
    for (unsigned trial = 0; trial != 2000; ++trial) {
      for (uint8_t &b : in)
        b = bit(rng);
      ASSERT_EQ(back->evaluate(in), net->evaluate(in));
    }
  }
}

TEST(TH, ParsesThreABCLayout) {
  // Output buffers first, gates out of order, CONST1, the .inputs spelling
  // and no .end.  y = [2 x1 - x2 + 1 >= 2], z = [x1 + y >= 2] = x1 AND y.
  const char *text = "Threshold logic gate list written by NZ.\n"
                     ".model demo\n"
                     ".inputs 1 2\n"
                     ".outputs 7 8\n"
                     ".threshold 5 7\n"
                     "1 1\n"
                     ".threshold 6 8\n"
                     "1 1\n"
                     "\n"
                     ".threshold 1 5 6\n"
                     "1 1 2\n"
                     ".threshold 1 2 CONST1 5\n"
                     "2 -1 1 2\n";
  llvm::Expected<Netlist> net = parseTH(text);
  ASSERT_TRUE(bool(net)) << llvm::toString(net.takeError());
  EXPECT_EQ(net->name, "demo");
  EXPECT_EQ(net->gates.size(), 2u); // the buffers fold away
  for (unsigned v = 0; v != 4; ++v) {
    int x1 = v & 1, x2 = v >> 1;
    bool y = 2 * x1 - x2 + 1 >= 2;
    bool z = x1 && y;
    EXPECT_EQ(net->evaluate({uint8_t(x1), uint8_t(x2)}),
              (std::vector<uint8_t>{y, z}));
  }
}

TEST(TH, DiagnosticsNameTheLine) {
  struct Case {
    const char *text;
    const char *where;
    const char *message;
  } cases[] = {
      {"hdr\n.model m\n.input 1\n.output 2\n.threshold 1 2\n1\n",
       "<th>:6:", "expected 1 weights and a threshold, got 1 numbers"},
      {"hdr\n.model m\n.input 1\n.output 2\n.threshold 1 2\n1 x\n",
       "<th>:6:", "'x' is not an integer"},
      {"hdr\n.model m\n.input 1\n.output 2\n.threshold 9 2\n1 1\n",
       "<th>:5:", "reads undefined signal '9'"},
      {"hdr\n.input 1\n.output 3\n.threshold 1 2\n1 1\n",
       "<th>:3:", "output '3' is never defined"},
      {"hdr\n.input 1 1\n", "<th>:2:", "defined more than once"},
      {"hdr\n.input 1\n.frobnicate\n", "<th>:3:", "unknown directive"},
      {"hdr\n.input 1\n.output 2\n.threshold 1 2\n",
       "<th>:4:", "must be followed by a line of weights"},
      {"hdr\n.input 1\n.output 2\n.threshold 1 2\n1 1\n42\n",
       "<th>:6:", "expected a directive"},
      {"hdr\n.input 1\n.output 3\n.threshold 1 3 2\n1 1 1\n"
       ".threshold 2 3\n1 1\n",
       "<th>:4:", "combinational cycle"},
      {"hdr\n.input CONST1\n", "<th>:2:", "cannot be redefined"},
      {"hdr\n.input 1\n.input 2\n", "<th>:3:", "duplicate '.input'"},
  };
  for (const Case &c : cases) {
    llvm::Expected<Netlist> net = parseTH(c.text);
    ASSERT_FALSE(bool(net)) << c.text;
    std::string msg = llvm::toString(net.takeError());
    EXPECT_EQ(msg.rfind(c.where, 0), 0u) << msg;
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
  }
}

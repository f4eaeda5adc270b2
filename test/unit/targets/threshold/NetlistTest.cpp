//===- NetlistTest.cpp - Netlist, report and cell-library tests -*- C++ -*-===//
//
// Small netlists whose values, levels and costs are worked out by hand.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/CellLibrary.h"
#include "targets/threshold/Core/GateBuilder.h"
#include "targets/threshold/Core/Report.h"

#include "gtest/gtest.h"

using namespace axon::threshold;

namespace {

/// a = MAJ(x0, x1, x2) [layer 0], b = x0 AND NOT x1 [layer 0],
/// y = a OR b [layer 1], plus a dead gate and a constant 1.
Netlist sample() {
  Netlist net("sample");
  for (unsigned i = 0; i != 3; ++i)
    net.addInput("x" + std::to_string(i));
  Gate maj{{0, 1, 2}, {1, 1, 1}, 2, 0};
  Gate andNot{{0, 1}, {1, -1}, 1, 0};
  SignalId a = net.addGate(maj), b = net.addGate(andNot);
  Gate orGate{{a, b}, {1, 1}, 1, 1};
  SignalId y = net.addGate(orGate);
  net.addGate(Gate{{0}, {1}, 1, 1}); // dead buffer
  SignalId one = net.addGate(Gate{{}, {}, -2, 1});
  net.addOutput("y", y);
  net.addOutput("one", one);
  return net;
}

} // namespace

TEST(Netlist, EvaluateAndLevels) {
  Netlist net = sample();
  ASSERT_FALSE(bool(net.verify()));
  for (unsigned v = 0; v != 8; ++v) {
    bool x0 = v & 1, x1 = v & 2, x2 = v & 4;
    bool maj = x0 + x1 + x2 >= 2;
    std::vector<uint8_t> out = net.evaluate({x0, x1, x2});
    EXPECT_EQ(out, (std::vector<uint8_t>{maj || (x0 && !x1), 1}));
    NetlistEvaluator eval(net);
    EXPECT_EQ(eval.evaluatePattern(v), uint64_t(maj || (x0 && !x1)) | 2);
  }
  std::vector<unsigned> level = net.levels();
  EXPECT_EQ(level, (std::vector<unsigned>{0, 0, 0, 1, 1, 2, 1, 0}));
  EXPECT_EQ(net.depth(), 2u);
}

TEST(Netlist, PrunedDropsDeadGates) {
  Netlist net = sample();
  Netlist p = net.pruned();
  ASSERT_FALSE(bool(p.verify()));
  EXPECT_EQ(p.gates.size(), 4u);
  for (unsigned v = 0; v != 8; ++v) {
    std::vector<uint8_t> in = {uint8_t(v & 1), uint8_t(v >> 1 & 1),
                               uint8_t(v >> 2 & 1)};
    EXPECT_EQ(p.evaluate(in), net.evaluate(in));
  }
}

TEST(Netlist, VerifyRejectsBrokenNetlists) {
  Netlist net = sample();
  net.gates[0].inputs[0] = 4; // reads itself's successor
  llvm::Error err = net.verify();
  ASSERT_TRUE(bool(err));
  EXPECT_NE(llvm::toString(std::move(err)).find("not defined before"),
            std::string::npos);
  Netlist dup = sample();
  dup.addOutput("y", 0);
  err = dup.verify();
  ASSERT_TRUE(bool(err));
  EXPECT_NE(llvm::toString(std::move(err)).find("duplicate output"),
            std::string::npos);
}

TEST(Report, HandComputedCosts) {
  // Default model: area = 4 + n, energy = 2 + 0.5 n.  Live cells after
  // pruning: MAJ3 (3 pins), AND-NOT (2), OR (2); the constant is no cell.
  CellLibrary lib;
  NetlistReport r = computeReport(sample().pruned(), lib);
  EXPECT_EQ(r.gates, 3u);
  EXPECT_EQ(r.constants, 1u);
  EXPECT_EQ(r.depth, 2u);
  EXPECT_EQ(r.maxFanIn, 3u);
  EXPECT_DOUBLE_EQ(r.area, 7 + 6 + 6);
  EXPECT_DOUBLE_EQ(r.energy, 3.5 + 3 + 3);
  EXPECT_EQ(r.cellsByFanIn, (std::map<unsigned, unsigned>{{2, 2}, {3, 1}}));
  ASSERT_EQ(r.layers.size(), 2u);
  EXPECT_EQ(r.layers[0].tag, 0);
  EXPECT_EQ(r.layers[0].gates, 2u);
  EXPECT_EQ(r.layers[0].levels, 1u);
  EXPECT_EQ(r.layers[1].gates, 1u);
  EXPECT_EQ(r.layers[1].levels, 1u);
  std::string text;
  llvm::raw_string_ostream os(text);
  printReport(r, os);
  EXPECT_NE(text.find("cells 3"), std::string::npos);
  llvm::json::Value json = reportToJSON(r);
  EXPECT_EQ(json.getAsObject()->getInteger("cells"), 3);
}

TEST(CellLibrary, JSONRoundTrip) {
  CellLibrary lib;
  lib.name = "tulip-like";
  lib.maxFanIn = 5;
  lib.maxWeight = 2;
  lib.areaBase = 3.5;
  lib.energyPerInput = 0.25;
  std::string text;
  llvm::raw_string_ostream os(text);
  writeCellLibraryJSON(lib, os);
  EXPECT_NE(text.find("\"TLG_5\""), std::string::npos);
  // TLG_5: 3.5 + 1.0 * 5 = 8.5
  EXPECT_NE(text.find("8.5"), std::string::npos);
  llvm::Expected<CellLibrary> back = parseCellLibraryJSON(text);
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  EXPECT_EQ(back->name, "tulip-like");
  EXPECT_EQ(back->maxFanIn, 5u);
  EXPECT_EQ(back->maxWeight, 2);
  EXPECT_DOUBLE_EQ(back->areaBase, 3.5);
  EXPECT_DOUBLE_EQ(back->energyPerInput, 0.25);
  // Writing twice gives the same bytes.
  std::string again;
  llvm::raw_string_ostream os2(again);
  writeCellLibraryJSON(*back, os2);
  EXPECT_EQ(text, again);
}

TEST(CellLibrary, RejectsBadLibraries) {
  llvm::Expected<CellLibrary> lib = parseCellLibraryJSON(R"({"maxFanIn": 1})");
  ASSERT_FALSE(bool(lib));
  EXPECT_NE(llvm::toString(lib.takeError()).find("maxFanIn must be at least"),
            std::string::npos);
  lib = parseCellLibraryJSON("{");
  ASSERT_FALSE(bool(lib));
  llvm::consumeError(lib.takeError());
  lib = parseCellLibraryJSON(R"({"model": {"area": {"base": "x"}}})");
  ASSERT_FALSE(bool(lib));
  llvm::consumeError(lib.takeError());
}

TEST(GateBuilder, CanonicalFormAndSharing) {
  Netlist net("b");
  for (unsigned i = 0; i != 3; ++i)
    net.addInput("x" + std::to_string(i));
  CellLibrary lib;
  lib.maxWeight = 1; // +-1 cells: a weight-2 input takes two pins
  GateBuilder b(net, lib);
  Lit x0 = Lit::of(0), x1 = Lit::of(1), x2 = Lit::of(2);
  // 4 x0 + 2 x1 + 2 x2 >= 4: x0 decides alone, weights clip to (4, 2, 2)
  // then divide by 2: 2 x0 + x1 + x2 >= 2.
  NormalGate g = b.normalize({{x0, 5}, {x1, 2}, {x2, 2}}, 4);
  ASSERT_EQ(g.kind, NormalGate::Real);
  EXPECT_EQ(llvm::ArrayRef(g.weights), llvm::ArrayRef<int64_t>({2, 1, 1}));
  EXPECT_EQ(g.threshold, 2);
  EXPECT_EQ(g.pins, 4u);
  // Constants and single literals need no gate.
  EXPECT_EQ(b.emit({{x0, 1}, {x1, 1}}, 3), Lit::constant(false));
  EXPECT_EQ(b.emit({{x0, 1}, {Lit::constant(true), 1}}, 2), x0);
  EXPECT_EQ(b.emit({{x0, -3}}, -1), !x0);
  EXPECT_TRUE(net.gates.empty());
  // NOT x0 written through a complemented literal folds into the weights.
  Lit g1 = b.emit({{!x0, 1}, {x1, 1}}, 2); // (1 - x0) + x1 >= 2
  ASSERT_EQ(net.gates.size(), 1u);
  EXPECT_EQ(llvm::ArrayRef(net.gates[0].weights),
            llvm::ArrayRef<int64_t>({-1, 1}));
  EXPECT_EQ(net.gates[0].threshold, 1);
  // The same gate again is shared; its complement is the negated literal.
  EXPECT_EQ(b.emit({{x1, 1}, {!x0, 1}}, 2), g1);
  EXPECT_EQ(b.emit({{x0, 1}, {x1, -1}}, 0), !g1);
  EXPECT_EQ(net.gates.size(), 1u);
  // Rollback removes gates and their hash entries.
  GateBuilder::Checkpoint cp = b.checkpoint();
  b.emit({{x0, 1}, {x1, 1}, {x2, 1}}, 2);
  EXPECT_EQ(net.gates.size(), 2u);
  b.rollback(cp);
  EXPECT_EQ(net.gates.size(), 1u);
  b.emit({{x0, 1}, {x1, 1}, {x2, 1}}, 2);
  EXPECT_EQ(net.gates.size(), 2u);
}

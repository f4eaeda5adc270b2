//===- CostModelTest.cpp - Analytic area model by hand ----------*- C++ -*-===//
//
// Adder counts are drawn by hand (ripple-carry adders, incrementers, carry-save
// columns) and the gate areas come from the EGFET cell areas in
// shared/pdk/README.md.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/CostModel.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace axon::printed;

namespace {

void expectCount(const HeapCount &h, unsigned fa, unsigned faC, unsigned ha,
                 unsigned haC) {
  EXPECT_EQ(h.fullAdders, fa);
  EXPECT_EQ(h.fullAddersConst, faC);
  EXPECT_EQ(h.halfAdders, ha);
  EXPECT_EQ(h.halfAddersConst, haC);
}

TEST(CostModel, GateAreasFromCells) {
  GateCosts g = GateCosts::egfet();
  EXPECT_DOUBLE_EQ(g.fullAdder, 2 * 1042800.0 + 3 * 247860.0);
  EXPECT_DOUBLE_EQ(g.halfAdder, 1042800.0 + 433500.0);
  EXPECT_DOUBLE_EQ(g.fullAdderConst, 1347557.0 + 563530.0);
  EXPECT_DOUBLE_EQ(g.halfAdderConst, 228420.0);
}

TEST(CostModel, LibertyAreasMatchDefaults) {
  auto cells =
      readCellAreasLiberty(std::string(AXON_SHARED_DIR) + "/pdk/egfet.lib");
  ASSERT_TRUE(bool(cells)) << llvm::toString(cells.takeError());
  CellAreas d;
  EXPECT_EQ(cells->inv, d.inv);
  EXPECT_EQ(cells->nand2, d.nand2);
  EXPECT_EQ(cells->nor2, d.nor2);
  EXPECT_EQ(cells->and2, d.and2);
  EXPECT_EQ(cells->or2, d.or2);
  EXPECT_EQ(cells->xor2, d.xor2);
  EXPECT_EQ(cells->xnor2, d.xnor2);
  EXPECT_FALSE(bool(readCellAreasLiberty("/nonexistent.lib")));
}

TEST(CostModel, RippleCarryAdder) {
  // a + b, 4 bits each, 5-bit sum: HA at bit 0, FA at bits 1..3.
  expectCount(reduceBitHeap({2, 2, 2, 2}, 0, 5), 3, 0, 1, 0);
  // Modulo 2^4 the adders are the same (the last carry is dropped).
  expectCount(reduceBitHeap({2, 2, 2, 2}, 0, 4), 3, 0, 1, 0);
}

TEST(CostModel, ThreeOperandColumns) {
  // Three 2-bit operands: bit 0 FA; bit 1 (3 + 1 carry) FA then HA; bit 2
  // (two carries) HA.
  expectCount(reduceBitHeap({3, 3}, 0, 4), 2, 0, 2, 0);
}

TEST(CostModel, ConstantBits) {
  // x + 1 (2 bits): bit 0 is an inverter, bit 1 a half adder.
  expectCount(reduceBitHeap({1, 1}, 1, 3), 0, 0, 1, 1);
  // a + b + 1 at one column: one full adder with a constant input.
  expectCount(reduceBitHeap({2}, 1, 2), 0, 1, 0, 0);
  // Constants alone need no gates.
  expectCount(reduceBitHeap({}, 5, 3), 0, 0, 0, 0);
}

TEST(CostModel, CarryOnlyColumns) {
  // a + b with the two low sum bits unread: bit 0 keeps only the carry of
  // its half adder (AND2), bit 1 only the carry of its full adder (majority).
  HeapCount h = reduceBitHeap({2, 2, 2, 2}, 0, 5, /*carryOnlyBelow=*/2);
  EXPECT_EQ(h.carryHalfAdders, 1u);
  EXPECT_EQ(h.carryFullAdders, 1u);
  EXPECT_EQ(h.fullAdders, 2u);
  EXPECT_EQ(h.halfAdders, 0u);
  GateCosts g = GateCosts::egfet();
  EXPECT_DOUBLE_EQ(h.area(g),
                   433500.0 + (3 * 247860.0 + 563530.0) + 2 * g.fullAdder);
  // A column of 4 bits: the full adder's sum still feeds the half adder that
  // ends the column, and only that half adder is carry-only; bit 1 (two
  // carries) is a normal half adder.
  h = reduceBitHeap({4}, 0, 3, 1);
  EXPECT_EQ(h.fullAdders, 1u);
  EXPECT_EQ(h.carryHalfAdders, 1u);
  EXPECT_EQ(h.carryFullAdders, 0u);
  EXPECT_EQ(h.halfAdders, 1u);
}

TEST(CostModel, SubtractingNeuronByHand) {
  // One layer, two classes: acc0 = x0 - x1 (range [-15, 15], 5 bits), acc1 = 0.
  IntMLP m;
  IntLayer l;
  l.numInputs = 2;
  l.numOutputs = 2;
  l.weights = {1, -1, 0, 0};
  l.biases = {0, 0};
  l.pruneBits = {0, 0};
  m.layers.push_back(l);
  GateCosts g = GateCosts::egfet();
  AreaReport r = estimateArea(m, g);
  // x0 + ~x1 + 1 over 5 bits: bit 0 FA with constant, bits 1-3 FA, bit 4
  // (carry + sign-extension 1) inverter; 4 inverters for ~x1.
  const NeuronCost &n0 = r.neurons[0][0];
  expectCount(n0.pos, 0, 0, 0, 0);
  expectCount(n0.neg, 0, 0, 0, 0);
  expectCount(n0.sub, 3, 1, 0, 1);
  EXPECT_EQ(n0.inverters, 4u);
  EXPECT_DOUBLE_EQ(r.neurons[0][1].area, 0.0);
  // Argmax of a 5-bit and a 1-bit value: one 5-bit comparator, no muxes.
  EXPECT_DOUBLE_EQ(r.argmax, 5 * g.compareBit);
  double want = 3 * g.fullAdder + g.fullAdderConst + g.halfAdderConst +
                4 * g.inverter + 5 * g.compareBit;
  EXPECT_DOUBLE_EQ(r.total, want);
}

TEST(CostModel, HiddenActivationByHand) {
  // h = relu(x0 - 8) truncated: acc in [-8, 7] (4 bits), shift 1, 2 bits:
  // max h = 7 >> 1 = 3, no saturation; sign mask: 2 AND + 1 INV.
  IntMLP m;
  IntLayer h;
  h.numInputs = 1;
  h.numOutputs = 1;
  h.weights = {1};
  h.biases = {-8};
  h.pruneBits = {0};
  h.actShift = 1;
  h.actBits = 2;
  IntLayer out;
  out.numInputs = 1;
  out.numOutputs = 2;
  out.weights = {1, 0};
  out.biases = {0, 1};
  out.pruneBits = {0, 0};
  m.layers = {h, out};
  GateCosts g = GateCosts::egfet();
  AreaReport r = estimateArea(m, g);
  EXPECT_DOUBLE_EQ(r.neurons[0][0].activation, 2 * g.and2 + g.inverter);
  // With 1 output bit the activation saturates: 7 >> 1 = 3 > 1, the OR of
  // acc bit 2 forces the output: one OR2, no OR tree.
  m.layers[0].actBits = 1;
  r = estimateArea(m, g);
  EXPECT_DOUBLE_EQ(r.neurons[0][0].activation, g.and2 + g.inverter + g.or2);
}

TEST(CostModel, DeadHiddenNeuronsCostNothing) {
  IntMLP m;
  IntLayer h;
  h.numInputs = 2;
  h.numOutputs = 2;
  h.weights = {3, 5, 7, -9};
  h.biases = {0, 0};
  h.pruneBits = {0, 0};
  IntLayer out;
  out.numInputs = 2;
  out.numOutputs = 2;
  out.weights = {1, 0, -1, 0}; // hidden neuron 1 is never read
  out.biases = {0, 0};
  out.pruneBits = {0, 0};
  m.layers = {h, out};
  GateCosts g = GateCosts::egfet();
  double before = estimateAreaTotal(m, g);
  m.layers[0].weights[2] = 100;
  m.layers[0].weights[3] = 77;
  EXPECT_DOUBLE_EQ(estimateAreaTotal(m, g), before);
  EXPECT_DOUBLE_EQ(estimateArea(m, g).neurons[0][1].area, 0.0);
  // A neuron whose activation is always 0 is dead too: h0 = relu(-x0 - x1).
  double withLive = estimateAreaTotal(m, g);
  m.layers[0].weights[0] = -3;
  m.layers[0].weights[1] = -5;
  EXPECT_LT(estimateAreaTotal(m, g), withLive);
  EXPECT_DOUBLE_EQ(estimateArea(m, g).neurons[0][0].area, 0.0);
}

TEST(CostModel, ConstantMultiplier) {
  GateCosts g = GateCosts::egfet();
  // x * 7 = (x << 3) - x: one 7-bit subtractor (105 < 128).
  ConstantMultiplierCost c = costConstantMultiplier(7, 4, g);
  EXPECT_EQ(c.nonZeros, 2u);
  EXPECT_EQ(c.subtractors, 1u);
  EXPECT_EQ(c.adders, 0u);
  EXPECT_EQ(c.widths, (std::vector<unsigned>{7}));
  EXPECT_DOUBLE_EQ(c.area, 7 * (g.fullAdder + g.inverter));
  // x * 0x55 = (x << 6) + (x << 4) + (x << 2) + x: three 11-bit adders.
  c = costConstantMultiplier(0x55, 4, g);
  EXPECT_EQ(c.adders, 3u);
  EXPECT_EQ(c.widths, (std::vector<unsigned>{11, 11, 11}));
  EXPECT_DOUBLE_EQ(c.area, (7 + 9 + 11) * g.fullAdder);
  // Powers of two and zero are wires.
  EXPECT_DOUBLE_EQ(costConstantMultiplier(16, 4, g).area, 0.0);
  EXPECT_DOUBLE_EQ(costConstantMultiplier(0, 4, g).area, 0.0);
  EXPECT_EQ(costConstantMultiplier(-7, 4, g).widths,
            (std::vector<unsigned>{7}));
}

TEST(CostModel, CalibrationFit) {
  std::vector<std::pair<double, double>> pairs;
  for (double x : {1e7, 3e7, 8e7, 2e8})
    pairs.push_back({x, 0.8 * x + 2e6});
  Calibration c = Calibration::fit(pairs);
  EXPECT_NEAR(c.scale, 0.8, 1e-9);
  EXPECT_NEAR(c.offset, 2e6, 1e-3);
  EXPECT_NEAR(c.apply(5e7), 4.2e7, 1e-3);
  c = Calibration::fit({{4e7, 3e7}});
  EXPECT_DOUBLE_EQ(c.scale, 0.75);
  EXPECT_DOUBLE_EQ(c.offset, 0.0);
  c = Calibration::fit({});
  EXPECT_DOUBLE_EQ(c.apply(7.0), 7.0);
}

TEST(CostModel, RelativeCalibrationFavoursSmallDesigns) {
  std::vector<std::pair<double, double>> line = {{1e6, 3e6}, {1e8, 2.01e8}};
  Calibration c = Calibration::fitRelative(line);
  EXPECT_NEAR(c.scale, 2.0, 1e-9);
  EXPECT_NEAR(c.offset, 1e6, 1e-3);
  // Small designs synthesize relatively smaller than large ones: the
  // relative fit keeps their error lower than ordinary least squares does.
  std::vector<std::pair<double, double>> pairs = {
      {1e6, 0.4e6}, {2e6, 0.7e6}, {1e8, 0.9e8}, {2e8, 1.85e8}};
  auto worst = [&](const Calibration &cal) {
    double w = 0;
    for (auto [e, r] : pairs)
      w = std::max(w, std::fabs(cal.apply(e) - r) / r);
    return w;
  };
  EXPECT_LT(worst(Calibration::fitRelative(pairs)),
            worst(Calibration::fit(pairs)));
}

} // namespace

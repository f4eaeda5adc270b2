//===- NetLoweringTest.cpp - IntMLP -> net.module is bit-exact --*- C++ -*-===//
//
// The netlist lowerToNet builds is run in the net interpreter and compared
// with predictInt (the integer reference, itself tested against a naive
// oracle in test/unit/targets/printed) on many seeded random models of every
// shape the model allows: random input widths, pruned bits, activation
// shifts and widths, wide weights and biases; on random rows, the all-zero
// and all-max rows, and exhaustively for tiny models.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "targets/printed/Core/Random.h"

#include "dialects/net/Interpreter.h"
#include "dialects/net/NetDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

namespace {

class NetLoweringTest : public ::testing::Test {
protected:
  NetLoweringTest() {
    handler.emplace(&context, [this](Diagnostic &diag) {
      diagnostics.push_back(diag.str());
      return success();
    });
  }

  MLIRContext context;
  std::vector<std::string> diagnostics;
  std::optional<ScopedDiagnosticHandler> handler;
};

/// A random model; `wide` allows weights and biases far beyond 8 bits.
IntMLP randomModel(SplitMix64 &rng, unsigned maxInputs, bool wide) {
  IntMLP m;
  m.inputBits = static_cast<unsigned>(rng.range(1, 8));
  unsigned numLayers = static_cast<unsigned>(rng.range(1, 3));
  unsigned inputs = static_cast<unsigned>(rng.range(1, maxInputs));
  for (unsigned l = 0; l < numLayers; ++l) {
    IntLayer layer;
    layer.numInputs = inputs;
    layer.numOutputs = static_cast<unsigned>(rng.range(1, 5));
    int64_t wmax = wide && rng.chance(0.3) ? 4095 : 127;
    for (unsigned i = 0; i < layer.numInputs * layer.numOutputs; ++i)
      layer.weights.push_back(
          rng.chance(0.2) ? 0 : static_cast<int32_t>(rng.range(-wmax, wmax)));
    int64_t bmax = wide && rng.chance(0.3) ? (int64_t(1) << 20) : 3000;
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      layer.biases.push_back(rng.chance(0.1) ? 0 : rng.range(-bmax, bmax));
      unsigned maxPrune = rng.chance(0.1) ? 40 : rng.chance(0.2) ? 16 : 6;
      layer.pruneBits.push_back(
          static_cast<uint8_t>(rng.chance(0.4) ? 0 : rng.range(0, maxPrune)));
    }
    // Up to the limits IntMLP::verify allows (shift 40, 16 bits).
    layer.actShift =
        static_cast<unsigned>(rng.range(0, rng.chance(0.1) ? 40 : 12));
    layer.actBits =
        static_cast<unsigned>(rng.range(1, rng.chance(0.2) ? 16 : 10));
    inputs = layer.numOutputs;
    m.layers.push_back(std::move(layer));
  }
  return m;
}

/// The packed `inp` port value of one row (feature 0 in the low bits).
llvm::APInt pack(const IntMLP &m, llvm::ArrayRef<uint8_t> row) {
  llvm::APInt v(m.numInputs() * m.inputBits, 0);
  for (unsigned f = 0; f < row.size(); ++f)
    v.insertBits(llvm::APInt(m.inputBits, row[f]), f * m.inputBits);
  return v;
}

/// Class index of the netlist for `row`, or ~0u on an interpreter failure.
unsigned evaluate(net::Interpreter &interp, const IntMLP &m,
                  llvm::ArrayRef<uint8_t> row) {
  auto out = interp.evaluate({pack(m, row)});
  if (failed(out) || out->size() != 1)
    return ~0u;
  return static_cast<unsigned>((*out)[0].getZExtValue());
}

std::string describe(const IntMLP &m) {
  std::string s = "inputBits " + std::to_string(m.inputBits) + ", shape " +
                  std::to_string(m.numInputs());
  for (const IntLayer &l : m.layers)
    s += "-" + std::to_string(l.numOutputs) + "(shift " +
         std::to_string(l.actShift) + ", bits " + std::to_string(l.actBits) +
         ")";
  return s;
}

/// The netlist's single module.
net::NetModuleOp topOf(ModuleOp module) {
  return module.lookupSymbol<net::NetModuleOp>("top");
}

} // namespace

TEST_F(NetLoweringTest, RandomModelsMatchPredictInt) {
  SplitMix64 rng(20261123);
  unsigned checked = 0;
  for (unsigned trial = 0; trial < 300; ++trial) {
    IntMLP m = randomModel(rng, 8, /*wide=*/trial % 2 == 1);
    ASSERT_FALSE(llvm::errorToBool(m.verify()));
    OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
    ASSERT_TRUE(module) << describe(m);
    ASSERT_TRUE(succeeded(verify(*module))) << describe(m);
    auto interp = net::Interpreter::create(topOf(*module));
    ASSERT_TRUE(succeeded(interp));
    unsigned maxCode = (1u << m.inputBits) - 1;
    std::vector<uint8_t> row(m.numInputs());
    for (unsigned r = 0; r < 66; ++r) {
      for (uint8_t &c : row)
        c = r == 0   ? 0
            : r == 1 ? maxCode
                     : static_cast<uint8_t>(rng.range(0, maxCode));
      ASSERT_EQ(evaluate(*interp, m, row), predictInt(m, row))
          << "trial " << trial << ", row " << r << ": " << describe(m);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 300u * 66u);
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(NetLoweringTest, TinyModelsExhaustive) {
  SplitMix64 rng(7);
  for (unsigned trial = 0; trial < 60; ++trial) {
    IntMLP m = randomModel(rng, 3, /*wide=*/trial % 3 == 0);
    // At most 12 input bits: every input row is enumerated.
    while (m.numInputs() * m.inputBits > 12)
      --m.inputBits;
    OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
    ASSERT_TRUE(module) << describe(m);
    auto interp = net::Interpreter::create(topOf(*module));
    ASSERT_TRUE(succeeded(interp));
    unsigned bits = m.numInputs() * m.inputBits;
    std::vector<uint8_t> row(m.numInputs());
    for (uint64_t v = 0; v < (uint64_t(1) << bits); ++v) {
      for (unsigned f = 0; f < row.size(); ++f)
        row[f] = (v >> (f * m.inputBits)) & ((1u << m.inputBits) - 1);
      ASSERT_EQ(evaluate(*interp, m, row), predictInt(m, row))
          << "trial " << trial << ", input " << v << ": " << describe(m);
    }
  }
}

TEST_F(NetLoweringTest, PortsAndHandComputedCircuit) {
  // 2 inputs of 3 bits, 3 classes; class c scores w_c . x + b_c:
  //   c0 = 3 x0 - 1, c1 = -2 x0 + 5 x1, c2 = 7 x1 - 20 (w = 7 is CSD 8 - 1).
  IntMLP m;
  m.inputBits = 3;
  IntLayer layer;
  layer.numInputs = 2;
  layer.numOutputs = 3;
  layer.weights = {3, 0, -2, 5, 0, 7};
  layer.biases = {-1, 0, -20};
  layer.pruneBits = {0, 0, 0};
  m.layers.push_back(layer);
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  net::NetModuleOp top = topOf(*module);
  ASSERT_TRUE(top);
  ASSERT_EQ(top.getNumInputs(), 1u);
  ASSERT_EQ(top.getNumOutputs(), 1u);
  EXPECT_EQ(top.getInputName(0), "inp");
  EXPECT_EQ(top.getOutputName(0), "out");
  EXPECT_EQ(top.getFunctionType().getInput(0).getIntOrFloatBitWidth(), 6u);
  EXPECT_EQ(top.getFunctionType().getResult(0).getIntOrFloatBitWidth(), 2u);
  // Hard-wired constants only: no multiplier survives.
  unsigned muls = 0;
  top.walk([&](net::MulOp) { ++muls; });
  EXPECT_EQ(muls, 0u);
  auto interp = net::Interpreter::create(top);
  ASSERT_TRUE(succeeded(interp));
  for (unsigned x0 = 0; x0 < 8; ++x0)
    for (unsigned x1 = 0; x1 < 8; ++x1) {
      int s[3] = {3 * int(x0) - 1, -2 * int(x0) + 5 * int(x1),
                  7 * int(x1) - 20};
      unsigned want = 0;
      for (unsigned c = 1; c < 3; ++c)
        if (s[c] > s[want])
          want = c;
      uint8_t row[2] = {uint8_t(x0), uint8_t(x1)};
      EXPECT_EQ(evaluate(*interp, m, row), want) << x0 << "," << x1;
    }
}

TEST_F(NetLoweringTest, PrunedAndSaturatedByHand) {
  // One hidden neuron h = min(relu(acc) >> 2, 3) with acc = 13 x - 9 pruned
  // by k = 2 (x: 4 bits); the output layer copies it to class 1 against a
  // constant 2 for class 0.  13 = 16 - 4 + 1 in CSD: the digit 1 keeps only
  // x's bits from 2 up, x << 4 and x << 2 lose nothing; the bias becomes
  // floor(-9 / 4) * 4 = -12.
  IntMLP m;
  m.inputBits = 4;
  IntLayer hidden;
  hidden.numInputs = 1;
  hidden.numOutputs = 1;
  hidden.weights = {13};
  hidden.biases = {-9};
  hidden.pruneBits = {2};
  hidden.actShift = 2;
  hidden.actBits = 2;
  IntLayer out;
  out.numInputs = 1;
  out.numOutputs = 2;
  out.weights = {0, 1};
  out.biases = {2, 0};
  out.pruneBits = {0, 0};
  m.layers = {hidden, out};
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  auto interp = net::Interpreter::create(topOf(*module));
  ASSERT_TRUE(succeeded(interp));
  for (unsigned x = 0; x < 16; ++x) {
    int acc = 16 * int(x) + int(x & ~3u) - 4 * int(x) - 12;
    int h = acc <= 0 ? 0 : std::min(acc >> 2, 3);
    unsigned want = h > 2 ? 1 : 0;
    uint8_t row[1] = {uint8_t(x)};
    EXPECT_EQ(evaluate(*interp, m, row), want) << "x = " << x;
  }
}

TEST_F(NetLoweringTest, OutputWidthIsTheBitLengthOfTheClassCount) {
  // The published designs' `out` width: 2 bits for 2 classes (ICCAD'23
  // Breast_Cancer), 2 for 3 (Cardio), 3 for 6 (Redwine), 4 for 10
  // (Pendigits).  Written out by hand for C = 1..17.
  const unsigned want[18] = {0, 1, 2, 2, 3, 3, 3, 3, 4,
                             4, 4, 4, 4, 4, 4, 4, 5, 5};
  SplitMix64 rng(17);
  for (unsigned classes = 1; classes <= 17; ++classes) {
    IntMLP m;
    m.inputBits = 3;
    IntLayer layer;
    layer.numInputs = 2;
    layer.numOutputs = classes;
    for (unsigned i = 0; i < 2 * classes; ++i)
      layer.weights.push_back(static_cast<int32_t>(rng.range(-20, 20)));
    for (unsigned c = 0; c < classes; ++c) {
      layer.biases.push_back(rng.range(-50, 50));
      layer.pruneBits.push_back(0);
    }
    m.layers.push_back(layer);
    OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
    ASSERT_TRUE(module) << classes << " classes";
    net::NetModuleOp top = topOf(*module);
    ASSERT_TRUE(top);
    EXPECT_EQ(top.getFunctionType().getResult(0).getIntOrFloatBitWidth(),
              want[classes])
        << classes << " classes";
    // Every input: the whole port value (the extra top bits included) is
    // predictInt's class, so those bits are constant zeros.
    auto interp = net::Interpreter::create(top);
    ASSERT_TRUE(succeeded(interp));
    for (uint8_t x0 = 0; x0 < 8; ++x0)
      for (uint8_t x1 = 0; x1 < 8; ++x1) {
        uint8_t row[2] = {x0, x1};
        ASSERT_EQ(evaluate(*interp, m, row), predictInt(m, row))
            << classes << " classes, row " << unsigned(x0) << ","
            << unsigned(x1);
      }
  }
}

TEST_F(NetLoweringTest, SingleClassIsConstantZero) {
  IntMLP m;
  m.inputBits = 2;
  IntLayer layer;
  layer.numInputs = 2;
  layer.numOutputs = 1;
  layer.weights = {5, -3};
  layer.biases = {1};
  layer.pruneBits = {0};
  m.layers.push_back(layer);
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  auto interp = net::Interpreter::create(topOf(*module));
  ASSERT_TRUE(succeeded(interp));
  for (uint8_t a = 0; a < 4; ++a) {
    uint8_t row[2] = {a, uint8_t(3 - a)};
    EXPECT_EQ(evaluate(*interp, m, row), 0u);
  }
}

TEST_F(NetLoweringTest, RoundTripsThroughText) {
  // The printed IR parses back to a module that computes the same classes.
  SplitMix64 rng(11);
  IntMLP m = randomModel(rng, 5, /*wide=*/false);
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  std::string text;
  llvm::raw_string_ostream os(text);
  module->print(os);
  OwningOpRef<ModuleOp> parsed = parseSourceString<ModuleOp>(text, &context);
  ASSERT_TRUE(parsed) << text;
  auto interp = net::Interpreter::create(topOf(*parsed));
  ASSERT_TRUE(succeeded(interp));
  unsigned maxCode = (1u << m.inputBits) - 1;
  std::vector<uint8_t> row(m.numInputs());
  for (unsigned r = 0; r < 200; ++r) {
    for (uint8_t &c : row)
      c = static_cast<uint8_t>(rng.range(0, maxCode));
    ASSERT_EQ(evaluate(*interp, m, row), predictInt(m, row));
  }
}

TEST_F(NetLoweringTest, RejectsInvalidModel) {
  IntMLP m; // no layers
  EXPECT_FALSE(lowerToNet(m, &context));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].find("cannot lower the printed MLP"),
            std::string::npos)
      << diagnostics[0];
  EXPECT_NE(diagnostics[0].find("no layers"), std::string::npos)
      << diagnostics[0];
}

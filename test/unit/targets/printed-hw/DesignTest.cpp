//===- DesignTest.cpp - Emitted designs under iverilog and yosys -*- C++
//-*-===//
//
// The proof of the printed back end: the Verilog + testbench written by
// writeDesign, run by iverilog, predicts exactly what predictInt predicts --
// on random models and on the whole test sets of real UCI models
// (examples/uci/*.onnx quantized by the Core's quantizer) -- and yosys
// synthesizes the emitted Verilog onto the EGFET cells without a warning.
// These tests need iverilog, yosys and ../shared; they fail, not skip, when
// a tool or the fixtures are missing.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "targets/printed/Core/Dataset.h"
#include "targets/printed/Core/FloatMLP.h"
#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/Quantize.h"
#include "targets/printed/Core/Random.h"

#include "axon/Import/ONNX.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

namespace {

class DesignTest : public ::testing::Test {
protected:
  DesignTest() {
    handler.emplace(&context, [this](Diagnostic &diag) {
      diagnostics.push_back(diag.str());
      return success();
    });
  }
  void SetUp() override {
    llvm::SmallString<128> path;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("axon-printed-hw", path));
    dir = std::string(path);
  }
  void TearDown() override {
    if (!HasFailure())
      llvm::sys::fs::remove_directories(dir);
  }

  /// Writes, simulates and compares every row with predictInt; returns the
  /// number of rows checked (0 after a failure).
  size_t simulateAndCompare(const IntMLP &m,
                            const std::vector<std::vector<uint8_t>> &rows,
                            const std::vector<unsigned> &labels) {
    OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
    EXPECT_TRUE(module);
    if (!module)
      return 0;
    EXPECT_TRUE(succeeded(writeDesign(*module, m, rows, labels, dir)));
    auto predictions = simulateWithIverilog(dir);
    if (!predictions) {
      ADD_FAILURE() << llvm::toString(predictions.takeError());
      return 0;
    }
    EXPECT_EQ(predictions->size(), rows.size());
    if (predictions->size() != rows.size())
      return 0;
    for (size_t r = 0; r < rows.size(); ++r)
      EXPECT_EQ((*predictions)[r], predictInt(m, rows[r])) << "row " << r;
    return rows.size();
  }

  MLIRContext context;
  std::vector<std::string> diagnostics;
  std::optional<ScopedDiagnosticHandler> handler;
  std::string dir;
};

std::string sharedDir() { return AXON_SHARED_DIR; }

/// The Gemm -> Relu -> Gemm float model of examples/uci/<name>.onnx, read
/// through the project's ONNX importer (snn.affine weight [out][in], bias).
llvm::Expected<FloatMLP> readUCIModel(MLIRContext &context,
                                      llvm::StringRef name) {
  std::string path =
      std::string(AXON_SOURCE_DIR) + "/examples/uci/" + name.str() + ".onnx";
  auto bytes = llvm::MemoryBuffer::getFile(path);
  if (!bytes)
    return llvm::createStringError(bytes.getError(), "cannot read " + path);
  OwningOpRef<ModuleOp> module =
      importONNX((*bytes)->getBuffer(), path, &context);
  if (!module)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot import " + path);
  FloatMLP model;
  module->walk([&](Operation *op) {
    if (op->getName().getStringRef() != "snn.affine")
      return;
    auto w = op->getAttrOfType<DenseElementsAttr>("weight");
    auto b = op->getAttrOfType<DenseElementsAttr>("bias");
    if (!w || !b)
      return;
    auto shape = llvm::cast<ShapedType>(w.getType()).getShape();
    FloatLayer layer;
    layer.numOutputs = static_cast<unsigned>(shape[0]);
    layer.numInputs = static_cast<unsigned>(shape[1]);
    for (float v : w.getValues<float>())
      layer.weights.push_back(v);
    for (float v : b.getValues<float>())
      layer.biases.push_back(v);
    model.layers.push_back(std::move(layer));
  });
  if (llvm::Error err = model.verify())
    return std::move(err);
  return model;
}

struct UCIDesign {
  IntMLP model;
  std::vector<std::vector<uint8_t>> rows;
  std::vector<unsigned> labels;
};

/// examples/uci/<name>.onnx on shared/datasets/uci/<name>: inputs scaled
/// to [0, 1] on the training rows (as the models were trained), 4-bit codes,
/// 8-bit weights, hidden activations calibrated on the training set.
llvm::Expected<UCIDesign> loadUCI(MLIRContext &context, llvm::StringRef name) {
  auto split = loadDatasetSplit(sharedDir() + "/datasets/uci", name);
  if (!split)
    return split.takeError();
  auto fmodel = readUCIModel(context, name);
  if (!fmodel)
    return fmodel.takeError();
  InputScaler scaler = fitInputScaler(split->train);
  QuantizedData train = quantizeDataset(scaler, split->train);
  QuantizedData test = quantizeDataset(scaler, split->test);
  auto q = quantizeMLP(*fmodel, scaler.codeStep(), scaler.options.bits, &train);
  if (!q)
    return q.takeError();
  UCIDesign design{q->model, {}, test.labels};
  for (unsigned r = 0; r < test.numRows(); ++r)
    design.rows.emplace_back(test.row(r).begin(), test.row(r).end());
  return design;
}

std::vector<std::vector<uint8_t>> randomRows(SplitMix64 &rng, const IntMLP &m,
                                             unsigned count) {
  unsigned maxCode = (1u << m.inputBits) - 1;
  std::vector<std::vector<uint8_t>> rows;
  rows.push_back(std::vector<uint8_t>(m.numInputs(), 0));
  rows.push_back(std::vector<uint8_t>(m.numInputs(), uint8_t(maxCode)));
  while (rows.size() < count) {
    std::vector<uint8_t> row;
    for (unsigned f = 0; f < m.numInputs(); ++f)
      row.push_back(static_cast<uint8_t>(rng.range(0, maxCode)));
    rows.push_back(std::move(row));
  }
  return rows;
}

/// A random 2-layer model with pruning and saturation in play.
IntMLP randomModel(SplitMix64 &rng) {
  IntMLP m;
  m.inputBits = static_cast<unsigned>(rng.range(2, 6));
  unsigned shape[3] = {static_cast<unsigned>(rng.range(3, 12)),
                       static_cast<unsigned>(rng.range(1, 4)),
                       static_cast<unsigned>(rng.range(2, 6))};
  for (unsigned l = 0; l < 2; ++l) {
    IntLayer layer;
    layer.numInputs = shape[l];
    layer.numOutputs = shape[l + 1];
    for (unsigned i = 0; i < shape[l] * shape[l + 1]; ++i)
      layer.weights.push_back(
          rng.chance(0.2) ? 0 : static_cast<int32_t>(rng.range(-127, 127)));
    for (unsigned o = 0; o < shape[l + 1]; ++o) {
      layer.biases.push_back(rng.range(-4000, 4000));
      layer.pruneBits.push_back(static_cast<uint8_t>(rng.range(0, 5)));
    }
    layer.actShift = static_cast<unsigned>(rng.range(2, 8));
    layer.actBits = static_cast<unsigned>(rng.range(2, 6));
    m.layers.push_back(std::move(layer));
  }
  return m;
}

} // namespace

TEST_F(DesignTest, IverilogMatchesPredictIntOnRandomModels) {
  SplitMix64 rng(42);
  for (unsigned trial = 0; trial < 4; ++trial) {
    IntMLP m = randomModel(rng);
    auto rows = randomRows(rng, m, 300);
    std::vector<unsigned> labels(rows.size(), 0);
    ASSERT_EQ(simulateAndCompare(m, rows, labels), rows.size())
        << "trial " << trial;
  }
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(DesignTest, BreastCancerWholeTestSetUnderIverilog) {
  auto design = loadUCI(context, "breast_cancer");
  ASSERT_TRUE(bool(design)) << llvm::toString(design.takeError());
  ASSERT_EQ(design->rows.size(), 205u);
  EXPECT_EQ(simulateAndCompare(design->model, design->rows, design->labels),
            205u);
  // The testbench's own accuracy count agrees with the reference model.
  unsigned correct = 0;
  for (size_t r = 0; r < design->rows.size(); ++r)
    correct += predictInt(design->model, design->rows[r]) == design->labels[r];
  auto log = llvm::MemoryBuffer::getFile(dir + "/vvp.log");
  ASSERT_TRUE(bool(log));
  EXPECT_NE(
      (*log)->getBuffer().find("rows 205 correct " + std::to_string(correct)),
      llvm::StringRef::npos)
      << (*log)->getBuffer().str();
  EXPECT_GT(correct, 180u); // ~0.95 accuracy of the float model
}

TEST_F(DesignTest, SeedsWholeTestSetUnderIverilog) {
  auto design = loadUCI(context, "seeds");
  ASSERT_TRUE(bool(design)) << llvm::toString(design.takeError());
  ASSERT_EQ(design->rows.size(), 63u);
  EXPECT_EQ(simulateAndCompare(design->model, design->rows, design->labels),
            63u);
}

TEST_F(DesignTest, VertebralWholeTestSetUnderIverilog) {
  auto design = loadUCI(context, "vertebral");
  ASSERT_TRUE(bool(design)) << llvm::toString(design.takeError());
  ASSERT_EQ(design->rows.size(), 93u);
  EXPECT_EQ(simulateAndCompare(design->model, design->rows, design->labels),
            93u);
}

// balance (4-3-3) is the smallest UCI model: synthesis stays well under the
// per-test time limit (the larger ones are measured in the docs).
TEST_F(DesignTest, YosysSynthesizesWithoutWarningsAndGatesMatch) {
  auto design = loadUCI(context, "balance");
  ASSERT_TRUE(bool(design)) << llvm::toString(design.takeError());
  OwningOpRef<ModuleOp> module = lowerToNet(design->model, &context);
  ASSERT_TRUE(module);
  ASSERT_TRUE(succeeded(
      writeDesign(*module, design->model, design->rows, design->labels, dir)));
  auto result = synthesizeArea(dir + "/top.v", sharedDir() + "/pdk");
  ASSERT_TRUE(bool(result)) << llvm::toString(result.takeError());
  EXPECT_FALSE(result->warnings) << result->log;
  EXPECT_GT(result->cells, 50u);
  EXPECT_EQ(design->rows.size(), 188u);
  // Every cell is one of the seven EGFET cells: area within their range.
  EXPECT_GE(result->areaUm2, 228420.0 * result->cells);
  EXPECT_LE(result->areaUm2, 1347557.0 * result->cells);
  // The mapped gate netlist still computes predictInt on the whole test set.
  auto gates = simulateWithIverilog(
      dir, {result->mappedNetlist, sharedDir() + "/pdk/egfet_cells.v"});
  ASSERT_TRUE(bool(gates)) << llvm::toString(gates.takeError());
  ASSERT_EQ(gates->size(), design->rows.size());
  for (size_t r = 0; r < design->rows.size(); ++r)
    EXPECT_EQ((*gates)[r], predictInt(design->model, design->rows[r]))
        << "row " << r;
}

// Only UNUSEDSIGNAL is waived: a truncated activation reads a window of its
// accumulator, so the bits below it (and above a saturation test) are unused
// by design; synthesis removes the logic that only feeds them.
TEST_F(DesignTest, VerilatorLintIsClean) {
  auto verilator = llvm::sys::findProgramByName("verilator");
  ASSERT_TRUE(bool(verilator)) << "verilator not on PATH";
  SplitMix64 rng(3);
  IntMLP m = randomModel(rng);
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  auto rows = randomRows(rng, m, 4);
  ASSERT_TRUE(succeeded(writeDesign(*module, m, rows, {}, dir)));
  std::string log = dir + "/lint.log";
  std::optional<llvm::StringRef> redirects[] = {
      llvm::StringRef(""), llvm::StringRef(log), llvm::StringRef(log)};
  int rc = llvm::sys::ExecuteAndWait(
      *verilator,
      {*verilator, "--lint-only", "-Wall", "-Wno-UNUSEDSIGNAL", dir + "/top.v"},
      std::nullopt, redirects, 120);
  auto text = llvm::MemoryBuffer::getFile(log);
  EXPECT_EQ(rc, 0) << (text ? (*text)->getBuffer().str() : "");
}

TEST_F(DesignTest, WriteDesignRejectsBadRows) {
  SplitMix64 rng(5);
  IntMLP m = randomModel(rng);
  OwningOpRef<ModuleOp> module = lowerToNet(m, &context);
  ASSERT_TRUE(module);
  std::vector<std::vector<uint8_t>> shortRow = {
      std::vector<uint8_t>(m.numInputs() - 1, 0)};
  EXPECT_TRUE(failed(writeDesign(*module, m, shortRow, {}, dir)));
  std::vector<std::vector<uint8_t>> wideCode = {
      std::vector<uint8_t>(m.numInputs(), uint8_t(1u << m.inputBits))};
  EXPECT_TRUE(failed(writeDesign(*module, m, wideCode, {}, dir)));
  std::vector<std::vector<uint8_t>> good = {
      std::vector<uint8_t>(m.numInputs(), 0)};
  EXPECT_TRUE(failed(writeDesign(*module, m, good, {1, 2}, dir)));
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_NE(diagnostics[0].find("codes, expected"), std::string::npos);
  EXPECT_NE(diagnostics[1].find("does not fit"), std::string::npos);
  EXPECT_NE(diagnostics[2].find("labels for 1 test rows"), std::string::npos);
  // Nothing was written.
  EXPECT_FALSE(llvm::sys::fs::exists(dir + "/top.v"));
}

TEST_F(DesignTest, ToolErrorsAreClear) {
  auto sim = simulateWithIverilog(dir); // empty folder
  ASSERT_FALSE(bool(sim));
  std::string message = llvm::toString(sim.takeError());
  EXPECT_NE(message.find("no top_tb.v"), std::string::npos) << message;

  llvm::SmallString<128> v(dir);
  llvm::sys::path::append(v, "bad.v");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(v, ec);
    os << "module top(input a, output y); assign y = ; endmodule\n";
  }
  auto synth = synthesizeArea(v, sharedDir() + "/pdk");
  ASSERT_FALSE(bool(synth));
  message = llvm::toString(synth.takeError());
  EXPECT_NE(message.find("yosys"), std::string::npos) << message;
  EXPECT_NE(message.find("failed"), std::string::npos) << message;

  auto noPdk = synthesizeArea(v, dir + "/no-such-pdk");
  ASSERT_FALSE(bool(noPdk));
  message = llvm::toString(noPdk.takeError());
  EXPECT_NE(message.find("area.sh"), std::string::npos) << message;
}

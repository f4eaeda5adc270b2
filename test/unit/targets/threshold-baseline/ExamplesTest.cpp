//===- ExamplesTest.cpp - The baseline of the example BNNs ----------------===//
//
// For the trained example BNNs, the XNOR-popcount netlist must classify every
// test row exactly as the reference simulator (float-exact profile on the
// imported snn network) does: through the net interpreter for all three
// models, and through iverilog on the exported Verilog for the two small UCI
// models.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"
#include "targets/threshold/SNNReader.h"

#include "axon/Export/Verilog.h"
#include "axon/Import/LoadModel.h"
#include "axon/Simulate/Evaluate.h"
#include "axon/Simulate/FromSNN.h"
#include "dialects/net/Interpreter.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {

std::string sourcePath(llvm::StringRef rel) {
  return (llvm::Twine(AXON_SOURCE_DIR) + "/" + rel).str();
}

struct Example {
  const char *model;
  const char *data;
  bool iverilog;
};

const Example examples[] = {
    {"examples/bnn/breast_cancer_bnn.onnx",
     "examples/bnn/breast_cancer_test_binary.csv", true},
    {"examples/bnn/seeds_bnn.onnx", "examples/bnn/seeds_test_binary.csv", true},
    {"examples/digits/bnn_mlp.onnx", "examples/digits/test_binary.csv", false},
};

/// Everything one example needs: the baseline, the dataset and the
/// simulator's predictions.
struct Loaded {
  MLIRContext context;
  OwningOpRef<ModuleOp> model;
  BinarizedNetwork network;
  OwningOpRef<ModuleOp> baseline;
  sim::Dataset data;
  std::vector<int64_t> expected;
};

void load(const Example &ex, Loaded &l) {
  llvm::SourceMgr sourceMgr;
  l.model = loadModel(sourcePath(ex.model), sourceMgr, &l.context);
  ASSERT_TRUE(l.model) << ex.model;
  auto snnNet = *l.model->getOps<snn::NetworkOp>().begin();
  FailureOr<SNNBinarizedNetwork> net = readBinarizedNetwork(snnNet, 0);
  ASSERT_TRUE(succeeded(net));
  l.network = net->network;
  EXPECT_TRUE(l.network.argMaxReadout);
  l.baseline = buildXnorPopcountNet(l.network, &l.context);
  ASSERT_TRUE(l.baseline);

  auto data = sim::readLabeledCSV(sourcePath(ex.data));
  ASSERT_TRUE(bool(data)) << llvm::toString(data.takeError());
  l.data = std::move(*data);
  FailureOr<sim::Network> simNet = buildSimNetwork(snnNet);
  ASSERT_TRUE(succeeded(simNet));
  sim::EngineOptions engine;
  engine.profile = sim::Profile::FloatExact;
  auto result = sim::evaluateClassifier(*simNet, engine, l.data, {});
  ASSERT_TRUE(bool(result)) << llvm::toString(result.takeError());
  l.expected = result->predictions;
  ASSERT_EQ(l.expected.size(), l.data.size());
}

/// Input bits of one row (+1 -> 1, -1 -> 0).
std::vector<uint8_t> rowBits(const std::vector<double> &row) {
  std::vector<uint8_t> bits;
  for (double v : row)
    bits.push_back(v > 0);
  return bits;
}

TEST(BaselineExamples, InterpreterMatchesReferenceSimulator) {
  for (const Example &ex : examples) {
    Loaded l;
    load(ex, l);
    if (HasFatalFailure())
      return;
    auto module = *l.baseline->getOps<net::NetModuleOp>().begin();
    FailureOr<net::Interpreter> interp = net::Interpreter::create(module);
    ASSERT_TRUE(succeeded(interp));
    size_t correct = 0;
    for (size_t r = 0; r != l.data.size(); ++r) {
      SmallVector<APInt> in;
      for (uint8_t b : rowBits(l.data.features[r]))
        in.emplace_back(1, uint64_t(b));
      auto out = interp->evaluate(in);
      ASSERT_TRUE(succeeded(out));
      int64_t cls = 0;
      for (auto [b, v] : llvm::enumerate(*out))
        cls |= int64_t(v.getZExtValue()) << b;
      ASSERT_EQ(cls, l.expected[r]) << ex.model << " row " << r;
      correct += cls == l.data.labels[r];
    }
    // The accuracies the training scripts measured on the ONNX files
    // (examples/bnn/README.md, examples/digits/README.md).
    double accuracy = double(correct) / l.data.size();
    double want = llvm::StringRef(ex.model).contains("breast")  ? 0.9512
                  : llvm::StringRef(ex.model).contains("seeds") ? 0.9206
                                                                : 0.9315;
    EXPECT_NEAR(accuracy, want, 6e-5) << ex.model;
  }
}

/// Writes `text` to `path`.
bool writeFile(const std::string &path, llvm::StringRef text) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return false;
  os << text;
  return true;
}

TEST(BaselineExamples, IverilogMatchesReferenceSimulator) {
  auto iverilog = llvm::sys::findProgramByName("iverilog");
  auto vvp = llvm::sys::findProgramByName("vvp");
  ASSERT_TRUE(iverilog && vvp) << "iverilog is part of the setup";
  for (const Example &ex : examples) {
    if (!ex.iverilog)
      continue;
    Loaded l;
    load(ex, l);
    if (HasFatalFailure())
      return;
    std::string design;
    llvm::raw_string_ostream ds(design);
    ASSERT_TRUE(succeeded(exportVerilog(*l.baseline, ds)));
    auto module = *l.baseline->getOps<net::NetModuleOp>().begin();
    unsigned numIn = module.getNumInputs(), numOut = module.getNumOutputs();

    // Testbench: one vector and expected class per row, packed MSB first.
    std::string tb;
    llvm::raw_string_ostream ts(tb);
    ts << "module tb;\n  reg [" << numIn - 1 << ":0] x;\n  wire [" << numOut - 1
       << ":0] y;\n  integer bad;\n  " << module.getSymName() << " dut(";
    for (unsigned i = 0; i != numIn; ++i)
      ts << "." << module.getInputName(i) << "(x[" << i << "]), ";
    for (unsigned o = 0; o != numOut; ++o)
      ts << (o ? ", " : "") << "." << module.getOutputName(o) << "(y[" << o
         << "])";
    ts << ");\n  initial begin\n    bad = 0;\n";
    for (size_t r = 0; r != l.data.size(); ++r) {
      std::vector<uint8_t> bits = rowBits(l.data.features[r]);
      ts << "    x = " << numIn << "'b";
      for (unsigned i = numIn; i-- > 0;)
        ts << int(bits[i]);
      ts << "; #1 if (y !== " << numOut << "'d" << l.expected[r]
         << ") bad = bad + 1;\n";
    }
    ts << "    $display(\"MISMATCHES %0d\", bad);\n    $finish;\n  end\n"
          "endmodule\n";

    llvm::SmallString<128> dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("axon-baseline", dir));
    std::string d = dir.str().str();
    ASSERT_TRUE(writeFile(d + "/design.v", design));
    ASSERT_TRUE(writeFile(d + "/tb.v", tb));
    std::string log = d + "/log.txt";
    std::optional<llvm::StringRef> redirects[] = {
        std::nullopt, llvm::StringRef(log), llvm::StringRef(log)};
    int rc =
        llvm::sys::ExecuteAndWait(*iverilog,
                                  {*iverilog, "-g2005", "-o", d + "/sim.vvp",
                                   d + "/design.v", d + "/tb.v"},
                                  std::nullopt, redirects, 60);
    ASSERT_EQ(rc, 0) << ex.model;
    rc = llvm::sys::ExecuteAndWait(*vvp, {*vvp, "-n", d + "/sim.vvp"},
                                   std::nullopt, redirects, 60);
    ASSERT_EQ(rc, 0) << ex.model;
    auto text = llvm::MemoryBuffer::getFile(log);
    ASSERT_TRUE(bool(text));
    EXPECT_TRUE((*text)->getBuffer().contains("MISMATCHES 0\n"))
        << ex.model << ": " << (*text)->getBuffer().str();
    llvm::sys::fs::remove_directories(d);
  }
}

} // namespace

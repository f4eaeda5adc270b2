//===- NIRTest.cpp - NIR reader/writer API tests --------------------------===//
//
// The C++ API of the NIR reader and writer: a network holding every
// exportable op survives export + import unchanged, export is deterministic
// across contexts, and damaged images (every truncation, byte flips) never
// crash and fail with exactly one error.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/NIR.h"
#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace mlir;

namespace {

/// Every op type NIR can hold, named, in a graph with a cycle.
const char *const kAllOps = R"mlir(
snn.network @all {
  %x = snn.input : tensor<1x6x6xf32> loc("x")
  %c = snn.conv2d %x {weight = dense<0.25> : tensor<2x1x3x3xf32>, bias = dense<[0.5, -0.5]> : tensor<2xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x6x6xf32>) -> tensor<2x6x6xf32> loc("conv")
  %i = snn.if %c {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<2x6x6xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2x6x6xf32>) -> tensor<2x6x6xi1> loc("if")
  %s = snn.sum_pool2d %i {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<2x6x6xi1>) -> tensor<2x3x3xf32> loc("sum")
  %a = snn.avg_pool2d %s {kernel_size = array<i64: 3, 3>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>} : (tensor<2x3x3xf32>) -> tensor<2x3x3xf32> loc("avg")
  %f = snn.flatten %a {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<2x3x3xf32>) -> tensor<18xf32> loc("flat")
  %y = snn.affine %f {weight = dense<0.125> : tensor<4x18xf64>, bias = dense<0.0> : tensor<4xf64>} : (tensor<18xf32>) -> tensor<4xf32> loc("fc")
  %sc = snn.scale %y {scale = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xf32> loc("scale")
  %l = snn.lif %sc, %rec {tau = dense<0.01> : tensor<4xf32>, r = dense<1.0> : tensor<4xf32>, v_leak = dense<0.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1> loc("lif")
  %rec = snn.linear %l {weight = dense<-0.5> : tensor<4x4xf32>} : (tensor<4xi1>) -> tensor<4xf32> loc("rec")
  %d = snn.delay %l {delay = dense<0.002> : tensor<4xf64>} : (tensor<4xi1>) -> tensor<4xi1> loc("delay")
  %t = snn.threshold %rec {threshold = dense<0.5> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1> loc("thr")
  %n = snn.integrator %rec {r = dense<2.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xf32> loc("int")
  %li = snn.li %n {tau = dense<0.02> : tensor<4xf32>, r = dense<1.0> : tensor<4xf32>, v_leak = dense<0.1> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xf32> loc("li")
  %cl = snn.cuba_li %n {tau_syn = dense<0.005> : tensor<4xf32>, tau_mem = dense<0.01> : tensor<4xf32>, r = dense<1.0> : tensor<4xf32>, v_leak = dense<0.0> : tensor<4xf32>, w_in = dense<1.5> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xf32> loc("cuba_li")
  %cf = snn.cuba_lif %n {tau_syn = dense<0.005> : tensor<4xf32>, tau_mem = dense<0.01> : tensor<4xf32>, r = dense<1.0> : tensor<4xf32>, v_leak = dense<0.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<-0.25> : tensor<4xf32>, w_in = dense<1.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1> loc("cuba_lif")
  %z = snn.input : tensor<2x8xf32> loc("z")
  %c1 = snn.conv1d %z {weight = dense<1.0> : tensor<4x1x3xf32>, bias = dense<0.0> : tensor<4xf32>, stride = array<i64: 2>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 2 : i64} : (tensor<2x8xf32>) -> tensor<4x3xf32> loc("conv1")
  snn.output %d, %t, %cf : tensor<4xi1>, tensor<4xi1>, tensor<4xi1> loc("spikes")
  snn.output %li, %cl : tensor<4xf32>, tensor<4xf32> loc("values")
  snn.output %c1 : tensor<4x3xf32> loc("conv_out")
}
)mlir";

class NIRTest : public ::testing::Test {
protected:
  NIRTest() { context.getOrLoadDialect<axon::snn::SNNDialect>(); }

  OwningOpRef<ModuleOp> parse(const char *text) {
    return parseSourceString<ModuleOp>(text, &context);
  }

  static std::string print(ModuleOp module) {
    std::string text;
    llvm::raw_string_ostream os(text);
    module.print(os);
    return text;
  }

  std::string exportToString(ModuleOp module) {
    std::string bytes;
    llvm::raw_string_ostream os(bytes);
    EXPECT_TRUE(succeeded(axon::exportNIR(module, os)));
    return bytes;
  }

  /// Imports `bytes`, counting the errors emitted.
  OwningOpRef<ModuleOp> import(llvm::StringRef bytes, int &errors) {
    errors = 0;
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      if (diag.getSeverity() == DiagnosticSeverity::Error)
        ++errors;
      return success();
    });
    return axon::importNIR(bytes, "test.nir", &context);
  }

  MLIRContext context;
};

TEST_F(NIRTest, EveryExportableOpRoundTrips) {
  OwningOpRef<ModuleOp> source = parse(kAllOps);
  ASSERT_TRUE(source);
  std::string bytes = exportToString(*source);
  int errors;
  OwningOpRef<ModuleOp> imported = import(bytes, errors);
  ASSERT_TRUE(imported) << "import failed";
  EXPECT_EQ(errors, 0);
  EXPECT_TRUE(succeeded(verify(*imported)));
  // The import orders ops its own way, so compare a second round trip,
  // and check the first one op by op.
  std::string again = exportToString(*imported);
  OwningOpRef<ModuleOp> reimported = import(again, errors);
  ASSERT_TRUE(reimported);
  EXPECT_EQ(print(*imported), print(*reimported));
  EXPECT_EQ(bytes, again) << "writer is not canonical";

  auto network = *imported->getOps<axon::snn::NetworkOp>().begin();
  llvm::StringMap<Operation *> byName;
  for (Operation &op : *network.getBodyBlock())
    byName[axon::snn::getNodeName(&op)] = &op;
  auto original = *source->getOps<axon::snn::NetworkOp>().begin();
  for (Operation &op : *original.getBodyBlock()) {
    llvm::StringRef name = axon::snn::getNodeName(&op);
    Operation *copy = byName.lookup(name);
    ASSERT_NE(copy, nullptr) << "lost node " << name.str();
    EXPECT_EQ(op.getName(), copy->getName()) << name.str();
    EXPECT_EQ(op.getAttrDictionary(), copy->getAttrDictionary()) << name.str();
    EXPECT_EQ(op.getResultTypes(), copy->getResultTypes()) << name.str();
    ASSERT_EQ(op.getNumOperands(), copy->getNumOperands()) << name.str();
  }
  // The loop: lif sums scale and rec.
  Operation *lif = byName.lookup("lif");
  ASSERT_EQ(lif->getNumOperands(), 2u);
  EXPECT_EQ(axon::snn::getNodeName(lif->getOperand(0).getDefiningOp()), "rec");
  EXPECT_EQ(axon::snn::getNodeName(lif->getOperand(1).getDefiningOp()),
            "scale");
}

TEST_F(NIRTest, ExportIsDeterministicAcrossContexts) {
  OwningOpRef<ModuleOp> source = parse(kAllOps);
  ASSERT_TRUE(source);
  std::string first = exportToString(*source);
  MLIRContext other;
  other.getOrLoadDialect<axon::snn::SNNDialect>();
  OwningOpRef<ModuleOp> copy = parseSourceString<ModuleOp>(kAllOps, &other);
  ASSERT_TRUE(copy);
  std::string second = exportToString(*copy);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.compare(0, 8, "\x89HDF\r\n\x1a\n"), 0);
}

TEST_F(NIRTest, EveryTruncationFailsWithOneError) {
  OwningOpRef<ModuleOp> source = parse(kAllOps);
  ASSERT_TRUE(source);
  std::string bytes = exportToString(*source);
  // Every length below the full image, in steps that hit every region of
  // the file (superblock, object headers, heaps, raw data).
  for (size_t length = 0; length < bytes.size(); length += 61) {
    int errors;
    OwningOpRef<ModuleOp> module =
        import(llvm::StringRef(bytes.data(), length), errors);
    EXPECT_FALSE(module) << "length " << length;
    EXPECT_EQ(errors, 1) << "length " << length;
  }
}

TEST_F(NIRTest, FlippedBytesNeverCrash) {
  OwningOpRef<ModuleOp> source = parse(kAllOps);
  ASSERT_TRUE(source);
  std::string bytes = exportToString(*source);
  int failures = 0;
  for (size_t position = 0; position < bytes.size(); position += 89) {
    std::string damaged = bytes;
    damaged[position] = static_cast<char>(damaged[position] ^ 0x5a);
    int errors;
    OwningOpRef<ModuleOp> module = import(damaged, errors);
    if (module) {
      // Damage in unused bytes or in values: whatever imports is valid IR.
      EXPECT_EQ(errors, 0);
      EXPECT_TRUE(succeeded(verify(*module))) << "position " << position;
    } else {
      EXPECT_EQ(errors, 1) << "position " << position;
      ++failures;
    }
  }
  EXPECT_GT(failures, 0);
}

TEST_F(NIRTest, UnnamedOpsGetUniqueNames) {
  OwningOpRef<ModuleOp> source = parse(R"mlir(
snn.network @n {
  %a = snn.input : tensor<2xf32>
  %b = snn.input : tensor<2xf32>
  %s = snn.scale %a, %b {scale = dense<2.0> : tensor<2xf32>} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  snn.output %s : tensor<2xf32>
}
)mlir");
  ASSERT_TRUE(source);
  int errors;
  OwningOpRef<ModuleOp> imported = import(exportToString(*source), errors);
  ASSERT_TRUE(imported);
  std::vector<std::string> names;
  for (Operation &op :
       *(*imported->getOps<axon::snn::NetworkOp>().begin()).getBodyBlock())
    names.push_back(axon::snn::getNodeName(&op).str());
  EXPECT_EQ(names,
            (std::vector<std::string>{"input", "input_1", "scale", "output"}));
}

TEST_F(NIRTest, NetworkNameComesFromTheFile) {
  OwningOpRef<ModuleOp> source = parse(kAllOps);
  ASSERT_TRUE(source);
  int errors;
  OwningOpRef<ModuleOp> imported = import(exportToString(*source), errors);
  ASSERT_TRUE(imported);
  EXPECT_EQ((*imported->getOps<axon::snn::NetworkOp>().begin()).getSymName(),
            "all");
}

} // namespace

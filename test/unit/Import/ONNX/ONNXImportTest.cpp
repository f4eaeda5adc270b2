//===- ONNXImportTest.cpp - fixtures compute ONNX outputs -------*- C++ -*-===//
//
// Each good fixture comes with an input and the output computed by an
// independent numpy/PyTorch reference of the ONNX operator semantics
// (scripts/gen_onnx_fixtures.py, scripts/gen_onnx_extra_fixtures.py).  The
// imported network is run by the test-only evaluator and must reproduce it;
// the only intended difference, ONNX Sign(0) = 0 vs snn.sign(0) = +1, is
// checked explicitly.  Locations and robustness against truncated files are
// tested here too.
//
//===----------------------------------------------------------------------===//

#include "test/unit/Import/ONNX/ImportHelpers.h"

#include "mlir/IR/Location.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "axon/Import/ONNX.h"

#include "gtest/gtest.h"

#include <cmath>
#include <set>

using namespace mlir;
using namespace axon;
using namespace axon::test;

namespace {

const char *const kInputs = "test/Import/onnx/Inputs/";

/// Fixtures whose expected output the imported network must reproduce.
const char *const kGoodFixtures[] = {
    "gemm",
    "matmul_add",
    "conv",
    "avgpool",
    "relu",
    "clip",
    "batchnorm",
    "flatten",
    "reshape",
    "argmax",
    "identity",
    "extra/gemm_alpha_beta",
    "extra/gemm_no_bias",
    "extra/matmul_linear",
    "extra/add_bias_first",
    "extra/matmul_add_add",
    "extra/matmul_shared_add",
    "extra/conv_group_dilation_same",
    "extra/conv1d",
    "extra/avgpool_pad",
    "extra/cnn_chain",
    "extra/old_exporter",
};
/// Fixtures with expected outputs that are checked separately: sign (zero
/// maps differently) and maxpool (rejected, see ONNXErrorsTest.cpp).
const char *const kSpecialFixtures[] = {"sign", "maxpool"};

std::string fixtureBase(StringRef name) {
  return sourcePath(kInputs) + name.str();
}

std::string firstError(const ImportResult &r) {
  if (!r.readError.empty())
    return "cannot read: " + r.readError;
  for (const CapturedDiagnostic &d : r.diagnostics)
    if (d.severity == DiagnosticSeverity::Error)
      return d.location + ": " + d.message;
  return "";
}

/// Relative comparison at the fixtures' tolerance (float32 weights, double
/// evaluation on both sides).
void expectClose(const Values &actual, const Values &expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto &entry : expected) {
    auto it = actual.find(entry.getKey());
    ASSERT_NE(it, actual.end()) << "no output named " << entry.getKey().str();
    const std::vector<double> &want = entry.getValue();
    ASSERT_EQ(it->second.size(), want.size()) << entry.getKey().str();
    for (size_t i = 0; i < want.size(); ++i)
      EXPECT_NEAR(it->second[i], want[i],
                  1e-5 * std::max(1.0, std::abs(want[i])))
          << entry.getKey().str() << "[" << i << "]";
  }
}

class ONNXFixtureTest : public ::testing::TestWithParam<const char *> {};

TEST_P(ONNXFixtureTest, ComputesTheExpectedOutput) {
  MLIRContext context;
  std::string base = fixtureBase(GetParam());
  ImportResult r = importFile(context, base + ".onnx");
  ASSERT_TRUE(r.module) << firstError(r);
  EXPECT_EQ(r.count(DiagnosticSeverity::Error), 0u);
  EXPECT_EQ(r.count(DiagnosticSeverity::Warning), 0u);
  ExpectedData expected = readExpected(base + ".expected.json");
  ASSERT_TRUE(expected.error.empty()) << expected.error;
  llvm::Expected<Values> outputs = evaluateANN(r.network(), expected.inputs);
  ASSERT_TRUE(bool(outputs)) << llvm::toString(outputs.takeError());
  expectClose(*outputs, expected.outputs);
}

std::string paramName(const ::testing::TestParamInfo<const char *> &info) {
  std::string name = info.param;
  for (char &c : name)
    if (!llvm::isAlnum(c))
      c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ONNXFixtureTest,
                         ::testing::ValuesIn(kGoodFixtures), paramName);

TEST(ONNXFixtureCoverage, EveryExpectedOutputIsChecked) {
  std::set<std::string> known(std::begin(kGoodFixtures),
                              std::end(kGoodFixtures));
  known.insert(std::begin(kSpecialFixtures), std::end(kSpecialFixtures));
  unsigned seen = 0;
  for (StringRef dir : {"", "extra/"}) {
    std::error_code ec;
    std::string root = sourcePath(kInputs) + dir.str();
    for (llvm::sys::fs::directory_iterator it(root, ec), end; it != end && !ec;
         it.increment(ec)) {
      StringRef file = llvm::sys::path::filename(it->path());
      if (!file.consume_back(".expected.json"))
        continue;
      ++seen;
      EXPECT_TRUE(known.count(dir.str() + file.str()))
          << dir.str() + file.str() << " has expected outputs but no test";
    }
  }
  EXPECT_GE(seen, std::size(kGoodFixtures));
}

TEST(ONNXImportSign, ZeroMapsToPlusOneAndIsRemarkedOnce) {
  MLIRContext context;
  std::string base = fixtureBase("sign");
  ImportResult r = importFile(context, base + ".onnx");
  ASSERT_TRUE(r.module) << firstError(r);
  ASSERT_EQ(r.count(DiagnosticSeverity::Remark), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("Sign"), std::string::npos);
  ExpectedData expected = readExpected(base + ".expected.json");
  ASSERT_TRUE(expected.error.empty()) << expected.error;
  llvm::Expected<Values> out = evaluateANN(r.network(), expected.inputs);
  ASSERT_TRUE(bool(out)) << llvm::toString(out.takeError());
  const std::vector<double> &x = expected.inputs["X"];
  const std::vector<double> &onnx = expected.outputs["Y"];
  const std::vector<double> &ours = (*out)["Y"];
  ASSERT_EQ(ours.size(), x.size());
  unsigned zeros = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i] == 0.0) {
      ++zeros;
      EXPECT_EQ(onnx[i], 0.0);
      EXPECT_EQ(ours[i], 1.0) << "snn.sign(0) is +1";
    } else {
      EXPECT_EQ(ours[i], onnx[i]) << i;
    }
  }
  EXPECT_EQ(zeros, 1u) << "the fixture is expected to probe Sign(0)";
}

/// Names of the ops of a network in block order.
std::vector<std::string> opNames(snn::NetworkOp net) {
  std::vector<std::string> names;
  for (Operation &op : net.getBodyBlock()->getOperations())
    names.push_back(snn::getNodeName(&op).str());
  return names;
}

TEST(ONNXImportLocations, NodeNamesOverTheFileLocation) {
  MLIRContext context;
  std::string path = fixtureBase("extra/cnn_chain") + ".onnx";
  ImportResult r = importFile(context, path);
  ASSERT_TRUE(r.module) << firstError(r);
  // Graph inputs/outputs carry their value names, nodes their node names;
  // MaxPool 1x1, Dropout and Identity forward and leave no op.
  std::vector<std::string> expected = {"X",      "conv", "bn", "relu",
                                       "pool",   "flat", "fc", "clip",
                                       "argmax", "Y",    "K"};
  EXPECT_EQ(opNames(r.network()), expected);
  Operation &conv = *std::next(r.network().getBodyBlock()->begin());
  auto nameLoc = llvm::dyn_cast<NameLoc>(conv.getLoc());
  ASSERT_TRUE(nameLoc);
  auto fileLoc = llvm::dyn_cast<FileLineColLoc>(nameLoc.getChildLoc());
  ASSERT_TRUE(fileLoc);
  EXPECT_EQ(fileLoc.getFilename().str(), path);
  EXPECT_EQ(fileLoc.getLine(), 0u);
}

TEST(ONNXImportLocations, UnnamedNodesUseTheirFirstOutput) {
  MLIRContext context;
  ImportResult r =
      importFile(context, fixtureBase("extra/gemm_no_bias") + ".onnx");
  ASSERT_TRUE(r.module) << firstError(r);
  EXPECT_EQ(opNames(r.network()), (std::vector<std::string>{"X", "Y", "Y"}));
}

TEST(ONNXImportLocations, FusedBiasKeepsBothNodes) {
  MLIRContext context;
  ImportResult r =
      importFile(context, fixtureBase("extra/add_bias_first") + ".onnx");
  ASSERT_TRUE(r.module) << firstError(r);
  Operation &affine = *std::next(r.network().getBodyBlock()->begin());
  ASSERT_TRUE(llvm::isa<snn::AffineOp>(affine));
  std::string loc;
  llvm::raw_string_ostream(loc) << affine.getLoc();
  EXPECT_NE(loc.find("\"mm\""), std::string::npos) << loc;
  EXPECT_NE(loc.find("\"bias\""), std::string::npos) << loc;
  EXPECT_EQ(snn::getNodeName(&affine), "mm");
}

/// Every prefix of a valid file either imports or fails with exactly one
/// error; none may crash (protobuf accepts many truncations as valid).
TEST(ONNXImportRobustness, TruncatedFilesFailWithOneError) {
  auto buffer = llvm::MemoryBuffer::getFile(
      fixtureBase("extra/cnn_chain") + ".onnx", /*IsText=*/false);
  ASSERT_TRUE(bool(buffer));
  StringRef bytes = (*buffer)->getBuffer();
  MLIRContext context;
  unsigned failures = 0;
  for (size_t len = 0; len < bytes.size(); ++len) {
    unsigned errors = 0;
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
      errors += diag.getSeverity() == DiagnosticSeverity::Error;
      return success();
    });
    OwningOpRef<ModuleOp> module =
        importONNX(bytes.take_front(len), "truncated.onnx", &context);
    if (!module) {
      ++failures;
      EXPECT_EQ(errors, 1u) << "prefix of " << len << " bytes";
    }
  }
  EXPECT_GT(failures, bytes.size() / 2);
}

} // namespace

//===- FlowTest.cpp - Tests of the printed flow's pieces ------------------===//
//
// The parts of targets/printed/Flow that are easier to state in code than
// through axonc: the single-CSV split (row indices computed by hand), MLP
// extraction from snn IR (weights read back, errors located), and the report
// views (reduction, JSON keys, SVG determinism and escaping).
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Flow/Flow.h"
#include "targets/printed/Flow/ExtractMLP.h"
#include "targets/printed/Flow/Report.h"

#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace axon::printed;

namespace {

/// A scratch file removed at the end of the test.
struct TempFile {
  llvm::SmallString<128> path;
  explicit TempFile(llvm::StringRef text) {
    int fd;
    EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("flow", "csv", fd, path));
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << text;
  }
  ~TempFile() { llvm::sys::fs::remove(path); }
};

TEST(FlowDataset, SingleCSVSplitSpreadsTestRows) {
  // Rows 0..9, feature = row index, label = index % 2.  With f = 0.3 a row i
  // is a test row when floor(0.3 (i+1)) > floor(0.3 i): i = 3, 6, 9.
  std::string text = "f0,label\n";
  for (int i = 0; i < 10; ++i)
    text += std::to_string(i) + "," + std::to_string(i % 2) + "\n";
  TempFile file(text);
  llvm::Expected<DatasetSplit> split = loadFlowDataset(file.path, 0.3);
  ASSERT_TRUE(bool(split)) << llvm::toString(split.takeError());
  EXPECT_EQ(split->test.features, (std::vector<double>{3, 6, 9}));
  EXPECT_EQ(split->test.labels, (std::vector<unsigned>{1, 0, 1}));
  EXPECT_EQ(split->train.features, (std::vector<double>{0, 1, 2, 4, 5, 7, 8}));
}

TEST(FlowDataset, Errors) {
  llvm::Expected<DatasetSplit> missing =
      loadFlowDataset("/nonexistent/axon/data", 0.3);
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("not found"),
            std::string::npos);
  TempFile file("f0,label\n1,0\n2,1\n");
  llvm::Expected<DatasetSplit> bad = loadFlowDataset(file.path, 1.0);
  ASSERT_FALSE(bool(bad));
  EXPECT_NE(llvm::toString(bad.takeError()).find("test fraction"),
            std::string::npos);
  // A folder without test.csv.
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("flow", dir));
  llvm::SmallString<128> train(dir);
  llvm::sys::path::append(train, "train.csv");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(train, ec);
    os << "f0,label\n1,0\n";
  }
  llvm::Expected<DatasetSplit> noTest = loadFlowDataset(dir, 0.3);
  ASSERT_FALSE(bool(noTest));
  EXPECT_NE(llvm::toString(noTest.takeError()).find("has no test.csv"),
            std::string::npos);
  llvm::sys::fs::remove(train);
  llvm::sys::fs::remove(dir);
}

//===----------------------------------------------------------------------===//
// Extraction
//===----------------------------------------------------------------------===//

class ExtractTest : public ::testing::Test {
protected:
  ExtractTest() {
    context.getOrLoadDialect<axon::snn::SNNDialect>();
    handler.emplace(&context, [this](mlir::Diagnostic &diag) {
      messages.push_back(diag.str());
      return mlir::success();
    });
  }
  mlir::FailureOr<FloatMLP> extract(llvm::StringRef body) {
    std::string text = "snn.network @n {\n" + body.str() + "}\n";
    module = mlir::parseSourceString<mlir::ModuleOp>(text, &context);
    EXPECT_TRUE(bool(module));
    return extractMLP(*module->getOps<axon::snn::NetworkOp>().begin());
  }
  mlir::MLIRContext context;
  std::optional<mlir::ScopedDiagnosticHandler> handler;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::vector<std::string> messages;
};

TEST_F(ExtractTest, ReadsLayersInOrder) {
  mlir::FailureOr<FloatMLP> m = extract(R"(
    %x = snn.input : tensor<1x2xf32>
    %f = snn.flatten %x {start_dim = 0 : i64, end_dim = 1 : i64} : (tensor<1x2xf32>) -> tensor<2xf32>
    %h = snn.linear %f {weight = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>} : (tensor<2xf32>) -> tensor<3xf32>
    %r = snn.relu %h : (tensor<3xf32>) -> tensor<3xf32>
    %o = snn.affine %r {weight = dense<[[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]> : tensor<2x3xf32>, bias = dense<[0.25, -0.5]> : tensor<2xf32>} : (tensor<3xf32>) -> tensor<2xf32>
    %c = snn.argmax %o : (tensor<2xf32>) -> tensor<1xi64>
    snn.output %c : tensor<1xi64>
  )");
  ASSERT_TRUE(succeeded(m)) << (messages.empty() ? "" : messages.front());
  ASSERT_EQ(m->layers.size(), 2u);
  EXPECT_EQ(m->layers[0].numInputs, 2u);
  EXPECT_EQ(m->layers[0].numOutputs, 3u);
  EXPECT_EQ(m->layers[0].weights, (std::vector<double>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(m->layers[0].biases, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(m->layers[1].weights,
            (std::vector<double>{1, 0, -1, 0.5, 0.5, 0.5}));
  EXPECT_EQ(m->layers[1].biases, (std::vector<double>{0.25, -0.5}));
  // logits of x = (1, 1): h = (3, 7, 11); out = (3 - 11 + 0.25, 10.5 - 0.5).
  EXPECT_EQ(m->logits({1.0, 1.0}), (std::vector<double>{-7.75, 10.0}));
}

TEST_F(ExtractTest, RejectsRankTwoInputWithoutFlatten) {
  mlir::FailureOr<FloatMLP> m = extract(R"(
    %x = snn.input : tensor<2x2xf32>
    %h = snn.linear %x {weight = dense<1.0> : tensor<3x2xf32>} : (tensor<2x2xf32>) -> tensor<2x3xf32>
    snn.output %h : tensor<2x3xf32>
  )");
  EXPECT_TRUE(failed(m));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(messages[0].find("takes vectors (rank 1)"), std::string::npos);
}

TEST_F(ExtractTest, RejectsNetworkWithoutLayers) {
  mlir::FailureOr<FloatMLP> m = extract(R"(
    %x = snn.input : tensor<2xf32>
    %r = snn.relu %x : (tensor<2xf32>) -> tensor<2xf32>
    snn.output %r : tensor<2xf32>
  )");
  EXPECT_TRUE(failed(m));
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages[0].find("expected snn.affine or snn.linear"),
            std::string::npos);
}

//===----------------------------------------------------------------------===//
// Report views
//===----------------------------------------------------------------------===//

static PrintedReport sampleReport() {
  PrintedReport r;
  r.model = "a<b&c";
  r.topology = "2-2-2";
  r.maxAccuracyLoss = 0.01;
  r.baseline.areaUm2 = 4e8;
  r.baseline.estimatedAreaUm2 = 5e8;
  r.baseline.accuracy = {0.9, 0.85};
  r.chosen.areaUm2 = 1e8;
  r.chosen.estimatedAreaUm2 = 2e8;
  r.chosen.accuracy = {0.895, 0.84};
  r.front = {FrontPoint{2e8, {0.895, 0.84}, "greedy", true},
             FrontPoint{3e8, {0.9, 0.86}, "genetic", false}};
  r.phaseSeconds = {{"load", 1.5}, {"search", 2.0}};
  return r;
}

TEST(Report, ReductionAndJSON) {
  PrintedReport r = sampleReport();
  EXPECT_EQ(r.areaReduction(), 4.0);
  EXPECT_EQ(r.estimatedAreaReduction(), 2.5);
  EXPECT_EQ(r.totalSeconds(), 3.5);
  llvm::json::Value v = toJSON(r);
  llvm::json::Object *o = v.getAsObject();
  ASSERT_TRUE(o);
  EXPECT_EQ(o->getObject("reduction")->getNumber("area"), 4.0);
  EXPECT_NEAR(*o->getObject("accuracy")->getNumber("train_loss"), 0.005, 1e-12);
  EXPECT_EQ(o->getArray("pareto")->size(), 2u);
  EXPECT_TRUE(o->getObject("run"));
  // A chosen design without cells has no finite reduction.
  r.chosen.areaUm2 = 0;
  EXPECT_FALSE(r.areaReduction().has_value());
  v = toJSON(r);
  EXPECT_TRUE(
      v.getAsObject()->getObject("reduction")->get("area")->getAsNull());
}

TEST(Report, ParetoSVGIsDeterministicAndEscaped) {
  PrintedReport r = sampleReport();
  std::string a = renderParetoSVG(r), b = renderParetoSVG(r);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("a&lt;b&amp;c"), std::string::npos);
  EXPECT_EQ(a.find("a<b"), std::string::npos);
  // One circle per front design plus one in the legend.
  size_t circles = 0;
  for (size_t at = a.find("<circle"); at != std::string::npos;
       at = a.find("<circle", at + 1))
    ++circles;
  EXPECT_EQ(circles, 3u);
  // Changing a time (not shown in the picture) keeps the bytes.
  r.phaseSeconds[0].second = 99;
  EXPECT_EQ(renderParetoSVG(r), a);
}

} // namespace

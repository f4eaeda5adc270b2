//===- ONNXExamplesTest.cpp - the trained example models import -*- C++ -*-===//
//
// The models under examples/ were trained and exported by PyTorch; their
// training scripts recorded the test accuracy of a numpy evaluation of the
// exported ONNX graph.  Every example must import, and where the test set
// ships with the example, the imported network must classify it with that
// same accuracy (within one sample, for float rounding near ties).
//
//===----------------------------------------------------------------------===//

#include "test/unit/Import/ONNX/ImportHelpers.h"

#include "axon/Import/LoadModel.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace mlir;
using namespace axon;
using namespace axon::test;

namespace {

TEST(ONNXExamples, EveryExampleModelImports) {
  std::error_code ec;
  unsigned models = 0;
  for (llvm::sys::fs::recursive_directory_iterator
           it(sourcePath("examples"), ec),
       end;
       it != end && !ec; it.increment(ec)) {
    if (llvm::sys::path::extension(it->path()) != ".onnx")
      continue;
    ++models;
    MLIRContext context;
    ImportResult r = importFile(context, it->path());
    EXPECT_TRUE(r.module) << it->path();
    EXPECT_EQ(r.count(DiagnosticSeverity::Error), 0u) << it->path();
    EXPECT_LE(r.count(DiagnosticSeverity::Remark), 1u) << it->path();
  }
  if (models == 0)
    GTEST_SKIP() << "no example models yet";
}

/// What axonc and the other tools do with a .onnx path: loadModel
/// dispatches on the extension to the ONNX importer.
TEST(ONNXExamples, LoadModelDispatchesOnTheExtension) {
  std::string path = sourcePath("examples/digits/mlp.onnx");
  if (!llvm::sys::fs::exists(path))
    GTEST_SKIP() << "examples/digits/mlp.onnx not present";
  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  OwningOpRef<ModuleOp> module = loadModel(path, sourceMgr, &context);
  ASSERT_TRUE(module);
  auto networks = module->getOps<snn::NetworkOp>();
  ASSERT_FALSE(networks.empty());
  EXPECT_EQ((*networks.begin()).getSymName(), "mlp");
}

/// A labelled CSV (header row; features then the integer label).
struct Dataset {
  std::vector<std::vector<double>> rows;
  std::vector<int64_t> labels;
};

bool readCSV(StringRef path, Dataset &data) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return false;
  SmallVector<StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef line : llvm::ArrayRef(lines).drop_front()) {
    SmallVector<StringRef> cells;
    line.trim().split(cells, ',');
    std::vector<double> row;
    for (StringRef cell : cells) {
      double v;
      if (cell.trim().getAsDouble(v))
        return false;
      row.push_back(v);
    }
    data.labels.push_back(static_cast<int64_t>(row.back()));
    row.pop_back();
    data.rows.push_back(std::move(row));
  }
  return !data.rows.empty();
}

/// `key`.`field` of a JSON file, as a number.
std::optional<double> jsonNumber(StringRef path, StringRef key,
                                 StringRef field) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  if (!json) {
    llvm::consumeError(json.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *root = json->getAsObject();
  const llvm::json::Object *entry = root ? root->getObject(key) : nullptr;
  return entry ? entry->getNumber(field) : std::nullopt;
}

struct AccuracyCase {
  const char *model, *csv, *json, *key;
};

class ONNXExampleAccuracy : public ::testing::TestWithParam<AccuracyCase> {};

TEST_P(ONNXExampleAccuracy, MatchesTheExportersNumpyEvaluation) {
  const AccuracyCase &c = GetParam();
  std::string model = sourcePath(c.model);
  if (!llvm::sys::fs::exists(model))
    GTEST_SKIP() << c.model << " not present";
  Dataset data;
  ASSERT_TRUE(readCSV(sourcePath(c.csv), data)) << c.csv;
  std::optional<double> reference =
      jsonNumber(sourcePath(c.json), c.key, "onnx_numpy_test_acc");
  ASSERT_TRUE(reference) << c.json;

  MLIRContext context;
  ImportResult r = importFile(context, model);
  ASSERT_TRUE(r.module) << c.model;
  snn::NetworkOp net = r.network();
  StringRef inputName = snn::getNodeName(&net.getBodyBlock()->front());
  int64_t correct = 0;
  for (size_t i = 0; i < data.rows.size(); ++i) {
    Values inputs;
    inputs[inputName] = data.rows[i];
    llvm::Expected<Values> out = evaluateANN(net, inputs);
    ASSERT_TRUE(bool(out)) << llvm::toString(out.takeError());
    ASSERT_EQ(out->size(), 1u);
    const std::vector<double> &y = out->begin()->getValue();
    // Either an ArgMax readout (one index) or logits (take the argmax).
    size_t predicted = 0;
    if (y.size() == 1)
      predicted = static_cast<size_t>(y[0]);
    else
      for (size_t k = 1; k < y.size(); ++k)
        if (y[k] > y[predicted])
          predicted = k;
    correct += static_cast<int64_t>(predicted) == data.labels[i];
  }
  int64_t expected = std::llround(*reference * data.rows.size());
  EXPECT_NEAR(correct, expected, 1)
      << c.model << ": " << correct << "/" << data.rows.size();
}

const AccuracyCase kAccuracyCases[] = {
    {"examples/digits/mlp.onnx", "examples/digits/test.csv",
     "examples/digits/accuracy.json", "mlp"},
    {"examples/digits/cnn.onnx", "examples/digits/test.csv",
     "examples/digits/accuracy.json", "cnn"},
    {"examples/digits/bnn_mlp.onnx", "examples/digits/test_binary.csv",
     "examples/digits/accuracy.json", "bnn_mlp"},
    {"examples/bnn/breast_cancer_bnn.onnx",
     "examples/bnn/breast_cancer_test_binary.csv",
     "examples/bnn/bnn_models.json", "breast_cancer"},
    {"examples/bnn/seeds_bnn.onnx", "examples/bnn/seeds_test_binary.csv",
     "examples/bnn/bnn_models.json", "seeds"},
};

std::string accuracyName(const ::testing::TestParamInfo<AccuracyCase> &info) {
  std::string name = llvm::sys::path::stem(info.param.model).str();
  for (char &ch : name)
    if (!llvm::isAlnum(ch))
      ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Examples, ONNXExampleAccuracy,
                         ::testing::ValuesIn(kAccuracyCases), accuracyName);

} // namespace

//===- ONNXErrorsTest.cpp - bad ONNX models give one error ------*- C++ -*-===//
//
// Every bad fixture must be rejected with exactly one error that is located
// in the file and names what is wrong: the node and its op type when a node
// is at fault, the graph input and dimension for shapes, the opset found.
//
//===----------------------------------------------------------------------===//

#include "test/unit/Import/ONNX/ImportHelpers.h"

#include "axon/Import/ONNX.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon;
using namespace axon::test;

namespace {

struct BadCase {
  const char *fixture;    // under test/Import/onnx/Inputs/, no extension
  const char *needles[3]; // substrings the error message must contain
};

const BadCase kBadCases[] = {
    {"bad_unsupported_op", {"unsupported ONNX op 'LSTM'", "(node 'Y')"}},
    {"bad_dynamic_shape", {"graph input 'X'", "symbolic dimension 'N'"}},
    {"bad_missing_initializer",
     {"ONNX node 'Y' (Gemm)", "missing initializer 'W'"}},
    {"bad_opset_low", {"unsupported ONNX opset 9", "11 to 17"}},
    {"bad_opset_high", {"unsupported ONNX opset 20", "11 to 17"}},
    {"bad_not_onnx", {"not an ONNX model"}},
    {"maxpool", {"ONNX node 'Y' (MaxPool)", "max pooling", "[2, 2]"}},
    {"extra/bad_asymmetric_pads",
     {"ONNX node 'conv_asym' (Conv)", "asymmetric", "[0, 0, 1, 1]"}},
    {"extra/bad_count_exclude_pad",
     {"ONNX node 'pool_ex' (AveragePool)", "count_include_pad = 0"}},
    {"extra/bad_ceil_mode",
     {"ONNX node 'pool_ceil' (AveragePool)", "ceil_mode"}},
    {"extra/bad_batch2", {"graph input 'X'", "batch dimension 2"}},
    {"extra/bad_symbolic_feature",
     {"graph input 'X'", "symbolic dimension 'features'", "index 1"}},
    {"extra/bad_reshape",
     {"ONNX node 'reshape3d' (Reshape)", "[1, 6, 2]", "flattening"}},
    {"extra/bad_transA", {"ONNX node 'gemm_ta' (Gemm)", "transA"}},
    {"extra/bad_raw_size",
     {"ONNX node 'fc_trunc' (Gemm)", "'W'", "44 bytes of raw_data"}},
    {"extra/bad_external_data", {"ONNX node 'fc_ext' (Gemm)", "external"}},
    {"extra/bad_add_signals", {"ONNX node 'residual' (Add)", "bias"}},
    {"extra/bad_add_after_relu",
     {"ONNX node 'relu_bias' (Add)", "'R' is not computed by one"}},
    {"extra/bad_matmul_dynamic_weight",
     {"ONNX node 'mm_dyn' (MatMul)", "'R'", "constant weights"}},
    {"extra/bad_dropout_mask", {"ONNX node 'drop' (Dropout)", "'mask'"}},
    {"extra/bad_undefined_output", {"graph output 'Z'", "not produced"}},
    {"extra/bad_float16_init", {"ONNX node 'fc_half' (Gemm)", "float16"}},
    {"extra/bad_domain_op",
     {"unsupported ONNX op 'com.microsoft.FusedGemm'", "(node 'ms')"}},
    {"extra/bad_bn_training",
     {"ONNX node 'bn_train' (BatchNormalization)", "training_mode"}},
    {"extra/bad_argmax_axis0", {"ONNX node 'argmax0' (ArgMax)", "axis 0"}},
    {"extra/bad_duplicate_output",
     {"ONNX node 'second' (Relu)", "'Y' is already defined"}},
    {"extra/bad_nan_weight", {"'weight' must be finite", "ONNX node 'fc_nan'"}},
};

class ONNXBadModelTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(ONNXBadModelTest, FailsWithOneLocatedError) {
  const BadCase &c = GetParam();
  std::string path =
      sourcePath("test/Import/onnx/Inputs/") + c.fixture + ".onnx";
  MLIRContext context;
  ImportResult r = importFile(context, path);
  ASSERT_TRUE(r.readError.empty()) << r.readError;
  EXPECT_FALSE(r.module);
  ASSERT_EQ(r.count(DiagnosticSeverity::Error), 1u);
  const CapturedDiagnostic *error = nullptr;
  for (const CapturedDiagnostic &d : r.diagnostics)
    if (d.severity == DiagnosticSeverity::Error)
      error = &d;
  EXPECT_NE(error->location.find(path), std::string::npos) << error->location;
  for (const char *needle : c.needles) {
    if (!needle)
      continue;
    EXPECT_NE(error->message.find(needle), std::string::npos)
        << "'" << needle << "' not in: " << error->message;
  }
}

std::string caseName(const ::testing::TestParamInfo<BadCase> &info) {
  std::string name = info.param.fixture;
  for (char &ch : name)
    if (!isalnum(static_cast<unsigned char>(ch)))
      ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(BadModels, ONNXBadModelTest,
                         ::testing::ValuesIn(kBadCases), caseName);

TEST(ONNXImportErrors, EmptyBufferIsNotAModel) {
  MLIRContext context;
  unsigned errors = 0;
  std::string last;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    ++errors;
    last = diag.str();
    return success();
  });
  // An empty buffer parses as an empty ModelProto: no graph.
  EXPECT_FALSE(importONNX("", "empty.onnx", &context));
  EXPECT_EQ(errors, 1u);
  EXPECT_NE(last.find("not an ONNX model"), std::string::npos) << last;
}

} // namespace

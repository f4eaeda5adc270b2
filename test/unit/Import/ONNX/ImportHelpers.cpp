//===- ImportHelpers.cpp - helpers of the ONNX import tests -----*- C++ -*-===//
//
// See ImportHelpers.h.  The JSON reader accepts the fixture format written by
// scripts/gen_onnx_fixtures.py: {"inputs": {name: {"shape", "dtype",
// "data"}}, "outputs": {...}}.
//
//===----------------------------------------------------------------------===//

#include "test/unit/Import/ONNX/ImportHelpers.h"

#include "axon/Import/ONNX.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace axon;
using namespace axon::test;

unsigned ImportResult::count(DiagnosticSeverity severity) const {
  unsigned n = 0;
  for (const CapturedDiagnostic &d : diagnostics)
    n += d.severity == severity;
  return n;
}

snn::NetworkOp ImportResult::network() {
  if (!module)
    return nullptr;
  auto range = module->getOps<snn::NetworkOp>();
  return range.empty() ? nullptr : *range.begin();
}

std::string axon::test::sourcePath(llvm::StringRef relative) {
  llvm::SmallString<256> path(AXON_SOURCE_DIR);
  llvm::sys::path::append(path, relative);
  return std::string(path);
}

ImportResult axon::test::importFile(MLIRContext &context,
                                    llvm::StringRef path) {
  ImportResult result;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  if (!buffer) {
    result.readError = buffer.getError().message();
    return result;
  }
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    std::string loc;
    llvm::raw_string_ostream os(loc);
    os << diag.getLocation();
    result.diagnostics.push_back({diag.getSeverity(), diag.str(), loc});
    return success();
  });
  result.module = importONNX((*buffer)->getBuffer(), path, &context);
  return result;
}

/// Reads {name: {"data": [...]}} into `out`.
static bool readSection(const llvm::json::Object &root, llvm::StringRef key,
                        Values &out, std::string &error) {
  const llvm::json::Object *section = root.getObject(key);
  if (!section) {
    error = ("missing section '" + key + "'").str();
    return false;
  }
  for (const auto &[name, value] : *section) {
    const llvm::json::Object *tensor = value.getAsObject();
    const llvm::json::Array *data = tensor ? tensor->getArray("data") : nullptr;
    if (!data) {
      error = "tensor '" + name.str() + "' has no data";
      return false;
    }
    std::vector<double> values;
    for (const llvm::json::Value &v : *data) {
      std::optional<double> d = v.getAsNumber();
      if (!d) {
        error = "non-numeric data in '" + name.str() + "'";
        return false;
      }
      values.push_back(*d);
    }
    out[name.str()] = std::move(values);
  }
  return true;
}

ExpectedData axon::test::readExpected(llvm::StringRef path) {
  ExpectedData result;
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    result.error = buffer.getError().message();
    return result;
  }
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  if (!json) {
    result.error = llvm::toString(json.takeError());
    return result;
  }
  const llvm::json::Object *root = json->getAsObject();
  if (!root) {
    result.error = "top level is not an object";
    return result;
  }
  if (readSection(*root, "inputs", result.inputs, result.error))
    readSection(*root, "outputs", result.outputs, result.error);
  return result;
}

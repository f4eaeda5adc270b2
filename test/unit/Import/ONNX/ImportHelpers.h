//===- ImportHelpers.h - helpers of the ONNX import tests -------*- C++ -*-===//
//
// Importing a file while capturing every diagnostic (so tests can assert
// "exactly one error, naming the node"), finding fixtures in the source tree
// and reading the fixtures' expected-output JSON.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TEST_UNIT_IMPORT_ONNX_IMPORTHELPERS_H
#define AXON_TEST_UNIT_IMPORT_ONNX_IMPORTHELPERS_H

#include "test/unit/Import/ONNX/ANNEvaluator.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>
#include <vector>

namespace axon::test {

struct CapturedDiagnostic {
  mlir::DiagnosticSeverity severity;
  std::string message;  // the diagnostic text
  std::string location; // the printed location
};

struct ImportResult {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::vector<CapturedDiagnostic> diagnostics;
  std::string readError; // set when the file could not be read

  unsigned count(mlir::DiagnosticSeverity severity) const;
  /// The single network of the module (null if none).
  snn::NetworkOp network();
};

/// `relative` resolved against the repository root.
std::string sourcePath(llvm::StringRef relative);

/// Reads and imports the ONNX file at `path`.
ImportResult importFile(mlir::MLIRContext &context, llvm::StringRef path);

/// The tensors of a fixture's expected JSON: section "inputs" or "outputs".
struct ExpectedData {
  Values inputs, outputs;
  std::string error;
};
ExpectedData readExpected(llvm::StringRef path);

} // namespace axon::test

#endif // AXON_TEST_UNIT_IMPORT_ONNX_IMPORTHELPERS_H

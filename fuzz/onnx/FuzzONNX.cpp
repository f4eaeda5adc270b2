//===- FuzzONNX.cpp - libFuzzer target for the ONNX importer ----*- C++ -*-===//
//
// Feeds arbitrary bytes to axon::importONNX.  The importer must never crash,
// hang or read out of bounds on any file; every rejection is a diagnostic
// (swallowed here).  Accepted inputs are printed too, since a module that
// verifies must also print.  Each input gets a fresh single-threaded
// context so uniqued attributes do not accumulate across runs.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/ONNX.h"

#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  context.loadDialect<axon::snn::SNNDialect>();
  mlir::ScopedDiagnosticHandler handler(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });
  mlir::OwningOpRef<mlir::ModuleOp> module = axon::importONNX(
      llvm::StringRef(reinterpret_cast<const char *>(data), size), "fuzz.onnx",
      &context);
  if (module) {
    std::string text;
    llvm::raw_string_ostream os(text);
    module->print(os);
  }
  return 0;
}

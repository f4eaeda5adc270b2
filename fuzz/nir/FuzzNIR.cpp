//===- FuzzNIR.cpp - libFuzzer target for the NIR reader ------------------===//
//
// Feeds arbitrary bytes to importNIR.  Diagnostics are swallowed (they are
// the expected outcome for almost every input); what must never happen is a
// crash, a sanitizer report, a failure without exactly one error, or an
// accepted file whose IR does not verify or does not survive export and
// re-import unchanged.
//
// The reader normally parses HDF5 in a child process (lib/Import/NIR/
// Sandbox.h).  The target reads in-process instead, so that libFuzzer's
// coverage feedback and the sanitizers see the HDF5 loading code too; an
// HDF5-internal crash therefore shows up here although users would get an
// error.  Set AXON_FUZZ_SANDBOX=1 to fuzz exactly what users run.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/NIR.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace mlir;

namespace {
struct Stats {
  uint64_t inputs = 0, imported = 0, contained = 0;
};
Stats stats;

void printStats() {
  std::fprintf(stderr,
               "fuzz-nir: %llu inputs, %llu imported, %llu contained crashes "
               "of the HDF5 reader child\n",
               (unsigned long long)stats.inputs,
               (unsigned long long)stats.imported,
               (unsigned long long)stats.contained);
}

/// Imports `bytes`; returns the module and the number of errors emitted.
OwningOpRef<ModuleOp> importCounting(llvm::StringRef bytes,
                                     MLIRContext &context, int &errors) {
  errors = 0;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error) {
      ++errors;
      if (diag.str().find("child process") != std::string::npos)
        ++stats.contained;
    }
    return success();
  });
  return axon::importNIR(bytes, "fuzz.nir", &context);
}

std::string print(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  return text;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  if (!std::getenv("AXON_FUZZ_SANDBOX"))
    setenv("AXON_NIR_IN_PROCESS", "1", 1);
  std::atexit(printStats);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ++stats.inputs;
  // A fresh context per input: attributes are uniqued for the context's
  // lifetime and would otherwise accumulate.
  MLIRContext context(MLIRContext::Threading::DISABLED);
  context.getOrLoadDialect<axon::snn::SNNDialect>();
  int errors = 0;
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module = importCounting(bytes, context, errors);
  if (!module) {
    if (errors != 1)
      __builtin_trap(); // every failure is exactly one error
    return 0;
  }
  ++stats.imported;
  if (errors != 0 || failed(verify(*module)))
    __builtin_trap();
  // An accepted file must survive export and re-import unchanged.
  std::string image;
  llvm::raw_string_ostream os(image);
  if (failed(axon::exportNIR(*module, os)))
    return 0; // e.g. names HDF5 cannot store; reported as an error
  OwningOpRef<ModuleOp> again = importCounting(image, context, errors);
  if (!again || print(*module) != print(*again))
    __builtin_trap();
  return 0;
}

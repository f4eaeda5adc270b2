//===- Compile.h - `axonc compile` for each target --------------*- C++ -*-===//
//
// One function per target family, each in its own Compile<Target>.cpp with
// the options only it reads.  Each takes a verified module, writes its files
// into `outDir` (created if needed, files written atomically) and prints a
// short human summary on `os`.  Errors are MLIR diagnostics on the module's
// context; the function then returns failure and the driver exits non-zero.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TOOLS_AXONC_COMPILE_H
#define AXON_TOOLS_AXONC_COMPILE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace axonc {

/// --target=spinnaker1|spinnaker2 (`target` is the name given).
mlir::LogicalResult compileSpinnaker(mlir::ModuleOp module,
                                     llvm::StringRef target,
                                     llvm::StringRef outDir,
                                     llvm::raw_ostream &os);
/// --target=printed.
mlir::LogicalResult compilePrinted(mlir::ModuleOp module,
                                   llvm::StringRef outDir,
                                   llvm::raw_ostream &os);
/// --target=threshold.
mlir::LogicalResult compileThreshold(mlir::ModuleOp module,
                                     llvm::StringRef outDir,
                                     llvm::raw_ostream &os);

} // namespace axonc

#endif // AXON_TOOLS_AXONC_COMPILE_H

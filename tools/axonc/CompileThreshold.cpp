//===- CompileThreshold.cpp - axonc compile --target=threshold
//----------------------===//
//
// Placeholder until the threshold flow is wired: a clear error, not a crash.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Options.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace llvm;

LogicalResult axonc::compileThreshold(ModuleOp module, StringRef outDir,
                                      raw_ostream &os) {
  return emitError(module.getLoc())
         << "compile --target=" << targetName
         << " is not available in this build of axonc yet";
}

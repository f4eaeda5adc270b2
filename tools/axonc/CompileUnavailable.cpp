//===- CompileUnavailable.cpp - compile for rooms left out of the build ---===//
//
// A developer build with AXON_EXCLUDE_ROOMS set leaves target rooms out; the
// driver still links and says so instead of failing to link.
//
//===----------------------------------------------------------------------===//

#include "Compile.h"
#include "Options.h"

#include "mlir/IR/Diagnostics.h"

using namespace mlir;
using namespace llvm;

[[maybe_unused]] static LogicalResult notBuilt(ModuleOp module) {
  return emitError(module.getLoc())
         << "compile --target=" << axonc::targetName
         << ": this axonc was built without that target (AXON_EXCLUDE_ROOMS)";
}

#ifdef AXON_NO_Spinnaker
LogicalResult axonc::compileSpinnaker(ModuleOp module, StringRef, StringRef,
                                      raw_ostream &) {
  return notBuilt(module);
}
#endif
#ifdef AXON_NO_Printed
LogicalResult axonc::compilePrinted(ModuleOp module, StringRef, raw_ostream &) {
  return notBuilt(module);
}
#endif
#ifdef AXON_NO_Threshold
LogicalResult axonc::compileThreshold(ModuleOp module, StringRef,
                                      raw_ostream &) {
  return notBuilt(module);
}
#endif

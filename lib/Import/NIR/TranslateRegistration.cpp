//===- TranslateRegistration.cpp - --import-nir and --export-nir ----------===//
//
// Hooks the NIR reader and writer into mlir-translate's registry, so
// axon-translate can convert in both directions.  The importer gets the
// whole input buffer: NIR files are binary HDF5.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/NIR.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void axon::registerNIRTranslations() {
  static TranslateToMLIRRegistration importRegistration(
      "import-nir", "import a NIR graph (.nir, HDF5) into snn",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        OwningOpRef<ModuleOp> module = importNIR(
            buffer->getBuffer(), buffer->getBufferIdentifier(), context);
        return OwningOpRef<Operation *>(module.release());
      },
      [](DialectRegistry &registry) { registry.insert<snn::SNNDialect>(); });
  static TranslateFromMLIRRegistration exportRegistration(
      "export-nir", "export the module's snn.network as a NIR graph (HDF5)",
      [](ModuleOp module, llvm::raw_ostream &os) {
        return exportNIR(module, os);
      },
      [](DialectRegistry &registry) { registry.insert<snn::SNNDialect>(); });
}

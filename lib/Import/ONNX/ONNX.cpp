//===- ONNX.cpp - importONNX entry point and --import-onnx ------*- C++ -*-===//
//
// Parses the protobuf bytes with libonnx's generated classes and hands the
// ModelProto to the Importer.  This is also where `--import-onnx` is
// registered with mlir-translate's registry.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/ONNX.h"
#include "lib/Import/ONNX/Importer.h"

#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <climits>

using namespace mlir;

OwningOpRef<ModuleOp> axon::importONNX(llvm::StringRef bytes,
                                       llvm::StringRef fileName,
                                       MLIRContext *context) {
  context->getOrLoadDialect<snn::SNNDialect>();
  Location fileLoc = FileLineColLoc::get(context, fileName, 0, 0);
  onnx::ModelProto model;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    emitError(fileLoc) << "not an ONNX model: the file does not parse as an "
                          "ONNX ModelProto (protobuf)";
    return nullptr;
  }
  if (!model.has_graph()) {
    emitError(fileLoc) << "not an ONNX model: the ModelProto has no graph";
    return nullptr;
  }
  return onnximport::Importer(model, fileName, context).run();
}

void axon::registerONNXTranslations() {
  static TranslateToMLIRRegistration importRegistration(
      "import-onnx", "import an ONNX model (.onnx protobuf) into snn",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        OwningOpRef<ModuleOp> module = importONNX(
            buffer->getBuffer(), buffer->getBufferIdentifier(), context);
        return OwningOpRef<Operation *>(module.release());
      },
      [](DialectRegistry &registry) { registry.insert<snn::SNNDialect>(); });
}

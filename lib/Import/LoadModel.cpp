//===- LoadModel.cpp - load a model file into snn IR ------------*- C++ -*-===//
//
// Dispatches on the file extension.  Importers for binary formats register
// themselves here as they are added (NIR, ONNX).
//
//===----------------------------------------------------------------------===//

#include "axon/Import/LoadModel.h"
#include "axon/Import/NIR.h"
#include "axon/Import/ONNX.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;

OwningOpRef<ModuleOp> axon::loadModel(llvm::StringRef path,
                                      llvm::SourceMgr &sourceMgr,
                                      MLIRContext *context) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false);
  if (std::error_code ec = buffer.getError()) {
    emitError(fileLoc) << "cannot open model file: " << ec.message();
    return nullptr;
  }
  llvm::StringRef ext = llvm::sys::path::extension(path);
  if (ext == ".mlir" || path == "-") {
    sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
    return parseSourceFile<ModuleOp>(sourceMgr, context);
  }
#ifdef AXON_HAVE_NIR
  if (ext == ".nir")
    return importNIR((*buffer)->getBuffer(), path, context);
#endif
#ifdef AXON_HAVE_ONNX
  if (ext == ".onnx")
    return importONNX((*buffer)->getBuffer(), path, context);
#endif
  emitError(fileLoc) << "unknown model format '" << ext
                     << "': expected a .mlir, .nir or .onnx file";
  return nullptr;
}

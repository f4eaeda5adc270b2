//===- LoadModel.h - load a model file into snn IR --------------*- C++ -*-===//
//
// Every tool that takes a model accepts .nir, .onnx and .mlir files; this is
// the one function that decides by extension and reports errors through the
// context's diagnostic handler.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_IMPORT_LOADMODEL_H
#define AXON_IMPORT_LOADMODEL_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

namespace axon {

/// Loads `path` (".mlir", ".nir" or ".onnx"; "-" reads MLIR from stdin) into
/// a new module.  The file's buffer is added to `sourceMgr` so diagnostics
/// can quote it.  Returns null after emitting a diagnostic on failure.
mlir::OwningOpRef<mlir::ModuleOp> loadModel(llvm::StringRef path,
                                            llvm::SourceMgr &sourceMgr,
                                            mlir::MLIRContext *context);

} // namespace axon

#endif // AXON_IMPORT_LOADMODEL_H

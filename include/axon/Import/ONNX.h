//===- ONNX.h - ONNX (protobuf) import --------------------------*- C++ -*-===//
//
// Imports trained ANNs exported as ONNX (opset 11-17, static shapes) into the
// snn dialect's ANN ops.  Supported operators are listed in
// docs/formats/onnx.md.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_IMPORT_ONNX_H
#define AXON_IMPORT_ONNX_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"

namespace axon {

/// Imports the serialized ONNX ModelProto `bytes` (named `fileName` in
/// diagnostics) into a new module holding one snn.network.  Errors name the
/// ONNX node and its op type; returns null on failure.
mlir::OwningOpRef<mlir::ModuleOp> importONNX(llvm::StringRef bytes,
                                             llvm::StringRef fileName,
                                             mlir::MLIRContext *context);

/// Registers --import-onnx.
void registerONNXTranslations();

} // namespace axon

#endif // AXON_IMPORT_ONNX_H

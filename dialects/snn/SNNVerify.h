//===- SNNVerify.h - shared verifier helpers (private) ----------*- C++ -*-===//
//
// Helpers used by the op verifiers in SNNOps.cpp and SNNSynapses.cpp so that
// every message about inputs and parameters is worded the same way.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_DIALECTS_SNN_SNNVERIFY_H
#define AXON_DIALECTS_SNN_SNNVERIFY_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

#include <string>

namespace axon {
namespace snn {
namespace verify {

/// "[3, 4]".
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Shape of a ranked tensor value.
llvm::ArrayRef<int64_t> shapeOf(mlir::Value value);

/// Checks that `op` has at least one input and that all inputs have the same
/// shape; returns that shape through `shape`.
mlir::LogicalResult verifySummedInputs(mlir::Operation *op,
                                       llvm::SmallVectorImpl<int64_t> &shape);

/// Checks that parameter `name` has shape `shape` or a single element, that
/// its values are finite, and (if `positive`/`nonNegative`) their sign.
mlir::LogicalResult verifyParameter(mlir::Operation *op, llvm::StringRef name,
                                    mlir::DenseElementsAttr attr,
                                    llvm::ArrayRef<int64_t> shape,
                                    bool positive, bool nonNegative = false);

/// Checks the result has `shape` ("result shape [..] does not match ...").
mlir::LogicalResult verifyResultShape(mlir::Operation *op,
                                      llvm::ArrayRef<int64_t> expected,
                                      llvm::StringRef what);

/// Checks the result element type is float.
mlir::LogicalResult verifyFloatResult(mlir::Operation *op);

} // namespace verify
} // namespace snn
} // namespace axon

#endif // AXON_DIALECTS_SNN_SNNVERIFY_H

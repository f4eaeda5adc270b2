//===- SNNFolds.cpp - snn folders -------------------------------*- C++ -*-===//
//
// Folders that are obviously right: identities that leave the signal
// unchanged.  Each has a test in test/dialects/snn/canonicalize.mlir.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"

using namespace mlir;
using namespace axon::snn;

/// True if every element of `attr` equals `value`.
static bool allEqual(DenseElementsAttr attr, double value) {
  if (!attr)
    return false;
  for (double v : getElementsAsDouble(attr))
    if (v != value)
      return false;
  return true;
}

/// A single input whose type equals the result type can replace the op.
static Value singleSameTypedInput(Operation *op) {
  if (op->getNumOperands() != 1 ||
      op->getOperand(0).getType() != op->getResult(0).getType())
    return nullptr;
  return op->getOperand(0);
}

OpFoldResult ScaleOp::fold(FoldAdaptor) {
  if (allEqual(getScale(), 1.0))
    return singleSameTypedInput(*this);
  return {};
}

OpFoldResult FlattenOp::fold(FoldAdaptor) {
  return singleSameTypedInput(*this);
}

OpFoldResult DelayOp::fold(FoldAdaptor) {
  if (allEqual(getDelay(), 0.0))
    return singleSameTypedInput(*this);
  return {};
}

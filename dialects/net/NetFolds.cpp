//===- NetFolds.cpp - net folders -------------------------------*- C++ -*-===//
//
// Folders that are obviously right: all-constant operands evaluate through
// CombinationalOpInterface (so folding and simulation share one semantics),
// plus the algebraic identities x+0, x*1, x&~0, x|0, x^0, shifts by 0,
// full-width extracts and the like.  Each has a test in
// test/dialects/net/canonicalize.mlir.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/NetOps.h"

using namespace mlir;
using namespace axon::net;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The value of a constant operand attribute, if it is one.
static std::optional<APInt> constValue(Attribute attr) {
  if (auto intAttr = llvm::dyn_cast_or_null<IntegerAttr>(attr))
    return intAttr.getValue();
  return std::nullopt;
}

static IntegerAttr makeAttr(Value result, const APInt &value) {
  return IntegerAttr::get(result.getType(), value);
}

/// Evaluates `op` when every operand is a constant.
static OpFoldResult foldAllConstant(Operation *op,
                                    ArrayRef<Attribute> operands) {
  SmallVector<APInt> values;
  for (Attribute attr : operands) {
    std::optional<APInt> v = constValue(attr);
    if (!v)
      return {};
    values.push_back(*v);
  }
  auto comb = llvm::cast<CombinationalOpInterface>(op);
  return makeAttr(op->getResult(0), comb.evaluate(values));
}

/// For an op whose constant operands all equal `identity`: the single
/// non-constant operand (x + 0 + 0 -> x), if there is exactly one.
static Value foldIdentityOperands(Operation *op, ArrayRef<Attribute> operands,
                                  const APInt &identity) {
  Value survivor;
  for (auto [value, attr] : llvm::zip(op->getOperands(), operands)) {
    std::optional<APInt> v = constValue(attr);
    if (v && *v == identity)
      continue;
    if (v || survivor)
      return nullptr;
    survivor = value;
  }
  return survivor;
}

/// True if any constant operand equals `absorbing` (x & 0, x | ~0).
static bool hasConstantOperand(ArrayRef<Attribute> operands,
                               const APInt &absorbing) {
  return llvm::any_of(operands, [&](Attribute attr) {
    std::optional<APInt> v = constValue(attr);
    return v && *v == absorbing;
  });
}

/// True if every operand is the same SSA value.
static bool allOperandsEqual(Operation *op) {
  return llvm::all_equal(op->getOperands());
}

static unsigned resultWidth(Operation *op) {
  return llvm::cast<IntegerType>(op->getResult(0).getType()).getWidth();
}

//===----------------------------------------------------------------------===//
// Constants and variadic ops
//===----------------------------------------------------------------------===//

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return foldIdentityOperands(*this, adaptor.getOperands(),
                              APInt::getZero(resultWidth(*this)));
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  unsigned width = resultWidth(*this);
  if (hasConstantOperand(adaptor.getOperands(), APInt::getZero(width)))
    return makeAttr(getResult(), APInt::getZero(width));
  if (allOperandsEqual(*this))
    return getInputs().front();
  return foldIdentityOperands(*this, adaptor.getOperands(),
                              APInt::getAllOnes(width));
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  unsigned width = resultWidth(*this);
  if (hasConstantOperand(adaptor.getOperands(), APInt::getAllOnes(width)))
    return makeAttr(getResult(), APInt::getAllOnes(width));
  if (allOperandsEqual(*this))
    return getInputs().front();
  return foldIdentityOperands(*this, adaptor.getOperands(),
                              APInt::getZero(width));
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  unsigned width = resultWidth(*this);
  if (getNumOperands() == 2 && allOperandsEqual(*this))
    return makeAttr(getResult(), APInt::getZero(width));
  return foldIdentityOperands(*this, adaptor.getOperands(),
                              APInt::getZero(width));
}

//===----------------------------------------------------------------------===//
// Binary ops
//===----------------------------------------------------------------------===//

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  if (getLhs() == getRhs())
    return makeAttr(getResult(), APInt::getZero(resultWidth(*this)));
  std::optional<APInt> rhs = constValue(adaptor.getRhs());
  if (rhs && rhs->isZero())
    return getLhs();
  return {};
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  unsigned width = resultWidth(*this);
  if (hasConstantOperand(adaptor.getOperands(), APInt::getZero(width)))
    return makeAttr(getResult(), APInt::getZero(width));
  return foldIdentityOperands(*this, adaptor.getOperands(), APInt(width, 1));
}

/// Shifts by a constant 0 are the identity; shl/shru by at least the width
/// give 0.
static OpFoldResult foldShift(Operation *op, ArrayRef<Attribute> operands,
                              bool arithmetic) {
  if (OpFoldResult folded = foldAllConstant(op, operands))
    return folded;
  std::optional<APInt> amount = constValue(operands[1]);
  if (!amount)
    return {};
  if (amount->isZero())
    return op->getOperand(0);
  unsigned width = resultWidth(op);
  if (!arithmetic && amount->uge(width))
    return makeAttr(op->getResult(0), APInt::getZero(width));
  return {};
}

OpFoldResult ShlOp::fold(FoldAdaptor adaptor) {
  return foldShift(*this, adaptor.getOperands(), /*arithmetic=*/false);
}

OpFoldResult ShrUOp::fold(FoldAdaptor adaptor) {
  return foldShift(*this, adaptor.getOperands(), /*arithmetic=*/false);
}

OpFoldResult ShrSOp::fold(FoldAdaptor adaptor) {
  return foldShift(*this, adaptor.getOperands(), /*arithmetic=*/true);
}

//===----------------------------------------------------------------------===//
// Comparison and selection
//===----------------------------------------------------------------------===//

OpFoldResult ICmpOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  if (getLhs() != getRhs())
    return {};
  // x == x, x <= x, x >= x hold; x != x, x < x, x > x do not.
  APInt x = APInt::getZero(getBitWidth(getLhs()));
  return makeAttr(getResult(), evaluate({x, x}));
}

OpFoldResult MuxOp::fold(FoldAdaptor adaptor) {
  if (std::optional<APInt> cond = constValue(adaptor.getCond()))
    return cond->isOne() ? getTrueValue() : getFalseValue();
  if (getTrueValue() == getFalseValue())
    return getTrueValue();
  return {};
}

//===----------------------------------------------------------------------===//
// Width changes
//===----------------------------------------------------------------------===//

/// An op whose result has its single operand's type is the identity.
static Value sameTypeInput(Operation *op) {
  if (op->getNumOperands() == 1 &&
      op->getOperand(0).getType() == op->getResult(0).getType())
    return op->getOperand(0);
  return nullptr;
}

OpFoldResult ExtractOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return sameTypeInput(*this);
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return sameTypeInput(*this);
}

OpFoldResult ReplicateOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return sameTypeInput(*this);
}

OpFoldResult SExtOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return sameTypeInput(*this);
}

OpFoldResult ZExtOp::fold(FoldAdaptor adaptor) {
  if (OpFoldResult folded = foldAllConstant(*this, adaptor.getOperands()))
    return folded;
  return sameTypeInput(*this);
}

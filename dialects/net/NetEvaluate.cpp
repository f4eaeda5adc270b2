//===- NetEvaluate.cpp - bit-exact semantics of the net ops -----*- C++ -*-===//
//
// CombinationalOpInterface::evaluate for every combinational net op: the one
// place that says what each op computes.  The folders and the interpreter
// both use it, so a constant-folded netlist and a simulated one cannot
// disagree; the tests check it against hand-computed values and iverilog.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/NetOps.h"

using namespace mlir;
using namespace axon::net;

APInt ConstantOp::evaluate(ArrayRef<APInt>) { return getValue().getValue(); }

//===----------------------------------------------------------------------===//
// Arithmetic and logic
//===----------------------------------------------------------------------===//

/// Left fold of `operands` with `combine`.
template <typename Fn>
static APInt foldAll(ArrayRef<APInt> operands, Fn combine) {
  APInt acc = operands.front();
  for (const APInt &v : operands.drop_front())
    acc = combine(acc, v);
  return acc;
}

APInt AddOp::evaluate(ArrayRef<APInt> operands) {
  return foldAll(operands,
                 [](const APInt &a, const APInt &b) { return a + b; });
}

APInt AndOp::evaluate(ArrayRef<APInt> operands) {
  return foldAll(operands,
                 [](const APInt &a, const APInt &b) { return a & b; });
}

APInt OrOp::evaluate(ArrayRef<APInt> operands) {
  return foldAll(operands,
                 [](const APInt &a, const APInt &b) { return a | b; });
}

APInt XorOp::evaluate(ArrayRef<APInt> operands) {
  return foldAll(operands,
                 [](const APInt &a, const APInt &b) { return a ^ b; });
}

APInt SubOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0] - operands[1];
}

APInt MulOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0] * operands[1];
}

// Shift amounts are unsigned; an amount of at least the width shifts every
// bit out (comb and Verilog agree on this).
APInt ShlOp::evaluate(ArrayRef<APInt> operands) {
  unsigned width = operands[0].getBitWidth();
  if (operands[1].uge(width))
    return APInt::getZero(width);
  return operands[0].shl(operands[1].getZExtValue());
}

APInt ShrUOp::evaluate(ArrayRef<APInt> operands) {
  unsigned width = operands[0].getBitWidth();
  if (operands[1].uge(width))
    return APInt::getZero(width);
  return operands[0].lshr(operands[1].getZExtValue());
}

APInt ShrSOp::evaluate(ArrayRef<APInt> operands) {
  unsigned width = operands[0].getBitWidth();
  if (operands[1].uge(width))
    return operands[0].ashr(width - 1);
  return operands[0].ashr(operands[1].getZExtValue());
}

//===----------------------------------------------------------------------===//
// Comparison and selection
//===----------------------------------------------------------------------===//

static bool compare(ICmpPredicate predicate, const APInt &a, const APInt &b) {
  switch (predicate) {
  case ICmpPredicate::eq:
    return a == b;
  case ICmpPredicate::ne:
    return a != b;
  case ICmpPredicate::slt:
    return a.slt(b);
  case ICmpPredicate::sle:
    return a.sle(b);
  case ICmpPredicate::sgt:
    return a.sgt(b);
  case ICmpPredicate::sge:
    return a.sge(b);
  case ICmpPredicate::ult:
    return a.ult(b);
  case ICmpPredicate::ule:
    return a.ule(b);
  case ICmpPredicate::ugt:
    return a.ugt(b);
  case ICmpPredicate::uge:
    return a.uge(b);
  }
  return false;
}

APInt ICmpOp::evaluate(ArrayRef<APInt> operands) {
  return APInt(1, compare(getPredicate(), operands[0], operands[1]));
}

APInt MuxOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0].isOne() ? operands[1] : operands[2];
}

//===----------------------------------------------------------------------===//
// Width changes
//===----------------------------------------------------------------------===//

APInt ExtractOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0].extractBits(getType().getWidth(), getLowBit());
}

APInt ConcatOp::evaluate(ArrayRef<APInt> operands) {
  return foldAll(
      operands, [](const APInt &hi, const APInt &lo) { return hi.concat(lo); });
}

APInt ReplicateOp::evaluate(ArrayRef<APInt> operands) {
  APInt acc = operands[0];
  for (unsigned i = 1, e = getMultiple(); i < e; ++i)
    acc = acc.concat(operands[0]);
  return acc;
}

APInt SExtOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0].sext(getType().getWidth());
}

APInt ZExtOp::evaluate(ArrayRef<APInt> operands) {
  return operands[0].zext(getType().getWidth());
}

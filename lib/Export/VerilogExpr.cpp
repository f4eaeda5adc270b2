//===- VerilogExpr.cpp - Verilog expressions for net ops --------*- C++ -*-===//
//
// Every expression is one operator over named operands (each op has its own
// wire), so Verilog's context-dependent widths never widen anything: operands
// and result have the same width, except where the op says otherwise
// (icmp gives one bit, width changes are written out as part-selects and
// concatenations).  Signed operators wrap operands in $signed(...).
//
//===----------------------------------------------------------------------===//

#include "VerilogExpr.h"

#include "dialects/net/NetOps.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace axon::net;
using namespace axon::verilog;

std::string axon::verilog::getLiteral(const APInt &value) {
  if (value.getBitWidth() == 1)
    return value.isOne() ? "1'b1" : "1'b0";
  llvm::SmallString<32> digits;
  value.toStringUnsigned(digits, 10);
  return std::to_string(value.getBitWidth()) + "'d" + digits.str().str();
}

std::string axon::verilog::getRange(unsigned width) {
  if (width == 1)
    return "";
  return "[" + std::to_string(width - 1) + ":0] ";
}

/// The operands of `op` joined by `separator`.
static std::string joinOperands(Operation *op, StringRef separator,
                                OperandPrinter operand) {
  std::string out;
  for (auto [i, v] : llvm::enumerate(op->getOperands())) {
    if (i)
      out += separator;
    out += operand(v);
  }
  return out;
}

/// Bits [lo, lo + width) of `value`, which must print as a name.
static std::string partSelect(Value value, unsigned lo, unsigned width,
                              OperandPrinter operand) {
  std::string name = operand(value);
  if (getBitWidth(value) == 1)
    return name; // A scalar wire cannot be indexed; lo = 0, width = 1.
  if (width == 1)
    return name + "[" + std::to_string(lo) + "]";
  return name + "[" + std::to_string(lo + width - 1) + ":" +
         std::to_string(lo) + "]";
}

static StringRef getComparison(ICmpPredicate predicate) {
  switch (predicate) {
  case ICmpPredicate::eq:
    return "==";
  case ICmpPredicate::ne:
    return "!=";
  case ICmpPredicate::slt:
  case ICmpPredicate::ult:
    return "<";
  case ICmpPredicate::sle:
  case ICmpPredicate::ule:
    return "<=";
  case ICmpPredicate::sgt:
  case ICmpPredicate::ugt:
    return ">";
  case ICmpPredicate::sge:
  case ICmpPredicate::uge:
    return ">=";
  }
  return "==";
}

static std::string compare(ICmpOp op, OperandPrinter operand) {
  std::string lhs = operand(op.getLhs()), rhs = operand(op.getRhs());
  if (isSignedPredicate(op.getPredicate())) {
    lhs = "$signed(" + lhs + ")";
    rhs = "$signed(" + rhs + ")";
  }
  return lhs + " " + getComparison(op.getPredicate()).str() + " " + rhs;
}

static std::string extend(Operation *op, bool isSigned,
                          OperandPrinter operand) {
  Value input = op->getOperand(0);
  unsigned in = getBitWidth(input), out = getBitWidth(op->getResult(0));
  std::string x = operand(input);
  if (in == out)
    return x;
  std::string extra = std::to_string(out - in);
  if (!isSigned)
    return "{" + getLiteral(APInt::getZero(out - in)) + ", " + x + "}";
  if (in == 1)
    return "{" + std::to_string(out) + "{" + x + "}}";
  return "{{" + extra + "{" + partSelect(input, in - 1, 1, operand) + "}}, " +
         x + "}";
}

std::optional<std::string>
axon::verilog::getExpression(Operation *op, OperandPrinter operand) {
  using Result = std::optional<std::string>;
  auto binary = [&](Operation *op, StringRef symbol) -> Result {
    return joinOperands(op, symbol, operand);
  };
  return llvm::TypeSwitch<Operation *, Result>(op)
      .Case([&](ConstantOp c) { return getLiteral(c.getValue().getValue()); })
      .Case([&](AddOp o) { return binary(o, " + "); })
      .Case([&](AndOp o) { return binary(o, " & "); })
      .Case([&](OrOp o) { return binary(o, " | "); })
      .Case([&](XorOp o) { return binary(o, " ^ "); })
      .Case([&](SubOp o) { return binary(o, " - "); })
      .Case([&](MulOp o) { return binary(o, " * "); })
      .Case([&](ShlOp o) { return binary(o, " << "); })
      .Case([&](ShrUOp o) { return binary(o, " >> "); })
      .Case([&](ShrSOp o) {
        return "$signed(" + operand(o.getLhs()) + ") >>> " +
               operand(o.getRhs());
      })
      .Case([&](ICmpOp o) { return compare(o, operand); })
      .Case([&](MuxOp o) {
        return operand(o.getCond()) + " ? " + operand(o.getTrueValue()) +
               " : " + operand(o.getFalseValue());
      })
      .Case([&](ExtractOp o) {
        return partSelect(o.getInput(), o.getLowBit(), o.getType().getWidth(),
                          operand);
      })
      .Case([&](ConcatOp o) { return "{" + binary(o, ", ").value() + "}"; })
      .Case([&](ReplicateOp o) {
        return "{" + std::to_string(o.getMultiple()) + "{" +
               operand(o.getInput()) + "}}";
      })
      .Case([&](ZExtOp o) { return extend(o, /*isSigned=*/false, operand); })
      .Case([&](SExtOp o) { return extend(o, /*isSigned=*/true, operand); })
      .Default([](Operation *) { return std::nullopt; });
}

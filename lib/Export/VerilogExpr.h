//===- VerilogExpr.h - Verilog expressions for net ops ----------*- C++ -*-===//
//
// The right-hand sides the emitter writes after `assign x = `: one function
// that knows every combinational net op's Verilog spelling, so the emitter's
// statement logic and the operator table stay apart.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_LIB_EXPORT_VERILOGEXPR_H
#define AXON_LIB_EXPORT_VERILOGEXPR_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/APInt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <optional>
#include <string>

namespace axon {
namespace verilog {

/// Verilog text of an operand: its name, or the literal of an unnamed
/// constant.
using OperandPrinter = llvm::function_ref<std::string(mlir::Value)>;

/// A sized unsigned literal: 1'b0 / 1'b1, else <width>'d<value>.
std::string getLiteral(const llvm::APInt &value);

/// "[w-1:0] " for w > 1, "" for a single bit: the range of a declaration,
/// followed by the name.
std::string getRange(unsigned width);

/// The expression `op` (a net op with one result, not a register) computes,
/// or std::nullopt if it has no Verilog spelling.  Operands that are
/// part-selected (extract, sext) must print as names.
std::optional<std::string> getExpression(mlir::Operation *op,
                                         OperandPrinter operand);

} // namespace verilog
} // namespace axon

#endif // AXON_LIB_EXPORT_VERILOGEXPR_H

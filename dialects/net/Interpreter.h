//===- Interpreter.h - cycle-based evaluation of a net.module ---*- C++ -*-===//
//
// Evaluates a net.module on concrete input values (APInt), bit-exactly.  The
// tests use it as the reference for the Verilog exporter, and the printed and
// threshold back ends use it to prove that a generated netlist computes what
// the network it came from computes.  Ops are evaluated through
// CombinationalOpInterface, so other dialects' ops (tlg.gate) are evaluated
// without this file knowing them.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_DIALECTS_NET_INTERPRETER_H
#define AXON_DIALECTS_NET_INTERPRETER_H

#include "dialects/net/NetOps.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/SmallVector.h"

#include <vector>

namespace axon {
namespace net {

/// A net.module prepared for repeated evaluation: ops in a topological order
/// of their combinational dependencies (registers cut cycles), values in
/// flat slots.  Registers start at zero (Verilog leaves them undefined, so
/// tests reset them explicitly).
class Interpreter {
public:
  /// Orders `module`'s ops.  Emits an error at the offending op and fails
  /// when an op is neither combinational nor a register, or when values
  /// depend on themselves without a register in between.
  static mlir::FailureOr<Interpreter> create(NetModuleOp module);

  unsigned getNumInputs() const { return inputWidths.size(); }
  unsigned getNumOutputs() const { return outputSlots.size(); }
  bool hasRegisters() const { return !registers.empty(); }

  /// Output values for `inputs` (one per input port, of the port's width)
  /// with the registers' current values, without a clock edge.  Emits an
  /// error on the module and fails if the inputs do not match the ports.
  mlir::FailureOr<llvm::SmallVector<llvm::APInt>>
  evaluate(llvm::ArrayRef<llvm::APInt> inputs);

  /// `evaluate`, then one rising edge on every register: each loads its
  /// reset value if its reset is 1, else its input.  Clock operands are not
  /// looked at (one clock domain).
  mlir::FailureOr<llvm::SmallVector<llvm::APInt>>
  step(llvm::ArrayRef<llvm::APInt> inputs);

  /// Sets every register to zero.
  void clearRegisters();

private:
  struct Node {
    CombinationalOpInterface op;
    unsigned result;
    llvm::SmallVector<unsigned, 4> operands;
  };
  struct Register {
    unsigned result, input;
    int reset = -1, resetValue = -1;
  };

  explicit Interpreter(NetModuleOp module) : module(module) {}
  mlir::LogicalResult build();

  NetModuleOp module;
  std::vector<unsigned> inputWidths;
  std::vector<Node> nodes;
  std::vector<Register> registers;
  std::vector<unsigned> outputSlots;
  std::vector<llvm::APInt> slots;
};

/// Evaluates the combinational `module` once.  Fails (with a diagnostic) if
/// it cannot be interpreted or holds registers.
mlir::FailureOr<llvm::SmallVector<llvm::APInt>>
evaluateModule(NetModuleOp module, llvm::ArrayRef<llvm::APInt> inputs);

} // namespace net
} // namespace axon

#endif // AXON_DIALECTS_NET_INTERPRETER_H

//===- Interpreter.cpp - cycle-based evaluation of a net.module -*- C++ -*-===//
//
// Orders the combinational ops once (Kahn's algorithm in block order, so the
// order and any diagnostic are deterministic), then evaluates them from flat
// value slots on every call.  Register outputs are sources of that order,
// which is what lets feedback through a net.reg be evaluated.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/Interpreter.h"

#include "llvm/ADT/DenseMap.h"

#include <deque>

using namespace mlir;
using namespace axon::net;

FailureOr<Interpreter> Interpreter::create(NetModuleOp module) {
  Interpreter interpreter(module);
  if (failed(interpreter.build()))
    return failure();
  return interpreter;
}

/// `combOps` in an order where every op comes after the combinational ops it
/// uses (Kahn's algorithm, ready ops taken in block order).  Fails with a
/// diagnostic on an op of a combinational cycle.
static FailureOr<SmallVector<Operation *>>
orderByDependence(ArrayRef<Operation *> combOps) {
  llvm::DenseMap<Operation *, unsigned> pending;
  llvm::DenseMap<Operation *, SmallVector<Operation *, 2>> users;
  for (Operation *op : combOps) {
    unsigned count = 0;
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (def && llvm::isa<CombinationalOpInterface>(def)) {
        ++count;
        users[def].push_back(op);
      }
    }
    pending[op] = count;
  }
  std::deque<Operation *> ready;
  for (Operation *op : combOps)
    if (pending[op] == 0)
      ready.push_back(op);
  SmallVector<Operation *> order;
  while (!ready.empty()) {
    Operation *op = ready.front();
    ready.pop_front();
    order.push_back(op);
    for (Operation *user : users[op])
      if (--pending[user] == 0)
        ready.push_back(user);
  }
  for (Operation *op : combOps)
    if (pending[op] != 0)
      return op->emitError("is on a combinational cycle (a loop without a "
                           "net.reg)");
  return order;
}

LogicalResult Interpreter::build() {
  Block *block = module.getBodyBlock();
  llvm::DenseMap<Value, unsigned> slotOf;
  auto addSlot = [&](Value v) {
    slotOf[v] = slots.size();
    slots.push_back(APInt::getZero(getBitWidth(v)));
  };
  for (BlockArgument arg : block->getArguments()) {
    inputWidths.push_back(getBitWidth(arg));
    addSlot(arg);
  }
  // Results first: in a graph region an operand may be defined further down.
  SmallVector<Operation *> combOps;
  for (Operation &op : *block) {
    if (llvm::isa<OutputOp>(op))
      continue;
    bool isComb = llvm::isa<CombinationalOpInterface>(op);
    if (!(isComb || llvm::isa<RegOp>(op)) || op.getNumResults() != 1)
      return op.emitError("cannot be interpreted: it is neither a "
                          "combinational op nor a net.reg");
    addSlot(op.getResult(0));
    if (isComb)
      combOps.push_back(&op);
  }

  FailureOr<SmallVector<Operation *>> order = orderByDependence(combOps);
  if (failed(order))
    return failure();
  for (Operation *op : *order) {
    Node node{
        llvm::cast<CombinationalOpInterface>(op), slotOf[op->getResult(0)], {}};
    for (Value operand : op->getOperands())
      node.operands.push_back(slotOf[operand]);
    nodes.push_back(std::move(node));
  }

  for (RegOp reg : block->getOps<RegOp>()) {
    Register r{slotOf[reg.getResult()], slotOf[reg.getInput()]};
    if (reg.getReset()) {
      r.reset = slotOf[reg.getReset()];
      r.resetValue = slotOf[reg.getResetValue()];
    }
    registers.push_back(r);
  }
  for (Value v : module.getOutputOp().getOutputs())
    outputSlots.push_back(slotOf[v]);
  return success();
}

FailureOr<SmallVector<APInt>> Interpreter::evaluate(ArrayRef<APInt> inputs) {
  if (inputs.size() != inputWidths.size())
    return module.emitError("interpreter got ")
           << inputs.size() << " input values for " << inputWidths.size()
           << " input ports";
  for (auto [i, value] : llvm::enumerate(inputs)) {
    if (value.getBitWidth() != inputWidths[i])
      return module.emitError("interpreter got a ")
             << value.getBitWidth() << "-bit value for input port '"
             << module.getInputName(i) << "' of " << inputWidths[i] << " bits";
    slots[i] = value;
  }
  SmallVector<APInt, 4> args;
  for (Node &node : nodes) {
    args.clear();
    for (unsigned slot : node.operands)
      args.push_back(slots[slot]);
    slots[node.result] = node.op.evaluate(args);
  }
  SmallVector<APInt> outputs;
  for (unsigned slot : outputSlots)
    outputs.push_back(slots[slot]);
  return outputs;
}

FailureOr<SmallVector<APInt>> Interpreter::step(ArrayRef<APInt> inputs) {
  FailureOr<SmallVector<APInt>> outputs = evaluate(inputs);
  if (failed(outputs))
    return failure();
  // All registers sample before any of them changes.
  SmallVector<APInt> next;
  for (const Register &r : registers)
    next.push_back(r.reset >= 0 && slots[r.reset].isOne() ? slots[r.resetValue]
                                                          : slots[r.input]);
  for (auto [r, value] : llvm::zip(registers, next))
    slots[r.result] = value;
  return outputs;
}

void Interpreter::clearRegisters() {
  for (const Register &r : registers)
    slots[r.result].clearAllBits();
}

FailureOr<SmallVector<APInt>>
axon::net::evaluateModule(NetModuleOp module, ArrayRef<APInt> inputs) {
  FailureOr<Interpreter> interpreter = Interpreter::create(module);
  if (failed(interpreter))
    return failure();
  if (interpreter->hasRegisters())
    return module.emitError("is not combinational (it holds net.reg ops); "
                            "use Interpreter::step");
  return interpreter->evaluate(inputs);
}

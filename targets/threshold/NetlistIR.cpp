//===- NetlistIR.cpp - Threshold netlists <-> net.module + tlg.gate -------===//
//
// Conversion between the Core Netlist and its IR form (see NetlistIR.h).
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/NetlistIR.h"

#include "dialects/tlg/TLGOps.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

net::NetModuleOp axon::threshold::buildTLGModule(const Netlist &netlist,
                                                 OpBuilder &b, Location loc,
                                                 ArrayRef<Location> layerLocs) {
  SmallVector<StringRef> inNames, outNames;
  for (const std::string &n : netlist.inputNames)
    inNames.push_back(n);
  for (const NetlistOutput &o : netlist.outputs)
    outNames.push_back(o.name);
  Type i1 = b.getI1Type();
  SmallVector<Type> inTypes(inNames.size(), i1), outTypes(outNames.size(), i1);
  auto module =
      b.create<net::NetModuleOp>(loc, netlist.name, inNames, TypeRange(inTypes),
                                 outNames, TypeRange(outTypes));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(module.getBodyBlock());
  SmallVector<Value> signals(module.getBodyBlock()->getArguments().begin(),
                             module.getBodyBlock()->getArguments().end());
  for (const Gate &gate : netlist.gates) {
    SmallVector<Value> inputs;
    for (SignalId s : gate.inputs)
      inputs.push_back(signals[s]);
    Location gateLoc = gate.tag >= 0 && size_t(gate.tag) < layerLocs.size()
                           ? layerLocs[gate.tag]
                           : loc;
    auto op = b.create<tlg::GateOp>(gateLoc, i1, inputs,
                                    b.getDenseI64ArrayAttr(gate.weights),
                                    b.getI64IntegerAttr(gate.threshold));
    if (gate.tag >= 0)
      op->setAttr(kLayerAttrName, b.getI32IntegerAttr(gate.tag));
    signals.push_back(op.getResult());
  }
  SmallVector<Value> outs;
  for (const NetlistOutput &o : netlist.outputs)
    outs.push_back(signals[o.signal]);
  b.create<net::OutputOp>(loc, outs);
  return module;
}

/// Orders the module's ops so that every operand is defined before its use
/// (the body is a graph region); fails on a combinational cycle.
static FailureOr<SmallVector<Operation *>> topologicalOrder(Block &body) {
  llvm::DenseMap<Operation *, unsigned> state; // 1 visiting, 2 done
  SmallVector<Operation *> order;
  for (Operation &root : body.without_terminator()) {
    if (state.lookup(&root) == 2)
      continue;
    SmallVector<std::pair<Operation *, unsigned>> stack{{&root, 0}};
    state[&root] = 1;
    while (!stack.empty()) {
      auto &[op, next] = stack.back();
      if (next < op->getNumOperands()) {
        Operation *def = op->getOperand(next++).getDefiningOp();
        if (!def || def->getBlock() != &body)
          continue;
        unsigned s = state.lookup(def);
        if (s == 1)
          return def->emitError("the gates form a combinational cycle");
        if (s == 0) {
          state[def] = 1;
          stack.push_back({def, 0});
        }
        continue;
      }
      state[op] = 2;
      order.push_back(op);
      stack.pop_back();
    }
  }
  return order;
}

FailureOr<Netlist>
axon::threshold::netlistFromTLGModule(net::NetModuleOp module) {
  Netlist netlist(module.getSymName());
  Block &body = *module.getBodyBlock();
  llvm::DenseMap<Value, SignalId> ids;
  for (BlockArgument arg : body.getArguments()) {
    if (!arg.getType().isInteger(1))
      return module.emitError("threshold netlists have 1-bit ports; input '")
             << module.getInputName(arg.getArgNumber()) << "' is "
             << arg.getType();
    ids[arg] = netlist.addInput(module.getInputName(arg.getArgNumber()));
  }
  FailureOr<SmallVector<Operation *>> order = topologicalOrder(body);
  if (failed(order))
    return failure();
  for (Operation *op : *order) {
    Gate gate;
    if (auto g = dyn_cast<tlg::GateOp>(op)) {
      for (Value v : g.getInputs())
        gate.inputs.push_back(ids.lookup(v));
      gate.weights.assign(g.getWeights().begin(), g.getWeights().end());
      gate.threshold = g.getThreshold();
      if (auto layer = op->getAttrOfType<IntegerAttr>(kLayerAttrName))
        gate.tag = layer.getInt();
    } else if (auto c = dyn_cast<net::ConstantOp>(op)) {
      if (!c.getType().isInteger(1))
        return op->emitError("threshold netlists hold only 1-bit constants");
      gate.threshold = c.getValue().getValue().isOne() ? 0 : 1;
    } else {
      return op->emitError("is not a threshold gate; a threshold netlist "
                           "holds only tlg.gate and 1-bit net.constant ops");
    }
    ids[op->getResult(0)] = netlist.addGate(std::move(gate));
  }
  net::OutputOp out = module.getOutputOp();
  for (auto [i, v] : llvm::enumerate(out.getOperands())) {
    if (!v.getType().isInteger(1))
      return out.emitError("threshold netlists have 1-bit ports; output '")
             << module.getOutputName(i) << "' is " << v.getType();
    netlist.addOutput(module.getOutputName(i), ids.lookup(v));
  }
  if (llvm::Error err = netlist.verify())
    return module.emitError("invalid threshold netlist: ")
           << llvm::toString(std::move(err));
  return netlist;
}

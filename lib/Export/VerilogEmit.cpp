//===- VerilogEmit.cpp - print prepared net modules as Verilog --*- C++ -*-===//
//
// The read-only half of Verilog export: it never changes the IR, and every
// name it prints was chosen by prepareForVerilog (VerilogPrepare.cpp), so the
// output depends on nothing but the IR.  Layout of a module: port list,
// declarations in block order, statements in block order, output assigns.
// Threshold gates become instances of TLG_<n> cells; with emitCellModels
// their behavioural models follow the modules, sorted by fan-in.
//
//===----------------------------------------------------------------------===//

#include "VerilogExpr.h"
#include "VerilogNames.h"
#include "axon/Export/Verilog.h"

#include "dialects/net/NetOps.h"
#include "dialects/tlg/TLGOps.h"

#include "llvm/ADT/DenseMap.h"

#include <limits>
#include <set>

using namespace mlir;
using namespace axon;
using namespace axon::net;
using namespace axon::verilog;

namespace {
/// Prints one net.module.
class ModuleEmitter {
public:
  ModuleEmitter(NetModuleOp module, raw_ostream &os, std::set<unsigned> &cells)
      : module(module), os(os), cells(cells) {}

  LogicalResult emit();

private:
  LogicalResult collectNames();
  std::string operand(Value value) const;
  void emitHeader();
  void emitDeclarations();
  LogicalResult emitStatement(Operation &op);
  void emitRegister(RegOp reg);
  LogicalResult emitGate(tlg::GateOp gate);

  NetModuleOp module;
  raw_ostream &os;
  std::set<unsigned> &cells;
  llvm::DenseMap<Value, std::string> names;
};
} // namespace

LogicalResult ModuleEmitter::collectNames() {
  for (BlockArgument arg : module.getBodyBlock()->getArguments())
    names[arg] = module.getInputName(arg.getArgNumber()).str();
  for (Operation &op : *module.getBodyBlock()) {
    if (llvm::isa<OutputOp>(op))
      continue;
    if (op.getNumResults() != 1)
      return op.emitError("cannot be exported to Verilog: expected one "
                          "result");
    if (auto name = op.getAttrOfType<StringAttr>(kNameAttr))
      names[op.getResult(0)] = name.getValue().str();
    else if (needsName(&op))
      return op.emitError("has no Verilog name; run prepareForVerilog "
                          "before emitVerilog");
  }
  return success();
}

std::string ModuleEmitter::operand(Value value) const {
  auto it = names.find(value);
  if (it != names.end())
    return it->second;
  // collectNames admits unnamed constants only.
  return getLiteral(value.getDefiningOp<ConstantOp>().getValue().getValue());
}

void ModuleEmitter::emitHeader() {
  os << "module " << module.getSymName();
  FunctionType type = module.getFunctionType();
  if (type.getNumInputs() + type.getNumResults() == 0) {
    os << ";\n";
    return;
  }
  os << "(";
  for (unsigned i = 0, e = type.getNumInputs(); i < e; ++i)
    os << (i ? ", " : "") << "input "
       << getRange(type.getInput(i).getIntOrFloatBitWidth())
       << module.getInputName(i);
  for (unsigned i = 0, e = type.getNumResults(); i < e; ++i)
    os << (i + type.getNumInputs() ? ", " : "") << "output "
       << getRange(type.getResult(i).getIntOrFloatBitWidth())
       << module.getOutputName(i);
  os << ");\n";
}

void ModuleEmitter::emitDeclarations() {
  bool any = false;
  for (Operation &op : *module.getBodyBlock()) {
    auto name = op.getAttrOfType<StringAttr>(kNameAttr);
    if (!name || op.getNumResults() != 1)
      continue;
    os << (llvm::isa<RegOp>(op) ? "  reg " : "  wire ")
       << getRange(getBitWidth(op.getResult(0))) << name.getValue() << ";\n";
    any = true;
  }
  if (any)
    os << "\n";
}

void ModuleEmitter::emitRegister(RegOp reg) {
  std::string q = operand(reg.getResult());
  std::string d = operand(reg.getInput());
  os << "  always @(posedge " << operand(reg.getClk()) << ")\n";
  if (!reg.getReset()) {
    os << "    " << q << " <= " << d << ";\n";
    return;
  }
  os << "    if (" << operand(reg.getReset()) << ")\n"
     << "      " << q << " <= " << operand(reg.getResetValue()) << ";\n"
     << "    else\n"
     << "      " << q << " <= " << d << ";\n";
}

LogicalResult ModuleEmitter::emitGate(tlg::GateOp gate) {
  // The cell model sums in Verilog `integer`s (32-bit signed).
  int64_t bound = std::numeric_limits<int32_t>::max();
  int64_t absSum = 0;
  for (int64_t w : gate.getWeights())
    absSum += w < 0 ? -w : w;
  int64_t threshold = gate.getThreshold();
  if (absSum > bound || threshold > bound || threshold < -bound)
    return gate.emitError("weights and threshold must fit the 32-bit "
                          "integer parameters of the TLG cell (sum of "
                          "|weights| and |threshold| at most ")
           << bound << ")";
  auto instance = gate->getAttrOfType<StringAttr>(kInstanceAttr);
  if (!instance)
    return gate.emitError("has no instance name; run prepareForVerilog "
                          "before emitVerilog");
  unsigned n = gate.getInputs().size();
  cells.insert(n);
  os << "  " << getCellName(n) << " #(";
  for (auto [i, w] : llvm::enumerate(gate.getWeights()))
    os << ".W" << i << "(" << w << "), ";
  os << ".T(" << threshold << ")) " << instance.getValue() << " (";
  for (auto [i, x] : llvm::enumerate(gate.getInputs()))
    os << ".x" << i << "(" << operand(x) << "), ";
  os << ".y(" << operand(gate.getResult()) << "));\n";
  return success();
}

LogicalResult ModuleEmitter::emitStatement(Operation &op) {
  if (auto reg = llvm::dyn_cast<RegOp>(op)) {
    emitRegister(reg);
    return success();
  }
  if (auto gate = llvm::dyn_cast<tlg::GateOp>(op))
    return emitGate(gate);
  if (llvm::isa<ConstantOp>(op) && !names.count(op.getResult(0)))
    return success(); // Printed inline at its uses.
  std::optional<std::string> expr =
      getExpression(&op, [&](Value v) { return operand(v); });
  if (!expr)
    return op.emitError("cannot be exported to Verilog");
  os << "  assign " << operand(op.getResult(0)) << " = " << *expr << ";\n";
  return success();
}

LogicalResult ModuleEmitter::emit() {
  if (failed(collectNames()))
    return failure();
  emitHeader();
  emitDeclarations();
  for (Operation &op : *module.getBodyBlock())
    if (!llvm::isa<OutputOp>(op) && failed(emitStatement(op)))
      return failure();
  OutputOp output = module.getOutputOp();
  for (auto [i, value] : llvm::enumerate(output.getOutputs()))
    os << "  assign " << module.getOutputName(i) << " = " << operand(value)
       << ";\n";
  os << "endmodule\n";
  return success();
}

/// The behavioural model of the threshold cell with `n` inputs.
static void emitCellModel(unsigned n, raw_ostream &os) {
  os << "\nmodule " << getCellName(n) << " #(\n";
  for (unsigned i = 0; i < n; ++i)
    os << "  parameter integer W" << i << " = 1,\n";
  os << "  parameter integer T = 0\n) (\n";
  for (unsigned i = 0; i < n; ++i)
    os << "  input x" << i << ",\n";
  os << "  output y\n);\n  assign y = (";
  for (unsigned i = 0; i < n; ++i)
    os << (i ? " + " : "") << "(x" << i << " ? W" << i << " : 0)";
  if (n == 0)
    os << "0";
  os << ") >= T;\nendmodule\n";
}

LogicalResult axon::emitVerilog(ModuleOp top, raw_ostream &os,
                                const VerilogExportOptions &options) {
  auto modules = top.getOps<NetModuleOp>();
  if (modules.empty())
    return top.emitError("no net.module to export to Verilog");
  // Print into a buffer so that a failure leaves `os` untouched.
  std::string text;
  llvm::raw_string_ostream buffer(text);
  buffer << "// Generated by Axon (--export-verilog). Plain Verilog-2005.\n";
  std::set<unsigned> cells;
  for (NetModuleOp module : modules) {
    buffer << "\n";
    if (failed(ModuleEmitter(module, buffer, cells).emit()))
      return failure();
  }
  if (options.emitCellModels)
    for (unsigned n : cells)
      emitCellModel(n, buffer);
  os << text;
  return success();
}

LogicalResult axon::exportVerilog(ModuleOp top, raw_ostream &os,
                                  const VerilogExportOptions &options) {
  if (failed(prepareForVerilog(top)))
    return failure();
  return emitVerilog(top, os, options);
}

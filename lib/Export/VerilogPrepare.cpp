//===- VerilogPrepare.cpp - legalize net modules for emission ---*- C++ -*-===//
//
// The mutating half of Verilog export (CIRCT's PrepareForEmission): every
// decision about names is taken here and stored in the IR, so the emitter
// stays read-only and two exports of the same IR print the same text.
// Names come, in order of preference, from an existing `net.name`, from the
// op's NameLoc (the NIR/ONNX node it came from), or are `_<k>` in block order;
// tlg.gate instances are `net.instance` if set, else `g_<k>`.
// Constants stay unnamed (they print inline) unless a use needs a name: a
// part-select (`x[3:1]`) or a clock edge cannot take a literal.
//
//===----------------------------------------------------------------------===//

#include "VerilogNames.h"
#include "axon/Export/Verilog.h"

#include "dialects/net/NetOps.h"
#include "dialects/tlg/TLGOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace axon;
using namespace axon::net;
using namespace axon::verilog;

/// Legal, unique replacements for `names`, claimed in order from `table`.
static ArrayAttr legalizePortNames(ArrayAttr names, NameTable &table) {
  SmallVector<Attribute> legal;
  Builder builder(names.getContext());
  for (StringAttr name : names.getAsRange<StringAttr>())
    legal.push_back(builder.getStringAttr(table.claim(name.getValue())));
  return builder.getArrayAttr(legal);
}

/// Claims a name for `op` under `attrName`: the one it has, else (if
/// `useLoc`) its location's, else `fallback()`.
template <typename Fallback>
static void nameOp(Operation *op, StringRef attrName, bool useLoc,
                   NameTable &table, Fallback fallback) {
  std::string name;
  StringRef locName = useLoc ? getLocName(op->getLoc()) : StringRef();
  if (auto existing = op->getAttrOfType<StringAttr>(attrName))
    name = table.claim(existing.getValue());
  else if (!locName.empty())
    name = table.claim(locName);
  else
    name = fallback();
  auto attr = StringAttr::get(op->getContext(), name);
  if (op->getAttr(attrName) != attr)
    op->setAttr(attrName, attr);
}

static void prepareModule(NetModuleOp module) {
  NameTable table;
  ArrayAttr inputs = legalizePortNames(module.getInputNames(), table);
  ArrayAttr outputs = legalizePortNames(module.getOutputNames(), table);
  if (inputs != module.getInputNames())
    module.setInputNamesAttr(inputs);
  if (outputs != module.getOutputNames())
    module.setOutputNamesAttr(outputs);

  unsigned counter = 0, gateCounter = 0;
  for (Operation &op : *module.getBodyBlock()) {
    if (op.getNumResults() != 1)
      continue;
    if (needsName(&op))
      nameOp(&op, kNameAttr, /*useLoc=*/true, table,
             [&] { return table.claimAnonymous(counter); });
    // Instances are g_<k> in block order; the location names the wire.
    if (llvm::isa<tlg::GateOp>(op))
      nameOp(&op, kInstanceAttr, /*useLoc=*/false, table,
             [&] { return table.claim("g_" + std::to_string(gateCounter++)); });
  }
}

LogicalResult axon::prepareForVerilog(ModuleOp top) {
  NameTable moduleNames;
  for (NetModuleOp module : top.getOps<NetModuleOp>()) {
    StringRef old = module.getSymName();
    // TLG_<n> is the cell library's; a module may not take it.
    std::string name =
        moduleNames.claim(isCellName(old) ? (old + "_").str() : old);
    if (name != old)
      SymbolTable::setSymbolName(module, name);
    prepareModule(module);
  }
  return success();
}

//===- TLGDialect.cpp - tlg dialect registration ----------------*- C++ -*-===//
//
// Registers tlg.gate; constants a gate folds to become net.constant ops, the
// constants of the module the gate lives in.
//
//===----------------------------------------------------------------------===//

#include "dialects/tlg/TLGDialect.h"
#include "dialects/net/NetDialect.h"
#include "dialects/net/NetOps.h"
#include "dialects/tlg/TLGOps.h"

using namespace mlir;
using namespace axon::tlg;

#include "dialects/tlg/TLGDialect.cpp.inc"

void TLGDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/tlg/TLGOps.cpp.inc"
      >();
}

Operation *TLGDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto intAttr = llvm::dyn_cast<IntegerAttr>(value);
  if (!intAttr || intAttr.getType() != type)
    return nullptr;
  return builder.create<axon::net::ConstantOp>(loc, intAttr.getValue());
}

//===- NetDialect.cpp - net dialect registration ----------------*- C++ -*-===//
//
// Registers the net ops and materializes folded constants as net.constant.
//
//===----------------------------------------------------------------------===//

#include "dialects/net/NetDialect.h"
#include "dialects/net/NetOps.h"

#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace axon::net;

#include "dialects/net/NetDialect.cpp.inc"

void NetDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/net/NetOps.cpp.inc"
      >();
}

Operation *NetDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto intAttr = llvm::dyn_cast<IntegerAttr>(value);
  if (!intAttr || intAttr.getType() != type || !isNetIntegerType(type))
    return nullptr;
  return builder.create<ConstantOp>(loc, intAttr);
}

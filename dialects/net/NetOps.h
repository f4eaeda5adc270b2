//===- NetOps.h - net operations --------------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_NET_NETOPS_H
#define AXON_DIALECTS_NET_NETOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/net/NetDialect.h"
#include "dialects/net/NetInterfaces.h"

#include "dialects/net/NetEnums.h.inc"

#define GET_OP_CLASSES
#include "dialects/net/NetOps.h.inc"

namespace axon {
namespace net {

/// True for the types net values may have: signless integers, width >= 1.
bool isNetIntegerType(mlir::Type type);

/// Width of a net value (its integer type's width).
unsigned getBitWidth(mlir::Value value);

/// Whether the predicate compares as signed integers.
bool isSignedPredicate(ICmpPredicate predicate);

} // namespace net
} // namespace axon

#endif // AXON_DIALECTS_NET_NETOPS_H

//===- SNNOps.h - snn operations --------------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SNN_SNNOPS_H
#define AXON_DIALECTS_SNN_SNNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/snn/SNNAttrs.h"
#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNInterfaces.h"

#define GET_OP_CLASSES
#include "dialects/snn/SNNOps.h.inc"

namespace axon {
namespace snn {

/// The node name of an op: the first NameLoc found in its location (NIR node
/// names and ONNX node names are kept there by the importers), or "" if none.
llvm::StringRef getNodeName(mlir::Operation *op);

} // namespace snn
} // namespace axon

#endif // AXON_DIALECTS_SNN_SNNOPS_H

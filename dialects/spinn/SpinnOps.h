//===- SpinnOps.h - spinn operations ----------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SPINN_SPINNOPS_H
#define AXON_DIALECTS_SPINN_SPINNOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"

#include "dialects/spinn/SpinnAttrs.h"
#include "dialects/spinn/SpinnDialect.h"

#define GET_OP_CLASSES
#include "dialects/spinn/SpinnOps.h.inc"

#endif // AXON_DIALECTS_SPINN_SPINNOPS_H

//===- TLGOps.h - tlg operations --------------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_TLG_TLGOPS_H
#define AXON_DIALECTS_TLG_TLGOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/net/NetInterfaces.h"
#include "dialects/tlg/TLGDialect.h"

#define GET_OP_CLASSES
#include "dialects/tlg/TLGOps.h.inc"

#endif // AXON_DIALECTS_TLG_TLGOPS_H

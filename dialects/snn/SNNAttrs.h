//===- SNNAttrs.h - snn attributes ------------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SNN_SNNATTRS_H
#define AXON_DIALECTS_SNN_SNNATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#include "dialects/snn/SNNEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/snn/SNNAttrs.h.inc"

#endif // AXON_DIALECTS_SNN_SNNATTRS_H

//===- SpinnAttrs.h - spinn attributes --------------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SPINN_SPINNATTRS_H
#define AXON_DIALECTS_SPINN_SPINNATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#define GET_ATTRDEF_CLASSES
#include "dialects/spinn/SpinnAttrs.h.inc"

#endif // AXON_DIALECTS_SPINN_SPINNATTRS_H

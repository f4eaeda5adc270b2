//===- SpinnDialect.h - spinn dialect declaration ---------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SPINN_SPINNDIALECT_H
#define AXON_DIALECTS_SPINN_SPINNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/spinn/SpinnDialect.h.inc"

#endif // AXON_DIALECTS_SPINN_SPINNDIALECT_H

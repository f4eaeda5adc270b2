//===- SNNDialect.h - snn dialect declaration -------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_SNN_SNNDIALECT_H
#define AXON_DIALECTS_SNN_SNNDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/snn/SNNDialect.h.inc"

#endif // AXON_DIALECTS_SNN_SNNDIALECT_H

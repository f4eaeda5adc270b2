//===- TLGDialect.h - tlg dialect declaration -------------------*- C++ -*-===//
#ifndef AXON_DIALECTS_TLG_TLGDIALECT_H
#define AXON_DIALECTS_TLG_TLGDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/tlg/TLGDialect.h.inc"

#endif // AXON_DIALECTS_TLG_TLGDIALECT_H

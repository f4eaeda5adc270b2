//===- InitAllDialects.h - register every Axon dialect ----------*- C++ -*-===//
//
// One place that lists the dialects every tool loads (CIRCT pattern), so
// axon-opt, axon-translate and axonc always agree.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_INITALLDIALECTS_H
#define AXON_INITALLDIALECTS_H

#include "dialects/net/NetDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "dialects/spinn/SpinnDialect.h"
#include "dialects/tlg/TLGDialect.h"

#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectRegistry.h"

namespace axon {

inline void registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<snn::SNNDialect>();
  registry.insert<spinn::SpinnDialect>();
  registry.insert<net::NetDialect>();
  registry.insert<tlg::TLGDialect>();
}

} // namespace axon

#endif // AXON_INITALLDIALECTS_H

//===- Passes.h - Threshold-logic target passes -----------------*- C++ -*-===//
#ifndef AXON_TARGETS_THRESHOLD_PASSES_H
#define AXON_TARGETS_THRESHOLD_PASSES_H

#include "dialects/net/NetOps.h"
#include "dialects/tlg/TLGOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace axon::threshold {

#define GEN_PASS_DECL
#include "targets/threshold/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/threshold/Passes.h.inc"

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_PASSES_H

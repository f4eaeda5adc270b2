//===- Passes.h - SpiNNaker mapping passes ----------------------*- C++ -*-===//
#ifndef AXON_TARGETS_SPINNAKER_PASSES_H
#define AXON_TARGETS_SPINNAKER_PASSES_H

#include "dialects/snn/SNNOps.h"
#include "dialects/spinn/SpinnOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace axon::spinnaker {

#define GEN_PASS_DECL
#include "targets/spinnaker/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "targets/spinnaker/Passes.h.inc"

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_PASSES_H

//===- Passes.h - target-independent snn passes -----------------*- C++ -*-===//
#ifndef AXON_TRANSFORMS_PASSES_H
#define AXON_TRANSFORMS_PASSES_H

#include "dialects/snn/SNNOps.h"

#include "mlir/Pass/Pass.h"

namespace axon {

#define GEN_PASS_DECL
#include "axon/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "axon/Transforms/Passes.h.inc"

} // namespace axon

#endif // AXON_TRANSFORMS_PASSES_H

//===- InitAllPasses.h - register every Axon pass ---------------*- C++ -*-===//
//
// Registers Axon's passes and pipelines together with the upstream generic
// ones (canonicalize, cse, ...) that the pipelines use.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_INITALLPASSES_H
#define AXON_INITALLPASSES_H

#include "axon/Transforms/Passes.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Pipeline.h"

#include "mlir/Transforms/Passes.h"

namespace axon {

inline void registerAllPasses() {
  mlir::registerTransformsPasses();
  registerAxonTransformsPasses();
  spinnaker::registerAxonSpinnakerPasses();
  spinnaker::registerSpinnakerPipeline();
}

} // namespace axon

#endif // AXON_INITALLPASSES_H

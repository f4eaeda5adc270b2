//===- InitAllPasses.h - register every Axon pass ---------------*- C++ -*-===//
//
// Registers Axon's passes and pipelines together with the upstream generic
// ones (canonicalize, cse, ...) that the pipelines use.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_INITALLPASSES_H
#define AXON_INITALLPASSES_H

#include "axon/Transforms/Passes.h"
// A target room left out of the build (AXON_EXCLUDE_ROOMS) is not registered;
// add_axon_tool defines AXON_HAVE_<ROOM> for every room that was built.
#ifdef AXON_HAVE_SPINNAKER
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Pipeline.h"
#endif
#ifdef AXON_HAVE_THRESHOLD
#include "targets/threshold/Passes.h"
#include "targets/threshold/Pipeline.h"
#endif

#include "mlir/Transforms/Passes.h"

namespace axon {

inline void registerAllPasses() {
  mlir::registerTransformsPasses();
  registerAxonTransformsPasses();
#ifdef AXON_HAVE_SPINNAKER
  spinnaker::registerAxonSpinnakerPasses();
  spinnaker::registerSpinnakerPipeline();
#endif
#ifdef AXON_HAVE_THRESHOLD
  threshold::registerAxonThresholdPasses();
  threshold::registerThresholdPipeline();
#endif
}

} // namespace axon

#endif // AXON_INITALLPASSES_H

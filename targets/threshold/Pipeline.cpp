//===- Pipeline.cpp - The threshold-logic pipeline ------------------------===//
//
// The passes behind `axonc compile --target threshold`, in order.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Pipeline.h"
#include "targets/threshold/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace axon::threshold;

void axon::threshold::buildThresholdPipeline(
    OpPassManager &pm, const ThresholdPipelineOptions &options) {
  // Fold every neuron (BatchNorm, sign, ArgMax) into one wide gate...
  ConvertSNNToTLGOptions convert;
  convert.inputBits = options.inputBits;
  pm.addPass(createConvertSNNToTLG(convert));
  // ...then decompose the wide gates into cells of the library.
  TLGLegalizeFanInOptions legalize;
  legalize.maxFanIn = options.maxFanIn;
  legalize.maxWeight = options.maxWeight;
  pm.addPass(createTLGLegalizeFanIn(legalize));
}

void axon::threshold::registerThresholdPipeline() {
  PassPipelineRegistration<ThresholdPipelineOptions>(
      "axon-threshold-pipeline",
      "Lower binarized snn networks to legal threshold-gate netlists "
      "(convert-snn-to-tlg, tlg-legalize-fanin)",
      buildThresholdPipeline);
}

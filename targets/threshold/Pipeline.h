//===- Pipeline.h - The threshold-logic pipeline ----------------*- C++ -*-===//
//
// convert-snn-to-tlg then tlg-legalize-fanin, registered as
// --axon-threshold-pipeline so axon-opt replays what `axonc compile
// --target threshold` runs.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_PIPELINE_H
#define AXON_TARGETS_THRESHOLD_PIPELINE_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace axon::threshold {

struct ThresholdPipelineOptions
    : public mlir::PassPipelineOptions<ThresholdPipelineOptions> {
  Option<unsigned> inputBits{
      *this, "input-bits",
      llvm::cl::desc("0: +-1 inputs; B: unsigned B-bit inputs"),
      llvm::cl::init(0)};
  Option<unsigned> maxFanIn{*this, "max-fanin",
                            llvm::cl::desc("Largest fan-in K of a cell"),
                            llvm::cl::init(4)};
  Option<int64_t> maxWeight{*this, "max-weight",
                            llvm::cl::desc("Largest |weight| of one pin"),
                            llvm::cl::init(2)};
};

/// convert-snn-to-tlg{input-bits} and tlg-legalize-fanin{max-fanin
/// max-weight}.
void buildThresholdPipeline(mlir::OpPassManager &pm,
                            const ThresholdPipelineOptions &options);

/// Registers --axon-threshold-pipeline.
void registerThresholdPipeline();

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_PIPELINE_H

//===- Pipeline.h - The SpiNNaker mapping pipeline --------------*- C++ -*-===//
//
// The phases in order, as one pipeline with options, registered as
// --axon-spinnaker-pipeline so axon-opt replays exactly what axonc runs.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_PIPELINE_H
#define AXON_TARGETS_SPINNAKER_PIPELINE_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <string>

namespace axon::spinnaker {

struct SpinnakerPipelineOptions
    : public mlir::PassPipelineOptions<SpinnakerPipelineOptions> {
  Option<std::string> machine{*this, "machine",
                              llvm::cl::desc("Machine profile"),
                              llvm::cl::init("spinnaker1")};
  Option<int64_t> neuronsPerCore{*this, "neurons-per-core",
                                 llvm::cl::desc("Default neurons per core"),
                                 llvm::cl::init(256)};
  ListOption<unsigned> deadChips{*this, "dead-chips",
                                 llvm::cl::desc("Dead chips: x,y,x,y,...")};
  ListOption<unsigned> deadCores{*this, "dead-cores",
                                 llvm::cl::desc("Dead cores: x,y,p,...")};
  Option<double> timeStepUs{*this, "time-step-us",
                            llvm::cl::desc("Real-time tick in microseconds"),
                            llvm::cl::init(1000.0)};
  Option<double> spikeRate{*this, "spike-rate",
                           llvm::cl::desc("Assumed mean firing rate (Hz)"),
                           llvm::cl::init(10.0)};
  Option<std::string> compressor{
      *this, "compressor", llvm::cl::desc("ordered-covering or pair-merge"),
      llvm::cl::init("ordered-covering")};
  Option<bool> check{*this, "check",
                     llvm::cl::desc("Run --spinn-check-routing at the end"),
                     llvm::cl::init(true)};
};

/// convert-snn-to-spinn, partition, place, route, allocate-keys,
/// build-tables, compress-tables and (optionally) check-routing.
void buildSpinnakerPipeline(mlir::OpPassManager &pm,
                            const SpinnakerPipelineOptions &options);

/// Registers --axon-spinnaker-pipeline.
void registerSpinnakerPipeline();

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_PIPELINE_H

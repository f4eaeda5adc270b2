//===- Pipeline.cpp - The SpiNNaker mapping pipeline ------------*- C++ -*-===//
//
// PACMAN's phase order, after folding converted ANNs' scale ops.  Each step
// only adds to the spinn IR, so stopping the pipeline anywhere leaves a valid
// checkpoint.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Pipeline.h"
#include "targets/spinnaker/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace axon::spinnaker;

void axon::spinnaker::buildSpinnakerPipeline(
    OpPassManager &pm, const SpinnakerPipelineOptions &options) {
  // A converted ANN's scale(lambda) goes into the next layer's weights.
  pm.addPass(createSpinnFoldScales());
  // Machine graph: populations and projections of the snn network.
  ConvertSNNToSpinnOptions convert;
  convert.machine = options.machine;
  convert.neuronsPerCore = options.neuronsPerCore;
  convert.deadChips = options.deadChips;
  convert.deadCores = options.deadCores;
  pm.addPass(createConvertSNNToSpinn(convert));
  // Slices and their DTCM/SDRAM/CPU needs; errors if a slice cannot fit.
  SpinnPartitionOptions partition;
  partition.timeStepUs = options.timeStepUs;
  partition.spikeRate = options.spikeRate;
  pm.addPass(createSpinnPartition(partition));
  // Cores, keeping connected slices on nearby chips.
  pm.addPass(createSpinnPlace());
  // Multicast trees before keys, as PACMAN does.
  pm.addPass(createSpinnRoute());
  pm.addPass(createSpinnAllocateKeys());
  pm.addPass(createSpinnBuildTables());
  // Only as far as each router needs.
  SpinnCompressTablesOptions compress;
  compress.algorithm = options.compressor;
  pm.addPass(createSpinnCompressTables(compress));
  if (options.check)
    pm.addPass(createSpinnCheckRouting());
}

void axon::spinnaker::registerSpinnakerPipeline() {
  PassPipelineRegistration<SpinnakerPipelineOptions>(
      "axon-spinnaker-pipeline",
      "Map snn networks onto a SpiNNaker machine (partition, place, route, "
      "keys, tables, compression, check)",
      buildSpinnakerPipeline);
}

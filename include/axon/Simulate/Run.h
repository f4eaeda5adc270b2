//===- Run.h - what `axonc simulate` does -----------------------*- C++ -*-===//
//
// Library side of the simulate command, so the driver only parses flags:
// build the engine network from snn IR, feed a trace or a dataset, write
// probes as CSV or print an accuracy.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_SIMULATE_RUN_H
#define AXON_SIMULATE_RUN_H

#include "axon/Simulate/Evaluate.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/Support/LogicalResult.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace axon {

struct SimulateOptions {
  /// Number profile name ("" = float-exact, or the network's method).
  std::string profile;
  /// Step in seconds; 0 takes the network's #snn.discretization.
  double dt = 0;
  /// Steps to run; 0 = the network's `snn.timesteps` (set by
  /// snn-ann-to-snn), else the length of the input trace (1 for a dataset).
  uint64_t steps = 0;
  /// Input CSV (dense rows, or `step,index` events with inputEvents).
  std::string inputPath;
  bool inputEvents = false;
  /// Columns of a dense input CSV to use (empty = all).
  std::vector<unsigned> inputColumns;
  /// `NODE.field` probes written to the CSV.
  std::vector<std::string> probes;
  /// Labelled dataset: print the classification accuracy instead.
  std::string datasetPath;
  /// Input encoding; unset = the network's `snn.encoding` ("direct" or
  /// "rate"), else direct.  An explicit value wins over the attribute.
  /// Rate encoding applies to a dataset and to a dense --input trace (each
  /// row's values are intensities in [0, 1]).
  std::optional<sim::Encoding> encoding;
  /// Seed of the rate encoder (sim::RateEncoder).
  uint64_t seed = 1;
  size_t limit = 0;
  unsigned minSynapticDelaySteps = 0;
};

/// Runs the simulation and writes the probe CSV (or the accuracy line) to
/// `os`.  Errors are emitted on the network's location.
mlir::LogicalResult runSimulate(snn::NetworkOp network,
                                const SimulateOptions &options,
                                llvm::raw_ostream &os);

} // namespace axon

#endif // AXON_SIMULATE_RUN_H

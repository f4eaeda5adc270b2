//===- Flow.h - The printed target's compile flow ---------------*- C++ -*-===//
//
// `axonc compile --target printed` end to end: extract the float MLP, read
// the dataset, quantize, search approximations under the accuracy-loss bound
// (on the training rows), emit the chosen design and the exact baseline as
// Verilog + testbench, simulate both with iverilog over the whole test set
// (the reported accuracies come from that simulation and must equal the
// integer model's), synthesize both with yosys + ABC on the EGFET cells, and
// write report.json, report.txt and pareto.svg.  Benches call it too.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_FLOW_FLOW_H
#define AXON_TARGETS_PRINTED_FLOW_FLOW_H

#include "dialects/snn/SNNOps.h"
#include "targets/printed/Core/Dataset.h"
#include "targets/printed/Flow/Report.h"

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

namespace axon::printed {

struct PrintedFlowOptions {
  /// A folder with train.csv and test.csv, or one CSV split by testFraction.
  std::string datasetPath;
  /// Share of a single CSV's rows used as the test set (every row whose
  /// index i has floor((i+1) f) > floor(i f), i.e. spread evenly).
  double testFraction = 0.3;
  /// Largest loss of TRAINING accuracy vs the exact quantized design.
  double maxAccuracyLoss = 0.01;
  uint64_t seed = 1;
  /// Search workers (0: one per hardware thread); results do not depend on it.
  unsigned threads = 0;
  /// Search budget.
  unsigned population = 64;
  unsigned generations = 400;
  unsigned greedySteps = 400;
  /// The EGFET cell library folder (egfet.lib, area.sh).
  std::string pdkDir;
  /// Output folder: the chosen design, baseline/ and the reports.
  std::string outDir;
  /// Progress bar on stderr.
  bool progress = true;
};

/// The EGFET library folder: $AXON_PDK when set, else the repository's
/// ../shared/pdk.
std::string defaultPdkDir();

/// Reads the dataset at `path` (folder or CSV, see PrintedFlowOptions).
llvm::Expected<DatasetSplit> loadFlowDataset(llvm::StringRef path,
                                             double testFraction);

/// Runs the whole flow on `network`; diagnostics go to its context.  On
/// success every output file exists and `report` holds what was written.
mlir::LogicalResult runPrintedFlow(snn::NetworkOp network,
                                   const PrintedFlowOptions &options,
                                   PrintedReport &report);

/// Leakage power density of the EGFET cells, mW per cm^2
/// (shared/pdk/README.md: sum of leakage / sum of area of the published
/// ESL'24 designs).
constexpr double kLeakageMilliwattPerCm2 = 0.345;
/// A printed battery supplies less than this (mW).
constexpr double kPrintedBatteryMilliwatt = 30.0;

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_FLOW_FLOW_H

//===- Compile.h - The threshold-logic flow behind axonc --------*- C++ -*-===//
//
// `axonc compile MODEL --target threshold -o OUT`: convert the binarized
// snn.network to tlg gates, legalize the fan-in, and write OUT/model.th,
// OUT/model.v + OUT/cells.v, OUT/cells.json, OUT/model.mlir and
// OUT/report.txt + OUT/report.json.  With a dataset it also evaluates the
// tlg netlist with the net interpreter on every row (accuracy, and
// OUT/predictions.csv), cross-checks the Core evaluator, the unlegalized
// netlist and the .th file parsed back, and writes OUT/testbench.v +
// OUT/vectors.txt for simulating model.v in a Verilog simulator.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_COMPILE_H
#define AXON_TARGETS_THRESHOLD_COMPILE_H

#include "targets/threshold/Core/CellLibrary.h"
#include "targets/threshold/Core/Schedule.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace axon::threshold {

struct ThresholdCompileOptions {
  /// Cell library; maxFanIn is K (--max-fanin), maxWeight the pin weight.
  CellLibrary library;
  /// 0: +-1 inputs; B >= 1: unsigned B-bit inputs.
  unsigned inputBits = 0;
  /// TULIP schedule (numPEs is --pes).
  TulipConfig tulip;
  /// Labelled CSV (header f0..,label) to evaluate on; empty: none.
  std::string datasetPath;
  /// Evaluate only the first N rows (0: all).
  size_t maxRows = 0;
  /// Print the summary as JSON instead of text.
  bool json = false;
  /// Also build the conventional XNOR-popcount CMOS netlist of the same
  /// network (targets/threshold/Baseline), write it as OUT/baseline.v and
  /// synthesize it with yosys + ABC for the report.
  bool cmosBaseline = false;
  /// The yosys executable for the baseline.
  std::string yosys = "yosys";
};

/// Runs the flow on the single snn.network of `module` (which it rewrites)
/// and writes into `outDir`.  Errors are diagnostics; a short summary goes to
/// `os`.
mlir::LogicalResult compileForThreshold(mlir::ModuleOp module,
                                        const ThresholdCompileOptions &options,
                                        llvm::StringRef outDir,
                                        llvm::raw_ostream &os);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_COMPILE_H

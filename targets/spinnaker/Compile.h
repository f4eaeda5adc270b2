//===- Compile.h - One call from an snn module to SpiNNaker files -*- C++ -*-//
//
// The driver's entry point to the SpiNNaker back end: run the mapping
// pipeline on a module holding an snn.network, then write the core map and
// reports into a folder.  Files are written atomically (temporary file in
// the same folder, then rename), so a failed run never leaves half a file.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_COMPILE_H
#define AXON_TARGETS_SPINNAKER_COMPILE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace axon::spinnaker {

struct SpinnakerOptions {
  std::string machine = "spinnaker1"; ///< Machine::fromProfile name
  int64_t neuronsPerCore = 256;
  std::vector<unsigned> deadChips; ///< x,y,x,y,...
  std::vector<unsigned> deadCores; ///< x,y,p,...
  double timeStepUs = 1000.0;
  double spikeRate = 10.0; ///< Hz, for the synaptic CPU estimate
  std::string compressor = "ordered-covering";
  bool check = true;
  /// Also write the module after mapping (snn network + spinn.machine) as
  /// spinn.mlir; benchmarks of huge generated networks turn it off.
  bool emitIR = true;
  /// When set, one line per phase (name, wall time) as it finishes, and one
  /// per written file, so long runs show where they are.
  llvm::raw_ostream *progress = nullptr;
};

/// Maps `module` (which must hold one snn.network) and writes into `outDir`
/// (created if needed): placements.json, routing_tables.json, coremap.pb,
/// coremap.svg, summary.txt, summary.json and (emitIR) spinn.mlir.  The text
/// summary also goes to `summary`. Errors are reported through the context's
/// diagnostics.
mlir::LogicalResult compileForSpinnaker(mlir::ModuleOp module,
                                        const SpinnakerOptions &options,
                                        llvm::StringRef outDir,
                                        llvm::raw_ostream &summary);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_COMPILE_H

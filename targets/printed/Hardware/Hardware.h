//===- Hardware.h - Printed MLP -> net dialect -> Verilog -------*- C++ -*-===//
//
// The hardware back end of the printed target: lowers a bit-exact integer
// model (IntMLP) to one combinational `net.module @top`, writes it as
// Verilog-2005 together with a self-contained testbench, simulates that with
// iverilog and synthesizes it with yosys + ABC against the EGFET library.
// docs/targets/printed-hardware.md documents the circuit conventions and the
// testbench file formats.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_HARDWARE_HARDWARE_H
#define AXON_TARGETS_PRINTED_HARDWARE_HARDWARE_H

#include "targets/printed/Core/IntMLP.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace axon::printed {

/// Lowers `model` to a module holding one `net.module @top` with the published
/// conventions: inputs packed into one port `inp` of numInputs*inputBits bits
/// (feature 0 in the low bits), output `out` = class index (the bit length of
/// numClasses, e.g. 2 bits for 2 or 3 classes; the bits above ceil(log2
/// numClasses) are constant 0; ties -> lowest index, same as predictInt).
/// Every weight a hard-wired CSD shift-add constant multiplier, positive and
/// negative partial sums accumulated separately and subtracted once, pruned
/// low bits honoured, ReLU by sign test, truncated activation, argmax
/// comparator tree.
mlir::OwningOpRef<mlir::ModuleOp> lowerToNet(const IntMLP &model,
                                             mlir::MLIRContext *ctx);

/// Writes into `dir`: top.v (via exportVerilog), top_tb.v (the published
/// designs' testbench: reads sim.Xtest, one row per line with the codes as
/// decimals separated by blanks, feature 0 first, and writes one prediction
/// per line in decimal to output.txt; +xtest= +ytest= +out= plusargs override
/// the file names), sim.Xtest, sim.Ytest (the labels, one decimal per line).
/// The directory is created when missing; bad rows (wrong length, a code
/// wider than inputBits), labels given but not one per row, or a module
/// without a matching @top are errors at the module's location.
/// docs/targets/printed-hardware.md documents the formats.
mlir::LogicalResult writeDesign(mlir::ModuleOp netModule, const IntMLP &model,
                                llvm::ArrayRef<std::vector<uint8_t>> testCodes,
                                llvm::ArrayRef<unsigned> testLabels,
                                llvm::StringRef dir);

/// Compiles and runs the testbench in `dir` with iverilog + vvp (predictions
/// to `dir`/output.txt); returns the predictions, one per row.
llvm::Expected<std::vector<unsigned>> simulateWithIverilog(llvm::StringRef dir);

/// The same with `designFiles` standing in for `dir`/top.v, e.g. the mapped
/// netlist of synthesizeArea plus shared/pdk/egfet_cells.v.
llvm::Expected<std::vector<unsigned>>
simulateWithIverilog(llvm::StringRef dir,
                     llvm::ArrayRef<std::string> designFiles);

struct SynthesisResult {
  double areaUm2 = 0;
  unsigned cells = 0;
  bool warnings = false;
  std::string log;
  /// The netlist mapped onto the EGFET cells (`<verilogPath>.mapped.v`);
  /// simulate it with shared/pdk/egfet_cells.v.
  std::string mappedNetlist;
};

/// yosys + ABC with the EGFET library (../shared/pdk: egfet.lib/egfet.genlib,
/// see pdk/area.sh and README).  The top module must be `top`.  Writes
/// `<verilogPath>.yosys.log`, `.area.txt` (area.sh's summary), `.area.err`
/// and `.mapped.v` beside the Verilog; `warnings` is set when the yosys log
/// holds any "Warning:" line, `log` is that log.
llvm::Expected<SynthesisResult> synthesizeArea(llvm::StringRef verilogPath,
                                               llvm::StringRef pdkDir);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_HARDWARE_HARDWARE_H

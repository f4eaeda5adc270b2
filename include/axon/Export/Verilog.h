//===- Verilog.h - Verilog-2005 export of net modules -----------*- C++ -*-===//
//
// Prints the net.modules of an MLIR module (with their tlg.gate cells) as
// plain Verilog-2005 that iverilog, Verilator and yosys accept: one module per
// net.module, one wire per value, continuous assigns, registers as
// `always @(posedge clk)`.  As CIRCT's ExportVerilog, export is two steps:
// prepareForVerilog legalizes the IR (it materializes Verilog names as
// attributes), emitVerilog only reads it, so the same IR prints the same text.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_EXPORT_VERILOG_H
#define AXON_EXPORT_VERILOG_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/Support/raw_ostream.h"

namespace axon {

struct VerilogExportOptions {
  /// Append the behavioural model (`module TLG_<n> ...`) of every threshold
  /// cell the design instantiates, so the output simulates on its own.
  bool emitCellModels = false;
};

/// Gives every value of every net.module that needs a Verilog name a unique
/// legal identifier (discardable attribute `net.name`; tlg.gate instances
/// also get `net.instance`), legalizes port and module names in place, and
/// keeps names already present when legal.  Idempotent.
mlir::LogicalResult prepareForVerilog(mlir::ModuleOp module);

/// Prints the prepared net.modules of `module` to `os`.  Does not modify the
/// IR; fails with a diagnostic on an op it cannot print or a missing name.
mlir::LogicalResult emitVerilog(mlir::ModuleOp module, llvm::raw_ostream &os,
                                const VerilogExportOptions &options = {});

/// prepareForVerilog, then emitVerilog.
mlir::LogicalResult exportVerilog(mlir::ModuleOp module, llvm::raw_ostream &os,
                                  const VerilogExportOptions &options = {});

/// Registers `--export-verilog` (option `--verilog-tlg-cells` adds the cell
/// models) with mlir-translate's registry.
void registerExportTranslations();

} // namespace axon

#endif // AXON_EXPORT_VERILOG_H

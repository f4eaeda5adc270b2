//===- TranslateRegistration.cpp - Axon's export translations ---*- C++ -*-===//
//
// Registers --export-verilog with mlir-translate's registry.  The option that
// adds the cell models is registered with it, so it exists exactly when the
// translation does.
//
//===----------------------------------------------------------------------===//

#include "axon/Export/Verilog.h"

#include "dialects/net/NetDialect.h"
#include "dialects/tlg/TLGDialect.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;

void axon::registerExportTranslations() {
  static llvm::cl::opt<bool> emitCellModels(
      "verilog-tlg-cells",
      llvm::cl::desc("With --export-verilog, append the behavioural model of "
                     "every TLG_<n> threshold cell the design uses"),
      llvm::cl::init(false));
  static TranslateFromMLIRRegistration exportVerilogRegistration(
      "export-verilog", "print net.modules as Verilog-2005",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("--export-verilog expects a builtin.module");
        VerilogExportOptions options;
        options.emitCellModels = emitCellModels;
        return exportVerilog(module, os, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<net::NetDialect, tlg::TLGDialect>();
      });
}

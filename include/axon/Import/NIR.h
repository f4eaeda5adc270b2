//===- NIR.h - NIR (HDF5) import and export ---------------------*- C++ -*-===//
//
// NIR is the neuromorphic intermediate representation exchanged by Norse,
// Rockpool, snnTorch, Lava, SpiNNaker2 and others.  Its files are HDF5; the
// layout Axon reads and writes is documented in docs/formats/nir.md.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_IMPORT_NIR_H
#define AXON_IMPORT_NIR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace axon {

/// Imports the NIR file image `bytes` (named `fileName` in diagnostics) into a
/// new module holding one snn.network.  Emits MLIR diagnostics (errors naming
/// the file and the NIR node; remarks for defaults taken) and returns null on
/// failure.  Never crashes on malformed input.
mlir::OwningOpRef<mlir::ModuleOp> importNIR(llvm::StringRef bytes,
                                            llvm::StringRef fileName,
                                            mlir::MLIRContext *context);

/// Writes the single snn.network in `module` as a NIR file image to `os`.
/// Deterministic: the same IR gives the same bytes.
mlir::LogicalResult exportNIR(mlir::ModuleOp module, llvm::raw_ostream &os);

/// Registers --import-nir and --export-nir.
void registerNIRTranslations();

} // namespace axon

#endif // AXON_IMPORT_NIR_H

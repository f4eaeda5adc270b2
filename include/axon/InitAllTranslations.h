//===- InitAllTranslations.h - register every Axon translation --*- C++ -*-===//
#ifndef AXON_INITALLTRANSLATIONS_H
#define AXON_INITALLTRANSLATIONS_H

namespace axon {

/// Registers --import-nir, --import-onnx, --export-nir, ... with
/// mlir-translate's registry.  Defined in lib/Import.
void registerAllTranslations();

} // namespace axon

#endif // AXON_INITALLTRANSLATIONS_H

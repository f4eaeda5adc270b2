//===- axon-translate.cpp - Axon's mlir-translate ---------------*- C++ -*-===//
//
// mlir-translate with Axon's importers and exporters registered
// (--import-nir, --import-onnx, --export-nir, ...).
//
//===----------------------------------------------------------------------===//

#include "axon/InitAllTranslations.h"
#ifdef AXON_HAVE_SPINNAKER
#include "targets/spinnaker/Export/Translations.h"
#endif

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  axon::registerAllTranslations();
#ifdef AXON_HAVE_SPINNAKER
  axon::spinnaker::registerSpinnakerTranslations();
#endif
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "Axon translation driver\n"));
}

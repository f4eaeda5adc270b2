//===- TranslateRegistration.cpp - Axon's translations ----------*- C++ -*-===//
//
// Registers the import/export translations with mlir-translate's registry.
//
//===----------------------------------------------------------------------===//

#include "axon/Export/Verilog.h"
#include "axon/Import/NIR.h"
#include "axon/Import/ONNX.h"
#include "axon/InitAllTranslations.h"

void axon::registerAllTranslations() {
  registerExportTranslations();
#ifdef AXON_HAVE_NIR
  registerNIRTranslations();
#endif
#ifdef AXON_HAVE_ONNX
  registerONNXTranslations();
#endif
}

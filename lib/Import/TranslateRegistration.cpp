//===- TranslateRegistration.cpp - Axon's translations ----------*- C++ -*-===//
//
// Registers the import/export translations with mlir-translate's registry.
//
//===----------------------------------------------------------------------===//

#include "axon/InitAllTranslations.h"

void axon::registerAllTranslations() {}

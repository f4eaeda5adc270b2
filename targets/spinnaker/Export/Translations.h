//===- Translations.h - SpiNNaker export translations -----------*- C++ -*-===//
#ifndef AXON_TARGETS_SPINNAKER_EXPORT_TRANSLATIONS_H
#define AXON_TARGETS_SPINNAKER_EXPORT_TRANSLATIONS_H

namespace axon::spinnaker {

/// Registers --export-spinnaker-placements, --export-spinnaker-routing-tables,
/// --export-coremap, --export-spinnaker-summary and
/// --export-spinnaker-summary-json with mlir-translate's registry.
void registerSpinnakerTranslations();

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_EXPORT_TRANSLATIONS_H

//===- Translations.cpp - SpiNNaker export translations ---------*- C++ -*-===//
//
// axon-translate entry points for the core map emitters.  Each takes a module
// holding exactly one mapped spinn.machine (the output of
// --axon-spinnaker-pipeline) and checks what it needs before writing.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Export/Translations.h"
#include "targets/spinnaker/Export/Export.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/Tools/mlir-translate/Translation.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

using Emitter = LogicalResult (*)(spinn::MachineOp, raw_ostream &);

void registerEmitter(StringRef name, StringRef description, Emitter emit) {
  TranslateFromMLIRRegistration(
      name, description,
      [emit](Operation *op, raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError() << "expected a builtin.module";
        FailureOr<spinn::MachineOp> m = getSingleMachine(module);
        if (failed(m))
          return failure();
        return emit(*m, os);
      },
      [](DialectRegistry &registry) {
        registry.insert<snn::SNNDialect, spinn::SpinnDialect>();
      });
}

LogicalResult emitSummaryText(spinn::MachineOp m, raw_ostream &os) {
  writeSummaryText(m, {}, os);
  return success();
}

LogicalResult emitSummaryJSON(spinn::MachineOp m, raw_ostream &os) {
  writeSummaryJSON(m, {}, os);
  return success();
}

} // namespace

void axon::spinnaker::registerSpinnakerTranslations() {
  registerEmitter("export-spinnaker-placements",
                  "Emit PACMAN placements.json of a mapped spinn.machine",
                  exportPlacementsJSON);
  registerEmitter("export-spinnaker-routing-tables",
                  "Emit PACMAN routing_tables.json (tables as loaded)",
                  exportRoutingTablesJSON);
  registerEmitter("export-coremap",
                  "Emit the binary protobuf core map (coremap.proto)",
                  exportCoreMapProto);
  registerEmitter("export-coremap-svg",
                  "Emit the core map picture (coremap.svg)", exportCoreMapSVG);
  registerEmitter("export-spinnaker-summary",
                  "Emit the mapping summary as text", emitSummaryText);
  registerEmitter("export-spinnaker-summary-json",
                  "Emit the mapping summary as JSON", emitSummaryJSON);
}

//===- Export.h - Core map emitters -----------------------------*- C++ -*-===//
//
// Read-only emitters of a mapped spinn.machine: PACMAN-schema JSON
// (placements.json, routing_tables.json), the protobuf core map
// (coremap.proto) and a summary report (text and JSON).  Emission never
// mutates IR; anything missing (an unplaced vertex) is an error on the op.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_EXPORT_EXPORT_H
#define AXON_TARGETS_SPINNAKER_EXPORT_EXPORT_H

#include "dialects/spinn/SpinnOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace axon::spinnaker {

/// The single spinn.machine of `module`; an error on the module otherwise.
mlir::FailureOr<spinn::MachineOp> getSingleMachine(mlir::ModuleOp module);

/// placements.json: [{vertex_label, x, y, p}] in vertex order.
mlir::LogicalResult exportPlacementsJSON(spinn::MachineOp m,
                                         llvm::raw_ostream &os);

/// routing_tables.json of the tables as loaded (compressed when available).
mlir::LogicalResult exportRoutingTablesJSON(spinn::MachineOp m,
                                            llvm::raw_ostream &os);

/// The binary protobuf core map (message axon.spinnaker.coremap.CoreMap).
mlir::LogicalResult exportCoreMapProto(spinn::MachineOp m,
                                       llvm::raw_ostream &os);

/// coremap.svg: one square per chip of the machine on the x/y grid, filled
/// by the application cores used, outlined by the compressed routing-table
/// size relative to the router capacity; dead chips dark and crossed; a
/// legend.  Deterministic bytes.
mlir::LogicalResult exportCoreMapSVG(spinn::MachineOp m, llvm::raw_ostream &os);

/// Wall time of one phase, for the summary.
struct PhaseTime {
  std::string name;
  double seconds = 0;
};

/// Cores, chips, SDRAM/DTCM/CPU use, table sizes before and after
/// compression, and phase times.
void writeSummaryText(spinn::MachineOp m, llvm::ArrayRef<PhaseTime> phases,
                      llvm::raw_ostream &os);
void writeSummaryJSON(spinn::MachineOp m, llvm::ArrayRef<PhaseTime> phases,
                      llvm::raw_ostream &os);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_EXPORT_EXPORT_H

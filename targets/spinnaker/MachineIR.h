//===- MachineIR.h - The machine model behind a spinn.machine ---*- C++ -*-===//
//
// Every phase after conversion works against the same machine: the profile a
// spinn.machine names, with its dead chips and cores applied.  Keeping the
// faults in the IR (not in pass options) means each phase, and a replay, sees
// the same machine.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_MACHINEIR_H
#define AXON_TARGETS_SPINNAKER_MACHINEIR_H

#include "dialects/spinn/SpinnOps.h"
#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Table.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

namespace axon::spinnaker {

/// The machine of `op`; on failure emits an error on `op`.
mlir::FailureOr<Machine> getMachine(spinn::MachineOp op);

/// All spinn.machine ops of a module, in order.
llvm::SmallVector<spinn::MachineOp> getMachines(mlir::ModuleOp module);

/// Routing entries to and from `#spinn.entry` arrays.
mlir::ArrayAttr entriesToAttr(mlir::MLIRContext *ctx,
                              llvm::ArrayRef<RoutingEntry> entries);
std::vector<RoutingEntry> entriesFromAttr(mlir::ArrayAttr entries);

/// The table of a spinn.table op: `compressed` when `useCompressed` and the
/// table has been compressed, else `entries`.
RoutingTable tableFromOp(spinn::TableOp table, bool useCompressed);

/// Number of bits needed to number `n` distinct values (0 for n <= 1).
unsigned bitsFor(uint64_t n);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_MACHINEIR_H

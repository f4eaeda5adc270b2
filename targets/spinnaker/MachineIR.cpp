//===- MachineIR.cpp - The machine model behind a spinn.machine -*- C++ -*-===//
//
// Rebuilds the Machine of a spinn.machine op from its profile and faults.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

FailureOr<Machine> axon::spinnaker::getMachine(spinn::MachineOp op) {
  llvm::Expected<Machine> machine = Machine::fromProfile(op.getProfile());
  if (!machine) {
    op.emitOpError() << llvm::toString(machine.takeError());
    return failure();
  }
  if (machine->width() != (uint64_t)op.getWidth() ||
      machine->height() != (uint64_t)op.getHeight()) {
    op.emitOpError() << "profile '" << op.getProfile() << "' is "
                     << machine->width() << "x" << machine->height()
                     << " chips, but the op says " << op.getWidth() << "x"
                     << op.getHeight();
    return failure();
  }
  if (auto dead = op.getDeadChips())
    for (auto chip : dead->getAsRange<spinn::ChipAttr>())
      machine->killChip(machine->chipId({(int)chip.getX(), (int)chip.getY()}));
  if (auto dead = op.getDeadCores())
    for (auto core : dead->getAsRange<spinn::CoreAttr>())
      machine->killCore(machine->chipId({(int)core.getX(), (int)core.getY()}),
                        core.getP());
  return std::move(*machine);
}

SmallVector<spinn::MachineOp> axon::spinnaker::getMachines(ModuleOp module) {
  SmallVector<spinn::MachineOp> result;
  for (auto op : module.getOps<spinn::MachineOp>())
    result.push_back(op);
  return result;
}

unsigned axon::spinnaker::bitsFor(uint64_t n) {
  unsigned bits = 0;
  while (bits < 64 && (1ull << bits) < n)
    ++bits;
  return bits;
}

ArrayAttr axon::spinnaker::entriesToAttr(MLIRContext *ctx,
                                         ArrayRef<RoutingEntry> entries) {
  SmallVector<Attribute> attrs;
  attrs.reserve(entries.size());
  for (const RoutingEntry &e : entries)
    attrs.push_back(
        spinn::EntryAttr::get(ctx, e.key, e.mask, e.route, e.defaultable));
  return ArrayAttr::get(ctx, attrs);
}

std::vector<RoutingEntry> axon::spinnaker::entriesFromAttr(ArrayAttr entries) {
  std::vector<RoutingEntry> result;
  result.reserve(entries.size());
  for (auto e : entries.getAsRange<spinn::EntryAttr>()) {
    RoutingEntry r;
    r.key = e.getKey();
    r.mask = e.getMask();
    r.route = e.getRoute();
    r.defaultable = e.getDefaultable();
    result.push_back(r);
  }
  return result;
}

RoutingTable axon::spinnaker::tableFromOp(spinn::TableOp table,
                                          bool useCompressed) {
  RoutingTable t;
  t.x = table.getChip().getX();
  t.y = table.getChip().getY();
  ArrayAttr attr = table.getEntries();
  if (useCompressed && table.getCompressedAttr())
    attr = table.getCompressedAttr();
  t.entries = entriesFromAttr(attr);
  return t;
}

//===- SpinnOps.cpp - spinn op verifiers ------------------------*- C++ -*-===//
//
// Verifiers for what a mapping must never contain whatever pass produced it:
// empty or out-of-range slices, placements off the machine or on a monitor
// core, two vertices on one core, two tables for one chip, and references to
// populations or vertices that do not exist.
//
//===----------------------------------------------------------------------===//

#include "dialects/spinn/SpinnOps.h"

#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace axon::spinn;

#define GET_OP_CLASSES
#include "dialects/spinn/SpinnOps.cpp.inc"

//===----------------------------------------------------------------------===//
// MachineOp
//===----------------------------------------------------------------------===//

static uint64_t coreKey(CoreAttr c) {
  return ((uint64_t)c.getX() << 40) | ((uint64_t)c.getY() << 20) | c.getP();
}

LogicalResult MachineOp::verify() {
  if (getMonitorCores() >= getCoresPerChip())
    return emitOpError() << "'monitor_cores' (" << getMonitorCores()
                         << ") must be less than 'cores_per_chip' ("
                         << getCoresPerChip() << ")";
  if (auto dead = getDeadChips())
    for (auto chip : dead->getAsRange<ChipAttr>())
      if (!inBounds(chip.getX(), chip.getY()))
        return emitOpError() << "dead chip (" << chip.getX() << ", "
                             << chip.getY() << ") is outside the " << getWidth()
                             << "x" << getHeight() << " machine";
  if (auto dead = getDeadCores())
    for (auto core : dead->getAsRange<CoreAttr>())
      if (!inBounds(core.getX(), core.getY()) ||
          core.getP() >= (uint64_t)getCoresPerChip())
        return emitOpError()
               << "dead core (" << core.getX() << ", " << core.getY() << ", "
               << core.getP() << ") is not on the machine";

  llvm::DenseMap<uint64_t, VertexOp> cores;
  llvm::DenseSet<uint64_t> chips;
  for (Operation &op : *getBodyBlock()) {
    if (auto vertex = dyn_cast<VertexOp>(op)) {
      CoreAttr p = vertex.getPlacementAttr();
      if (!p)
        continue;
      auto [it, inserted] = cores.try_emplace(coreKey(p), vertex);
      if (!inserted)
        return vertex.emitOpError()
               << "is placed on core (" << p.getX() << ", " << p.getY() << ", "
               << p.getP() << ") already used by @" << it->second.getSymName();
    } else if (auto table = dyn_cast<TableOp>(op)) {
      ChipAttr c = table.getChip();
      if (!chips.insert(((uint64_t)c.getX() << 32) | c.getY()).second)
        return table.emitOpError() << "is the second table for chip ("
                                   << c.getX() << ", " << c.getY() << ")";
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// ProjectionOp
//===----------------------------------------------------------------------===//

static PopulationOp lookupPopulation(SymbolTableCollection &symbols,
                                     Operation *from, FlatSymbolRefAttr ref) {
  return symbols.lookupNearestSymbolFrom<PopulationOp>(from, ref);
}

LogicalResult
ProjectionOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  for (FlatSymbolRefAttr ref : {getPreAttr(), getPostAttr()})
    if (!lookupPopulation(symbolTable, *this, ref))
      return emitOpError() << "'" << ref.getValue()
                           << "' is not a spinn.population of this machine";
  return success();
}

//===----------------------------------------------------------------------===//
// VertexOp
//===----------------------------------------------------------------------===//

LogicalResult VertexOp::verify() {
  if (getLo() >= getHi())
    return emitOpError() << "slice [" << getLo() << ", " << getHi()
                         << ") is empty: 'lo' must be less than 'hi'";
  auto machine = dyn_cast<MachineOp>((*this)->getParentOp());
  if (CoreAttr p = getPlacementAttr(); p && machine) {
    if (!machine.inBounds(p.getX(), p.getY()))
      return emitOpError() << "placement chip (" << p.getX() << ", " << p.getY()
                           << ") is outside the " << machine.getWidth() << "x"
                           << machine.getHeight() << " machine";
    if (p.getP() < (uint64_t)machine.getMonitorCores() ||
        p.getP() >= (uint64_t)machine.getCoresPerChip())
      return emitOpError() << "placement core " << p.getP()
                           << " is not an application core (expected "
                           << machine.getMonitorCores() << " <= p < "
                           << machine.getCoresPerChip() << ")";
  }
  if (auto tree = getTreeAttr(); tree && tree.size() % 5 != 0)
    return emitOpError() << "'tree' must hold 5 words per chip, got "
                         << tree.size();
  return success();
}

LogicalResult VertexOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  PopulationOp pop = lookupPopulation(symbolTable, *this, getPopulationAttr());
  if (!pop)
    return emitOpError() << "'" << getPopulation()
                         << "' is not a spinn.population of this machine";
  if (getHi() > pop.getNeurons())
    return emitOpError() << "slice [" << getLo() << ", " << getHi()
                         << ") exceeds population @" << pop.getSymName()
                         << " of " << pop.getNeurons() << " neurons";
  if (auto targets = getTargets())
    for (auto ref : targets->getAsRange<FlatSymbolRefAttr>())
      if (!symbolTable.lookupNearestSymbolFrom<VertexOp>(*this, ref))
        return emitOpError() << "target '" << ref.getValue()
                             << "' is not a spinn.vertex of this machine";
  return success();
}

//===----------------------------------------------------------------------===//
// TableOp
//===----------------------------------------------------------------------===//

LogicalResult TableOp::verify() {
  auto machine = dyn_cast<MachineOp>((*this)->getParentOp());
  ChipAttr c = getChip();
  if (machine && !machine.inBounds(c.getX(), c.getY()))
    return emitOpError() << "chip (" << c.getX() << ", " << c.getY()
                         << ") is outside the " << machine.getWidth() << "x"
                         << machine.getHeight() << " machine";
  return success();
}

//===- CoreMapJSON.cpp - PACMAN-schema JSON emitters ------------*- C++ -*-===//
//
// placements.json and routing_tables.json in the schemas of PACMAN's JSON
// interchange (shared/fixtures/spinnaker/schemas), so existing SpiNNaker
// tools can read Axon's mappings.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Export/Export.h"
#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Router/TableIO.h"

#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

FailureOr<spinn::MachineOp> axon::spinnaker::getSingleMachine(ModuleOp module) {
  SmallVector<spinn::MachineOp> machines = getMachines(module);
  if (machines.size() != 1)
    return module.emitError()
           << "expected exactly one spinn.machine to export, found "
           << machines.size()
           << " (run --axon-spinnaker-pipeline or --convert-snn-to-spinn)";
  return machines.front();
}

LogicalResult axon::spinnaker::exportPlacementsJSON(spinn::MachineOp m,
                                                    raw_ostream &os) {
  for (auto v : m.getOps<spinn::VertexOp>())
    if (!v.getPlacementAttr())
      return v.emitOpError() << "is not placed (run --spinn-place)";
  llvm::json::OStream j(os, 2);
  j.array([&] {
    for (auto v : m.getOps<spinn::VertexOp>()) {
      spinn::CoreAttr p = v.getPlacementAttr();
      j.object([&] {
        j.attribute("vertex_label", v.getSymName());
        j.attribute("x", (int64_t)p.getX());
        j.attribute("y", (int64_t)p.getY());
        j.attribute("p", (int64_t)p.getP());
      });
    }
  });
  os << "\n";
  return success();
}

LogicalResult axon::spinnaker::exportRoutingTablesJSON(spinn::MachineOp m,
                                                       raw_ostream &os) {
  std::vector<RoutingTable> tables;
  for (auto t : m.getOps<spinn::TableOp>())
    tables.push_back(tableFromOp(t, /*useCompressed=*/true));
  spinnaker::writeRoutingTablesJSON(os, tables);
  os << "\n";
  return success();
}

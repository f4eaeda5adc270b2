//===- Report.h - Cost report of a threshold netlist ------------*- C++ -*-===//
//
// The numbers a user compares threshold-logic mappings by: gates per network
// layer, logic depth, cells by fan-in, and area/energy under the cell
// library's linear model (every cell evaluates once per classification in a
// fully parallel, combinational mapping).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_REPORT_H
#define AXON_TARGETS_THRESHOLD_CORE_REPORT_H

#include "targets/threshold/Core/CellLibrary.h"
#include "targets/threshold/Core/Netlist.h"

#include "llvm/Support/JSON.h"

#include <map>

namespace axon::threshold {

struct LayerReport {
  /// The gates' tag (the network layer index), -1 for untagged gates.
  int32_t tag = -1;
  unsigned gates = 0;
  /// Levels this layer adds: its deepest gate minus the deepest gate of all
  /// earlier tags.
  unsigned levels = 0;
  double area = 0;
  double energy = 0;
};

struct NetlistReport {
  unsigned inputs = 0;
  unsigned outputs = 0;
  /// Cells (gates with at least one input).
  unsigned gates = 0;
  /// Constant gates (tie cells, not counted as cells).
  unsigned constants = 0;
  unsigned depth = 0;
  unsigned maxFanIn = 0;
  std::map<unsigned, unsigned> cellsByFanIn;
  std::vector<LayerReport> layers;
  double area = 0;
  double energy = 0;
};

NetlistReport computeReport(const Netlist &netlist, const CellLibrary &lib);

/// A human-readable table.
void printReport(const NetlistReport &report, llvm::raw_ostream &os);

llvm::json::Value reportToJSON(const NetlistReport &report);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_REPORT_H

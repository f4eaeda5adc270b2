//===- Schedule.h - TULIP-style SIMD schedule of a netlist ------*- C++ -*-===//
//
// A time-multiplexed alternative to the fully parallel netlist, after TULIP
// (Wagle, Khatri, Vrudhula, "A Configurable BNN ASIC using a Network of
// Programmable Threshold Logic Standard Cells", arXiv:2104.01699): P
// processing elements in SIMD, each a small cluster of C reconfigurable
// threshold cells (fan-in K) with a local register per cell.  Every cycle a
// cell can be reconfigured (weights, threshold) and evaluate one gate whose
// inputs were produced in earlier cycles; results go to local registers.
//
// The model is deliberately abstract: one gate per cell per cycle, any gate
// on any cell, operands reachable from any register (the inter-PE and
// register-file network is not modelled), and no restriction that the PEs
// execute the same configuration in a cycle.  The cycle count is therefore
// a lower bound for real TULIP hardware and the utilisation an upper bound.
// Gates are list-scheduled level by level: in each cycle the ready gates
// with the longest path to an output go first (ties by gate index).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_SCHEDULE_H
#define AXON_TARGETS_THRESHOLD_CORE_SCHEDULE_H

#include "targets/threshold/Core/Netlist.h"

#include "llvm/Support/JSON.h"

namespace axon::threshold {

struct TulipConfig {
  unsigned numPEs = 16;
  /// Threshold cells per PE (TULIP's PE has four neurons).
  unsigned cellsPerPE = 4;
  /// Maximum fan-in of a cell; 0 disables the check.
  unsigned cellFanIn = 0;
  /// Bits of local register per cell (for the register-pressure check).
  unsigned registerBitsPerCell = 16;
};

struct ScheduledGate {
  /// Cycle (1-based) in which the gate is evaluated; 0 for constants, which
  /// are wired and never occupy a cell.
  unsigned cycle = 0;
  unsigned pe = 0;
  unsigned cell = 0;
};

struct TulipSchedule {
  std::vector<ScheduledGate> gates;
  /// Cycles per classification (the makespan).
  unsigned cycles = 0;
  unsigned evaluations = 0;
  /// evaluations / (cycles * numPEs * cellsPerPE).
  double utilisation = 0;
  /// Gates evaluated in each cycle (index 0 is cycle 1).
  std::vector<unsigned> perCycle;
  /// Most values (primary inputs and gate results) that must be held in
  /// registers at once, and whether that fits the registers of all cells.
  unsigned peakLiveValues = 0;
  bool fitsRegisters = true;
};

llvm::Expected<TulipSchedule> scheduleTulip(const Netlist &netlist,
                                            const TulipConfig &config);

/// Checks dependencies (every gate input produced in an earlier cycle),
/// per-cycle capacity and slot uniqueness.
llvm::Error verifySchedule(const Netlist &netlist,
                           const TulipSchedule &schedule,
                           const TulipConfig &config);

llvm::json::Value scheduleToJSON(const TulipSchedule &schedule,
                                 const TulipConfig &config);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_SCHEDULE_H

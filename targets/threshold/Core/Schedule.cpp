//===- Schedule.cpp - TULIP-style SIMD schedule of a netlist ----*- C++ -*-===//
//
// Cycle-by-cycle list scheduling with a priority queue of ready gates keyed
// by height (longest path to a sink), then register-pressure analysis over
// the resulting lifetimes.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Schedule.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <queue>

using namespace axon::threshold;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// Longest path, in gates, from each gate to a sink (itself included).
static std::vector<unsigned> gateHeights(const Netlist &netlist) {
  std::vector<unsigned> height(netlist.gates.size(), 1);
  for (unsigned g = netlist.gates.size(); g-- > 0;)
    for (SignalId in : netlist.gates[g].inputs)
      if (netlist.isGateSignal(in)) {
        unsigned &h = height[in - netlist.numInputs()];
        h = std::max(h, height[g] + 1);
      }
  return height;
}

/// Peak number of values alive between cycles: a value lives from the cycle
/// that produces it (0 for inputs and constants) to its last reader, or to
/// the end if it is an output.
static unsigned peakLive(const Netlist &netlist,
                         const TulipSchedule &schedule) {
  unsigned n = netlist.numInputs();
  std::vector<unsigned> def(netlist.numSignals(), 0), last(def);
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    def[n + g] = last[n + g] = schedule.gates[g].cycle;
    for (SignalId in : netlist.gates[g].inputs)
      last[in] = std::max(last[in], schedule.gates[g].cycle);
  }
  for (const NetlistOutput &o : netlist.outputs)
    last[o.signal] = schedule.cycles;
  // Alive during cycle c if def < c <= last.
  std::vector<int> delta(schedule.cycles + 2, 0);
  for (unsigned s = 0, e = netlist.numSignals(); s != e; ++s)
    if (last[s] > def[s]) {
      ++delta[def[s] + 1];
      --delta[last[s] + 1];
    }
  int live = 0, peak = 0;
  for (int d : delta)
    peak = std::max(peak, live += d);
  return peak;
}

llvm::Expected<TulipSchedule>
axon::threshold::scheduleTulip(const Netlist &netlist,
                               const TulipConfig &config) {
  if (config.numPEs == 0 || config.cellsPerPE == 0)
    return makeError("a TULIP configuration needs at least one PE and one "
                     "cell per PE");
  unsigned numGates = netlist.gates.size();
  for (unsigned g = 0; g != numGates; ++g)
    if (config.cellFanIn && netlist.gates[g].fanIn() > config.cellFanIn)
      return makeError(llvm::formatv(
          "gate {0} has fan-in {1} but the cells have {2}; legalize first", g,
          netlist.gates[g].fanIn(), config.cellFanIn));
  std::vector<unsigned> height = gateHeights(netlist);
  auto lowerPriority = [&](unsigned a, unsigned b) {
    return height[a] != height[b] ? height[a] < height[b] : a > b;
  };
  std::priority_queue<unsigned, std::vector<unsigned>, decltype(lowerPriority)>
      ready(lowerPriority);
  std::vector<unsigned> pending(numGates, 0);
  std::vector<std::vector<unsigned>> readers(numGates);
  TulipSchedule schedule;
  schedule.gates.resize(numGates);
  for (unsigned g = 0; g != numGates; ++g) {
    const Gate &gate = netlist.gates[g];
    for (SignalId in : gate.inputs)
      if (netlist.isGateSignal(in) &&
          !netlist.gates[in - netlist.numInputs()].isConstant()) {
        ++pending[g];
        readers[in - netlist.numInputs()].push_back(g);
      }
    if (!gate.isConstant() && pending[g] == 0)
      ready.push(g);
  }
  unsigned capacity = config.numPEs * config.cellsPerPE;
  for (unsigned cycle = 1; !ready.empty(); ++cycle) {
    std::vector<unsigned> issued;
    while (!ready.empty() && issued.size() < capacity) {
      unsigned g = ready.top();
      ready.pop();
      unsigned slot = issued.size();
      schedule.gates[g] = {cycle, slot / config.cellsPerPE,
                           slot % config.cellsPerPE};
      issued.push_back(g);
    }
    // Results become usable in the next cycle.
    for (unsigned g : issued)
      for (unsigned r : readers[g])
        if (--pending[r] == 0)
          ready.push(r);
    schedule.perCycle.push_back(issued.size());
    schedule.evaluations += issued.size();
    schedule.cycles = cycle;
  }
  if (schedule.cycles)
    schedule.utilisation =
        double(schedule.evaluations) / (double(schedule.cycles) * capacity);
  schedule.peakLiveValues = peakLive(netlist, schedule);
  schedule.fitsRegisters = uint64_t(schedule.peakLiveValues) <=
                           uint64_t(capacity) * config.registerBitsPerCell;
  return schedule;
}

llvm::Error axon::threshold::verifySchedule(const Netlist &netlist,
                                            const TulipSchedule &schedule,
                                            const TulipConfig &config) {
  if (schedule.gates.size() != netlist.gates.size())
    return makeError("the schedule does not cover the netlist");
  std::vector<std::vector<uint8_t>> used(
      schedule.cycles + 1,
      std::vector<uint8_t>(config.numPEs * config.cellsPerPE, 0));
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    const ScheduledGate &s = schedule.gates[g];
    if (netlist.gates[g].isConstant())
      continue;
    if (s.cycle < 1 || s.cycle > schedule.cycles || s.pe >= config.numPEs ||
        s.cell >= config.cellsPerPE)
      return makeError(llvm::formatv("gate {0} has an invalid slot", g));
    uint8_t &slot = used[s.cycle][s.pe * config.cellsPerPE + s.cell];
    if (slot)
      return makeError(llvm::formatv("gate {0} shares its cell and cycle", g));
    slot = 1;
    for (SignalId in : netlist.gates[g].inputs)
      if (netlist.isGateSignal(in) &&
          schedule.gates[in - netlist.numInputs()].cycle >= s.cycle &&
          !netlist.gates[in - netlist.numInputs()].isConstant())
        return makeError(llvm::formatv(
            "gate {0} in cycle {1} reads a value computed in cycle {2}", g,
            s.cycle, schedule.gates[in - netlist.numInputs()].cycle));
  }
  return llvm::Error::success();
}

llvm::json::Value axon::threshold::scheduleToJSON(const TulipSchedule &s,
                                                  const TulipConfig &config) {
  llvm::json::Array perCycle;
  for (unsigned n : s.perCycle)
    perCycle.push_back(int64_t(n));
  return llvm::json::Object{{"numPEs", int64_t(config.numPEs)},
                            {"cellsPerPE", int64_t(config.cellsPerPE)},
                            {"cyclesPerClassification", int64_t(s.cycles)},
                            {"evaluations", int64_t(s.evaluations)},
                            {"utilisation", s.utilisation},
                            {"peakLiveValues", int64_t(s.peakLiveValues)},
                            {"fitsRegisters", s.fitsRegisters},
                            {"gatesPerCycle", std::move(perCycle)}};
}

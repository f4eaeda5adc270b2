//===- Report.cpp - Cost report of a threshold netlist ----------*- C++ -*-===//
//
// One sweep over the gates collects every figure; layers are ordered by tag
// so reports are deterministic.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Report.h"

#include "llvm/Support/Format.h"

#include <algorithm>

using namespace axon::threshold;

NetlistReport axon::threshold::computeReport(const Netlist &netlist,
                                             const CellLibrary &lib) {
  NetlistReport r;
  r.inputs = netlist.numInputs();
  r.outputs = netlist.outputs.size();
  r.depth = netlist.depth();
  std::vector<unsigned> level = netlist.levels();
  std::map<int32_t, LayerReport> layers;
  std::map<int32_t, unsigned> deepest;
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    const Gate &gate = netlist.gates[g];
    LayerReport &layer = layers[gate.tag];
    layer.tag = gate.tag;
    unsigned &d = deepest[gate.tag];
    d = std::max(d, level[netlist.gateSignal(g)]);
    if (gate.isConstant()) {
      ++r.constants;
      continue;
    }
    unsigned n = gate.fanIn();
    ++r.gates;
    ++r.cellsByFanIn[n];
    r.maxFanIn = std::max(r.maxFanIn, n);
    ++layer.gates;
    layer.area += lib.cellArea(n);
    layer.energy += lib.cellEnergy(n);
  }
  unsigned before = 0;
  for (auto &[tag, layer] : layers) {
    unsigned d = deepest[tag];
    layer.levels = d > before ? d - before : 0;
    before = std::max(before, d);
    r.area += layer.area;
    r.energy += layer.energy;
    r.layers.push_back(layer);
  }
  return r;
}

void axon::threshold::printReport(const NetlistReport &r,
                                  llvm::raw_ostream &os) {
  os << "inputs " << r.inputs << ", outputs " << r.outputs << ", cells "
     << r.gates << ", constants " << r.constants << ", depth " << r.depth
     << " levels, max fan-in " << r.maxFanIn << "\n";
  os << llvm::format("area %.1f GE, energy %.1f per classification\n", r.area,
                     r.energy);
  os << "layer   cells  levels        area      energy\n";
  for (const LayerReport &l : r.layers)
    os << llvm::format("%5d %7u %7u %11.1f %11.1f\n", l.tag, l.gates, l.levels,
                       l.area, l.energy);
  os << "fan-in  cells\n";
  for (auto [n, count] : r.cellsByFanIn)
    os << llvm::format("%6u %6u\n", n, count);
}

llvm::json::Value axon::threshold::reportToJSON(const NetlistReport &r) {
  llvm::json::Array layers;
  for (const LayerReport &l : r.layers)
    layers.push_back(llvm::json::Object{{"tag", int64_t(l.tag)},
                                        {"cells", int64_t(l.gates)},
                                        {"levels", int64_t(l.levels)},
                                        {"area", l.area},
                                        {"energy", l.energy}});
  llvm::json::Object byFanIn;
  for (auto [n, count] : r.cellsByFanIn)
    byFanIn[std::to_string(n)] = int64_t(count);
  return llvm::json::Object{{"inputs", int64_t(r.inputs)},
                            {"outputs", int64_t(r.outputs)},
                            {"cells", int64_t(r.gates)},
                            {"constants", int64_t(r.constants)},
                            {"depth", int64_t(r.depth)},
                            {"maxFanIn", int64_t(r.maxFanIn)},
                            {"cellsByFanIn", std::move(byFanIn)},
                            {"layers", std::move(layers)},
                            {"area", r.area},
                            {"energy", r.energy}};
}

//===- THWriter.cpp - threABC .th emission ----------------------*- C++ -*-===//
//
// Emission is read-only and deterministic: ids follow signal order, and the
// output buffers come first because threABC's reader takes the first
// .threshold entries to be the buffers of the outputs.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/TH.h"

#include "llvm/ADT/StringExtras.h"

using namespace axon::threshold;

/// .th tokens are whitespace-separated: keep the model name one token.
static std::string modelName(llvm::StringRef name) {
  std::string out;
  for (char c : name)
    out.push_back(llvm::isSpace(c) ? '_' : c);
  return out.empty() ? "tlg" : out;
}

void axon::threshold::writeTH(const Netlist &netlist, llvm::raw_ostream &os) {
  auto id = [](SignalId s) { return uint64_t(s) + 1; };
  uint64_t firstPo = uint64_t(netlist.numSignals()) + 1;
  os << "Threshold logic gate list written by Axon: y = [sum w x >= T]\n";
  os << ".model " << modelName(netlist.name) << "\n";
  os << ".input";
  for (unsigned i = 0, e = netlist.numInputs(); i != e; ++i)
    os << " " << id(i);
  os << "\n.output";
  for (unsigned o = 0, e = netlist.outputs.size(); o != e; ++o)
    os << " " << firstPo + o;
  os << "\n";
  for (unsigned o = 0, e = netlist.outputs.size(); o != e; ++o)
    os << ".threshold " << id(netlist.outputs[o].signal) << " " << firstPo + o
       << "\n1 1\n";
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    const Gate &gate = netlist.gates[g];
    os << ".threshold";
    if (gate.isConstant()) {
      // [1 * CONST1 >= 1] is 1, [1 * CONST1 >= 2] is 0.
      os << " CONST1 " << id(netlist.gateSignal(g)) << "\n1 "
         << (gate.constantValue() ? 1 : 2) << "\n";
      continue;
    }
    for (SignalId in : gate.inputs)
      os << " " << id(in);
    os << " " << id(netlist.gateSignal(g)) << "\n";
    for (int64_t w : gate.weights)
      os << w << " ";
    os << gate.threshold << "\n";
  }
  os << ".end\n";
}

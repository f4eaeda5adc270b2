//===- NetworkSummary.cpp - what a network contains -------------*- C++ -*-===//
//
// Walks one snn.network and counts what it holds.  Synapses are counted
// through SynapticOpInterface, so convolutions count their expanded
// connections, not their kernel size.
//
//===----------------------------------------------------------------------===//

#include "axon/Analysis/NetworkSummary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace axon;

/// True if the def-use graph inside `network` has a cycle (iterative DFS).
static bool hasCycle(snn::NetworkOp network) {
  enum Color : uint8_t { White, Grey, Black };
  llvm::DenseMap<Operation *, Color> color;
  for (Operation &root : network.getBodyBlock()->getOperations()) {
    if (color.lookup(&root) != White)
      continue;
    SmallVector<std::pair<Operation *, Operation::user_iterator>> stack;
    color[&root] = Grey;
    stack.push_back({&root, root.user_begin()});
    while (!stack.empty()) {
      auto &[op, it] = stack.back();
      if (it == op->user_end()) {
        color[op] = Black;
        stack.pop_back();
        continue;
      }
      Operation *next = *it++;
      Color c = color.lookup(next);
      if (c == Grey)
        return true;
      if (c == White) {
        color[next] = Grey;
        stack.push_back({next, next->user_begin()});
      }
    }
  }
  return false;
}

static int64_t numElements(Value v) {
  return llvm::cast<ShapedType>(v.getType()).getNumElements();
}

NetworkSummary axon::summarizeNetwork(snn::NetworkOp network) {
  NetworkSummary s;
  s.name = network.getSymName().str();
  unsigned index = 0;
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    for (NamedAttribute attr : op.getAttrs())
      if (auto dense = llvm::dyn_cast<DenseElementsAttr>(attr.getValue()))
        s.parameters += dense.getNumElements();
    if (isa<snn::InputOp>(op))
      s.inputs += numElements(op.getResult(0));
    if (isa<snn::OutputOp>(op) && op.getNumOperands())
      s.outputs += numElements(op.getOperand(0));
    if (auto syn = dyn_cast<snn::SynapticOpInterface>(op)) {
      ++s.synapticOps;
      syn.forEachSynapse([&](int64_t, int64_t, double) { ++s.synapses; });
    }
    if (auto neuron = dyn_cast<snn::NeuronOpInterface>(op)) {
      PopulationSummary p;
      p.name = snn::getNodeName(&op).str();
      p.kind = op.getName().stripDialect().str();
      if (p.name.empty())
        p.name = p.kind + "#" + std::to_string(index);
      p.neurons = neuron.getNumNeurons();
      p.spiking = neuron.isSpiking();
      s.neurons += p.neurons;
      if (p.spiking)
        s.spikingNeurons += p.neurons;
      s.populations.push_back(std::move(p));
    }
    ++index;
  }
  s.recurrent = hasCycle(network);
  return s;
}

void axon::printNetworkSummary(llvm::raw_ostream &os, const NetworkSummary &s) {
  os << "network @" << s.name << (s.recurrent ? " (recurrent)" : "") << "\n";
  os << "  populations: " << s.populations.size() << " (" << s.neurons
     << " neurons, " << s.spikingNeurons << " spiking)\n";
  os << "  synapses:    " << s.synapses << " in " << s.synapticOps
     << " synaptic ops\n";
  os << "  parameters:  " << s.parameters << "\n";
  os << "  ports:       " << s.inputs << " inputs, " << s.outputs
     << " outputs\n";
  for (const PopulationSummary &p : s.populations)
    os << "    " << llvm::left_justify(p.name, 16) << " "
       << llvm::left_justify(p.kind, 10) << llvm::format_decimal(p.neurons, 8)
       << (p.spiking ? "  spiking" : "") << "\n";
}

llvm::json::Value axon::toJSON(const NetworkSummary &s) {
  llvm::json::Array pops;
  for (const PopulationSummary &p : s.populations)
    pops.push_back(llvm::json::Object{{"name", p.name},
                                      {"kind", p.kind},
                                      {"neurons", p.neurons},
                                      {"spiking", p.spiking}});
  return llvm::json::Object{{"network", s.name},
                            {"recurrent", s.recurrent},
                            {"populations", std::move(pops)},
                            {"neurons", s.neurons},
                            {"spiking_neurons", s.spikingNeurons},
                            {"synaptic_ops", s.synapticOps},
                            {"synapses", s.synapses},
                            {"parameters", s.parameters},
                            {"inputs", s.inputs},
                            {"outputs", s.outputs}};
}

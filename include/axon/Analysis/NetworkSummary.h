//===- NetworkSummary.h - what a network contains ---------------*- C++ -*-===//
//
// Counts populations, neurons, synapses and parameters of an snn network:
// the summary `axonc report` prints and later reports extend.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_ANALYSIS_NETWORKSUMMARY_H
#define AXON_ANALYSIS_NETWORKSUMMARY_H

#include "dialects/snn/SNNOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace axon {

struct PopulationSummary {
  std::string name; // node name, or "<op>#<index>" when the op has none
  std::string kind; // op mnemonic, e.g. "cuba_lif"
  int64_t neurons = 0;
  bool spiking = false;
};

struct NetworkSummary {
  std::string name;
  llvm::SmallVector<PopulationSummary> populations;
  int64_t inputs = 0, outputs = 0; // port elements
  int64_t neurons = 0, spikingNeurons = 0;
  int64_t synapticOps = 0, synapses = 0; // non-zero weights
  int64_t parameters = 0;                // elements of all parameter arrays
  bool recurrent = false;                // the graph has a cycle
};

NetworkSummary summarizeNetwork(snn::NetworkOp network);
void printNetworkSummary(llvm::raw_ostream &os, const NetworkSummary &summary);
llvm::json::Value toJSON(const NetworkSummary &summary);

} // namespace axon

#endif // AXON_ANALYSIS_NETWORKSUMMARY_H

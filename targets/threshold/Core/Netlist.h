//===- Netlist.h - Threshold-gate netlists ----------------------*- C++ -*-===//
//
// The one data structure every threshold-logic algorithm shares: a DAG of
// threshold gates over primary inputs.  A gate computes
//   out = [ sum_i w_i * x_i >= T ]
// over 0/1 signals with integer weights.  Signals are dense ids: primary
// inputs first (0 .. numInputs-1), then gate g drives signal numInputs + g.
// Gates are stored in topological order (every input id is smaller than the
// gate's own signal), which lets evaluation, levelisation and scheduling be
// single forward sweeps over flat arrays.  An input may repeat inside one
// gate: that is how a legalized netlist spreads a weight over several pins of
// a cell whose per-pin weight is bounded.  A gate with no inputs is a
// constant ([0 >= T]).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_NETLIST_H
#define AXON_TARGETS_THRESHOLD_CORE_NETLIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace axon::threshold {

using SignalId = uint32_t;

/// One threshold gate: out = [sum_i weights[i] * x[inputs[i]] >= threshold].
struct Gate {
  llvm::SmallVector<SignalId, 4> inputs;
  llvm::SmallVector<int64_t, 4> weights;
  int64_t threshold = 0;
  /// Free-form provenance, used by reports: the index of the network layer
  /// the gate implements, or -1.
  int32_t tag = -1;

  unsigned fanIn() const { return inputs.size(); }
  bool isConstant() const { return inputs.empty(); }
  /// Value of a constant gate ([0 >= T]).
  bool constantValue() const { return threshold <= 0; }
};

struct NetlistOutput {
  std::string name;
  SignalId signal;
};

class Netlist {
public:
  Netlist() = default;
  explicit Netlist(llvm::StringRef name) : name(name.str()) {}

  std::string name = "tlg";
  std::vector<std::string> inputNames;
  std::vector<Gate> gates;
  std::vector<NetlistOutput> outputs;

  unsigned numInputs() const { return inputNames.size(); }
  unsigned numSignals() const { return inputNames.size() + gates.size(); }
  SignalId gateSignal(unsigned gate) const { return numInputs() + gate; }
  bool isGateSignal(SignalId s) const { return s >= numInputs(); }

  /// Adds a primary input; must be called before any gate is added.
  SignalId addInput(llvm::StringRef inputName);
  /// Appends a gate (inputs must already exist) and returns its signal.
  SignalId addGate(Gate gate);
  void addOutput(llvm::StringRef outputName, SignalId signal);

  /// Checks the structural invariants (sizes, topological order, output ids,
  /// unique port names).  Every producer of netlists should pass it.
  llvm::Error verify() const;

  /// Values of all signals for one input vector (0/1 per input).
  void evaluateSignals(llvm::ArrayRef<uint8_t> inputs,
                       std::vector<uint8_t> &signals) const;
  /// Values of the outputs for one input vector.
  std::vector<uint8_t> evaluate(llvm::ArrayRef<uint8_t> inputs) const;

  /// Logic level of every signal: inputs and constants are level 0, a gate
  /// is one more than its deepest input.
  std::vector<unsigned> levels() const;
  /// Deepest level over the outputs.
  unsigned depth() const;

  /// A copy without the gates no output depends on (ids renumbered).
  Netlist pruned() const;
};

/// A flat (CSR) compiled form of a netlist for evaluating many vectors.
class NetlistEvaluator {
public:
  explicit NetlistEvaluator(const Netlist &netlist);
  /// Evaluates one vector given as bits of `pattern` (input i = bit i);
  /// only for netlists with at most 64 inputs.  Output o is bit o of the
  /// result (at most 64 outputs).
  uint64_t evaluatePattern(uint64_t pattern);
  /// Evaluates one vector given as 0/1 bytes.
  void evaluate(llvm::ArrayRef<uint8_t> inputs, std::vector<uint8_t> &outputs);

private:
  void sweep();
  unsigned numInputs;
  std::vector<uint32_t> rowStart;
  std::vector<SignalId> pins;
  std::vector<int64_t> weights;
  std::vector<int64_t> thresholds;
  std::vector<SignalId> outputSignals;
  std::vector<uint8_t> values;
};

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_NETLIST_H

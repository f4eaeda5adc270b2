//===- Netlist.cpp - Threshold-gate netlists --------------------*- C++ -*-===//
//
// Construction, verification, evaluation and levelisation of threshold-gate
// netlists.  Everything is a forward sweep thanks to the topological order
// invariant documented in Netlist.h.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Netlist.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

using namespace axon::threshold;

SignalId Netlist::addInput(llvm::StringRef inputName) {
  inputNames.push_back(inputName.str());
  return inputNames.size() - 1;
}

SignalId Netlist::addGate(Gate gate) {
  gates.push_back(std::move(gate));
  return numSignals() - 1;
}

void Netlist::addOutput(llvm::StringRef outputName, SignalId signal) {
  outputs.push_back({outputName.str(), signal});
}

llvm::Error Netlist::verify() const {
  auto fail = [](const llvm::Twine &msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  llvm::StringSet<> names;
  for (const std::string &n : inputNames)
    if (!names.insert(n).second)
      return fail("duplicate input name '" + n + "'");
  for (unsigned g = 0, e = gates.size(); g != e; ++g) {
    const Gate &gate = gates[g];
    if (gate.inputs.size() != gate.weights.size())
      return fail(llvm::formatv("gate {0} has {1} inputs but {2} weights", g,
                                gate.inputs.size(), gate.weights.size()));
    for (SignalId in : gate.inputs)
      if (in >= gateSignal(g))
        return fail(llvm::formatv("gate {0} reads signal {1}, which is not "
                                  "defined before it",
                                  g, in));
  }
  llvm::StringSet<> outNames;
  for (const NetlistOutput &o : outputs) {
    if (o.signal >= numSignals())
      return fail("output '" + o.name + "' refers to undefined signal " +
                  llvm::Twine(o.signal));
    if (!outNames.insert(o.name).second)
      return fail("duplicate output name '" + o.name + "'");
  }
  return llvm::Error::success();
}

void Netlist::evaluateSignals(llvm::ArrayRef<uint8_t> inputs,
                              std::vector<uint8_t> &signals) const {
  signals.assign(numSignals(), 0);
  for (unsigned i = 0, e = numInputs(); i != e; ++i)
    signals[i] = inputs[i] ? 1 : 0;
  for (unsigned g = 0, e = gates.size(); g != e; ++g) {
    const Gate &gate = gates[g];
    int64_t sum = 0;
    for (unsigned p = 0, pe = gate.inputs.size(); p != pe; ++p)
      if (signals[gate.inputs[p]])
        sum += gate.weights[p];
    signals[gateSignal(g)] = sum >= gate.threshold;
  }
}

std::vector<uint8_t> Netlist::evaluate(llvm::ArrayRef<uint8_t> inputs) const {
  std::vector<uint8_t> signals;
  evaluateSignals(inputs, signals);
  std::vector<uint8_t> result;
  result.reserve(outputs.size());
  for (const NetlistOutput &o : outputs)
    result.push_back(signals[o.signal]);
  return result;
}

std::vector<unsigned> Netlist::levels() const {
  std::vector<unsigned> level(numSignals(), 0);
  for (unsigned g = 0, e = gates.size(); g != e; ++g) {
    const Gate &gate = gates[g];
    if (gate.isConstant())
      continue;
    unsigned deepest = 0;
    for (SignalId in : gate.inputs)
      deepest = std::max(deepest, level[in]);
    level[gateSignal(g)] = deepest + 1;
  }
  return level;
}

unsigned Netlist::depth() const {
  std::vector<unsigned> level = levels();
  unsigned deepest = 0;
  for (const NetlistOutput &o : outputs)
    deepest = std::max(deepest, level[o.signal]);
  return deepest;
}

Netlist Netlist::pruned() const {
  std::vector<uint8_t> live(numSignals(), 0);
  for (const NetlistOutput &o : outputs)
    live[o.signal] = 1;
  for (unsigned g = gates.size(); g-- > 0;)
    if (live[gateSignal(g)])
      for (SignalId in : gates[g].inputs)
        live[in] = 1;

  Netlist result(name);
  result.inputNames = inputNames;
  std::vector<SignalId> remap(numSignals(), 0);
  for (unsigned i = 0, e = numInputs(); i != e; ++i)
    remap[i] = i;
  for (unsigned g = 0, e = gates.size(); g != e; ++g) {
    if (!live[gateSignal(g)])
      continue;
    Gate gate = gates[g];
    for (SignalId &in : gate.inputs)
      in = remap[in];
    remap[gateSignal(g)] = result.addGate(std::move(gate));
  }
  for (const NetlistOutput &o : outputs)
    result.addOutput(o.name, remap[o.signal]);
  return result;
}

//===----------------------------------------------------------------------===//
// NetlistEvaluator
//===----------------------------------------------------------------------===//

NetlistEvaluator::NetlistEvaluator(const Netlist &netlist)
    : numInputs(netlist.numInputs()) {
  rowStart.reserve(netlist.gates.size() + 1);
  rowStart.push_back(0);
  for (const Gate &gate : netlist.gates) {
    pins.insert(pins.end(), gate.inputs.begin(), gate.inputs.end());
    weights.insert(weights.end(), gate.weights.begin(), gate.weights.end());
    thresholds.push_back(gate.threshold);
    rowStart.push_back(pins.size());
  }
  for (const NetlistOutput &o : netlist.outputs)
    outputSignals.push_back(o.signal);
  values.assign(netlist.numSignals(), 0);
}

void NetlistEvaluator::sweep() {
  uint8_t *gateValues = values.data() + numInputs;
  for (unsigned g = 0, e = thresholds.size(); g != e; ++g) {
    int64_t sum = 0;
    for (uint32_t p = rowStart[g], pe = rowStart[g + 1]; p != pe; ++p)
      sum += values[pins[p]] ? weights[p] : 0;
    gateValues[g] = sum >= thresholds[g];
  }
}

uint64_t NetlistEvaluator::evaluatePattern(uint64_t pattern) {
  for (unsigned i = 0; i != numInputs; ++i)
    values[i] = (pattern >> i) & 1;
  sweep();
  uint64_t result = 0;
  for (unsigned o = 0, e = outputSignals.size(); o != e; ++o)
    result |= uint64_t(values[outputSignals[o]]) << o;
  return result;
}

void NetlistEvaluator::evaluate(llvm::ArrayRef<uint8_t> inputs,
                                std::vector<uint8_t> &outputs) {
  for (unsigned i = 0; i != numInputs; ++i)
    values[i] = inputs[i] ? 1 : 0;
  sweep();
  outputs.resize(outputSignals.size());
  for (unsigned o = 0, e = outputSignals.size(); o != e; ++o)
    outputs[o] = values[outputSignals[o]];
}

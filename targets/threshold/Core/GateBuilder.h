//===- GateBuilder.h - Canonicalising threshold-gate builder ----*- C++ -*-===//
//
// All decompositions create gates through this builder, so that every gate
// that reaches a netlist is in one canonical form:
//  * inputs are literals (a signal or its complement); a complement costs
//    nothing because w * (1 - x) = w - w * x folds into the weights and the
//    threshold, so no inverter cell is ever created inside a network;
//  * duplicate inputs are merged, constants folded, zero weights dropped;
//  * weights are clipped to what can still change the output and divided by
//    their gcd (the threshold rounded up), which lowers pin counts;
//  * gates that are constant or equal to one literal are not created;
//  * identical gates (and complements of existing gates) are shared through
//    a structural hash, which is what lets neurons of a layer share
//    sub-networks over the same inputs.
// The builder can roll back to a checkpoint so the legalizer can try several
// decompositions of one neuron and keep the cheapest.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_GATEBUILDER_H
#define AXON_TARGETS_THRESHOLD_CORE_GATEBUILDER_H

#include "targets/threshold/Core/CellLibrary.h"
#include "targets/threshold/Core/Netlist.h"

#include "llvm/ADT/DenseMap.h"

namespace axon::threshold {

/// A signal or its complement, or a constant.
struct Lit {
  static constexpr SignalId kConstSignal = ~SignalId(0);
  SignalId signal = kConstSignal;
  bool negated = false;

  static Lit constant(bool value) { return {kConstSignal, value}; }
  static Lit of(SignalId s, bool neg = false) { return {s, neg}; }
  bool isConstant() const { return signal == kConstSignal; }
  /// Only meaningful for constants.
  bool constantValue() const { return negated; }
  Lit operator!() const { return {signal, !negated}; }
  bool operator==(const Lit &o) const {
    return signal == o.signal && negated == o.negated;
  }
  bool operator!=(const Lit &o) const { return !(*this == o); }
};

/// One weighted input of a gate under construction.
struct Term {
  Lit lit;
  int64_t weight;
};

/// A gate in canonical form (see the file comment), before emission.
struct NormalGate {
  enum Kind { Constant, Wire, Real } kind = Constant;
  /// The result when kind is Constant or Wire.
  Lit result;
  /// Distinct signals in increasing order with their (unsplit) weights.
  llvm::SmallVector<SignalId, 8> inputs;
  llvm::SmallVector<int64_t, 8> weights;
  int64_t threshold = 0;
  /// Cell pins needed once weights are split to the library's maxWeight.
  unsigned pins = 0;
};

class GateBuilder {
public:
  /// Builds into `netlist`, whose existing signals keep their levels.
  GateBuilder(Netlist &netlist, const CellLibrary &lib);

  const CellLibrary &library() const { return lib; }
  Netlist &netlist() { return net; }
  unsigned maxFanIn() const { return lib.maxFanIn; }

  /// Canonical form of [sum terms >= threshold].
  NormalGate normalize(llvm::ArrayRef<Term> terms, int64_t threshold) const;
  /// Pins the gate would need (0 for constants and wires).
  unsigned pinsOf(llvm::ArrayRef<Term> terms, int64_t threshold) const {
    return normalize(terms, threshold).pins;
  }
  bool fits(llvm::ArrayRef<Term> terms, int64_t threshold) const {
    return pinsOf(terms, threshold) <= lib.maxFanIn;
  }

  /// Creates (or reuses) the gate and returns its output literal.  Callers
  /// are expected to check fits(); an over-wide gate is still emitted and is
  /// caught by the legality check.
  Lit emit(llvm::ArrayRef<Term> terms, int64_t threshold);
  Lit emit(const NormalGate &gate);
  /// AND / OR of any number of literals as a tree of <= maxFanIn gates,
  /// combining the earliest-arriving literals first.
  Lit emitAnd(llvm::ArrayRef<Lit> lits);
  Lit emitOr(llvm::ArrayRef<Lit> lits);

  /// A real signal carrying the literal: complements and constants of
  /// primary outputs need an inverter or a constant gate.
  SignalId materialize(Lit lit);

  unsigned level(Lit lit) const {
    return lit.isConstant() ? 0 : levelOf[lit.signal];
  }
  /// A total order for combining literals: lower level first, then signal
  /// id, then polarity (deterministic, and it groups the same inputs the
  /// same way in every neuron of a layer, which maximises sharing).
  bool arrivesBefore(Lit a, Lit b) const {
    unsigned la = level(a), lb = level(b);
    if (la != lb)
      return la < lb;
    if (a.signal != b.signal)
      return a.signal < b.signal;
    return a.negated < b.negated;
  }
  void setTag(int32_t t) { tag = t; }

  struct Checkpoint {
    size_t gates;
    size_t hashLog;
    double area;
  };
  Checkpoint checkpoint() const {
    return {net.gates.size(), hashLog.size(), totalArea};
  }
  void rollback(Checkpoint cp);
  size_t gatesSince(Checkpoint cp) const { return net.gates.size() - cp.gates; }
  /// Cell area of all gates created since `cp` (used or not).
  double areaSince(Checkpoint cp) const { return totalArea - cp.area; }

private:
  Lit emitTree(llvm::ArrayRef<Lit> lits, bool isAnd);
  SignalId addGate(Gate gate, uint64_t hash);
  std::optional<SignalId> lookup(const Gate &gate, uint64_t hash) const;

  Netlist &net;
  const CellLibrary &lib;
  int32_t tag = -1;
  double totalArea = 0;
  std::vector<unsigned> levelOf;
  llvm::DenseMap<uint64_t, llvm::SmallVector<uint32_t, 1>> table;
  std::vector<uint64_t> hashLog;
};

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_GATEBUILDER_H

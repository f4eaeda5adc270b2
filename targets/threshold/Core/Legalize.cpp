//===- Legalize.cpp - Fan-in legalization of threshold netlists -*- C++ -*-===//
//
// Per-gate choice between the decompositions of Legalize.h.  Candidates are
// built for real in the shared builder, costed by the area of the gates they
// add that their output actually uses (gates shared with earlier neurons are
// free), then rolled back; the winner is rebuilt.  Rebuilding is
// deterministic, so the result does not depend on trial order beyond the
// documented tie-breaks.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Legalize.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace axon::threshold;

PositiveGate PositiveGate::fromNormal(const NormalGate &gate) {
  PositiveGate pos;
  pos.threshold = gate.threshold;
  for (unsigned i = 0, e = gate.inputs.size(); i != e; ++i) {
    int64_t w = gate.weights[i];
    // w x = w - w (1 - x): a negative weight becomes |w| on the complement.
    pos.lits.push_back(Lit::of(gate.inputs[i], w < 0));
    pos.weights.push_back(w < 0 ? -w : w);
    if (w < 0)
      pos.threshold -= w;
    pos.total += w < 0 ? -w : w;
  }
  return pos;
}

PositiveGate PositiveGate::complemented() const {
  // [sum a y >= T] = NOT [sum a (1 - y) >= M - T + 1].
  PositiveGate c = *this;
  for (Lit &l : c.lits)
    l = !l;
  c.threshold = total - threshold + 1;
  return c;
}

namespace {
struct Candidate {
  DecomposeMethod method;
  bool complement;
  bool carryChain;
  double area;
  unsigned depth;
  size_t gates;
  bool better(const Candidate &o, bool depthFirst) const {
    if (depthFirst && depth != o.depth)
      return depth < o.depth;
    if (area != o.area)
      return area < o.area;
    if (depth != o.depth)
      return depth < o.depth;
    return gates < o.gates;
  }
};
} // namespace

/// Area of the gates created since `cp` that `root` depends on.
static double liveAreaSince(GateBuilder &b, GateBuilder::Checkpoint cp,
                            Lit root, size_t &liveGates) {
  const Netlist &net = b.netlist();
  size_t count = net.gates.size() - cp.gates;
  std::vector<uint8_t> live(count, 0);
  auto mark = [&](SignalId s) {
    if (s != Lit::kConstSignal && s >= net.gateSignal(cp.gates))
      live[s - net.gateSignal(cp.gates)] = 1;
  };
  mark(root.signal);
  double area = 0;
  liveGates = 0;
  for (size_t i = count; i-- > 0;) {
    if (!live[i])
      continue;
    const Gate &g = net.gates[cp.gates + i];
    ++liveGates;
    if (!g.isConstant())
      area += b.library().cellArea(g.fanIn());
    for (SignalId in : g.inputs)
      mark(in);
  }
  return area;
}

static std::optional<Lit> runMethod(GateBuilder &b, const PositiveGate &pos,
                                    DecomposeMethod method, bool carryChain,
                                    double budget,
                                    const LegalizeOptions &options) {
  if (method == DecomposeMethod::Thermometer)
    return buildThermometerTree(b, pos, budget);
  return buildAdderTree(b, pos, options.minimizeDepth, carryChain);
}

Lit axon::threshold::decomposeGate(GateBuilder &b, llvm::ArrayRef<Term> terms,
                                   int64_t threshold,
                                   const LegalizeOptions &options,
                                   LegalizeStats *stats) {
  NormalGate ng = b.normalize(terms, threshold);
  if (ng.kind != NormalGate::Real || ng.pins <= b.maxFanIn()) {
    if (stats)
      ++stats->direct;
    return b.emit(ng);
  }
  PositiveGate pos = PositiveGate::fromNormal(ng);
  PositiveGate neg = pos.complemented();

  llvm::SmallVector<DecomposeMethod, 2> methods;
  if (options.method != DecomposeMethod::Thermometer)
    methods.push_back(DecomposeMethod::AdderTree);
  if (options.method != DecomposeMethod::AdderTree)
    methods.push_back(DecomposeMethod::Thermometer);

  std::optional<Candidate> best;
  for (DecomposeMethod method : methods) {
    for (auto [complement, carryChain] : {std::pair(false, false),
                                          {false, true},
                                          {true, false},
                                          {true, true}}) {
      if (complement && !options.tryBothPolarities)
        continue;
      // The carry-chain comparator is a variant of the adder tree only.
      if (carryChain &&
          (method != DecomposeMethod::AdderTree || b.maxFanIn() < 4))
        continue;
      double budget = best && options.method == DecomposeMethod::Auto
                          ? 2 * best->area + 1
                          : double(options.thermometerGateBudget) *
                                b.library().cellArea(b.maxFanIn());
      GateBuilder::Checkpoint cp = b.checkpoint();
      std::optional<Lit> out = runMethod(b, complement ? neg : pos, method,
                                         carryChain, budget, options);
      if (!out)
        continue;
      Candidate cand{method, complement, carryChain, 0, b.level(*out), 0};
      cand.area = liveAreaSince(b, cp, *out, cand.gates);
      b.rollback(cp);
      if (!best || cand.better(*best, options.minimizeDepth))
        best = cand;
    }
  }
  if (!best) {
    // Only reachable when a forced thermometer decomposition gave up.
    if (stats)
      ++stats->fallbacks;
    best = Candidate{DecomposeMethod::AdderTree, false, false, 0, 0, 0};
  }
  if (stats)
    ++(best->method == DecomposeMethod::Thermometer ? stats->thermometer
                                                    : stats->adderTree);
  std::optional<Lit> out =
      runMethod(b, best->complement ? neg : pos, best->method, best->carryChain,
                HUGE_VAL, options);
  return best->complement ? !*out : *out;
}

llvm::Error axon::threshold::checkLegal(const Netlist &netlist,
                                        const CellLibrary &lib) {
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    const Gate &gate = netlist.gates[g];
    if (gate.fanIn() > lib.maxFanIn)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("gate {0} has fan-in {1}, the cell library allows {2}",
                        g, gate.fanIn(), lib.maxFanIn));
    for (int64_t w : gate.weights)
      if (w > lib.maxWeight || w < -lib.maxWeight)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            llvm::formatv("gate {0} has a pin of weight {1}, the cell library "
                          "allows |w| <= {2}",
                          g, w, lib.maxWeight));
  }
  return llvm::Error::success();
}

llvm::Expected<Netlist>
axon::threshold::legalize(const Netlist &netlist, const CellLibrary &lib,
                          const LegalizeOptions &options,
                          LegalizeStats *stats) {
  if (llvm::Error err = lib.validate())
    return err;
  if (llvm::Error err = netlist.verify())
    return err;
  Netlist out(netlist.name);
  out.inputNames = netlist.inputNames;
  GateBuilder builder(out, lib);
  std::vector<Lit> lits(netlist.numSignals());
  for (unsigned i = 0, e = netlist.numInputs(); i != e; ++i)
    lits[i] = Lit::of(i);
  llvm::SmallVector<Term, 64> terms;
  for (unsigned g = 0, e = netlist.gates.size(); g != e; ++g) {
    const Gate &gate = netlist.gates[g];
    terms.clear();
    for (unsigned p = 0, pe = gate.inputs.size(); p != pe; ++p)
      terms.push_back({lits[gate.inputs[p]], gate.weights[p]});
    builder.setTag(gate.tag);
    if (stats)
      ++stats->gatesIn;
    lits[netlist.gateSignal(g)] =
        decomposeGate(builder, terms, gate.threshold, options, stats);
  }
  for (const NetlistOutput &o : netlist.outputs) {
    // An inverter or constant created for an output belongs to its layer.
    builder.setTag(netlist.isGateSignal(o.signal)
                       ? netlist.gates[o.signal - netlist.numInputs()].tag
                       : -1);
    out.addOutput(o.name, builder.materialize(lits[o.signal]));
  }
  Netlist result = out.pruned();
  if (llvm::Error err = result.verify())
    return err;
  if (llvm::Error err = checkLegal(result, lib))
    return err;
  return result;
}

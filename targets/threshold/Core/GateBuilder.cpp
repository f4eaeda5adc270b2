//===- GateBuilder.cpp - Canonicalising threshold-gate builder --*- C++ -*-===//
//
// Canonical form, structural hashing and rollback for gate construction.
// Every rewrite in normalize() preserves the Boolean function exactly:
//  * w * (1 - x) = w - w * x (complemented literals);
//  * in the positive form [sum a_i y_i >= t] (a_i > 0, y_i a literal), a
//    weight above t can be lowered to t, because that literal alone decides
//    the output when it is 1; the same holds in the complemented form
//    [sum a_i (1 - y_i) >= M - t + 1], which is the negation;
//  * sum a y is a multiple of g = gcd(a), so [sum >= t] = [sum/g >= ceil(t/g)].
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/GateBuilder.h"

#include "llvm/ADT/Hashing.h"

#include <algorithm>
#include <numeric>

using namespace axon::threshold;

static int64_t ceilDiv(int64_t a, int64_t b) {
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

GateBuilder::GateBuilder(Netlist &netlist, const CellLibrary &lib)
    : net(netlist), lib(lib), levelOf(netlist.levels()) {}

/// Merges duplicate signals, folds constants and complements; returns the
/// adjusted threshold.
static int64_t collectTerms(llvm::ArrayRef<Term> terms, int64_t threshold,
                            llvm::SmallVectorImpl<SignalId> &sigs,
                            llvm::SmallVectorImpl<int64_t> &weights) {
  llvm::SmallVector<std::pair<SignalId, int64_t>, 16> pairs;
  for (const Term &t : terms) {
    if (t.weight == 0)
      continue;
    if (t.lit.isConstant()) {
      if (t.lit.constantValue())
        threshold -= t.weight;
      continue;
    }
    if (t.lit.negated) {
      threshold -= t.weight;
      pairs.push_back({t.lit.signal, -t.weight});
    } else {
      pairs.push_back({t.lit.signal, t.weight});
    }
  }
  llvm::sort(pairs);
  for (const auto &[sig, w] : pairs) {
    if (!sigs.empty() && sigs.back() == sig) {
      weights.back() += w;
      continue;
    }
    sigs.push_back(sig);
    weights.push_back(w);
  }
  // Drop inputs whose weights cancelled.
  unsigned out = 0;
  for (unsigned i = 0, e = sigs.size(); i != e; ++i)
    if (weights[i] != 0) {
      sigs[out] = sigs[i];
      weights[out++] = weights[i];
    }
  sigs.resize(out);
  weights.resize(out);
  return threshold;
}

/// Lowers weights that exceed what can still change the output, working on
/// the positive form [sum a_i y_i >= t] (a_i = |w_i|, y_i the literal with
/// positive weight).  A literal whose weight reaches t decides the output
/// alone when it is 1, so its weight can drop to t; dually, in the
/// complemented form [sum a_i (1 - y_i) >= M - t + 1] a weight above
/// M - t + 1 can drop to it (t falls by the same amount).  Returns false if
/// the gate turned out constant (then `constValue` is set).
static bool clipWeights(llvm::SmallVectorImpl<int64_t> &mags, int64_t &t,
                        bool &constValue) {
  int64_t total = 0;
  for (int64_t a : mags)
    total += a;
  for (unsigned round = 0; round != 64; ++round) {
    if (t <= 0 || t > total) {
      constValue = t <= 0;
      return false;
    }
    bool changed = false;
    for (int64_t &a : mags)
      if (a > t) {
        total -= a - t;
        a = t;
        changed = true;
      }
    for (int64_t &a : mags) {
      int64_t dual = total - t + 1;
      if (a > dual) {
        total -= a - dual;
        t -= a - dual;
        a = dual;
        changed = true;
      }
    }
    if (!changed)
      break;
  }
  return true;
}

NormalGate GateBuilder::normalize(llvm::ArrayRef<Term> terms,
                                  int64_t threshold) const {
  NormalGate g;
  threshold = collectTerms(terms, threshold, g.inputs, g.weights);
  // Positive form: w x = w - |w| x for w < 0, so t = T + sum |w<0|.
  llvm::SmallVector<int64_t, 8> mags;
  int64_t t = threshold;
  for (int64_t w : g.weights) {
    mags.push_back(w < 0 ? -w : w);
    if (w < 0)
      t -= w;
  }
  bool constValue = false;
  if (!clipWeights(mags, t, constValue)) {
    g.kind = NormalGate::Constant;
    g.result = Lit::constant(constValue);
    g.inputs.clear();
    g.weights.clear();
    return g;
  }
  int64_t divisor = 0;
  for (int64_t a : mags)
    divisor = std::gcd(divisor, a);
  if (divisor > 1) {
    for (int64_t &a : mags)
      a /= divisor;
    t = ceilDiv(t, divisor);
  }
  // Back to signal weights.
  for (unsigned i = 0, e = mags.size(); i != e; ++i) {
    bool negative = g.weights[i] < 0;
    g.weights[i] = negative ? -mags[i] : mags[i];
    if (negative)
      t -= mags[i];
  }
  g.threshold = t;
  if (g.inputs.size() == 1) {
    // Not constant, so 0 < T <= w (buffer) or w < T <= 0 (inverter).
    g.kind = NormalGate::Wire;
    g.result = Lit::of(g.inputs[0], g.weights[0] < 0);
    return g;
  }
  g.kind = NormalGate::Real;
  for (int64_t w : g.weights)
    g.pins += lib.pinsFor(w);
  return g;
}

static uint64_t hashGate(llvm::ArrayRef<SignalId> sigs,
                         llvm::ArrayRef<int64_t> weights, int64_t threshold) {
  return llvm::hash_combine(
      llvm::hash_combine_range(sigs.begin(), sigs.end()),
      llvm::hash_combine_range(weights.begin(), weights.end()), threshold);
}

/// Undoes pin splitting: consecutive pins on one signal are one weight.
static void unsplit(const Gate &gate, llvm::SmallVectorImpl<SignalId> &sigs,
                    llvm::SmallVectorImpl<int64_t> &weights) {
  for (unsigned p = 0, e = gate.inputs.size(); p != e; ++p) {
    if (!sigs.empty() && sigs.back() == gate.inputs[p]) {
      weights.back() += gate.weights[p];
      continue;
    }
    sigs.push_back(gate.inputs[p]);
    weights.push_back(gate.weights[p]);
  }
}

std::optional<SignalId> GateBuilder::lookup(const Gate &key,
                                            uint64_t hash) const {
  auto it = table.find(hash);
  if (it == table.end())
    return std::nullopt;
  for (uint32_t g : it->second) {
    const Gate &cand = net.gates[g];
    if (cand.threshold != key.threshold)
      continue;
    llvm::SmallVector<SignalId, 8> sigs;
    llvm::SmallVector<int64_t, 8> weights;
    unsplit(cand, sigs, weights);
    if (llvm::ArrayRef<SignalId>(sigs) == llvm::ArrayRef(key.inputs) &&
        llvm::ArrayRef<int64_t>(weights) == llvm::ArrayRef(key.weights))
      return net.gateSignal(g);
  }
  return std::nullopt;
}

SignalId GateBuilder::addGate(Gate gate, uint64_t hash) {
  unsigned deepest = 0;
  for (SignalId in : gate.inputs)
    deepest = std::max(deepest, levelOf[in]);
  gate.tag = tag;
  if (!gate.isConstant())
    totalArea += lib.cellArea(gate.fanIn());
  SignalId s = net.addGate(std::move(gate));
  levelOf.push_back(net.gates.back().isConstant() ? 0 : deepest + 1);
  table[hash].push_back(net.gates.size() - 1);
  hashLog.push_back(hash);
  return s;
}

Lit GateBuilder::emit(const NormalGate &ng) {
  if (ng.kind != NormalGate::Real)
    return ng.result;
  Gate key;
  key.inputs.assign(ng.inputs.begin(), ng.inputs.end());
  key.weights.assign(ng.weights.begin(), ng.weights.end());
  key.threshold = ng.threshold;
  uint64_t hash = hashGate(key.inputs, key.weights, key.threshold);
  if (std::optional<SignalId> s = lookup(key, hash))
    return Lit::of(*s);
  // NOT [sum w x >= T] = [sum -w x >= 1 - T], which is canonical as well.
  Gate complement = key;
  for (int64_t &w : complement.weights)
    w = -w;
  complement.threshold = 1 - key.threshold;
  if (std::optional<SignalId> s =
          lookup(complement, hashGate(complement.inputs, complement.weights,
                                      complement.threshold)))
    return Lit::of(*s, /*neg=*/true);

  Gate gate;
  gate.threshold = ng.threshold;
  for (unsigned i = 0, e = ng.inputs.size(); i != e; ++i) {
    int64_t w = ng.weights[i];
    int64_t step = w < 0 ? -lib.maxWeight : lib.maxWeight;
    while (w != 0) {
      int64_t pin = (w < 0 ? w < step : w > step) ? step : w;
      gate.inputs.push_back(ng.inputs[i]);
      gate.weights.push_back(pin);
      w -= pin;
    }
  }
  return Lit::of(addGate(std::move(gate), hash));
}

Lit GateBuilder::emit(llvm::ArrayRef<Term> terms, int64_t threshold) {
  return emit(normalize(terms, threshold));
}

Lit GateBuilder::emitTree(llvm::ArrayRef<Lit> lits, bool isAnd) {
  // Identity and absorbing constants.
  llvm::SmallVector<Lit, 16> work;
  for (Lit l : lits) {
    if (l.isConstant()) {
      if (l.constantValue() != isAnd)
        return l;
      continue;
    }
    work.push_back(l);
  }
  unsigned k = lib.maxFanIn;
  auto combine = [&](llvm::ArrayRef<Lit> group) {
    llvm::SmallVector<Term, 8> terms;
    for (Lit l : group)
      terms.push_back({l, 1});
    return emit(terms, isAnd ? int64_t(group.size()) : 1);
  };
  auto byLevel = [&](Lit a, Lit b) { return arrivesBefore(a, b); };
  // K-ary Huffman on arrival levels: the first merge takes just enough
  // literals that every later merge is full, so the gate count is minimal.
  bool first = true;
  while (work.size() > k) {
    llvm::sort(work, byLevel);
    size_t take = first ? (work.size() - 2) % (k - 1) + 2 : k;
    first = false;
    Lit merged = combine(llvm::ArrayRef(work).take_front(take));
    work.erase(work.begin(), work.begin() + take);
    work.push_back(merged);
  }
  if (work.empty())
    return Lit::constant(isAnd);
  return combine(work);
}

Lit GateBuilder::emitAnd(llvm::ArrayRef<Lit> lits) {
  return emitTree(lits, true);
}

Lit GateBuilder::emitOr(llvm::ArrayRef<Lit> lits) {
  return emitTree(lits, false);
}

SignalId GateBuilder::materialize(Lit lit) {
  if (!lit.isConstant() && !lit.negated)
    return lit.signal;
  Gate gate;
  if (lit.isConstant()) {
    gate.threshold = lit.constantValue() ? 0 : 1;
  } else {
    gate.inputs.push_back(lit.signal);
    gate.weights.push_back(-1);
    gate.threshold = 0;
  }
  uint64_t hash = hashGate(gate.inputs, gate.weights, gate.threshold);
  if (std::optional<SignalId> s = lookup(gate, hash))
    return *s;
  return addGate(std::move(gate), hash);
}

void GateBuilder::rollback(Checkpoint cp) {
  while (hashLog.size() > cp.hashLog) {
    auto it = table.find(hashLog.back());
    it->second.pop_back();
    if (it->second.empty())
      table.erase(it);
    hashLog.pop_back();
  }
  net.gates.resize(cp.gates);
  levelOf.resize(net.numSignals());
  totalArea = cp.area;
}

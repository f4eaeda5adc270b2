//===- AdderTree.cpp - Popcount/adder-tree decomposition --------*- C++ -*-===//
//
// Method (a) of Legalize.h.  The weighted literals are placed in binary
// columns (a literal of weight a contributes to every column where a has a
// 1 bit) and each column is compressed, least significant first, by full and
// half adders built from threshold gates, always combining the
// earliest-arriving bits (Dadda/Wallace style) to keep the tree shallow.
// Before each column the remaining weighted sum is offered to the cell as one
// gate: with weighted cells the tail of the tree often collapses into a
// single gate.  The binary count is finally compared with the constant
// threshold: S >= T is, from the least significant bit up,
//   ge_c = s_c AND ge_{c-1}  if bit c of T is 1,  s_c OR ge_{c-1}  otherwise,
// and runs of the same operator merge into one <= K-input AND/OR.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Legalize.h"

#include "llvm/ADT/bit.h"

#include <algorithm>
#include <map>

using namespace axon::threshold;

namespace {

class AdderTreeBuilder {
public:
  AdderTreeBuilder(GateBuilder &builder, bool minimizeDepth, bool carryChain)
      : b(builder), k(builder.maxFanIn()), minimizeDepth(minimizeDepth),
        carryChain(carryChain && builder.maxFanIn() >= 4) {}
  Lit build(const PositiveGate &gate);

private:
  std::pair<Lit, Lit> fullAdder(Lit x, Lit y, Lit z);
  std::pair<Lit, Lit> halfAdder(Lit x, Lit y);
  Lit majority(Lit x, Lit y, Lit z);
  Lit exclusiveOr(Lit x, Lit y);
  void reduceColumn(unsigned c);
  std::optional<Lit> tryFinish(int64_t threshold);
  Lit compare(int64_t threshold);
  Lit chainCompare(int64_t threshold);
  llvm::SmallVector<std::pair<Lit, int64_t>, 32>
  groupByWeight(const PositiveGate &gate);

  GateBuilder &b;
  unsigned k;
  bool minimizeDepth;
  bool carryChain;
  std::vector<llvm::SmallVector<Lit, 8>> columns;
};

} // namespace

Lit AdderTreeBuilder::majority(Lit x, Lit y, Lit z) {
  if (k >= 3)
    return b.emit({{x, 1}, {y, 1}, {z, 1}}, 2);
  // maj(x, y, z) = xy OR z(x OR y) with two-input gates.
  Lit both = b.emitAnd({x, y});
  Lit either = b.emitOr({x, y});
  return b.emitOr({both, b.emitAnd({z, either})});
}

Lit AdderTreeBuilder::exclusiveOr(Lit x, Lit y) {
  Lit both = b.emitAnd({x, y});
  llvm::SmallVector<Term, 3> direct = {{x, 1}, {y, 1}, {both, -2}};
  if (b.fits(direct, 1))
    return b.emit(direct, 1);
  return b.emit({{b.emitOr({x, y}), 1}, {both, -1}}, 1);
}

std::pair<Lit, Lit> AdderTreeBuilder::halfAdder(Lit x, Lit y) {
  return {exclusiveOr(x, y), b.emitAnd({x, y})};
}

std::pair<Lit, Lit> AdderTreeBuilder::fullAdder(Lit x, Lit y, Lit z) {
  Lit carry = majority(x, y, z);
  llvm::SmallVector<Term, 4> direct = {{x, 1}, {y, 1}, {z, 1}, {carry, -2}};
  if (b.fits(direct, 1))
    return {b.emit(direct, 1), carry};
  if (k >= 3 && minimizeDepth) {
    // x+y+z in {1, 3} <=> OR3 - carry + AND3 >= 1: one level after carry.
    Lit any = b.emit({{x, 1}, {y, 1}, {z, 1}}, 1);
    Lit all = b.emit({{x, 1}, {y, 1}, {z, 1}}, 3);
    return {b.emit({{any, 1}, {all, 1}, {carry, -1}}, 1), carry};
  }
  if (k >= 3) {
    // Two cells, two levels after carry (found by exhaustive search over
    // 3-input +-1 cells): a = [carry >= x + y] is 1 when x = y = 0, z when
    // exactly one of x, y is set, 0 when both are; then
    // sum = [z - carry - a >= 0] is z, NOT z, z respectively.
    Lit a = b.emit({{carry, 1}, {x, -1}, {y, -1}}, 0);
    return {b.emit({{z, 1}, {carry, -1}, {a, -1}}, 0), carry};
  }
  return {exclusiveOr(exclusiveOr(x, y), z), carry};
}

void AdderTreeBuilder::reduceColumn(unsigned c) {
  // A min-heap on (arrival level, insertion order): ties keep the column's
  // order, which groups the same inputs the same way in every neuron of a
  // layer so that their adders are shared.  std heaps are max-heaps, hence
  // the reversed comparison.
  struct Entry {
    unsigned level;
    unsigned seq;
    Lit lit;
  };
  auto later = [](const Entry &l, const Entry &r) {
    return l.level != r.level ? l.level > r.level : l.seq > r.seq;
  };
  std::vector<Entry> heap;
  unsigned seq = 0;
  auto push = [&](Lit l) {
    heap.push_back({b.level(l), seq++, l});
    std::push_heap(heap.begin(), heap.end(), later);
  };
  auto pop = [&] {
    std::pop_heap(heap.begin(), heap.end(), later);
    Lit l = heap.back().lit;
    heap.pop_back();
    return l;
  };
  for (Lit l : columns[c])
    push(l);
  // The carry chain reads up to two bits per column.
  size_t keep = carryChain ? 2 : 1;
  while (heap.size() > keep) {
    std::pair<Lit, Lit> sc;
    if (heap.size() >= 3) {
      Lit x = pop(), y = pop(), z = pop();
      sc = fullAdder(x, y, z);
    } else {
      Lit x = pop(), y = pop();
      sc = halfAdder(x, y);
    }
    // Adders may fold to constants when inputs repeat; a constant 0 adds
    // nothing.
    if (!sc.first.isConstant() || sc.first.constantValue())
      push(sc.first);
    if (sc.second.isConstant() && !sc.second.constantValue())
      continue;
    if (columns.size() <= c + 1)
      columns.emplace_back();
    columns[c + 1].push_back(sc.second);
  }
  columns[c].clear();
  for (const Entry &e : heap)
    columns[c].push_back(e.lit);
}

std::optional<Lit> AdderTreeBuilder::tryFinish(int64_t threshold) {
  if (columns.size() >= 62)
    return std::nullopt;
  llvm::SmallVector<Term, 32> terms;
  for (unsigned c = 0, e = columns.size(); c != e; ++c)
    for (Lit l : columns[c])
      terms.push_back({l, int64_t(1) << c});
  NormalGate ng = b.normalize(terms, threshold);
  if (ng.pins > k)
    return std::nullopt;
  return b.emit(ng);
}

Lit AdderTreeBuilder::compare(int64_t threshold) {
  Lit acc = Lit::constant(true); // [empty sum >= 0]
  unsigned c = 0, e = columns.size();
  while (c != e) {
    bool isAnd = (threshold >> c) & 1;
    llvm::SmallVector<Lit, 8> run;
    for (; c != e && bool((threshold >> c) & 1) == isAnd; ++c)
      run.push_back(columns[c].empty() ? Lit::constant(false)
                                       : columns[c].front());
    run.push_back(acc);
    acc = isAnd ? b.emitAnd(run) : b.emitOr(run);
  }
  // Threshold bits above the count width make the comparison false.
  if (e < 63 && (threshold >> e) != 0)
    return Lit::constant(false);
  return acc;
}

llvm::SmallVector<std::pair<Lit, int64_t>, 32>
AdderTreeBuilder::groupByWeight(const PositiveGate &gate) {
  // Literals sharing a weight w with two or more set bits are counted once
  // in binary (c bits for up to 2^c - 1 literals) and each count bit then
  // carries weight w 2^b: m literals would otherwise put m popcount(w) bits
  // into the columns, the count only about log2(m) popcount(w) after m - 1
  // adders.  Groups are visited in increasing weight, literals in gate
  // order, so equal groups of different gates build (and share) the same
  // counters.
  llvm::SmallVector<std::pair<Lit, int64_t>, 32> terms;
  std::map<int64_t, llvm::SmallVector<Lit, 16>> groups;
  for (unsigned i = 0, e = gate.lits.size(); i != e; ++i) {
    int64_t w = gate.weights[i];
    if (llvm::popcount(uint64_t(w)) >= 2)
      groups[w].push_back(gate.lits[i]);
    else
      terms.push_back({gate.lits[i], w});
  }
  for (auto &[w, lits] : groups) {
    if (lits.size() < 3) {
      for (Lit l : lits)
        terms.push_back({l, w});
      continue;
    }
    columns.assign(1, llvm::SmallVector<Lit, 8>(lits.begin(), lits.end()));
    for (unsigned c = 0; c < columns.size(); ++c)
      reduceColumn(c);
    // Weights that would no longer fit 62 bits keep their literals.
    if (columns.size() + llvm::bit_width(uint64_t(w)) > 62) {
      for (Lit l : lits)
        terms.push_back({l, w});
      continue;
    }
    for (unsigned c = 0, e = columns.size(); c != e; ++c)
      for (Lit l : columns[c])
        terms.push_back({l, w << c});
  }
  return terms;
}

Lit AdderTreeBuilder::build(const PositiveGate &gate) {
  llvm::SmallVector<std::pair<Lit, int64_t>, 32> terms = groupByWeight(gate);
  columns.clear();
  for (auto [lit, w] : terms)
    for (unsigned c = 0; c != 63; ++c)
      if ((w >> c) & 1) {
        if (columns.size() <= c)
          columns.resize(c + 1);
        columns[c].push_back(lit);
      }
  for (unsigned c = 0; c < columns.size(); ++c) {
    if (std::optional<Lit> done = tryFinish(gate.threshold))
      return *done;
    reduceColumn(c);
  }
  if (std::optional<Lit> done = tryFinish(gate.threshold))
    return *done;
  return carryChain ? chainCompare(gate.threshold) : compare(gate.threshold);
}

Lit AdderTreeBuilder::chainCompare(int64_t threshold) {
  // S = sum_c 2^c s_c with s_c in {0, 1, 2} and T: after column c the
  // carry floor((S mod 2^c - T mod 2^c) / 2^c) is in {-1, 0, 1}; it is
  // kept as a = [carry >= 0], bb = [carry >= 1], carry = a + bb - 1, and
  //   carry' = floor((carry + s_c - t_c) / 2),
  // so a' = [a + bb + s_c >= 1 + t_c] and bb' = [a + bb + s_c >= 3 + t_c],
  // two cells of at most four +-1 pins per column.  At the top, S >= T iff
  // the carry is at least T >> width.
  if (threshold <= 0)
    return Lit::constant(true);
  Lit a = Lit::constant(true), bb = Lit::constant(false);
  unsigned width = columns.size();
  if (width >= 62)
    return compare(threshold);
  // Several columns c .. c + g - 1 at once when the two gates still fit (a
  // few bits and weighted pins): with n = carry + sum_i 2^i (s_i - t_i) in
  // [-2^g, 2^(g+1) - 1], carry' = floor(n / 2^g) is again in {-1, 0, 1}, so
  // a' = [a + bb + sum_i 2^i s_i >= 1 + T_g], bb' = [... >= 1 + 2^g + T_g]
  // with T_g = sum_i 2^i t_i.
  auto groupTerms = [&](unsigned c, unsigned g,
                        llvm::SmallVectorImpl<Term> &terms) {
    terms.assign({{a, 1}, {bb, 1}});
    for (unsigned i = 0; i != g; ++i)
      for (Lit l : columns[c + i])
        terms.push_back({l, int64_t(1) << i});
    return (threshold >> c) & ((int64_t(1) << g) - 1);
  };
  llvm::SmallVector<Term, 8> terms;
  for (unsigned c = 0; c != width;) {
    unsigned g = 1;
    for (unsigned tryG = std::min(3u, width - c); tryG > 1; --tryG) {
      int64_t tg = groupTerms(c, tryG, terms);
      if (b.fits(terms, 1 + tg) &&
          b.fits(terms, 1 + (int64_t(1) << tryG) + tg)) {
        g = tryG;
        break;
      }
    }
    int64_t tg = groupTerms(c, g, terms);
    Lit nextA = b.emit(terms, 1 + tg);
    bb = b.emit(terms, 1 + (int64_t(1) << g) + tg);
    a = nextA;
    c += g;
  }
  int64_t high = threshold >> width;
  return high == 0 ? a : high == 1 ? bb : Lit::constant(false);
}

Lit axon::threshold::buildAdderTree(GateBuilder &builder,
                                    const PositiveGate &gate,
                                    bool minimizeDepth, bool carryChain) {
  return AdderTreeBuilder(builder, minimizeDepth, carryChain).build(gate);
}

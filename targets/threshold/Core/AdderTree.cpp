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

#include <algorithm>

using namespace axon::threshold;

namespace {

class AdderTreeBuilder {
public:
  AdderTreeBuilder(GateBuilder &builder, bool minimizeDepth)
      : b(builder), k(builder.maxFanIn()), minimizeDepth(minimizeDepth) {}
  Lit build(const PositiveGate &gate);

private:
  std::pair<Lit, Lit> fullAdder(Lit x, Lit y, Lit z);
  std::pair<Lit, Lit> halfAdder(Lit x, Lit y);
  Lit majority(Lit x, Lit y, Lit z);
  Lit exclusiveOr(Lit x, Lit y);
  void reduceColumn(unsigned c);
  std::optional<Lit> tryFinish(int64_t threshold);
  Lit compare(int64_t threshold);

  GateBuilder &b;
  unsigned k;
  bool minimizeDepth;
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
  while (heap.size() >= 2) {
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

Lit AdderTreeBuilder::build(const PositiveGate &gate) {
  columns.clear();
  for (unsigned i = 0, e = gate.lits.size(); i != e; ++i)
    for (unsigned c = 0; c != 63; ++c)
      if ((gate.weights[i] >> c) & 1) {
        if (columns.size() <= c)
          columns.resize(c + 1);
        columns[c].push_back(gate.lits[i]);
      }
  for (unsigned c = 0; c < columns.size(); ++c) {
    if (std::optional<Lit> done = tryFinish(gate.threshold))
      return *done;
    reduceColumn(c);
  }
  if (std::optional<Lit> done = tryFinish(gate.threshold))
    return *done;
  return compare(gate.threshold);
}

Lit axon::threshold::buildAdderTree(GateBuilder &builder,
                                    const PositiveGate &gate,
                                    bool minimizeDepth) {
  return AdderTreeBuilder(builder, minimizeDepth).build(gate);
}

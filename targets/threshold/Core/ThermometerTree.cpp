//===- ThermometerTree.cpp - Thermometer-code decomposition -----*- C++ -*-===//
//
// Method (b) of Legalize.h.  Literals are packed (heaviest first) into leaf
// groups whose gates fit a cell, and leaves are merged pairwise into a
// balanced tree.  Every node X stands for its partial sum S_X, tracked as the
// sorted set of values it can take, capped at the root threshold T (values
// above T are indistinguishable for [S >= T]).  The bit [S_X >= k] is built
// on demand and memoised:
//  * leaf: one gate over the group's literals;
//  * merge of A and B: [S_A + S_B >= k] only depends on S_A clipped to
//    [loA, k] with loA = max(0, k - max(S_B) - 1) (below it the output is 0
//    whatever B is) and symmetrically for B; a clipped sum is a weighted sum
//    of thermometer bits, so the merge is one gate over the window bits of
//    both children when it fits a cell;
//  * otherwise [S_A + S_B >= k] = OR over values v of A below k of
//    ([S_A >= v] AND [S_B >= k - v]), plus the term [S_A >= k].
// Only bits some ancestor needs are ever built, so near-constant thresholds
// give small networks of depth about log2(#leaves) + 1.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Legalize.h"

#include "llvm/ADT/bit.h"

#include <algorithm>

using namespace axon::threshold;

namespace {

struct TreeNode {
  int left = -1, right = -1;
  llvm::SmallVector<unsigned, 8> members; // literal indices of a leaf
  std::vector<int64_t> values;            // sorted, capped at the threshold
  int64_t maxValue() const { return values.back(); }
};

class ThermometerBuilder {
public:
  ThermometerBuilder(GateBuilder &b, const PositiveGate &gate, double budget,
                     size_t workLimit)
      : b(b), gate(gate), cap(gate.threshold), budget(budget),
        workLimit(workLimit), start(b.checkpoint()) {}
  std::optional<Lit> build();

private:
  bool makeLeaves();
  bool makeTree();
  std::vector<int64_t> mergeValues(const std::vector<int64_t> &x,
                                   const std::vector<int64_t> &y);
  Lit bit(unsigned node, int64_t k);
  Lit leafBit(const TreeNode &node, int64_t k);
  Lit mergeBit(const TreeNode &node, int64_t k);
  void windowTerms(unsigned child, int64_t lo, int64_t hi,
                   llvm::SmallVectorImpl<Term> &terms);
  bool overBudget() {
    failed = failed || b.areaSince(start) > budget;
    return failed;
  }

  GateBuilder &b;
  const PositiveGate &gate;
  int64_t cap;
  double budget;
  size_t workLimit, work = 0;
  GateBuilder::Checkpoint start;
  bool failed = false;
  std::vector<TreeNode> nodes;
  llvm::DenseMap<std::pair<unsigned, int64_t>, Lit> memo;
};

} // namespace

/// The set {min(u + v, cap) : u in x, v in y} (x, y sorted, values <= cap)
/// through a bitset over 0..cap: |y| shifted ORs of (cap + 64) / 64 words.
std::vector<int64_t>
ThermometerBuilder::mergeValues(const std::vector<int64_t> &x,
                                const std::vector<int64_t> &y) {
  size_t words = size_t(cap + 64) / 64;
  std::vector<uint64_t> src(words, 0), dst(words, 0);
  for (int64_t u : x)
    src[u / 64] |= uint64_t(1) << (u % 64);
  bool saturated = false;
  for (int64_t v : y) {
    // The largest element of x reaches the cap with v: bit cap is set, and
    // everything shifted past the end of the bitset is above the cap anyway.
    saturated = saturated || x.back() + v >= cap;
    size_t wordShift = size_t(v) / 64;
    unsigned bitShift = unsigned(v % 64);
    for (size_t j = words; j-- > wordShift;) {
      size_t from = j - wordShift;
      uint64_t val = src[from] << bitShift;
      if (bitShift && from > 0)
        val |= src[from - 1] >> (64 - bitShift);
      dst[j] |= val;
    }
  }
  work += y.size() * words;
  unsigned topBits = unsigned(cap % 64) + 1;
  if (topBits < 64)
    dst.back() &= (uint64_t(1) << topBits) - 1;
  if (saturated)
    dst.back() |= uint64_t(1) << (cap % 64);
  std::vector<int64_t> values;
  for (size_t j = 0; j != words; ++j)
    for (uint64_t w = dst[j]; w; w &= w - 1)
      values.push_back(int64_t(j * 64) + llvm::countr_zero(w));
  return values;
}

bool ThermometerBuilder::makeLeaves() {
  std::vector<unsigned> order(gate.lits.size());
  for (unsigned i = 0, e = order.size(); i != e; ++i)
    order[i] = i;
  llvm::sort(order, [&](unsigned x, unsigned y) {
    if (gate.weights[x] != gate.weights[y])
      return gate.weights[x] > gate.weights[y];
    return x < y;
  });
  const CellLibrary &lib = b.library();
  unsigned pins = 0;
  for (unsigned i : order) {
    unsigned p = lib.pinsFor(std::min(gate.weights[i], cap));
    if (nodes.empty() || pins + p > lib.maxFanIn) {
      nodes.emplace_back();
      pins = 0;
    }
    nodes.back().members.push_back(i);
    pins += p;
  }
  for (TreeNode &leaf : nodes) {
    std::vector<int64_t> values = {0};
    for (unsigned i : leaf.members)
      values = mergeValues(values, {0, std::min(gate.weights[i], cap)});
    leaf.values = std::move(values);
    if (work > workLimit)
      return false;
  }
  return true;
}

bool ThermometerBuilder::makeTree() {
  std::vector<unsigned> level(nodes.size());
  for (unsigned i = 0, e = nodes.size(); i != e; ++i)
    level[i] = i;
  while (level.size() > 1) {
    std::vector<unsigned> next;
    for (unsigned i = 0; i + 1 < level.size(); i += 2) {
      TreeNode node;
      node.left = level[i];
      node.right = level[i + 1];
      node.values =
          mergeValues(nodes[node.left].values, nodes[node.right].values);
      if (work > workLimit)
        return false;
      nodes.push_back(std::move(node));
      next.push_back(nodes.size() - 1);
    }
    if (level.size() % 2)
      next.push_back(level.back());
    level = std::move(next);
  }
  return true;
}

Lit ThermometerBuilder::leafBit(const TreeNode &node, int64_t k) {
  llvm::SmallVector<Term, 8> terms;
  for (unsigned i : node.members)
    terms.push_back({gate.lits[i], gate.weights[i]});
  return b.emit(terms, k);
}

/// Terms whose weighted sum is clip(S_child, lo, hi) - lo.
void ThermometerBuilder::windowTerms(unsigned child, int64_t lo, int64_t hi,
                                     llvm::SmallVectorImpl<Term> &terms) {
  const std::vector<int64_t> &values = nodes[child].values;
  for (unsigned j = 1, e = values.size(); j != e; ++j) {
    int64_t gap = std::min(values[j], hi) - std::max(values[j - 1], lo);
    if (gap > 0)
      terms.push_back({bit(child, values[j]), gap});
  }
}

Lit ThermometerBuilder::mergeBit(const TreeNode &node, int64_t k) {
  const TreeNode &a = nodes[node.left], &c = nodes[node.right];
  int64_t loA = std::max<int64_t>(0, k - c.maxValue() - 1);
  int64_t loC = std::max<int64_t>(0, k - a.maxValue() - 1);
  // Only pay for the child bits when the window gate can fit: with all
  // weights positive, normalisation clips each weight to the threshold.
  int64_t windowThreshold = k - loA - loC;
  unsigned pins = 0;
  for (auto [child, lo] : {std::pair(node.left, loA), {node.right, loC}}) {
    const std::vector<int64_t> &values = nodes[child].values;
    for (unsigned j = 1, e = values.size(); j != e; ++j) {
      int64_t gap = std::min(values[j], k) - std::max(values[j - 1], lo);
      if (gap > 0)
        pins += b.library().pinsFor(std::min(gap, windowThreshold));
    }
  }
  if (pins <= b.maxFanIn()) {
    llvm::SmallVector<Term, 16> terms;
    windowTerms(node.left, loA, k, terms);
    windowTerms(node.right, loC, k, terms);
    if (b.fits(terms, windowThreshold))
      return b.emit(terms, windowThreshold);
  }
  // OR over the splits, enumerating the child with fewer values.
  bool leftSmall = a.values.size() <= c.values.size();
  unsigned small = leftSmall ? node.left : node.right;
  unsigned large = leftSmall ? node.right : node.left;
  llvm::SmallVector<Lit, 16> cases;
  for (int64_t v : nodes[small].values) {
    if (v >= k || k - v > nodes[large].maxValue())
      continue;
    cases.push_back(b.emitAnd({bit(small, v), bit(large, k - v)}));
    if (failed)
      return Lit::constant(false);
  }
  cases.push_back(bit(small, k));
  return b.emitOr(cases);
}

Lit ThermometerBuilder::bit(unsigned n, int64_t k) {
  if (k <= 0)
    return Lit::constant(true);
  const TreeNode &node = nodes[n];
  if (k > node.maxValue())
    return Lit::constant(false);
  if (overBudget())
    return Lit::constant(false);
  // [S >= k] equals [S >= smallest reachable value >= k].
  k = *std::lower_bound(node.values.begin(), node.values.end(), k);
  auto it = memo.find({n, k});
  if (it != memo.end())
    return it->second;
  Lit result = node.left < 0 ? leafBit(node, k) : mergeBit(node, k);
  memo[{n, k}] = result;
  return result;
}

std::optional<Lit> ThermometerBuilder::build() {
  if (gate.threshold <= 0)
    return Lit::constant(true);
  if (gate.threshold > gate.total)
    return Lit::constant(false);
  if (!makeLeaves() || !makeTree())
    return std::nullopt;
  Lit result = bit(nodes.size() - 1, gate.threshold);
  if (overBudget()) {
    b.rollback(start);
    return std::nullopt;
  }
  return result;
}

std::optional<Lit>
axon::threshold::buildThermometerTree(GateBuilder &builder,
                                      const PositiveGate &gate,
                                      double areaBudget, size_t workLimit) {
  return ThermometerBuilder(builder, gate, areaBudget, workLimit).build();
}

//===- OrderedCovering.cpp - Ordered Covering table compression -----------===//
//
// Mundy, Heathcote & Garside, "On-chip order-exploiting routing table
// minimization for a multicast supercomputer network" (HPSR 2016), as in
// rig/PACMAN's ordered_covering and SpiNNFrontEndCommon's on-chip C version,
// reimplemented over flat arrays.  The table is kept sorted by generality
// (number of X bits); a merge of same-route entries is inserted before the
// block of its own generality.  Each round takes the route group with the
// most entries and refines it:
//   down-check: the merged entry must not intersect any (alias of an) entry
//     below its insertion point; remove the fewest members that force a bit
//     of the merged key to differ from the most constraining covered entry;
//   up-check: a member must not be hidden by an entry between its position
//     and the insertion point; drop such members.
// "Aliases" remember which original entries a merged entry stands for, so
// later down-checks protect the keys users care about, not the merged cubes.
// We stop as soon as the table fits the target length.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Compress.h"
#include "targets/spinnaker/Router/Ternary.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>

using namespace axon::spinnaker;
using namespace llvm;

namespace {

struct OCTable {
  std::vector<RoutingEntry> entries; ///< sorted by generality
  std::vector<uint8_t> gen;
  /// Original cubes a merged entry stands for; empty: just itself.
  std::vector<std::vector<Cube>> aliases;
  /// Removed default routes: their keys must keep their route or stay
  /// unrouted.
  ArrayRef<RoutingEntry> protectedEntries;
  OverlapIndex protectedIndex;
  /// Overlap index of `entries`, rebuilt lazily after each applied merge.
  OverlapIndex index;
  bool indexValid = false;

  size_t size() const { return entries.size(); }
  Cube cube(size_t i) const { return {entries[i].key, entries[i].mask}; }
  /// First position whose generality is >= g.
  size_t insertionPoint(unsigned g) const {
    return std::lower_bound(gen.begin(), gen.end(), g) - gen.begin();
  }
  OverlapIndex &overlapIndex() {
    if (!indexValid) {
      index = OverlapIndex(ArrayRef<RoutingEntry>(entries));
      indexValid = true;
    }
    return index;
  }
};

struct Merge {
  std::vector<uint32_t> members; ///< ascending table positions
  uint32_t key = 0, mask = 0, route = 0;
  bool defaultable = true;
  unsigned generality = 0;
  size_t insertion = 0;

  int goodness() const { return (int)members.size() - 1; }
  Cube cube() const { return {key, mask}; }
  void clear() { members.clear(); }

  /// Recompute the merged key/mask and where it would be inserted.
  void update(const OCTable &t) {
    uint32_t anyOnes = 0, allOnes = ~0u, allSelected = ~0u;
    defaultable = true;
    for (uint32_t i : members) {
      const RoutingEntry &e = t.entries[i];
      anyOnes |= e.key;
      allOnes &= e.key;
      allSelected &= e.mask;
      defaultable &= e.defaultable;
    }
    // A bit stays specified where every member specifies it and all agree.
    uint32_t agree = ~(anyOnes ^ allOnes);
    mask = allSelected & agree;
    key = allOnes & mask;
    generality = axon::spinnaker::generality(key, mask);
    insertion = t.insertionPoint(generality);
    if (!members.empty())
      route = t.entries[members.front()].route;
  }
};

/// Bits a covered cube would let us set in the merged entry, accumulated for
/// the most stringent (fewest settable bits) covered cubes.
struct Settable {
  unsigned stringency = 33;
  uint32_t toZero = 0, toOne = 0;

  void add(Cube merged, Cube covered) {
    uint32_t settable = ~merged.mask & covered.mask;
    unsigned n = (unsigned)__builtin_popcount(settable);
    uint32_t zero = settable & covered.key, one = settable & ~covered.key;
    if (n < stringency) {
      stringency = n;
      toZero = zero;
      toOne = one;
    } else if (n == stringency) {
      toZero |= zero;
      toOne |= one;
    }
  }
};

} // namespace

/// Collect the settable bits of everything the merge would cover below its
/// insertion point; false if it covers nothing.
static bool collectCovered(const OCTable &t, const Merge &m, Settable &s) {
  bool covered = false;
  Cube mc = m.cube();
  for (size_t i = m.insertion; i < t.size() && s.stringency > 0; ++i) {
    if (!intersects(mc, t.cube(i)))
      continue;
    if (t.aliases[i].empty()) {
      covered = true;
      s.add(mc, t.cube(i));
      continue;
    }
    for (Cube a : t.aliases[i])
      if (intersects(mc, a)) {
        covered = true;
        s.add(mc, a);
      }
  }
  SmallVector<uint32_t, 8> hits;
  t.protectedIndex.query(mc, hits);
  for (uint32_t i : hits) {
    const RoutingEntry &p = t.protectedEntries[i];
    if (p.route != m.route) {
      covered = true;
      s.add(mc, Cube{p.key, p.mask});
    }
  }
  return covered;
}

/// Members that must go to force `bit` of the merged key to the given value:
/// those with an X there or the other value.
static bool mustRemove(const RoutingEntry &e, uint32_t bit, bool toOne) {
  if (!(e.mask & bit))
    return true;
  return toOne ? !(e.key & bit) : (e.key & bit) != 0;
}

/// The (bit, value) choice that removes the fewest members.  Ties go to the
/// most significant bit, and for one bit to setting it to one, as in PACMAN's
/// ordered_covering.py (the on-chip C version tries all set-to-zero bits
/// first; on table1.csv.gz that order stalls at 3,231 entries instead of
/// 1,672, so the order matters).
static void pickRemoval(const OCTable &t, const Merge &m, const Settable &s,
                        uint32_t &bestBit, bool &bestToOne) {
  size_t best = 0;
  bestBit = 0;
  for (uint32_t bit = 1u << 31; bit && best != 1; bit >>= 1)
    for (int pass = 1; pass >= 0; --pass) {
      bool toOne = pass == 1;
      uint32_t bits = toOne ? s.toOne : s.toZero;
      if (!(bits & bit))
        continue;
      size_t n = 0;
      for (uint32_t i : m.members)
        n += mustRemove(t.entries[i], bit, toOne);
      if (bestBit == 0 || n < best) {
        best = n;
        bestBit = bit;
        bestToOne = toOne;
      }
    }
}

/// Shrink the merge until it covers nothing below its insertion point.
static void downCheck(const OCTable &t, Merge &m, int minGoodness) {
  minGoodness = std::max(minGoodness, 0);
  while (m.goodness() > minGoodness) {
    Settable s;
    if (!collectCovered(t, m, s))
      return;
    if (s.stringency == 0) {
      m.clear();
      return;
    }
    uint32_t bit;
    bool toOne = false;
    pickRemoval(t, m, s, bit, toOne);
    llvm::erase_if(m.members, [&](uint32_t i) {
      return mustRemove(t.entries[i], bit, toOne);
    });
    if (m.members.size() <= 1) {
      m.clear();
      return;
    }
    m.update(t);
  }
  if (m.goodness() <= minGoodness)
    m.clear();
}

/// True if an entry strictly between `pos` and the insertion point
/// intersects the member at `pos` (it would hide the member once merged).
static bool hiddenAbove(OCTable &t, const Merge &m, uint32_t pos) {
  size_t span = m.insertion > pos ? m.insertion - pos - 1 : 0;
  if (span < 64) {
    for (size_t j = pos + 1; j < m.insertion; ++j)
      if (intersects(t.cube(pos), t.cube(j)))
        return true;
    return false;
  }
  return t.overlapIndex().anyInRange(t.cube(pos), pos + 1, m.insertion);
}

/// Drop members hidden by entries above the insertion point; true if the
/// merge changed.
static bool upCheck(OCTable &t, Merge &m, int minGoodness) {
  minGoodness = std::max(minGoodness, 0);
  bool changed = false;
  for (size_t k = m.members.size(); k-- > 0 && m.goodness() > minGoodness;) {
    uint32_t pos = m.members[k];
    if (!hiddenAbove(t, m, pos))
      continue;
    m.members.erase(m.members.begin() + k);
    m.update(t);
    changed = true;
  }
  if (m.goodness() <= minGoodness) {
    m.clear();
    changed = true;
  }
  return changed;
}

/// The merge with the highest goodness after refinement, over all route
/// groups in order of first appearance.
static Merge bestMerge(OCTable &t) {
  DenseMap<uint32_t, unsigned> groupOf;
  std::vector<std::vector<uint32_t>> groups;
  for (uint32_t i = 0; i < t.size(); ++i) {
    auto [it, inserted] =
        groupOf.try_emplace(t.entries[i].route, groups.size());
    if (inserted)
      groups.emplace_back();
    groups[it->second].push_back(i);
  }
  Merge best;
  for (std::vector<uint32_t> &g : groups) {
    if ((int)g.size() - 1 <= best.goodness())
      continue;
    Merge work;
    work.members = std::move(g);
    work.update(t);
    downCheck(t, work, best.goodness());
    if (work.goodness() <= best.goodness())
      continue;
    if (upCheck(t, work, best.goodness())) {
      if (work.goodness() <= best.goodness())
        continue;
      downCheck(t, work, best.goodness());
    }
    if (work.goodness() > best.goodness())
      best = std::move(work);
  }
  return best;
}

/// Replace the members by the merged entry at its insertion point.
static void applyMerge(OCTable &t, const Merge &m) {
  OCTable next;
  size_t n = t.size() - m.members.size() + 1;
  next.entries.reserve(n);
  next.gen.reserve(n);
  next.aliases.reserve(n);
  std::vector<Cube> merged;
  size_t at = 0;
  auto insertMerged = [&] {
    at = next.entries.size();
    next.entries.push_back({m.key, m.mask, m.route, m.defaultable});
    next.gen.push_back((uint8_t)m.generality);
    next.aliases.emplace_back();
  };
  size_t k = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i == m.insertion)
      insertMerged();
    if (k < m.members.size() && m.members[k] == i) {
      ++k;
      if (t.aliases[i].empty())
        merged.push_back(t.cube(i));
      else
        merged.insert(merged.end(), t.aliases[i].begin(), t.aliases[i].end());
      continue;
    }
    next.entries.push_back(t.entries[i]);
    next.gen.push_back(t.gen[i]);
    next.aliases.push_back(std::move(t.aliases[i]));
  }
  if (m.insertion == t.size())
    insertMerged();
  next.aliases[at] = std::move(merged);
  t.entries = std::move(next.entries);
  t.gen = std::move(next.gen);
  t.aliases = std::move(next.aliases);
  t.indexValid = false;
}

std::vector<RoutingEntry>
axon::spinnaker::orderedCovering(ArrayRef<RoutingEntry> table,
                                 size_t targetLength,
                                 ArrayRef<RoutingEntry> protectedEntries) {
  OCTable t;
  // Stable counting sort by generality: equal generality keeps table order.
  size_t start[34] = {};
  for (const RoutingEntry &e : table)
    ++start[generality(e.key, e.mask) + 1];
  for (unsigned g = 1; g < 34; ++g)
    start[g] += start[g - 1];
  t.entries.resize(table.size());
  t.gen.resize(table.size());
  for (const RoutingEntry &e : table) {
    unsigned g = generality(e.key, e.mask);
    t.gen[start[g]] = (uint8_t)g;
    t.entries[start[g]++] = e;
  }
  t.aliases.resize(t.size());
  t.protectedEntries = protectedEntries;
  t.protectedIndex = OverlapIndex(protectedEntries);
  while (targetLength == 0 || t.size() > targetLength) {
    Merge m = bestMerge(t);
    if (m.goodness() <= 0)
      break;
    applyMerge(t, m);
  }
  return std::move(t.entries);
}

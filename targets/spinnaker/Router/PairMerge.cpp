//===- PairMerge.cpp - Pair-merging table compression ---------------------===//
//
// PACMAN's pair_compressor (ordered variant), reimplemented natively: sort the
// entries by how often their route occurs (rarest first, ties by route value
// so results are deterministic), then within each route group repeatedly
// merge the first remaining entry with the first partner whose merged
// key/mask does not intersect any entry of a LATER group (earlier groups come
// first in the final table, so they keep their keys).  Clash tests use an
// overlap index instead of PACMAN's linear scan.  Stops once the table fits.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Compress.h"
#include "targets/spinnaker/Router/Ternary.h"

#include "llvm/ADT/DenseMap.h"

#include <algorithm>

using namespace axon::spinnaker;
using namespace llvm;

/// The smallest key/mask covering both entries.
static RoutingEntry mergePair(const RoutingEntry &a, const RoutingEntry &b) {
  RoutingEntry m;
  m.mask = a.mask & b.mask & ~(a.key ^ b.key);
  m.key = a.key & b.key & m.mask;
  m.route = a.route;
  m.defaultable = a.defaultable && b.defaultable;
  return m;
}

/// Entries ordered by route frequency, rarest route first.
static std::vector<RoutingEntry>
sortByRouteFrequency(ArrayRef<RoutingEntry> t) {
  DenseMap<uint32_t, size_t> count;
  for (const RoutingEntry &e : t)
    ++count[e.route];
  std::vector<std::pair<size_t, uint32_t>> order;
  for (auto &kv : count)
    order.push_back({kv.second, kv.first});
  std::sort(order.begin(), order.end());
  DenseMap<uint32_t, unsigned> rank;
  for (unsigned i = 0; i < order.size(); ++i)
    rank[order[i].second] = i;
  // Stable counting sort by rank.
  std::vector<size_t> start(order.size() + 1, 0);
  for (const RoutingEntry &e : t)
    ++start[rank[e.route] + 1];
  for (size_t r = 1; r < start.size(); ++r)
    start[r] += start[r - 1];
  std::vector<RoutingEntry> sorted(t.size());
  for (const RoutingEntry &e : t)
    sorted[start[rank[e.route]]++] = e;
  return sorted;
}

namespace {

/// Decides whether a merged entry of one route group is safe: it must not
/// intersect any entry of a later group, nor a removed default route with a
/// different route.
struct ClashChecker {
  OverlapIndex later;   ///< entries of the groups after the current one
  OverlapIndex earlier; ///< finished entries (unordered variant only)
  OverlapIndex defaults;
  ArrayRef<RoutingEntry> defaultEntries;

  bool clashes(const RoutingEntry &m) const {
    Cube c{m.key, m.mask};
    if (later.size() && later.anyInRange(c, 0, later.size()))
      return true;
    if (earlier.size() && earlier.anyInRange(c, 0, earlier.size()))
      return true;
    return defaults.anyMatching(
        c, [&](uint32_t i) { return defaultEntries[i].route != m.route; });
  }
};

} // namespace

namespace {

/// Clash knowledge about widenings of one entry L.  Merging L with a partner
/// P gives L with the bits D = L.mask & (~P.mask | (L.key ^ P.key)) turned
/// into X, and clashing is monotone (a wider cube clashes whenever a narrower
/// one inside it does).  So if turning a single bit of D into X already
/// clashes, the merge clashes without a query; most failing partners are
/// rejected this way.  This changes the cost, never the result.
struct Widenings {
  RoutingEntry left;
  uint32_t bad = 0, good = 0; ///< single bits known to clash / not to clash

  void reset(const RoutingEntry &l) {
    left = l;
    bad = good = 0;
  }
  RoutingEntry widen(uint32_t bits) const {
    RoutingEntry w = left;
    w.mask &= ~bits;
    w.key &= w.mask;
    return w;
  }
  /// False if the merge with `partner` certainly clashes.
  bool mayMerge(const RoutingEntry &partner, const ClashChecker &check) {
    uint32_t d = left.mask & (~partner.mask | (left.key ^ partner.key));
    if (d & bad)
      return false;
    for (uint32_t unknown = d & ~good; unknown; unknown &= unknown - 1) {
      uint32_t bit = unknown & (0u - unknown);
      if (check.clashes(widen(bit))) {
        bad |= bit;
        return false;
      }
      good |= bit;
    }
    return true;
  }
};

} // namespace

/// Compress one route group in place; `length` tracks the whole table's size
/// and the group stops as soon as it reaches the target.
static void compressGroup(std::vector<RoutingEntry> &work,
                          const ClashChecker &check, size_t &length,
                          size_t target, std::vector<RoutingEntry> &out) {
  size_t left = 0, right = work.size(); // live entries: [left, right)
  Widenings known;
  while (right - left > 1 && (target == 0 || length > target)) {
    bool merged = false;
    known.reset(work[left]);
    for (size_t idx = left + 1; idx < right; ++idx) {
      if (!known.mayMerge(work[idx], check))
        continue;
      RoutingEntry m = mergePair(work[left], work[idx]);
      if (__builtin_popcount(work[left].mask ^ m.mask) > 1 && check.clashes(m))
        continue;
      work[left] = m;
      work[idx] = work[right - 1];
      --right;
      --length;
      merged = true;
      break;
    }
    if (!merged)
      out.push_back(work[left++]);
  }
  out.insert(out.end(), work.begin() + left, work.begin() + right);
}

/// Both variants: `ordered` lets a merged entry overlap entries of earlier
/// (rarer-route) groups, which precede it in the result; unordered keeps the
/// result orthogonal, so order-exploiting compressors can run on it next.
static std::vector<RoutingEntry>
pairMergeImpl(ArrayRef<RoutingEntry> table, size_t targetLength,
              ArrayRef<RoutingEntry> protectedEntries, bool ordered) {
  std::vector<RoutingEntry> sorted = sortByRouteFrequency(table);
  ClashChecker check;
  check.defaults = OverlapIndex(protectedEntries);
  check.defaultEntries = protectedEntries;
  std::vector<RoutingEntry> out;
  out.reserve(sorted.size());
  size_t length = sorted.size();
  size_t start = 0;
  while (start < sorted.size()) {
    size_t end = start;
    while (end < sorted.size() && sorted[end].route == sorted[start].route)
      ++end;
    if (targetLength != 0 && length <= targetLength) {
      out.insert(out.end(), sorted.begin() + start, sorted.end());
      break;
    }
    std::vector<RoutingEntry> work(sorted.begin() + start,
                                   sorted.begin() + end);
    check.later = OverlapIndex(ArrayRef<RoutingEntry>(sorted).drop_front(end));
    if (!ordered)
      check.earlier = OverlapIndex(ArrayRef<RoutingEntry>(out));
    compressGroup(work, check, length, targetLength, out);
    start = end;
  }
  return out;
}

std::vector<RoutingEntry>
axon::spinnaker::pairMerge(ArrayRef<RoutingEntry> table, size_t targetLength,
                           ArrayRef<RoutingEntry> protectedEntries) {
  return pairMergeImpl(table, targetLength, protectedEntries, /*ordered=*/true);
}

std::vector<RoutingEntry>
axon::spinnaker::unorderedPairMerge(ArrayRef<RoutingEntry> table,
                                    size_t targetLength,
                                    ArrayRef<RoutingEntry> protectedEntries) {
  return pairMergeImpl(table, targetLength, protectedEntries,
                       /*ordered=*/false);
}

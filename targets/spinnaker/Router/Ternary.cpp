//===- Ternary.cpp - Key/mask cubes and an overlap index ------------------===//
//
// Cube subtraction (the "sharp" operation of two-level logic minimisation)
// and the mask-grouped overlap index; see Ternary.h for why they exist.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Ternary.h"

#include <algorithm>

using namespace axon::spinnaker;
using namespace llvm;

void axon::spinnaker::subtractCube(Cube a, Cube b, SmallVectorImpl<Cube> &out) {
  if (!intersects(a, b)) {
    out.push_back(a);
    return;
  }
  // Split a on every bit b cares about and a does not: the half that
  // disagrees with b is outside b; keep narrowing the half that agrees.
  uint32_t bits = b.mask & ~a.mask;
  while (bits) {
    uint32_t bit = bits & (0u - bits);
    bits &= ~bit;
    out.push_back({a.key | (~b.key & bit), a.mask | bit});
    a.key |= b.key & bit;
    a.mask |= bit;
  }
  // What is left of a lies inside b and is dropped.
}

void axon::spinnaker::subtractFromSet(SmallVectorImpl<Cube> &set, Cube b) {
  SmallVector<Cube, 8> next;
  for (Cube c : set)
    subtractCube(c, b, next);
  set.assign(next.begin(), next.end());
}

//===----------------------------------------------------------------------===//
// OverlapIndex
//===----------------------------------------------------------------------===//

/// Ranges this small are checked entry by entry.
static constexpr size_t LeafSize = 8;

OverlapIndex::OverlapIndex(ArrayRef<RoutingEntry> entries) {
  std::vector<Cube> cs;
  cs.reserve(entries.size());
  for (const RoutingEntry &e : entries)
    cs.push_back({e.key, e.mask});
  build(cs);
}

void OverlapIndex::build(ArrayRef<Cube> cubes) {
  numCubes = cubes.size();
  groups.clear();
  // 64-bit keys: DenseMap reserves ~0u and ~0u - 1, which are real masks.
  DenseMap<uint64_t, unsigned> groupOf;
  for (uint32_t i = 0; i < cubes.size(); ++i) {
    auto [it, inserted] =
        groupOf.try_emplace((uint64_t)cubes[i].mask, groups.size());
    if (inserted)
      groups.push_back({cubes[i].mask, {}});
    groups[it->second].members.push_back({cubes[i].key, i});
  }
  for (Group &g : groups)
    std::sort(g.members.begin(), g.members.end());
}

/// Visits members [lo, hi) of `g`, whose keys agree on every mask bit above
/// `bits`; fn(position) returns true to stop, and so does visit.
template <typename Fn>
bool OverlapIndex::visit(const Group &g, Cube q, uint32_t common, size_t lo,
                         size_t hi, uint32_t bits, Fn &fn) const {
  if (lo >= hi)
    return false;
  if ((bits & common) == 0) { // nothing left to disagree on
    for (size_t i = lo; i < hi; ++i)
      if (fn(g.members[i].second))
        return true;
    return false;
  }
  if (hi - lo <= LeafSize) {
    for (size_t i = lo; i < hi; ++i)
      if (((g.members[i].first ^ q.key) & common) == 0 &&
          fn(g.members[i].second))
        return true;
    return false;
  }
  uint32_t bit = 1u << (31 - __builtin_clz(bits));
  uint32_t rest = bits & ~bit;
  // Keys in the range share all higher mask bits, so those with `bit` set
  // form a suffix.
  size_t mid =
      std::partition_point(g.members.begin() + lo, g.members.begin() + hi,
                           [&](const std::pair<uint32_t, uint32_t> &m) {
                             return !(m.first & bit);
                           }) -
      g.members.begin();
  if (common & bit)
    return (q.key & bit) ? visit(g, q, common, mid, hi, rest, fn)
                         : visit(g, q, common, lo, mid, rest, fn);
  return visit(g, q, common, lo, mid, rest, fn) ||
         visit(g, q, common, mid, hi, rest, fn);
}

template <typename Fn> bool OverlapIndex::forEachHit(Cube q, Fn &&fn) const {
  for (const Group &g : groups)
    if (visit(g, q, g.mask & q.mask, 0, g.members.size(), g.mask, fn))
      return true;
  return false;
}

void OverlapIndex::query(Cube q, SmallVectorImpl<uint32_t> &out) const {
  size_t start = out.size();
  forEachHit(q, [&](uint32_t pos) {
    out.push_back(pos);
    return false;
  });
  std::sort(out.begin() + start, out.end());
}

bool OverlapIndex::anyInRange(Cube q, uint32_t lo, uint32_t hi) const {
  return forEachHit(q, [&](uint32_t pos) { return pos >= lo && pos < hi; });
}

bool OverlapIndex::anyMatching(Cube q,
                               function_ref<bool(uint32_t)> pred) const {
  return forEachHit(q, pred);
}

//===- Ternary.h - Key/mask cubes and an overlap index ----------*- C++ -*-===//
//
// A key/mask pair is a ternary "cube" of 32-bit keys (bit = 0, 1 or X).  The
// checker reasons about sets of keys as lists of disjoint cubes instead of
// enumerating 2^32 keys, and both the checker and the compressors need "which
// entries of this table intersect that cube?" far faster than a linear scan on
// tables of tens of thousands of entries: OverlapIndex answers it by grouping
// entries by mask (real tables have few distinct masks) and binary-searching
// the keys projected onto the bits both masks care about.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_TERNARY_H
#define AXON_TARGETS_SPINNAKER_ROUTER_TERNARY_H

#include "targets/spinnaker/Router/Table.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace axon::spinnaker {

/// A set of keys: those k with (k & mask) == key.  Invariant: key & ~mask == 0.
struct Cube {
  uint32_t key = 0;
  uint32_t mask = 0;
};

inline bool intersects(Cube a, Cube b) {
  return intersects(a.key, a.mask, b.key, b.mask);
}
/// a ∩ b; only meaningful when they intersect.
inline Cube intersection(Cube a, Cube b) {
  return {a.key | b.key, a.mask | b.mask};
}
/// a ⊆ b.
inline bool contains(Cube b, Cube a) {
  return (b.mask & ~a.mask) == 0 && ((a.key ^ b.key) & b.mask) == 0;
}

/// Appends a \ b to `out` as at most 32 disjoint cubes.
void subtractCube(Cube a, Cube b, llvm::SmallVectorImpl<Cube> &out);

/// Subtracts b from every cube of `set` in place.
void subtractFromSet(llvm::SmallVectorImpl<Cube> &set, Cube b);

/// Finds the entries of a fixed table that intersect a query cube.  Entries
/// are grouped by mask; each group is sorted by key, which makes it an
/// implicit binary trie over the group's mask bits: a query descends one
/// side where it specifies a bit and both sides where it has an X, and
/// reports whole ranges once no remaining bit is specified by both.
class OverlapIndex {
public:
  OverlapIndex() = default;
  explicit OverlapIndex(llvm::ArrayRef<Cube> cubes) { build(cubes); }
  explicit OverlapIndex(llvm::ArrayRef<RoutingEntry> entries);

  void build(llvm::ArrayRef<Cube> cubes);
  size_t size() const { return numCubes; }

  /// Positions of all cubes intersecting `q`, ascending, appended to `out`.
  void query(Cube q, llvm::SmallVectorImpl<uint32_t> &out) const;
  /// True if some cube at a position in [lo, hi) intersects `q`.
  bool anyInRange(Cube q, uint32_t lo, uint32_t hi) const;
  /// True if `pred(position)` holds for some cube intersecting `q`.
  bool anyMatching(Cube q, llvm::function_ref<bool(uint32_t)> pred) const;

private:
  struct Group {
    uint32_t mask;
    /// (key, position), sorted by key.
    std::vector<std::pair<uint32_t, uint32_t>> members;
  };

  template <typename Fn> bool forEachHit(Cube q, Fn &&fn) const;
  template <typename Fn>
  bool visit(const Group &g, Cube q, uint32_t common, size_t lo, size_t hi,
             uint32_t bits, Fn &fn) const;

  size_t numCubes = 0;
  std::vector<Group> groups;
};

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_TERNARY_H

//===- Check.cpp - Prove a compressed routing table equivalent ------------===//
//
// Symbolic equivalence check of an uncompressed and a compressed table (see
// Check.h).  The cost is proportional to the number of (U entry, C entry)
// pairs that actually intersect, found with OverlapIndex, so checking a
// 39,235-entry table against its 1,023-entry compression takes milliseconds.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Check.h"
#include "targets/spinnaker/Router/Ternary.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::spinnaker;
using namespace llvm;

std::string CheckFailure::describe() const {
  std::string actual = compressedIndex
                           ? formatv("compressed entry {0} routes it to [{1}]",
                                     *compressedIndex, formatRoute(actualRoute))
                                 .str()
                           : std::string("no compressed entry matches it");
  return formatv("key 0x{0:x-8}: original entry {1} routes it to [{2}] but {3}",
                 key, originalIndex, formatRoute(expectedRoute), actual)
      .str();
}

namespace {

/// The entries of a table that can match anything, as cubes, with their
/// original positions (entries with key bits outside the mask never match).
struct CubeTable {
  std::vector<Cube> cubes;
  std::vector<uint32_t> position;
  OverlapIndex index;

  explicit CubeTable(ArrayRef<RoutingEntry> entries) {
    for (uint32_t i = 0; i < entries.size(); ++i) {
      if (entries[i].key & ~entries[i].mask)
        continue;
      cubes.push_back({entries[i].key, entries[i].mask});
      position.push_back(i);
    }
    index.build(cubes);
  }
};

} // namespace

/// The keys U entry `u` (at cube index `ui`) decides: its cube minus every
/// earlier intersecting U cube.
static void decidedKeys(CubeTable &u, uint32_t ui, SmallVectorImpl<Cube> &set) {
  set.assign(1, u.cubes[ui]);
  SmallVector<uint32_t, 8> earlier;
  u.index.query(u.cubes[ui], earlier);
  for (uint32_t j : earlier) {
    if (j >= ui)
      break;
    subtractFromSet(set, u.cubes[j]);
    if (set.empty())
      return;
  }
}

/// Push the decided set of one U entry through C; the first mismatch.
static std::optional<CheckFailure>
checkOneEntry(const RoutingEntry &entry, size_t entryIndex,
              SmallVectorImpl<Cube> &set, CubeTable &c,
              ArrayRef<RoutingEntry> compressed) {
  SmallVector<uint32_t, 16> candidates;
  c.index.query(Cube{entry.key, entry.mask}, candidates);
  for (uint32_t ci : candidates) {
    Cube cc = c.cubes[ci];
    const RoutingEntry &ce = compressed[c.position[ci]];
    if (ce.route != entry.route)
      for (Cube s : set)
        if (intersects(s, cc)) {
          CheckFailure f;
          f.key = intersection(s, cc).key;
          f.originalIndex = entryIndex;
          f.expectedRoute = entry.route;
          f.compressedIndex = c.position[ci];
          f.actualRoute = ce.route;
          return f;
        }
    subtractFromSet(set, cc);
    if (set.empty())
      return std::nullopt;
  }
  if (entry.defaultable)
    return std::nullopt;
  CheckFailure f;
  f.key = set.front().key;
  f.originalIndex = entryIndex;
  f.expectedRoute = entry.route;
  return f;
}

std::optional<CheckFailure>
axon::spinnaker::checkCompressedTable(ArrayRef<RoutingEntry> original,
                                      ArrayRef<RoutingEntry> compressed) {
  CubeTable u(original), c(compressed);
  SmallVector<Cube, 8> set;
  for (uint32_t ui = 0; ui < u.cubes.size(); ++ui) {
    decidedKeys(u, ui, set);
    if (set.empty())
      continue;
    size_t index = u.position[ui];
    if (std::optional<CheckFailure> f =
            checkOneEntry(original[index], index, set, c, compressed))
      return f;
  }
  return std::nullopt;
}

Error axon::spinnaker::checkCompressedTable(const RoutingTable &original,
                                            const RoutingTable &compressed) {
  std::optional<CheckFailure> f =
      checkCompressedTable(original.entries, compressed.entries);
  if (!f)
    return Error::success();
  return createStringError(
      inconvertibleErrorCode(),
      formatv("chip ({0}, {1}): compressed routing table ({2} entries) differs "
              "from the original ({3} entries): {4}",
              original.x, original.y, compressed.size(), original.size(),
              f->describe())
          .str());
}

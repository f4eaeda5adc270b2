//===- Compress.cpp - Routing table compression driver --------------------===//
//
// The parts every compressor shares: default-route removal, the
// reorderability precondition, and the driver that only compresses when the
// table does not already fit.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Compress.h"
#include "targets/spinnaker/Router/Ternary.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::spinnaker;
using namespace llvm;

const char *axon::spinnaker::compressorName(Compressor c) {
  return c == Compressor::OrderedCovering ? "ordered-covering" : "pair-merge";
}

std::vector<RoutingEntry>
axon::spinnaker::removeDefaultRoutes(ArrayRef<RoutingEntry> table,
                                     std::vector<RoutingEntry> *removed) {
  OverlapIndex index(table);
  std::vector<RoutingEntry> kept;
  kept.reserve(table.size());
  for (uint32_t i = 0; i < table.size(); ++i) {
    const RoutingEntry &e = table[i];
    Cube c{e.key, e.mask};
    if (e.defaultable && !index.anyInRange(c, i + 1, table.size())) {
      if (removed)
        removed->push_back(e);
      continue;
    }
    kept.push_back(e);
  }
  return kept;
}

Error axon::spinnaker::checkReorderable(ArrayRef<RoutingEntry> table) {
  OverlapIndex index(table);
  SmallVector<uint32_t, 8> hits;
  for (uint32_t i = 0; i < table.size(); ++i) {
    hits.clear();
    index.query({table[i].key, table[i].mask}, hits);
    for (uint32_t j : hits)
      if (j > i && table[j].route != table[i].route)
        return createStringError(
            inconvertibleErrorCode(),
            formatv("entries {0} (0x{1:x-8}/0x{2:x-8}) and {3} "
                    "(0x{4:x-8}/0x{5:x-8}) "
                    "overlap with different routes; the compressors need a "
                    "table whose overlapping entries agree",
                    i, table[i].key, table[i].mask, j, table[j].key,
                    table[j].mask)
                .str());
  }
  return Error::success();
}

Expected<CompressResult>
axon::spinnaker::compressTable(ArrayRef<RoutingEntry> table,
                               const CompressOptions &options) {
  if (Error e = validateEntries(table))
    return e;
  if (Error e = checkReorderable(table))
    return e;
  CompressResult result;
  result.originalLength = table.size();
  std::vector<RoutingEntry> removed;
  std::vector<RoutingEntry> current = options.removeDefaults
                                          ? removeDefaultRoutes(table, &removed)
                                          : std::vector<RoutingEntry>(table);
  result.afterDefaultRemoval = current.size();
  size_t target = options.targetLength;
  auto fits = [&] { return target != 0 && current.size() <= target; };
  if (!fits() && options.algorithm == Compressor::OrderedCovering &&
      options.orthogonalPrePass)
    current = unorderedPairMerge(current, target, removed);
  result.afterPrePass = current.size();
  if (!fits())
    current = options.algorithm == Compressor::OrderedCovering
                  ? orderedCovering(current, target, removed)
                  : pairMerge(current, target, removed);
  result.fits = target == 0 || current.size() <= target;
  result.entries = std::move(current);
  return result;
}

Expected<RoutingTable>
axon::spinnaker::compressRoutingTable(const RoutingTable &table,
                                      const CompressOptions &options) {
  Expected<CompressResult> r = compressTable(table.entries, options);
  if (!r)
    return createStringError(inconvertibleErrorCode(),
                             formatv("chip ({0}, {1}): {2}", table.x, table.y,
                                     toString(r.takeError()))
                                 .str());
  if (!r->fits)
    return createStringError(
        inconvertibleErrorCode(),
        formatv("chip ({0}, {1}): {2} compressed the routing table from {3} "
                "to {4} entries ({5} after removing default routes), above "
                "the target of {6}",
                table.x, table.y, compressorName(options.algorithm),
                r->originalLength, r->entries.size(), r->afterDefaultRemoval,
                options.targetLength)
            .str());
  RoutingTable out;
  out.x = table.x;
  out.y = table.y;
  out.entries = std::move(r->entries);
  return out;
}

Expected<std::vector<RoutingTable>>
axon::spinnaker::compressForMachine(const Machine &machine,
                                    ArrayRef<RoutingTable> tables,
                                    CompressOptions options) {
  std::vector<RoutingTable> out;
  out.reserve(tables.size());
  for (const RoutingTable &t : tables) {
    if (!machine.inBounds(t.x, t.y) ||
        !machine.isChipAlive(machine.chipId({t.x, t.y})))
      return createStringError(
          inconvertibleErrorCode(),
          formatv("chip ({0}, {1}): a routing table for a chip the machine "
                  "does not have",
                  t.x, t.y)
              .str());
    options.targetLength = machine.routerEntries(machine.chipId({t.x, t.y}));
    Expected<RoutingTable> c = compressRoutingTable(t, options);
    if (!c)
      return c.takeError();
    out.push_back(std::move(*c));
  }
  return out;
}

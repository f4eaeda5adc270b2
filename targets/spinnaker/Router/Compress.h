//===- Compress.h - Routing table compression -------------------*- C++ -*-===//
//
// A SpiNNaker 1 router has 1023 usable entries; generated tables are often far
// longer.  Compression rewrites a table into a shorter one that routes every
// key the original routes identically.  Two algorithms, as in PACMAN:
//
//  * Ordered Covering (Mundy, Heathcote & Garside 2016): entries kept sorted
//    by generality; repeatedly merge the largest set of same-route entries
//    into one key/mask, shrinking the set until the merged entry neither
//    covers a lower entry ("down-check") nor is hidden above a member
//    ("up-check").
//  * Pair merging (PACMAN's pair_compressor): entries grouped by route, least
//    frequent route first; merge pairs within a group as long as the merged
//    entry does not intersect any entry of a later group.
//
// Both first drop defaultable entries nothing below them intersects (Ordered
// Covering then pre-merges pairs that keep the table orthogonal), and both
// STOP as soon as the table fits the target length: compression beyond what
// the router needs only costs time and makes tables harder to read.  Removed
// defaultable entries stay protected: no merged entry may capture their keys
// with a different route.  Inputs must be "reorderable" (entries that
// intersect have the same route), which routing tables built from disjoint
// partition keys always are; compressTable checks it.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_COMPRESS_H
#define AXON_TARGETS_SPINNAKER_ROUTER_COMPRESS_H

#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Table.h"

#include "llvm/Support/Error.h"

#include <cstddef>
#include <vector>

namespace axon::spinnaker {

enum class Compressor { OrderedCovering, PairMerge };

/// "ordered-covering" / "pair-merge".
const char *compressorName(Compressor c);

struct CompressOptions {
  Compressor algorithm = Compressor::OrderedCovering;
  /// Stop as soon as the table has at most this many entries; 0 compresses
  /// as far as the algorithm can.
  size_t targetLength = 1023;
  /// Drop defaultable entries before compressing.
  bool removeDefaults = true;
  /// Ordered Covering only: first merge pairs while the table stays
  /// orthogonal (unorderedPairMerge), as PACMAN suggests for its unordered
  /// pair compressor.  Cheap, and OC then starts from a much shorter table:
  /// on table1.csv.gz OC alone stalls at 1,672 entries, with the pre-pass the
  /// table gets to 436.
  bool orthogonalPrePass = true;
};

struct CompressResult {
  std::vector<RoutingEntry> entries;
  size_t originalLength = 0;
  size_t afterDefaultRemoval = 0;
  /// Length after the orthogonal pre-pass (= afterDefaultRemoval without it).
  size_t afterPrePass = 0;
  /// entries.size() <= targetLength.
  bool fits = false;
};

/// Drops every defaultable entry that no later entry intersects (if a later
/// entry did, removing it would hand its keys to that entry).  Dropped
/// entries are appended to `removed` when given.
std::vector<RoutingEntry>
removeDefaultRoutes(llvm::ArrayRef<RoutingEntry> table,
                    std::vector<RoutingEntry> *removed = nullptr);

/// Error naming the first two intersecting entries with different routes.
llvm::Error checkReorderable(llvm::ArrayRef<RoutingEntry> table);

/// Ordered Covering of `table` until it has at most `targetLength` entries
/// (0: as far as possible).  `protectedEntries` are key spaces (with their
/// routes) that merged entries must not capture with a different route.
std::vector<RoutingEntry>
orderedCovering(llvm::ArrayRef<RoutingEntry> table, size_t targetLength,
                llvm::ArrayRef<RoutingEntry> protectedEntries = {});

/// Pair merging with the same stopping rule and protection.
std::vector<RoutingEntry>
pairMerge(llvm::ArrayRef<RoutingEntry> table, size_t targetLength,
          llvm::ArrayRef<RoutingEntry> protectedEntries = {});

/// Pair merging that keeps the table orthogonal (a merged entry intersects no
/// entry of another route), PACMAN's "unordered" variant: a cheap
/// pre-compressor whose output Ordered Covering can still reorder.
std::vector<RoutingEntry>
unorderedPairMerge(llvm::ArrayRef<RoutingEntry> table, size_t targetLength,
                   llvm::ArrayRef<RoutingEntry> protectedEntries = {});

/// Validate, remove default routes, compress if still too long.  Never fails
/// for size: check `fits`.  Fails on invalid or non-reorderable input.
llvm::Expected<CompressResult> compressTable(llvm::ArrayRef<RoutingEntry> table,
                                             const CompressOptions &options);

/// One chip's table; fails (naming the chip, the length reached and the
/// target) when the compressed table does not fit.
llvm::Expected<RoutingTable>
compressRoutingTable(const RoutingTable &table, const CompressOptions &options);

/// Every table compressed to its chip's router capacity
/// (Machine::routerEntries; options.targetLength is ignored); fails on the
/// first table that does not fit, naming its chip.
llvm::Expected<std::vector<RoutingTable>>
compressForMachine(const Machine &machine, llvm::ArrayRef<RoutingTable> tables,
                   CompressOptions options);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_COMPRESS_H

//===- Check.h - Prove a compressed routing table equivalent ----*- C++ -*-===//
//
// Compression must never change where a packet goes.  The checker proves it
// for all 2^32 keys symbolically: for each entry of the uncompressed table U it
// takes the keys that entry actually decides (its cube minus the cubes of
// earlier entries), pushes that set through the compressed table C in order
// (intersect, compare routes, subtract), and reports the first key whose route
// differs.  Keys U does not route are unconstrained (PACMAN's rule: such keys
// are never sent, so C may route them anywhere).  Keys U routes through a
// defaultable entry may also be left unrouted by C: the router's default
// routing then sends them exactly where the entry did.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_CHECK_H
#define AXON_TARGETS_SPINNAKER_ROUTER_CHECK_H

#include "targets/spinnaker/Router/Table.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace axon::spinnaker {

/// A concrete key the two tables route differently.
struct CheckFailure {
  uint32_t key = 0;
  size_t originalIndex = 0; ///< the U entry deciding `key`
  uint32_t expectedRoute = 0;
  std::optional<size_t> compressedIndex; ///< nullopt: C does not match `key`
  uint32_t actualRoute = 0;              ///< meaningful with compressedIndex

  std::string describe() const;
};

/// The first key (in U order) that C routes differently from U, if any.
std::optional<CheckFailure>
checkCompressedTable(llvm::ArrayRef<RoutingEntry> original,
                     llvm::ArrayRef<RoutingEntry> compressed);

/// As above for one chip's tables; the error names the chip and the key.
llvm::Error checkCompressedTable(const RoutingTable &original,
                                 const RoutingTable &compressed);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_CHECK_H

//===- Table.h - SpiNNaker multicast routing tables -------------*- C++ -*-===//
//
// A SpiNNaker router holds an ordered TCAM of (key, mask) -> route entries:
// a packet's key matches an entry when (packetKey & mask) == key, the FIRST
// matching entry decides, and a packet nothing matches is "default routed" out
// of the link opposite the one it came in on.  This header is the vocabulary
// shared by routing, compression, checking and I/O.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_ROUTER_TABLE_H
#define AXON_TARGETS_SPINNAKER_ROUTER_TABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axon::spinnaker {

//===----------------------------------------------------------------------===//
// Route words
//===----------------------------------------------------------------------===//

/// Route word: bits 0-5 are links (E, NE, N, W, SW, S), bits 6-23 cores 0-17.
constexpr unsigned RouteLinkBits = 6;
constexpr unsigned RouteCoreBits = 18;
constexpr uint32_t RouteLinkMask = (1u << RouteLinkBits) - 1;
constexpr uint32_t RouteWordMask = (1u << (RouteLinkBits + RouteCoreBits)) - 1;

constexpr uint32_t routeLinkBit(unsigned link) { return 1u << link; }
constexpr uint32_t routeCoreBit(unsigned core) {
  return 1u << (RouteLinkBits + core);
}

/// Human-readable route ("E N core3 core7").
std::string formatRoute(uint32_t route);

//===----------------------------------------------------------------------===//
// Entries
//===----------------------------------------------------------------------===//

struct RoutingEntry {
  uint32_t key = 0;
  uint32_t mask = 0;
  uint32_t route = 0;
  /// The entry only continues packets straight through the chip (one in-link,
  /// the opposite out-link, no cores), so the router's default routing would
  /// do the same if the entry were absent.
  bool defaultable = false;

  bool matches(uint32_t packetKey) const { return (packetKey & mask) == key; }
  friend bool operator==(const RoutingEntry &a, const RoutingEntry &b) {
    return a.key == b.key && a.mask == b.mask && a.route == b.route &&
           a.defaultable == b.defaultable;
  }
};

/// Both key/mask pairs match at least one common key.
inline bool intersects(uint32_t keyA, uint32_t maskA, uint32_t keyB,
                       uint32_t maskB) {
  return ((keyA ^ keyB) & maskA & maskB) == 0;
}
inline bool intersects(const RoutingEntry &a, const RoutingEntry &b) {
  return intersects(a.key, a.mask, b.key, b.mask);
}

/// Number of don't-care bits ("X"s) of a key/mask pair.
inline unsigned generality(uint32_t key, uint32_t mask) {
  return (unsigned)__builtin_popcount(~key & ~mask);
}

/// The rule for "defaultable": a packet entering on `inLink` (nullopt when it
/// comes from a local core) and leaving only on the opposite link.
bool isDefaultableRoute(std::optional<unsigned> inLink, uint32_t route);

/// Index of the first entry matching `key`, if any.
std::optional<size_t> firstMatch(llvm::ArrayRef<RoutingEntry> table,
                                 uint32_t key);

/// Entries with key bits outside their mask never match anything; tables we
/// read or build must not contain them.
llvm::Error validateEntries(llvm::ArrayRef<RoutingEntry> table);

//===----------------------------------------------------------------------===//
// Tables
//===----------------------------------------------------------------------===//

/// The ordered table of one chip.
struct RoutingTable {
  int x = 0;
  int y = 0;
  std::vector<RoutingEntry> entries;

  size_t size() const { return entries.size(); }
};

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_ROUTER_TABLE_H

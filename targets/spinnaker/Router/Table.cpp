//===- Table.cpp - SpiNNaker multicast routing tables ---------------------===//
//
// Small helpers over routing entries: first-match lookup (the hardware's
// semantics), the defaultable rule, validation and printing.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Table.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::spinnaker;
using namespace llvm;

std::string axon::spinnaker::formatRoute(uint32_t route) {
  static const char *const names[RouteLinkBits] = {"E", "NE", "N",
                                                   "W", "SW", "S"};
  std::string out;
  for (unsigned l = 0; l < RouteLinkBits; ++l)
    if (route & routeLinkBit(l))
      out += (out.empty() ? "" : " ") + std::string(names[l]);
  for (unsigned c = 0; c < RouteCoreBits; ++c)
    if (route & routeCoreBit(c))
      out += (out.empty() ? "core" : " core") + std::to_string(c);
  if (route & ~RouteWordMask)
    out += formatv("{0}invalid bits 0x{1:x-}", out.empty() ? "" : " ",
                   route & ~RouteWordMask)
               .str();
  return out.empty() ? "drop" : out;
}

bool axon::spinnaker::isDefaultableRoute(std::optional<unsigned> inLink,
                                         uint32_t route) {
  // The router sends an unmatched packet out of the link opposite the one it
  // arrived on; packets from local cores have no such link.
  return inLink && *inLink < RouteLinkBits &&
         route == routeLinkBit((*inLink + 3) % RouteLinkBits);
}

std::optional<size_t> axon::spinnaker::firstMatch(ArrayRef<RoutingEntry> table,
                                                  uint32_t key) {
  for (size_t i = 0; i < table.size(); ++i)
    if (table[i].matches(key))
      return i;
  return std::nullopt;
}

Error axon::spinnaker::validateEntries(ArrayRef<RoutingEntry> table) {
  for (size_t i = 0; i < table.size(); ++i) {
    const RoutingEntry &e = table[i];
    if (e.key & ~e.mask)
      return createStringError(
          inconvertibleErrorCode(),
          formatv(
              "entry {0}: key 0x{1:x-8} has bits outside mask 0x{2:x-8}, so it "
              "can never match",
              i, e.key, e.mask)
              .str());
    if (e.route & ~RouteWordMask)
      return createStringError(
          inconvertibleErrorCode(),
          formatv("entry {0}: route 0x{1:x-} has bits above bit 23", i, e.route)
              .str());
  }
  return Error::success();
}

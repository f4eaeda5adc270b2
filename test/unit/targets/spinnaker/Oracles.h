//===- Oracles.h - Naive reference models for SpiNNaker tests ---*- C++ -*-===//
//
// Deliberately simple re-statements of the hardware's behaviour that the
// tests compare the optimised code against: first-match lookup over a list,
// packet delivery by walking chip tables hop by hop (with default routing),
// and a seeded generator of random orthogonal tables.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TEST_UNIT_TARGETS_SPINNAKER_ORACLES_H
#define AXON_TEST_UNIT_TARGETS_SPINNAKER_ORACLES_H

#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Table.h"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace axon::spinnaker::testing {

/// Route of the first entry matching `key`, by linear scan.
inline std::optional<uint32_t>
naiveLookup(const std::vector<RoutingEntry> &table, uint32_t key) {
  for (const RoutingEntry &e : table)
    if ((key & e.mask) == e.key)
      return e.route;
  return std::nullopt;
}

/// Index of the first entry matching `key`.
inline std::optional<size_t>
naiveLookupIndex(const std::vector<RoutingEntry> &table, uint32_t key) {
  for (size_t i = 0; i < table.size(); ++i)
    if ((key & table[i].mask) == table[i].key)
      return i;
  return std::nullopt;
}

/// Keys that exercise every entry: its key, its key with all X bits set, and
/// a few random fillings of the X bits.
inline std::vector<uint32_t> probeKeys(const std::vector<RoutingEntry> &table,
                                       std::mt19937 &rng) {
  std::vector<uint32_t> keys;
  for (const RoutingEntry &e : table) {
    keys.push_back(e.key);
    keys.push_back(e.key | ~e.mask);
    for (int i = 0; i < 3; ++i)
      keys.push_back(e.key | (rng() & ~e.mask));
  }
  return keys;
}

/// A random table whose entries are pairwise disjoint (what routing produces)
/// over keys that differ only in the low `bits` bits, so merges are likely.
/// Routes come from `routes`; single-link routes may be marked defaultable.
inline std::vector<RoutingEntry>
randomOrthogonalTable(std::mt19937 &rng, size_t n, unsigned bits,
                      const std::vector<uint32_t> &routes,
                      double defaultableRate = 0.0, uint32_t base = 0) {
  std::vector<RoutingEntry> table;
  uint32_t low = (1u << bits) - 1;
  for (size_t tries = 0; table.size() < n && tries < 100 * n; ++tries) {
    RoutingEntry e;
    uint32_t xs = 0;
    for (unsigned b = 0; b < bits; ++b)
      if (rng() % 5 == 0)
        xs |= 1u << b;
    e.mask = ~xs;
    e.key = (base & ~low) | (rng() & low & e.mask);
    e.route = routes[rng() % routes.size()];
    bool singleLink = e.route && e.route < 64 && !(e.route & (e.route - 1));
    e.defaultable = singleLink && (rng() % 1000) < defaultableRate * 1000;
    bool clash = false;
    for (const RoutingEntry &o : table)
      clash |= ((o.key ^ e.key) & o.mask & e.mask) == 0;
    if (!clash)
      table.push_back(e);
  }
  return table;
}

/// Where a packet goes when tables are looked up hop by hop.
struct Delivery {
  std::set<std::pair<unsigned, unsigned>> cores; ///< (chip id, core)
  std::string error; ///< loop, dropped packet, dead link, duplicate arrival
};

/// Sends one packet with `key` from a core on `source` and follows every
/// copy: the first matching entry's route, or default routing (out of the
/// link opposite the arrival link) when nothing matches.
inline Delivery
simulatePacket(const Machine &m,
               const std::map<unsigned, std::vector<RoutingEntry>> &tables,
               unsigned source, uint32_t key) {
  Delivery d;
  std::vector<std::pair<unsigned, int>> work{{source, -1}};
  std::set<unsigned> visited;
  while (!work.empty()) {
    auto [chip, inLink] = work.back();
    work.pop_back();
    if (!visited.insert(chip).second) {
      d.error = "packet reaches chip " + std::to_string(chip) + " twice";
      return d;
    }
    auto it = tables.find(chip);
    std::optional<uint32_t> route;
    if (it != tables.end())
      route = naiveLookup(it->second, key);
    if (!route) {
      if (inLink < 0) {
        d.error = "no entry at the source chip";
        return d;
      }
      route = 1u << ((inLink + 3) % 6);
    }
    for (unsigned c = 0; c < 18; ++c)
      if (*route & (1u << (6 + c)))
        d.cores.insert({chip, c});
    for (unsigned l = 0; l < 6; ++l) {
      if (!(*route & (1u << l)))
        continue;
      Machine::ChipId next = m.neighbour(chip, l);
      if (next == Machine::InvalidChip) {
        d.error = "route uses dead link " + std::to_string(l) + " of chip " +
                  std::to_string(chip);
        return d;
      }
      work.push_back({next, (int)((l + 3) % 6)});
    }
  }
  return d;
}

} // namespace axon::spinnaker::testing

#endif // AXON_TEST_UNIT_TARGETS_SPINNAKER_ORACLES_H

//===- PacketRouter.cpp - One multicast packet through the routers -*- C++ -*-//
//
// SpiNNaker's router, as the replay models it: a packet arriving on a chip is
// matched against the loaded table in order (first match wins); the route
// word sends copies out on links and to local cores.  A packet that matches
// nothing continues straight through (out of the link opposite the one it
// came in on: default routing), except at its source chip, where it is
// dropped.  The packet's path is followed hop by hop, so a table that sends a
// packet round in circles is caught (a hop limit and a visited set), and the
// cores it reaches are checked against the synaptic rows that need it.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Replay/MachineImage.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;
using namespace axon::spinnaker::replay;

static std::string chipName(const Machine &model, Machine::ChipId chip) {
  ChipCoord c = model.coord(chip);
  return "(" + std::to_string(c.x) + ", " + std::to_string(c.y) + ")";
}

static std::string coreName(const Machine &model, Machine::ChipId chip,
                            unsigned core) {
  ChipCoord c = model.coord(chip);
  return "(" + std::to_string(c.x) + ", " + std::to_string(c.y) + ", " +
         std::to_string(core) + ")";
}

namespace {
struct Hop {
  Machine::ChipId chip;
  int inLink; ///< -1: from a core of this chip
  unsigned hops;
};
} // namespace

/// Walks the packet; fills `reached` with the cores it is delivered to.
static LogicalResult
walk(const MachineImage &image, const Machine &model, Machine::ChipId source,
     uint32_t key, unsigned hopLimit,
     SmallVectorImpl<std::pair<Machine::ChipId, unsigned>> &reached,
     RouteResult &result, std::string &why) {
  llvm::raw_string_ostream os(why);
  llvm::DenseSet<std::pair<Machine::ChipId, int>> seen;
  SmallVector<Hop> work{{source, -1, 0}};
  while (!work.empty()) {
    Hop h = work.pop_back_val();
    if (h.hops > hopLimit) {
      os << "is still travelling after " << hopLimit << " hops (at chip "
         << chipName(model, h.chip) << "): the tables route it in a loop";
      return failure();
    }
    if (!seen.insert({h.chip, h.inLink}).second) {
      os << "arrives at chip " << chipName(model, h.chip)
         << " twice over the same link: the tables route it in a loop";
      return failure();
    }
    ++result.lookups;
    uint32_t route;
    auto table = image.tables.find(h.chip);
    std::optional<size_t> hit;
    if (table != image.tables.end())
      hit = firstMatch(table->second, key);
    if (hit) {
      route = table->second[*hit].route;
    } else if (h.inLink < 0) {
      os << "is dropped at its source chip " << chipName(model, h.chip)
         << ": no routing entry matches it";
      return failure();
    } else {
      route = routeLinkBit(oppositeLink(h.inLink));
      ++result.defaultRouted;
    }
    for (unsigned core = 0; core < RouteCoreBits; ++core)
      if (route & routeCoreBit(core))
        reached.push_back({h.chip, core});
    for (unsigned link = 0; link < NumLinks; ++link) {
      if (!(route & routeLinkBit(link)))
        continue;
      Machine::ChipId next = model.neighbour(h.chip, link);
      if (next == Machine::InvalidChip) {
        os << "is dropped at chip " << chipName(model, h.chip)
           << ": it is sent over link " << link
           << ", which leads to no live chip";
        return failure();
      }
      work.push_back({next, (int)oppositeLink(link), h.hops + 1});
    }
  }
  return success();
}

LogicalResult axon::spinnaker::replay::routePacket(
    const MachineImage &image, const Machine &model, unsigned source,
    uint32_t atom, unsigned hopLimit, RouteResult &result, std::string &why) {
  const VertexInfo &src = image.vertices[source];
  uint32_t key = src.key | atom;
  SmallVector<std::pair<Machine::ChipId, unsigned>> reached;
  std::string walkWhy;
  auto prefix = [&]() {
    std::string s;
    llvm::raw_string_ostream os(s);
    os << "packet " << llvm::format_hex(key, 10) << " (atom " << atom
       << " of vertex '" << src.name << "' on core "
       << coreName(model, src.chip, src.core) << ") ";
    return s;
  };
  if (failed(walk(image, model, src.chip, key, hopLimit, reached, result,
                  walkWhy))) {
    why = prefix() + walkWhy;
    return failure();
  }
  llvm::sort(reached);
  llvm::DenseSet<unsigned> reachedVertices;
  for (size_t i = 0; i < reached.size(); ++i) {
    auto [chip, core] = reached[i];
    if (i > 0 && reached[i - 1] == reached[i]) {
      why = prefix() + "reaches core " + coreName(model, chip, core) +
            " twice: its row would be added twice";
      return failure();
    }
    auto it = image.vertexOnCore.find(MachineImage::coreId(chip, core));
    if (it == image.vertexOnCore.end()) {
      why = prefix() + "is delivered to core " + coreName(model, chip, core) +
            ", which runs no vertex";
      return failure();
    }
    std::optional<unsigned> block = image.lookupBlock(it->second, key);
    if (!block) {
      why = prefix() + "is delivered to core " + coreName(model, chip, core) +
            " of vertex '" + image.vertices[it->second].name +
            "', whose master population table has no row for it";
      return failure();
    }
    if (image.blocks[it->second][*block].source != source) {
      why = prefix() + "is delivered to core " + coreName(model, chip, core) +
            " of vertex '" + image.vertices[it->second].name +
            "', where it matches the rows of vertex '" +
            image.vertices[image.blocks[it->second][*block].source].name + "'";
      return failure();
    }
    reachedVertices.insert(it->second);
    result.deliveries.push_back({it->second, *block});
  }
  for (const Delivery &d : image.expected[source]) {
    if (image.blocks[d.vertex][d.block].rowEmpty(atom) ||
        reachedVertices.count(d.vertex))
      continue;
    const VertexInfo &t = image.vertices[d.vertex];
    why = prefix() + "never reaches core " + coreName(model, t.chip, t.core) +
          " of vertex '" + t.name + "', which holds its synaptic row";
    return failure();
  }
  return success();
}

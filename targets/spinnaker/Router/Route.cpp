//===- Route.cpp - Multicast routing trees (NER + live-graph fallback) ----===//
//
// See Route.h for the algorithm.  Speed comes from three things: shortest
// hexagonal vectors come from a table indexed by the chip offset (the machine
// is translation invariant along wrapping dimensions), tree membership is an
// epoch-stamped array over chip ids (no clearing between nets), and all
// scratch space is reused across nets.  Cost per net is O(targets x tree
// nodes) for the nearest-node search plus the path lengths.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Router/Route.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cassert>

using namespace axon::spinnaker;
using namespace llvm;

/// NER joins a target to tree nodes at most this far away, else to the
/// source (rig/PACMAN use 20).
static constexpr unsigned NerRadius = 20;
/// Largest offset table we precompute (entries of 8 bytes).
static constexpr size_t MaxVectorTable = size_t(1) << 22;

unsigned NetList::addNet(ChipCoord source, uint32_t key, uint32_t mask) {
  Net n;
  n.source = source;
  n.key = key;
  n.mask = mask;
  n.targetBegin = n.targetEnd = allTargets.size();
  nets.push_back(n);
  return nets.size() - 1;
}

void NetList::addTarget(ChipCoord chip, unsigned core) {
  assert(!nets.empty() && "addTarget before the first addNet");
  allTargets.push_back({chip, core});
  nets.back().targetEnd = allTargets.size();
}

namespace {

struct PackedVector {
  int16_t x, y, z;
  uint16_t length;
};

struct Step {
  unsigned link;
  Machine::ChipId chip;
};

} // namespace

struct MulticastRouter::Impl {
  const Machine &m;
  bool wrapX, wrapY;
  std::vector<PackedVector> vectors; ///< empty: compute on demand
  std::vector<uint32_t> stamp;       ///< == epoch: chip is in the tree
  std::vector<uint32_t> nodeOf;      ///< tree node index of a stamped chip
  std::vector<uint32_t> bfsStamp;
  std::vector<uint32_t> bfsNext; ///< chip one hop closer to the target
  std::vector<uint8_t> bfsLink;  ///< link from this chip to bfsNext
  uint32_t epoch = 0, bfsEpoch = 0;
  unsigned fallbacks = 0;

  explicit Impl(const Machine &machine);
  size_t vectorIndex(ChipCoord a, ChipCoord b) const;
  HexVector vector(ChipCoord a, ChipCoord b) const;
  unsigned distance(ChipCoord a, ChipCoord b) const;
  void ldfSteps(ChipCoord from, HexVector v, SmallVectorImpl<Step> &out) const;
  bool bfsPath(Machine::ChipId target, SmallVectorImpl<Step> &out,
               Machine::ChipId &joinAt);
  Error addTarget(Machine::ChipId chip, uint32_t cores,
                  std::vector<TreeNode> &tree, size_t base);
  Error route(ChipCoord source, ArrayRef<RouteTarget> targets,
              std::vector<TreeNode> &out);
};

MulticastRouter::Impl::Impl(const Machine &machine) : m(machine) {
  Wrap w = m.wrap();
  wrapX = w == Wrap::Horizontal || w == Wrap::Both;
  wrapY = w == Wrap::Vertical || w == Wrap::Both;
  size_t nx = wrapX ? m.width() : 2 * m.width() - 1;
  size_t ny = wrapY ? m.height() : 2 * m.height() - 1;
  if (nx * ny <= MaxVectorTable) {
    vectors.resize(nx * ny);
    int x0 = wrapX ? 0 : 1 - (int)m.width();
    int y0 = wrapY ? 0 : 1 - (int)m.height();
    for (size_t j = 0; j < ny; ++j)
      for (size_t i = 0; i < nx; ++i) {
        HexVector v = m.shortestVector({0, 0}, {x0 + (int)i, y0 + (int)j});
        vectors[j * nx + i] = {(int16_t)v.x, (int16_t)v.y, (int16_t)v.z,
                               (uint16_t)v.length()};
      }
  }
  stamp.assign(m.numChipSlots(), 0);
  nodeOf.assign(m.numChipSlots(), 0);
  bfsStamp.assign(m.numChipSlots(), 0);
  bfsNext.assign(m.numChipSlots(), 0);
  bfsLink.assign(m.numChipSlots(), 0);
}

size_t MulticastRouter::Impl::vectorIndex(ChipCoord a, ChipCoord b) const {
  int dx = b.x - a.x, dy = b.y - a.y;
  size_t nx;
  if (wrapX) {
    dx = dx < 0 ? dx + (int)m.width() : dx;
    nx = m.width();
  } else {
    dx += (int)m.width() - 1;
    nx = 2 * m.width() - 1;
  }
  if (wrapY)
    dy = dy < 0 ? dy + (int)m.height() : dy;
  else
    dy += (int)m.height() - 1;
  return (size_t)dy * nx + (size_t)dx;
}

HexVector MulticastRouter::Impl::vector(ChipCoord a, ChipCoord b) const {
  if (vectors.empty())
    return m.shortestVector(a, b);
  const PackedVector &p = vectors[vectorIndex(a, b)];
  return {p.x, p.y, p.z};
}

unsigned MulticastRouter::Impl::distance(ChipCoord a, ChipCoord b) const {
  if (vectors.empty())
    return m.hexDistance(a, b);
  return vectors[vectorIndex(a, b)].length;
}

/// Longest dimension first: the three components in decreasing magnitude
/// (ties in x, y, z order), each walked in full.
void MulticastRouter::Impl::ldfSteps(ChipCoord from, HexVector v,
                                     SmallVectorImpl<Step> &out) const {
  struct Dim {
    int magnitude;
    unsigned positive, negative;
  } dims[3] = {
      {v.x, East, West}, {v.y, North, South}, {v.z, SouthWest, NorthEast}};
  // Stable insertion sort of three dimensions by decreasing magnitude.
  for (int i = 1; i < 3; ++i)
    for (int j = i;
         j > 0 && std::abs(dims[j].magnitude) > std::abs(dims[j - 1].magnitude);
         --j)
      std::swap(dims[j], dims[j - 1]);
  ChipCoord at = from;
  for (const Dim &d : dims) {
    unsigned link = d.magnitude > 0 ? d.positive : d.negative;
    for (int k = 0; k < std::abs(d.magnitude); ++k) {
      std::optional<ChipCoord> next = m.linkTarget(at, link);
      if (!next) { // off a mesh edge: only if the vector were wrong
        out.clear();
        return;
      }
      at = *next;
      out.push_back({link, m.chipId(at)});
    }
  }
}

MulticastRouter::MulticastRouter(const Machine &machine)
    : impl(std::make_unique<Impl>(machine)) {}
MulticastRouter::~MulticastRouter() = default;

unsigned MulticastRouter::fallbacks() const { return impl->fallbacks; }

Error MulticastRouter::route(ChipCoord source, ArrayRef<RouteTarget> targets,
                             std::vector<TreeNode> &out) {
  return impl->route(source, targets, out);
}

//===----------------------------------------------------------------------===//
// Fallback: breadth-first search on the live graph
//===----------------------------------------------------------------------===//

/// Shortest live path from any tree chip to `target`: BFS backwards from the
/// target over links that are alive in the direction of travel.  `out` gets
/// the hops after `joinAt`, ending at the target.
bool MulticastRouter::Impl::bfsPath(Machine::ChipId target,
                                    SmallVectorImpl<Step> &out,
                                    Machine::ChipId &joinAt) {
  ++bfsEpoch;
  std::vector<Machine::ChipId> queue{target};
  bfsStamp[target] = bfsEpoch;
  for (size_t head = 0; head < queue.size(); ++head) {
    Machine::ChipId u = queue[head];
    if (stamp[u] == epoch) {
      joinAt = u;
      for (Machine::ChipId c = u; c != target; c = bfsNext[c])
        out.push_back({bfsLink[c], bfsNext[c]});
      return true;
    }
    // A chip v reaches u when v's link towards u is alive.
    for (unsigned l = 0; l < NumLinks; ++l) {
      std::optional<ChipCoord> vc = m.linkTarget(m.coord(u), l);
      if (!vc)
        continue;
      Machine::ChipId v = m.chipId(*vc);
      unsigned back = oppositeLink(l);
      if (bfsStamp[v] == bfsEpoch || !m.isLinkAlive(v, back))
        continue;
      bfsStamp[v] = bfsEpoch;
      bfsNext[v] = u;
      bfsLink[v] = (uint8_t)back;
      queue.push_back(v);
    }
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Neighbour Exploring Routing
//===----------------------------------------------------------------------===//

/// Joins one target chip to the tree (nodes of this net start at `base`).
Error MulticastRouter::Impl::addTarget(Machine::ChipId chip, uint32_t cores,
                                       std::vector<TreeNode> &tree,
                                       size_t base) {
  if (stamp[chip] != epoch) {
    ChipCoord dest = m.coord(chip);
    // Nearest tree node within the radius (first one on ties), else the root.
    size_t best = base;
    unsigned bestDist = ~0u;
    for (size_t i = base; i < tree.size(); ++i) {
      unsigned d = distance(m.coord(tree[i].chip), dest);
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
    if (bestDist > NerRadius)
      best = base;
    ChipCoord from = m.coord(tree[best].chip);
    SmallVector<Step, 32> steps;
    ldfSteps(from, vector(from, dest), steps);
    // Keep only the part after the last chip already in the tree.
    size_t first = 0;
    Machine::ChipId join = tree[best].chip;
    for (size_t k = steps.size(); k-- > 0;)
      if (stamp[steps[k].chip] == epoch) {
        first = k + 1;
        join = steps[k].chip;
        break;
      }
    bool ok = !steps.empty() || from == dest;
    Machine::ChipId prev = join;
    for (size_t k = first; k < steps.size() && ok; ++k) {
      ok = m.isLinkAlive(prev, steps[k].link);
      prev = steps[k].chip;
    }
    SmallVector<Step, 32> path(steps.begin() + first, steps.end());
    if (!ok) {
      ++fallbacks;
      path.clear();
      if (!bfsPath(chip, path, join))
        return createStringError(
            inconvertibleErrorCode(),
            formatv("no live path reaches chip ({0}, {1}) from the tree",
                    dest.x, dest.y)
                .str());
    }
    uint32_t parent = nodeOf[join];
    for (const Step &s : path) {
      tree[parent].route |= routeLinkBit(s.link);
      TreeNode n;
      n.chip = s.chip;
      n.parent = (int32_t)(parent - base);
      n.inLink = (int8_t)oppositeLink(s.link);
      stamp[s.chip] = epoch;
      nodeOf[s.chip] = tree.size();
      parent = tree.size();
      tree.push_back(n);
    }
  }
  tree[nodeOf[chip]].route |= cores;
  return Error::success();
}

Error MulticastRouter::Impl::route(ChipCoord source,
                                   ArrayRef<RouteTarget> targets,
                                   std::vector<TreeNode> &out) {
  auto fail = [&](const Twine &msg) {
    return createStringError(inconvertibleErrorCode(), msg.str());
  };
  Machine::ChipId src = m.liveChipAt(source.x, source.y);
  if (src == Machine::InvalidChip)
    return fail(formatv("source chip ({0}, {1}) is not a live chip", source.x,
                        source.y));
  // (distance from the source, chip, core bits) per target core.
  struct Dest {
    unsigned distance;
    Machine::ChipId chip;
    uint32_t cores;
  };
  SmallVector<Dest, 16> dests;
  for (const RouteTarget &t : targets) {
    Machine::ChipId c = m.liveChipAt(t.chip.x, t.chip.y);
    if (c == Machine::InvalidChip)
      return fail(formatv("target chip ({0}, {1}) is not a live chip", t.chip.x,
                          t.chip.y));
    if (t.core >= RouteCoreBits || !m.isCoreAlive(c, t.core))
      return fail(formatv("target core {0} on chip ({1}, {2}) is not a live "
                          "core a route word can address (0..17)",
                          t.core, t.chip.x, t.chip.y));
    dests.push_back({distance(source, t.chip), c, routeCoreBit(t.core)});
  }
  // Nearest first; ties by chip id so the result does not depend on input
  // order.
  std::sort(dests.begin(), dests.end(), [](const Dest &a, const Dest &b) {
    return a.distance != b.distance ? a.distance < b.distance : a.chip < b.chip;
  });
  ++epoch;
  size_t base = out.size();
  TreeNode root;
  root.chip = src;
  out.push_back(root);
  stamp[src] = epoch;
  nodeOf[src] = base;
  for (const Dest &d : dests)
    if (Error e = addTarget(d.chip, d.cores, out, base)) {
      out.resize(base);
      return e;
    }
  return Error::success();
}

Expected<RoutingTrees> MulticastRouter::routeAll(const NetList &nets) {
  RoutingTrees trees;
  unsigned before = impl->fallbacks;
  for (unsigned i = 0; i < nets.size(); ++i) {
    const NetList::Net &n = nets.net(i);
    if (Error e = impl->route(n.source, nets.targets(i), trees.nodes))
      return createStringError(inconvertibleErrorCode(),
                               formatv("net {0} (key 0x{1:x-8}): {2}", i, n.key,
                                       toString(std::move(e)))
                                   .str());
    trees.netBegin.push_back(trees.nodes.size());
  }
  trees.fallbacks = impl->fallbacks - before;
  return trees;
}

//===- Machine.cpp - SpiNNaker machine model ------------------------------===//
//
// Geometry (wrap-aware neighbours and shortest hexagonal vectors), liveness
// of chips, links and cores, and per-chip resources.  Faults are applied
// locally (a dead chip clears its own links and its neighbours' links into
// it) so a machine description with many faults stays linear to build.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cstdlib>

using namespace axon::spinnaker;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Hexagonal vectors
//===----------------------------------------------------------------------===//

unsigned HexVector::length() const {
  int hi = std::max({x, y, z});
  int lo = std::min({x, y, z});
  return (unsigned)(hi - lo);
}

HexVector axon::spinnaker::minimalHexVector(int dx, int dy) {
  // Subtracting the median of (dx, dy, 0) from every component keeps the
  // covered offset (x - z, y - z) and zeroes one component, which makes the
  // vector as short as possible (rig's minimise_xyz).
  int a = dx, b = dy, c = 0;
  int median = std::max(std::min(a, b), std::min(std::max(a, b), c));
  return {a - median, b - median, c - median};
}

static int positiveMod(int v, int m) {
  int r = v % m;
  return r < 0 ? r + m : r;
}

HexVector Machine::shortestVector(ChipCoord a, ChipCoord b) const {
  int dx = b.x - a.x, dy = b.y - a.y;
  bool wrapX = wrapMode == Wrap::Horizontal || wrapMode == Wrap::Both;
  bool wrapY = wrapMode == Wrap::Vertical || wrapMode == Wrap::Both;
  int xs[2] = {dx, dx}, ys[2] = {dy, dy};
  unsigned nx = 1, ny = 1;
  if (wrapX) {
    xs[0] = positiveMod(dx, (int)w);
    xs[1] = xs[0] - (int)w;
    nx = 2;
  }
  if (wrapY) {
    ys[0] = positiveMod(dy, (int)h);
    ys[1] = ys[0] - (int)h;
    ny = 2;
  }
  // Candidates in a fixed order; the first shortest wins.
  HexVector best = minimalHexVector(xs[0], ys[0]);
  unsigned bestLen = best.length();
  for (unsigned i = 0; i < nx; ++i)
    for (unsigned j = 0; j < ny; ++j) {
      HexVector v = minimalHexVector(xs[i], ys[j]);
      if (v.length() < bestLen) {
        best = v;
        bestLen = v.length();
      }
    }
  return best;
}

//===----------------------------------------------------------------------===//
// Construction
//===----------------------------------------------------------------------===//

Machine::Machine(const HardwareSpec &hw, unsigned width, unsigned height,
                 Wrap wrap)
    : hw(&hw), w(width), h(height), wrapMode(wrap) {
  chips.resize((size_t)w * h);
  killedLinks.assign(chips.size(), 0);
  for (ChipId id = 0; id < chips.size(); ++id)
    initChip(id);
  recomputeLinks();
  rebuildLiveList();
  boards = 0;
}

void Machine::initChip(ChipId id) {
  ChipState &c = chips[id];
  c.exists = true;
  c.alive = true;
  c.cores = hw->coresPerChip;
  c.appCores = hw->applicationCores;
  c.routerEntries = hw->routerEntries;
  c.sdram = hw->sdramBytes;
}

std::optional<ChipCoord> Machine::linkTarget(ChipCoord c, unsigned link) const {
  int x = c.x + LinkDx[link], y = c.y + LinkDy[link];
  if (wrapMode == Wrap::Horizontal || wrapMode == Wrap::Both)
    x = positiveMod(x, (int)w);
  if (wrapMode == Wrap::Vertical || wrapMode == Wrap::Both)
    y = positiveMod(y, (int)h);
  if (!inBounds(x, y))
    return std::nullopt;
  return ChipCoord{x, y};
}

/// Recompute the live-link bits of one chip from geometry, liveness and the
/// killed-link record.
static uint8_t computeLinkMask(const Machine &m, Machine::ChipId id,
                               uint8_t killed) {
  if (!m.isChipAlive(id))
    return 0;
  uint8_t mask = 0;
  for (unsigned l = 0; l < NumLinks; ++l) {
    std::optional<ChipCoord> t = m.linkTarget(m.coord(id), l);
    if (!t || !m.isChipAlive(m.chipId(*t)) || ((killed >> l) & 1u))
      continue;
    mask |= 1u << l;
  }
  return mask;
}

void Machine::recomputeLinks() {
  for (ChipId id = 0; id < chips.size(); ++id)
    chips[id].linkMask = computeLinkMask(*this, id, killedLinks[id]);
}

void Machine::rebuildLiveList() {
  live.clear();
  for (ChipId id = 0; id < chips.size(); ++id)
    if (chips[id].alive)
      live.push_back(id);
}

/// Refresh the link bits of a chip and of its geometric neighbours.
static void refreshAround(const Machine &m, Machine::ChipId id,
                          function_ref<void(Machine::ChipId)> refresh) {
  refresh(id);
  for (unsigned l = 0; l < NumLinks; ++l)
    if (std::optional<ChipCoord> t = m.linkTarget(m.coord(id), l))
      refresh(m.chipId(*t));
}

void Machine::removeChip(ChipId id) {
  killChip(id);
  chips[id].exists = false;
}

void Machine::killChip(ChipId id) {
  if (!chips[id].alive)
    return;
  chips[id].alive = false;
  refreshAround(*this, id, [&](ChipId c) {
    chips[c].linkMask = computeLinkMask(*this, c, killedLinks[c]);
  });
  live.erase(std::lower_bound(live.begin(), live.end(), id));
}

void Machine::killLink(ChipId id, unsigned link, bool bothDirections) {
  killedLinks[id] |= 1u << link;
  chips[id].linkMask &= ~(1u << link);
  if (!bothDirections)
    return;
  if (std::optional<ChipCoord> t = linkTarget(coord(id), link)) {
    ChipId other = chipId(*t);
    unsigned back = oppositeLink(link);
    killedLinks[other] |= 1u << back;
    chips[other].linkMask &= ~(1u << back);
  }
}

void Machine::killCore(ChipId id, unsigned core) {
  auto &dead = deadCores[id];
  if (std::find(dead.begin(), dead.end(), core) == dead.end())
    dead.push_back(core);
}

void Machine::setCores(ChipId id, unsigned cores, unsigned appCores) {
  chips[id].cores = cores;
  chips[id].appCores = appCores;
}

//===----------------------------------------------------------------------===//
// Queries
//===----------------------------------------------------------------------===//

Machine::ChipId Machine::liveChipAt(int x, int y) const {
  if (!inBounds(x, y))
    return InvalidChip;
  ChipId id = chipId({x, y});
  return chips[id].alive ? id : InvalidChip;
}

Machine::ChipId Machine::neighbour(ChipId id, unsigned link) const {
  if (!isLinkAlive(id, link))
    return InvalidChip;
  return chipId(*linkTarget(coord(id), link));
}

bool Machine::isCoreAlive(ChipId id, unsigned core) const {
  if (!chips[id].alive || core >= chips[id].cores)
    return false;
  auto it = deadCores.find(id);
  if (it == deadCores.end())
    return true;
  return std::find(it->second.begin(), it->second.end(), core) ==
         it->second.end();
}

SmallVector<unsigned, 18> Machine::applicationCores(ChipId id) const {
  SmallVector<unsigned, 18> result;
  const ChipState &c = chips[id];
  if (!c.alive)
    return result;
  for (unsigned core = hw->monitorCores;
       core < c.cores && result.size() < c.appCores; ++core)
    if (isCoreAlive(id, core))
      result.push_back(core);
  return result;
}

std::string Machine::describe() const {
  const char *shape = "mesh";
  switch (wrapMode) {
  case Wrap::Both:
    shape = "torus";
    break;
  case Wrap::Horizontal:
    shape = "horizontally wrapping mesh";
    break;
  case Wrap::Vertical:
    shape = "vertically wrapping mesh";
    break;
  case Wrap::None:
    break;
  }
  return formatv("{0} {1}x{2} {3}, {4} live chips", hw->name, w, h, shape,
                 live.size())
      .str();
}

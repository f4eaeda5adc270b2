//===- Machine.h - SpiNNaker machine model ----------------------*- C++ -*-===//
//
// The machine every SpiNNaker mapping phase works against: chips on a
// hexagonal x/y grid (optionally wrapping into a torus), their cores, memory
// and router capacity, the six inter-chip links, and what is dead.  The
// hardware constants are data (one row per generation in Profiles.cpp), never
// literals scattered through the passes.  Everything is flat arrays indexed by
// a dense chip id (y * width + x) so the router and placer can use it in hot
// loops.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_MACHINE_MACHINE_H
#define AXON_TARGETS_SPINNAKER_MACHINE_MACHINE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace axon::spinnaker {

//===----------------------------------------------------------------------===//
// Links and hexagonal geometry
//===----------------------------------------------------------------------===//

/// Link numbers as SpiNNaker's router numbers them.  NE is (+1, +1) and SW is
/// (-1, -1): the grid is hexagonal, x/y plus one diagonal.
enum Link : unsigned {
  East = 0,
  NorthEast = 1,
  North = 2,
  West = 3,
  SouthWest = 4,
  South = 5,
};
constexpr unsigned NumLinks = 6;
constexpr int LinkDx[NumLinks] = {1, 1, 0, -1, -1, 0};
constexpr int LinkDy[NumLinks] = {0, 1, 1, 0, -1, -1};

/// The link a packet sent out on `link` arrives on at the neighbour.
constexpr unsigned oppositeLink(unsigned link) { return (link + 3) % 6; }

struct ChipCoord {
  int x = 0;
  int y = 0;
  friend bool operator==(ChipCoord a, ChipCoord b) {
    return a.x == b.x && a.y == b.y;
  }
  friend bool operator!=(ChipCoord a, ChipCoord b) { return !(a == b); }
};

/// A hexagonal displacement in SpiNNaker's three dimensions: `x` steps East
/// (negative: West), `y` steps North (South), `z` steps SouthWest (NorthEast).
/// The chip offset it covers is (x - z, y - z).  Shortest vectors are
/// "minimised" (one component is zero), and then length = |x| + |y| + |z|.
struct HexVector {
  int x = 0;
  int y = 0;
  int z = 0;
  unsigned length() const;
};

/// Minimal vector for a plain (non-wrapping) offset.
HexVector minimalHexVector(int dx, int dy);

enum class Wrap { None, Horizontal, Vertical, Both };

//===----------------------------------------------------------------------===//
// Hardware constants (one row of the table in Profiles.cpp)
//===----------------------------------------------------------------------===//

struct HardwareSpec {
  llvm::StringRef name;      ///< "spinnaker1", "spinnaker2"
  unsigned coresPerChip;     ///< physical cores, monitor included
  unsigned monitorCores;     ///< cores 0 .. monitorCores-1 run the runtime
  unsigned applicationCores; ///< application cores used by default per chip
  unsigned clockMHz;
  uint32_t dtcmBytes;     ///< data memory per core (SRAM per PE on SpiNNaker 2)
  uint32_t itcmBytes;     ///< instruction memory per core (0: unified SRAM)
  uint64_t sdramBytes;    ///< usable shared SDRAM per chip
  unsigned routerEntries; ///< usable multicast router entries per chip
  unsigned routeCoreBits; ///< core bits in a route word (after 6 link bits)
};

/// The built-in hardware generations.
const HardwareSpec &spinnaker1Hardware();
const HardwareSpec &spinnaker2Hardware();

/// The 48 chip offsets of a SpiNN-5 board relative to its Ethernet chip.
llvm::ArrayRef<ChipCoord> board48ChipOffsets();

//===----------------------------------------------------------------------===//
// Machine
//===----------------------------------------------------------------------===//

class Machine {
public:
  using ChipId = unsigned;
  static constexpr ChipId InvalidChip = ~0u;

  /// A rectangle of width x height chips, all present.
  Machine(const HardwareSpec &hw, unsigned width, unsigned height, Wrap wrap);

  /// Built-in profiles: "spinnaker1" (one 48-chip board),
  /// "spinnaker1-boards:N", "spinnaker1-1m" (57,600 chips), "spinnaker2";
  /// a name ending in ".json" is read as a machine description file.
  static llvm::Expected<Machine> fromProfile(llvm::StringRef profile);
  /// N SpiNN-5 boards arranged as SpiNNMachine's virtual machine does.
  static Machine spinnaker1Boards(unsigned numBoards);
  /// The names fromProfile accepts, for messages and docs.
  static llvm::StringRef knownProfiles();

  //--- Geometry ------------------------------------------------------------//
  const HardwareSpec &hardware() const { return *hw; }
  unsigned width() const { return w; }
  unsigned height() const { return h; }
  Wrap wrap() const { return wrapMode; }
  unsigned numChipSlots() const { return w * h; }
  unsigned numBoards() const { return boards; }

  bool inBounds(int x, int y) const {
    return x >= 0 && y >= 0 && x < (int)w && y < (int)h;
  }
  ChipId chipId(ChipCoord c) const { return (ChipId)c.y * w + (ChipId)c.x; }
  ChipCoord coord(ChipId id) const { return {(int)(id % w), (int)(id / w)}; }
  /// The id of a live chip at (x, y), or InvalidChip.
  ChipId liveChipAt(int x, int y) const;

  /// Chip exists in the machine layout (board gaps do not) and is not dead.
  bool isChipAlive(ChipId id) const { return chips[id].alive; }
  bool chipExists(ChipId id) const { return chips[id].exists; }
  /// Live chip ids in ascending order.
  llvm::ArrayRef<ChipId> liveChips() const { return live; }
  unsigned numLiveChips() const { return live.size(); }

  /// The coordinate one hop over `link` (wrapping where the machine wraps),
  /// ignoring deadness; nullopt when it falls off a non-wrapping edge.
  std::optional<ChipCoord> linkTarget(ChipCoord c, unsigned link) const;
  /// True if a packet can go out of chip `id` on `link`: both chips alive
  /// and the link not dead in that direction.
  bool isLinkAlive(ChipId id, unsigned link) const {
    return (chips[id].linkMask >> link) & 1u;
  }
  uint8_t liveLinkMask(ChipId id) const { return chips[id].linkMask; }
  /// The live neighbour over `link`, or InvalidChip.
  ChipId neighbour(ChipId id, unsigned link) const;

  /// Shortest hexagonal vector from a to b (wrap-aware; ties broken by a
  /// fixed candidate order, so results are deterministic).
  HexVector shortestVector(ChipCoord a, ChipCoord b) const;
  unsigned hexDistance(ChipCoord a, ChipCoord b) const {
    return shortestVector(a, b).length();
  }

  //--- Resources -----------------------------------------------------------//
  unsigned numCores(ChipId id) const { return chips[id].cores; }
  bool isCoreAlive(ChipId id, unsigned core) const;
  /// The application cores used on a chip: the first N live cores after the
  /// monitors, N = the chip's application-core budget.
  llvm::SmallVector<unsigned, 18> applicationCores(ChipId id) const;
  uint64_t sdramBytes(ChipId id) const { return chips[id].sdram; }
  unsigned routerEntries(ChipId id) const { return chips[id].routerEntries; }
  unsigned applicationCoreBudget(ChipId id) const { return chips[id].appCores; }

  //--- Faults and overrides (used by the JSON reader and tests) -----------//
  void killChip(ChipId id);
  /// Kill the link out of `id` on `link`; with bothDirections also the link
  /// coming back from the neighbour.
  void killLink(ChipId id, unsigned link, bool bothDirections);
  void killCore(ChipId id, unsigned core);
  void setCores(ChipId id, unsigned cores, unsigned appCores);
  void setSdram(ChipId id, uint64_t bytes) { chips[id].sdram = bytes; }
  void setRouterEntries(ChipId id, unsigned n) { chips[id].routerEntries = n; }

  /// A human-readable one-line description ("12x12 torus, 144 chips").
  std::string describe() const;

private:
  struct ChipState {
    bool exists = false;
    bool alive = false;
    uint8_t linkMask = 0; ///< bit l: packets may leave on link l
    uint16_t cores = 0;
    uint16_t appCores = 0;
    uint32_t routerEntries = 0;
    uint64_t sdram = 0;
  };

  static Machine withBoards(const HardwareSpec &hw, unsigned width,
                            unsigned height, Wrap wrap,
                            llvm::ArrayRef<ChipCoord> roots);
  /// Make a board gap: the chip does not exist (unlike a dead chip).
  void removeChip(ChipId id);
  void initChip(ChipId id);
  void recomputeLinks();
  void rebuildLiveList();

  const HardwareSpec *hw;
  unsigned w, h;
  Wrap wrapMode;
  unsigned boards = 0;
  std::vector<ChipState> chips;
  std::vector<ChipId> live;
  llvm::DenseMap<ChipId, llvm::SmallVector<uint16_t, 2>> deadCores;
  /// Links killed per direction (bit l of chip id): survive recomputeLinks.
  std::vector<uint8_t> killedLinks;
};

//===----------------------------------------------------------------------===//
// JSON machine description (docs/targets/spinnaker-machine.md)
//===----------------------------------------------------------------------===//

/// Parse a machine description.  Errors name the key and the chip.
llvm::Expected<Machine> parseMachineJSON(llvm::StringRef text);
/// Read and parse a machine description file.
llvm::Expected<Machine> readMachineJSON(llvm::StringRef path);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_MACHINE_MACHINE_H

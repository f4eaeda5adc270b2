//===- Profiles.cpp - SpiNNaker hardware constants and board layouts ------===//
//
// The hardware constants live here, as data, in one table per generation, with
// where each number comes from.  Passes read them through HardwareSpec and
// never hard-code them.  Also here: the 48-chip SpiNN-5 board footprint and
// how N boards tile into a machine (SpiNNMachine's virtual-machine rules), so
// that a virtual Axon machine has exactly the chips a real one would.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace axon::spinnaker;
using namespace llvm;

//===----------------------------------------------------------------------===//
// Hardware constant table
//===----------------------------------------------------------------------===//
//
// SpiNNaker 1 (SpiNN-5 boards), from SpiNNMachine
// spinn_machine/version/version_spin1.py (max_cores_per_chip=18,
// max_sdram_per_chip=123469792, n_router_entries=1023, clock 200 MHz,
// dtcm 2**16) and the SpiNNaker datasheet (32 KiB ITCM, 1024-entry router
// TCAM of which one entry is kept by the system software, hence 1023).
//
// 18 cores = 1 monitor (core 0, SARK/SCAMP) + 17 that could run
// applications.  sPyNNaker uses 16 of them by default because (a) it loads an
// "extra monitor" on one core of every chip (packet re-injection and fast
// data transfer), and (b) manufacturing yield leaves many chips with only 17
// working cores (SpiNNMachine's version_5.py board map lists several 17-core
// chips), so 16 is the count a mapping can rely on.  The machine JSON can
// raise it to 17 per chip ("applicationCores").
//
// SpiNNaker 2, from ARCHITECTURE.md section 5 (152 PEs in quads, 128 KiB SRAM
// per PE, 16,384 router entries) and SpiNNMachine
// spinn_machine/version/version_spin2.py (n_router_entries=16384, SDRAM
// 1073741824 bytes, clock speeds 150/300 MHz, one SCAMP core).  One PE is kept
// for the runtime as on SpiNNaker 1, leaving 151 for applications.  PEs have
// one unified SRAM, so it is reported as DTCM with no separate ITCM.  The
// route word model (6 link + 18 core bits) is SpiNNaker 1's: routing to PE
// numbers >= 18 is reported as an error by the router.

static const HardwareSpec Spinnaker1{
    /*name=*/"spinnaker1",
    /*coresPerChip=*/18,
    /*monitorCores=*/1,
    /*applicationCores=*/16,
    /*clockMHz=*/200,
    /*dtcmBytes=*/64 * 1024,
    /*itcmBytes=*/32 * 1024,
    /*sdramBytes=*/123469792,
    /*routerEntries=*/1023,
    /*routeCoreBits=*/18,
};

static const HardwareSpec Spinnaker2{
    /*name=*/"spinnaker2",
    /*coresPerChip=*/152,
    /*monitorCores=*/1,
    /*applicationCores=*/151,
    /*clockMHz=*/300,
    /*dtcmBytes=*/128 * 1024,
    /*itcmBytes=*/0,
    /*sdramBytes=*/1073741824,
    /*routerEntries=*/16384,
    /*routeCoreBits=*/18,
};

const HardwareSpec &axon::spinnaker::spinnaker1Hardware() { return Spinnaker1; }
const HardwareSpec &axon::spinnaker::spinnaker2Hardware() { return Spinnaker2; }

//===----------------------------------------------------------------------===//
// Board layout
//===----------------------------------------------------------------------===//
//
// The 48 chips of a SpiNN-5 board, relative to its Ethernet chip (0, 0): the
// keys of CHIPS_PER_BOARD in SpiNNMachine spinn_machine/version/version_5.py
// (SpiNNakerManchester/SpiNNMachine).  Column x holds chips
// y = max(0, x - 4) .. min(7, x + 3): an 8x8 square with two triangles cut
// off, i.e. a hexagon on the hexagonal grid.  SpiNNMachine's Version248
// (spinn_machine/version/version_248.py) uses the same footprint for the
// 48-chip SpiNNaker 2 board, so "spinnaker2" does too.

static const ChipCoord Board48[48] = {
    {0, 0}, {0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 1}, {1, 2}, {1, 3},
    {1, 4}, {2, 0}, {2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}, {3, 0},
    {3, 1}, {3, 2}, {3, 3}, {3, 4}, {3, 5}, {3, 6}, {4, 0}, {4, 1},
    {4, 2}, {4, 3}, {4, 4}, {4, 5}, {4, 6}, {4, 7}, {5, 1}, {5, 2},
    {5, 3}, {5, 4}, {5, 5}, {5, 6}, {5, 7}, {6, 2}, {6, 3}, {6, 4},
    {6, 5}, {6, 6}, {6, 7}, {7, 3}, {7, 4}, {7, 5}, {7, 6}, {7, 7},
};

ArrayRef<ChipCoord> axon::spinnaker::board48ChipOffsets() { return Board48; }

/// Ethernet chips of the three boards of a triad, relative to the triad's
/// origin (SpiNNMachine virtual_machine.py / spinnaker_triad_geometry.py).
static const ChipCoord TriadRoots[3] = {{0, 0}, {8, 4}, {4, 8}};

//===----------------------------------------------------------------------===//
// Profiles
//===----------------------------------------------------------------------===//

/// A machine whose chips are the union of boards whose Ethernet chips are
/// given; everything else in the rectangle is a gap.
Machine Machine::withBoards(const HardwareSpec &hw, unsigned width,
                            unsigned height, Wrap wrap,
                            ArrayRef<ChipCoord> roots) {
  Machine m(hw, width, height, wrap);
  std::vector<bool> onBoard(width * height, false);
  for (ChipCoord root : roots)
    for (ChipCoord off : Board48) {
      int x = (root.x + off.x) % (int)width;
      int y = (root.y + off.y) % (int)height;
      onBoard[m.chipId({x, y})] = true;
    }
  for (unsigned id = 0; id < width * height; ++id)
    if (!onBoard[id])
      m.removeChip(id);
  m.boards = roots.size();
  return m;
}

Machine Machine::spinnaker1Boards(unsigned numBoards) {
  if (numBoards <= 1) {
    return withBoards(Spinnaker1, 8, 8, Wrap::None, {{0, 0}});
  }
  // Like spalloc and SpiNNMachine's size_from_n_boards: a rectangle of
  // triads (3 boards, 12x12 chips), as square as possible.
  unsigned triads = (numBoards + 2) / 3;
  unsigned tw = 1;
  while (tw * tw < triads)
    ++tw;
  unsigned th = (triads + tw - 1) / tw;
  if (numBoards % 3 == 0) {
    // Whole triads close into a torus: every chip of the rectangle exists.
    Machine m(Spinnaker1, 12 * tw, 12 * th, Wrap::Both);
    m.boards = 3 * tw * th;
    return m;
  }
  // Otherwise SpiNNMachine's non-wrapping layout: 12w+4 x 12h+4 with boards
  // at the triad roots and gaps where no board is.
  SmallVector<ChipCoord> roots;
  for (ChipCoord r : TriadRoots)
    for (unsigned j = 0; j < th; ++j)
      for (unsigned i = 0; i < tw; ++i)
        roots.push_back({r.x + 12 * (int)i, r.y + 12 * (int)j});
  return withBoards(Spinnaker1, 12 * tw + 4, 12 * th + 4, Wrap::None, roots);
}

StringRef Machine::knownProfiles() {
  return "spinnaker1, spinnaker1-boards:N, spinnaker1-1m, spinnaker2";
}

Expected<Machine> Machine::fromProfile(StringRef profile) {
  // A machine description file (docs/targets/spinnaker-machine.md): every
  // phase re-reads it, so the IR names the machine by its path.
  if (profile.ends_with(".json"))
    return readMachineJSON(profile);
  if (profile == "spinnaker1")
    return spinnaker1Boards(1);
  if (profile == "spinnaker1-1m")
    return spinnaker1Boards(1200); // 400 triads: 240x240 = 57,600 chips
  if (profile == "spinnaker2")
    return withBoards(Spinnaker2, 8, 8, Wrap::None, {{0, 0}});
  StringRef rest = profile;
  if (rest.consume_front("spinnaker1-boards:")) {
    unsigned n = 0;
    if (rest.getAsInteger(10, n) || n == 0 || n > 100000)
      return createStringError(
          inconvertibleErrorCode(),
          formatv("profile '{0}': the board count must be an integer in "
                  "1..100000",
                  profile)
              .str());
    return spinnaker1Boards(n);
  }
  return createStringError(inconvertibleErrorCode(),
                           formatv("unknown machine profile '{0}' (expected "
                                   "one of: {1})",
                                   profile, knownProfiles())
                               .str());
}

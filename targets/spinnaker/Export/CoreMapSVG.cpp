//===- CoreMapSVG.cpp - A picture of the mapped machine ---------*- C++ -*-===//
//
// coremap.svg: every chip of the machine as one square on the x/y grid (y
// grows upwards, as SpiNNaker numbers chips), filled by how many of its
// application cores the mapping uses and outlined by how full its routing
// table is after compression (as a share of the router's capacity).  Dead
// chips are dark and crossed; board gaps (chips that do not exist) are not
// drawn.  Every chip carries a <title> with the exact numbers, and small
// machines also get the numbers as a label.  The bytes depend only on the IR
// (integers only, chips in id order), so the picture is deterministic.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Export/Export.h"
#include "targets/spinnaker/MachineIR.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

/// Fill colours for 0 cores and four bins of core use (light to dark blue).
constexpr const char *CoreFill[] = {"#f2f2f2", "#c6dbef", "#6baed6", "#2171b5",
                                    "#08306b"};
/// Outline colours for no table and four bins of table fullness.
constexpr const char *TableStroke[] = {"#bdbdbd", "#31a354", "#fdae6b",
                                       "#e6550d", "#a50f15"};
constexpr const char *TableLegend[] = {"no table", "&lt; 25%", "25-50%",
                                       "50-75%", "&gt;= 75%"};

/// Bin 1..4 of `used` out of `capacity` (0 when nothing is used).
unsigned bin(uint64_t used, uint64_t capacity) {
  if (used == 0 || capacity == 0)
    return 0;
  uint64_t quarter = (used * 4) / capacity; // 0..4
  return std::min<uint64_t>(quarter, 3) + 1;
}

/// `text` with XML's special characters escaped.
std::string xmlEscape(StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

struct ChipUse {
  unsigned cores = 0;
  uint64_t entries = 0;
  bool hasTable = false;
};

} // namespace

LogicalResult axon::spinnaker::exportCoreMapSVG(spinn::MachineOp m,
                                                raw_ostream &os) {
  FailureOr<Machine> machineOr = getMachine(m);
  if (failed(machineOr))
    return failure();
  const Machine &machine = *machineOr;
  llvm::DenseMap<unsigned, ChipUse> use;
  for (Operation &op : *m.getBodyBlock()) {
    if (auto v = dyn_cast<spinn::VertexOp>(op)) {
      spinn::CoreAttr p = v.getPlacementAttr();
      if (!p)
        return v.emitOpError() << "is not placed; run --spinn-place first";
      ++use[machine.chipId({(int)p.getX(), (int)p.getY()})].cores;
    } else if (auto t = dyn_cast<spinn::TableOp>(op)) {
      ChipUse &u = use[machine.chipId(
          {(int)t.getChip().getX(), (int)t.getChip().getY()})];
      u.hasTable = true;
      u.entries = t.getCompressedAttr() ? t.getCompressedAttr().size()
                                        : t.getEntries().size();
    }
  }

  // Big machines get small squares and no labels.
  unsigned w = machine.width(), h = machine.height();
  unsigned cell = std::max(w, h) <= 16 ? 48 : std::max(w, h) <= 64 ? 16 : 6;
  bool labels = cell >= 48;
  unsigned margin = 10, legendHeight = 150;
  unsigned gridW = w * cell, gridH = h * cell;
  unsigned width = std::max(gridW, 620u) + 2 * margin;
  unsigned height = gridH + 2 * margin + legendHeight;

  unsigned usedChips = 0, usedCores = 0;
  for (auto &kv : use) {
    usedChips += kv.second.cores > 0;
    usedCores += kv.second.cores;
  }

  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width
     << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " "
     << height << "\" font-family=\"sans-serif\">\n"
     << "<title>SpiNNaker core map of '" << xmlEscape(m.getNetwork()) << "' on "
     << xmlEscape(m.getProfile()) << ": " << usedCores << " cores on "
     << usedChips << " chips</title>\n"
     << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height
     << "\" fill=\"white\"/>\n"
     << "<g id=\"chips\">\n";
  for (unsigned id = 0, e = machine.numChipSlots(); id < e; ++id) {
    if (!machine.chipExists(id))
      continue;
    ChipCoord c = machine.coord(id);
    unsigned x = margin + c.x * cell;
    unsigned y = margin + (h - 1 - c.y) * cell; // y grows upwards
    unsigned inner = cell - 2;
    bool alive = machine.isChipAlive(id);
    ChipUse u = use.lookup(id);
    unsigned capacity = machine.routerEntries(id);
    unsigned appCores = machine.applicationCoreBudget(id);
    const char *fill = alive ? CoreFill[bin(u.cores, appCores)] : "#252525";
    unsigned tableBin = u.hasTable ? std::max(1u, bin(u.entries, capacity)) : 0;
    os << "<rect class=\"chip" << (alive ? "" : " dead") << "\" x=\"" << x + 1
       << "\" y=\"" << y + 1 << "\" width=\"" << inner << "\" height=\""
       << inner << "\" fill=\"" << fill << "\" stroke=\""
       << TableStroke[tableBin] << "\" stroke-width=\""
       << (tableBin >= 3 ? 3
           : tableBin    ? 2
                         : 1)
       << "\"><title>chip (" << c.x << ", " << c.y << ")";
    if (!alive)
      os << " dead";
    else
      os << ": " << u.cores << " of " << appCores << " cores, "
         << (u.hasTable ? u.entries : 0) << " of " << capacity
         << " router entries";
    os << "</title></rect>\n";
    if (!alive) {
      os << "<path d=\"M" << x + 3 << " " << y + 3 << "L" << x + cell - 3 << " "
         << y + cell - 3 << "M" << x + cell - 3 << " " << y + 3 << "L" << x + 3
         << " " << y + cell - 3
         << "\" stroke=\"#ef3b2c\" stroke-width=\"2\"/>\n";
    } else if (labels) {
      const char *ink = bin(u.cores, appCores) >= 3 ? "white" : "black";
      os << "<text x=\"" << x + cell / 2 << "\" y=\"" << y + 20
         << "\" font-size=\"11\" text-anchor=\"middle\" fill=\"" << ink << "\">"
         << c.x << "," << c.y << "</text>\n"
         << "<text x=\"" << x + cell / 2 << "\" y=\"" << y + 36
         << "\" font-size=\"10\" text-anchor=\"middle\" fill=\"" << ink << "\">"
         << u.cores << "c " << (u.hasTable ? u.entries : 0) << "e</text>\n";
    }
  }
  os << "</g>\n";

  // Legend: fills (cores used), outlines (table size), dead chips.
  unsigned ly = margin + gridH + 16;
  os << "<g id=\"legend\" font-size=\"11\">\n"
     << "<text x=\"" << margin << "\" y=\"" << ly
     << "\">fill: application cores used per chip</text>\n";
  const char *coreLegend[] = {"0", "1-25%", "25-50%", "50-75%", "&gt;= 75%"};
  for (unsigned i = 0; i < 5; ++i)
    os << "<rect x=\"" << margin + i * 120 << "\" y=\"" << ly + 6
       << "\" width=\"14\" height=\"14\" fill=\"" << CoreFill[i]
       << "\" stroke=\"#636363\"/><text x=\"" << margin + i * 120 + 20
       << "\" y=\"" << ly + 17 << "\">" << coreLegend[i] << "</text>\n";
  ly += 44;
  os << "<text x=\"" << margin << "\" y=\"" << ly
     << "\">outline: routing-table entries after compression, share of the "
        "router</text>\n";
  for (unsigned i = 0; i < 5; ++i)
    os << "<rect x=\"" << margin + i * 120 << "\" y=\"" << ly + 6
       << "\" width=\"14\" height=\"14\" fill=\"white\" stroke=\""
       << TableStroke[i] << "\" stroke-width=\"3\"/><text x=\""
       << margin + i * 120 + 20 << "\" y=\"" << ly + 17 << "\">"
       << TableLegend[i] << "</text>\n";
  ly += 44;
  os << "<rect x=\"" << margin << "\" y=\"" << ly - 4
     << "\" width=\"14\" height=\"14\" fill=\"#252525\"/><text x=\""
     << margin + 20 << "\" y=\"" << ly + 7 << "\">dead chip</text>\n<text x=\""
     << margin + 100 << "\" y=\"" << ly + 7 << "\">"
     << xmlEscape(machine.describe()) << "; " << usedCores << " cores on "
     << usedChips << " chips</text>\n</g>\n</svg>\n";
  return success();
}

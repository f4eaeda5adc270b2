//===- CellLibrary.h - Abstract threshold-cell library ----------*- C++ -*-===//
//
// What the legalizer and the reports need to know about physical threshold
// cells, and nothing about their circuits: the largest fan-in a cell offers,
// the largest |weight| one pin may carry, and a linear area/energy model
// (cost = base + perInput * fanIn).  Wide neurons are decomposed until every
// gate fits; a weight larger than maxWeight is spread over several pins tied
// to the same net.  The defaults and their justification are documented in
// docs/targets/threshold.md.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_CELLLIBRARY_H
#define AXON_TARGETS_THRESHOLD_CORE_CELLLIBRARY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

namespace axon::threshold {

struct CellLibrary {
  std::string name = "axon-tlg-generic";
  /// Largest number of pins of one cell (an input with a weight spread over
  /// several pins counts once per pin).
  unsigned maxFanIn = 4;
  /// Largest |weight| of one pin; 1 models +-1 cells.  The default 2 models
  /// cells whose pin weights are programmable (flash threshold logic sets
  /// each pin's weight by a transistor threshold voltage; see
  /// docs/targets/threshold.md), which makes a full adder two cells.
  int64_t maxWeight = 2;
  /// Area of a cell with n pins: areaBase + areaPerInput * n, in gate
  /// equivalents (GE, the area of one NAND2).
  double areaBase = 4.0;
  double areaPerInput = 1.0;
  /// Energy of one evaluation of a cell with n pins: energyBase +
  /// energyPerInput * n, in NAND2 switching events.
  double energyBase = 2.0;
  double energyPerInput = 0.5;

  double cellArea(unsigned fanIn) const {
    return areaBase + areaPerInput * fanIn;
  }
  double cellEnergy(unsigned fanIn) const {
    return energyBase + energyPerInput * fanIn;
  }
  /// Number of pins needed to carry weight w.
  unsigned pinsFor(int64_t w) const {
    uint64_t mag = w < 0 ? uint64_t(-(w + 1)) + 1 : uint64_t(w);
    return mag == 0 ? 0 : unsigned((mag + maxWeight - 1) / maxWeight);
  }

  /// Rejects libraries no netlist can be legalized for.
  llvm::Error validate() const;
};

/// Writes the library as JSON (keys sorted, so the text is deterministic),
/// including one entry per cell TLG_1 .. TLG_maxFanIn with its modelled area
/// and energy.
void writeCellLibraryJSON(const CellLibrary &lib, llvm::raw_ostream &os);

/// Reads what writeCellLibraryJSON writes (the per-cell list is derived data
/// and ignored); missing keys keep their defaults.
llvm::Expected<CellLibrary> parseCellLibraryJSON(llvm::StringRef text);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_CELLLIBRARY_H

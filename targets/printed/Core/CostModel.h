//===- CostModel.h - Analytic EGFET area of a bespoke MLP -------*- C++ -*-===//
//
// The search needs the area of tens of thousands of candidate circuits, far
// too many for yosys + ABC, so it uses this analytic estimate and a linear
// calibration fitted to a few real synthesis runs.  The circuit is the one
// IntMLP.h defines: every CSD partial product of a neuron is a shifted input
// (a wire), the positive ones and the negative ones are each summed by a bit
// heap reduced with full/half adders to one row of exactly the width the
// range analysis gives, then one subtractor, a truncated ReLU (sign mask,
// bit selection, saturation) and an argmax comparator tree.  Gate areas come
// from the EGFET cells of shared/pdk/egfet.lib.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_COSTMODEL_H
#define AXON_TARGETS_PRINTED_CORE_COSTMODEL_H

#include "targets/printed/Core/IntMLP.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace axon::printed {

/// Cell areas in um^2 (defaults: shared/pdk/egfet.lib).
struct CellAreas {
  double inv = 228420, nand2 = 247860, nor2 = 399500, and2 = 433500,
         or2 = 563530, xor2 = 1042800, xnor2 = 1347557;
};

/// Reads the seven cell areas from a Liberty file (`cell (NAME) { area : A`).
llvm::Expected<CellAreas> readCellAreasLiberty(llvm::StringRef path);

/// Areas of the building blocks, in um^2.
struct GateCosts {
  double fullAdder;      // 2 XOR2 (sum) + 3 NAND2 (carry)
  double fullAdderConst; // one input tied to 1: XNOR2 (sum) + OR2 (carry)
  double halfAdder;      // XOR2 + AND2
  double halfAdderConst; // one input tied to 1: INV (sum); carry is a wire
  double inverter;
  double and2, or2;
  double mux2;       // 3 NAND2 + INV (select inversion, per bit)
  double compareBit; // borrow chain of a - b: INV + 3 NAND2 + OR2 (majority)
  /// Adders whose sum bit nobody reads (below a hidden neuron's activation
  /// window) keep only their carry: majority (3 NAND2 + OR2), OR2 with a
  /// constant 1, AND2 for a half adder, a wire for a constant half adder.
  double carryFullAdder, carryFullAdderConst, carryHalfAdder;

  static GateCosts fromCells(const CellAreas &cells);
  static GateCosts egfet() { return fromCells(CellAreas()); }
};

/// Adders needed to reduce a bit heap to one row.
struct HeapCount {
  unsigned fullAdders = 0, fullAddersConst = 0;
  unsigned halfAdders = 0, halfAddersConst = 0;
  /// Carry-only adders (the last adder of a column below `carryOnlyBelow`).
  unsigned carryFullAdders = 0, carryFullAddersConst = 0;
  unsigned carryHalfAdders = 0, carryHalfAddersConst = 0;
  double area(const GateCosts &g) const {
    return fullAdders * g.fullAdder + fullAddersConst * g.fullAdderConst +
           halfAdders * g.halfAdder + halfAddersConst * g.halfAdderConst +
           carryFullAdders * g.carryFullAdder +
           carryFullAddersConst * g.carryFullAdderConst +
           carryHalfAdders * g.carryHalfAdder;
  }
};

/// Reduces columns of variable bits plus one constant, LSB first, modulo
/// 2^width: while a column holds >= 3 bits a full adder takes three (the
/// constant bit first), 2 bits take a half adder, carries move up one column.
/// In columns below `carryOnlyBelow` the result bit is unused, so the adder
/// that would produce it only computes its carry.
HeapCount reduceBitHeap(llvm::ArrayRef<unsigned> heights, uint64_t constant,
                        unsigned width, unsigned carryOnlyBelow = 0);

struct NeuronCost {
  HeapCount pos, neg, sub;
  unsigned inverters = 0; // N bits inverted for the subtraction
  double activation = 0;  // ReLU mask, saturation
  double area = 0;
  /// Accumulator bits that can vary: [accLow, accHigh) (empty: constant).
  unsigned accLow = 0, accHigh = 0;
};

struct AreaReport {
  std::vector<std::vector<NeuronCost>> neurons; // [layer][neuron]
  double argmax = 0;
  double total = 0; // um^2
  unsigned fullAdders = 0, halfAdders = 0;
};

AreaReport estimateArea(const IntMLP &model, const GateCosts &gates);
/// The same total without keeping the breakdown.
double estimateAreaTotal(const IntMLP &model, const GateCosts &gates);

/// A stand-alone constant multiplier x * c (x unsigned, n bits) as a CSD
/// shift-add chain: one adder or subtractor per nonzero digit after the
/// first, each as wide as its exact running result.
struct ConstantMultiplierCost {
  unsigned nonZeros = 0, adders = 0, subtractors = 0;
  std::vector<unsigned> widths; // per adder/subtractor, in order
  double area = 0;
};
ConstantMultiplierCost costConstantMultiplier(int64_t c, unsigned inputBits,
                                              const GateCosts &gates);

/// real ~= scale * estimate + offset, fitted to (estimate, real) pairs.
struct Calibration {
  double scale = 1.0;
  double offset = 0.0;
  double apply(double estimate) const { return scale * estimate + offset; }
  /// Least squares; one pair (or all estimates equal) fits a pure scale.
  static Calibration
  fit(llvm::ArrayRef<std::pair<double, double>> estimateReal);
  /// Least squares on relative errors ((scale * e + offset - r) / r), for
  /// pairs spanning orders of magnitude (exact and heavily approximated).
  static Calibration
  fitRelative(llvm::ArrayRef<std::pair<double, double>> estimateReal);
};

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_COSTMODEL_H

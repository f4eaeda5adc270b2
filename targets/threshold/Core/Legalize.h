//===- Legalize.h - Fan-in legalization of threshold netlists ---*- C++ -*-===//
//
// Physical threshold cells have a small fan-in K and a bounded per-pin weight
// W, while a binarized neuron reads hundreds of inputs.  Legalization
// replaces each gate that does not fit by an equivalent multi-level network
// of gates that do.  Two decompositions are provided and the cheaper one
// (area under the cell model, then depth, then gate count) is kept per gate:
//
//  (a) adder tree: the weighted input bits are summed in binary by a
//      column-compression tree of threshold full/half adders (carry = MAJ3,
//      sum = [a + b + c - 2 carry >= 1] or a two-cell form for small K),
//      then compared with the threshold by a chain of AND/OR runs, or (the
//      carry-chain variant, also tried) columns are reduced to two bits and
//      a chain of two cells per column tracks the sign of S - T; literals
//      sharing a composite weight are counted in binary first;
//  (b) thermometer tree: inputs are packed into groups of at most K pins,
//      each group yields "partial sum >= j" gates (a thermometer code), and
//      groups are merged pairwise; a merge is one gate over the relevant
//      window of both codes when that fits, otherwise an OR of ANDs over the
//      splits of the threshold (fragment/recombiner decomposition in the
//      sense of Annampedu & Wagh, Information and Computation 227, 2013).
//      It is cheap when the threshold is close to either end of the range.
//
// Negative weights are handled by complementing inputs: w x = w - w (1 - x),
// so every gate is first rewritten as [sum a_i y_i >= T'] with a_i > 0 over
// literals y_i in {x_i, 1 - x_i} and T' = T + sum |w_i<0|; complements are
// absorbed back into the weights of the gates that read them.  Each method is
// also tried on the complemented form [sum a_i (1 - y_i) >= M - T' + 1]
// (M = sum a_i), whose output is the negation, because one of the two
// thresholds is always at most M/2.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_LEGALIZE_H
#define AXON_TARGETS_THRESHOLD_CORE_LEGALIZE_H

#include "targets/threshold/Core/GateBuilder.h"

#include <optional>

namespace axon::threshold {

/// [sum weights[i] * lits[i] >= threshold] with all weights positive.
struct PositiveGate {
  llvm::SmallVector<Lit, 16> lits;
  llvm::SmallVector<int64_t, 16> weights;
  int64_t threshold = 0;
  int64_t total = 0;

  /// Rewrites a canonical gate, complementing inputs with negative weights.
  static PositiveGate fromNormal(const NormalGate &gate);
  /// The gate over complemented literals whose output is the negation.
  PositiveGate complemented() const;
};

/// Method (a).  Always succeeds for maxFanIn >= 2.  With 3- or 4-input +-1
/// cells a full adder costs three cells (carry + two for the sum); with
/// `minimizeDepth` it costs four but its sum is one level shallower.  With
/// `carryChain` (K >= 4) columns are only reduced to two bits each and the
/// comparison with the threshold is a chain of two +-1 cells per column that
/// carries the sign of the partial difference (no sum bits at all).
Lit buildAdderTree(GateBuilder &builder, const PositiveGate &gate,
                   bool minimizeDepth = false, bool carryChain = false);

/// Method (b).  Gives up (nullopt, after rolling its gates back) when the
/// cells it creates exceed `areaBudget` or its value-set bookkeeping exceeds
/// `workLimit` steps.
std::optional<Lit> buildThermometerTree(GateBuilder &builder,
                                        const PositiveGate &gate,
                                        double areaBudget,
                                        size_t workLimit = 4000000);

enum class DecomposeMethod { Auto, AdderTree, Thermometer };

struct LegalizeOptions {
  DecomposeMethod method = DecomposeMethod::Auto;
  /// Also try the complemented form of every gate.
  bool tryBothPolarities = true;
  /// Rank candidates by depth before area (and use the shallower full
  /// adder); by default area comes first.
  bool minimizeDepth = false;
  /// Budget, in cells of the largest fan-in, for a forced thermometer
  /// decomposition before it falls back to the adder tree (in Auto mode the
  /// budget is twice the area of the best candidate so far).
  size_t thermometerGateBudget = 1 << 20;
};

struct LegalizeStats {
  unsigned gatesIn = 0;
  /// Gates that already fit (after canonicalisation) or folded away.
  unsigned direct = 0;
  unsigned adderTree = 0;
  unsigned thermometer = 0;
  /// Forced thermometer decompositions that exceeded their budget.
  unsigned fallbacks = 0;
};

/// Decomposes [sum terms >= threshold] into gates that fit the builder's
/// library and returns the output literal.
Lit decomposeGate(GateBuilder &builder, llvm::ArrayRef<Term> terms,
                  int64_t threshold, const LegalizeOptions &options = {},
                  LegalizeStats *stats = nullptr);

/// Legalizes every gate of `netlist` (keeping gate tags) and removes logic
/// no output needs.  The result passes checkLegal().
llvm::Expected<Netlist> legalize(const Netlist &netlist, const CellLibrary &lib,
                                 const LegalizeOptions &options = {},
                                 LegalizeStats *stats = nullptr);

/// Fails unless every non-constant gate has at most maxFanIn pins and every
/// pin weight is within [-maxWeight, maxWeight].
llvm::Error checkLegal(const Netlist &netlist, const CellLibrary &lib);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_LEGALIZE_H

//===- Search.h - Approximation search for printed MLPs ---------*- C++ -*-===//
//
// Starting from the exact quantized circuit, look for cheaper circuits whose
// training accuracy stays within a loss bound of it: coefficient approximation
// (weights moved to nearby values with fewer CSD digits, powers of two, zero),
// partial-product pruning (low bits of every term dropped per neuron),
// activation approximation (truncated ReLU: fewer low bits, lower clamp), then
// a hardware-aware genetic algorithm over the integer weights, biases and
// those knobs (NSGA-II on estimated area vs training accuracy, as in DATE'24).
// Deterministic for a seed whatever the thread count: random draws happen on
// the calling thread only, and workers evaluate fixed slices of a batch.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_SEARCH_H
#define AXON_TARGETS_PRINTED_CORE_SEARCH_H

#include "targets/printed/Core/CostModel.h"
#include "targets/printed/Core/Evaluate.h"
#include "targets/printed/Core/IntMLP.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace axon::printed {

struct SearchProgress {
  llvm::StringRef phase; // "greedy" or "genetic"
  unsigned step = 0, steps = 0;
  unsigned evaluations = 0;
  double bestArea = 0; // smallest feasible area so far (um^2)
  unsigned frontSize = 0;
};

struct SearchOptions {
  uint64_t seed = 1;
  unsigned threads = 1;
  /// Largest training-accuracy loss (absolute fraction, vs the exact design)
  /// any design may have; designs beyond it are infeasible.
  double maxLoss = 0.05;
  /// Report the smallest front design for each of these bounds.
  std::vector<double> lossBounds = {0.01, 0.05};
  /// Techniques.
  bool coefficients = true, pruning = true, activations = true, genetic = true;
  /// Weights stay in [-weightLimit, weightLimit].
  int32_t weightLimit = 127;
  unsigned maxPruneBits = 12;
  unsigned minActBits = 1;
  /// Greedy descent: one trajectory per loss bound, at most this many moves.
  unsigned greedySteps = 400;
  /// NSGA-II.
  unsigned population = 64;
  unsigned generations = 400;
  double crossoverRate = 0.7;
  /// Stop early after this many seconds (0: never).  Stopping on time makes
  /// the result depend on machine speed: benches only.
  double maxSeconds = 0;
  std::function<void(const SearchProgress &)> progress;
};

/// One design: the integer circuit and its scores.
struct DesignPoint {
  IntMLP model;
  double area = 0; // analytic estimate, um^2 (uncalibrated)
  unsigned trainCorrect = 0;
  double trainAccuracy = 0;
  double testAccuracy = 0;
  std::string origin; // "exact", "greedy", "genetic"
};

struct ChosenDesign {
  double maxLoss = 0;
  /// Index into SearchResult::front (none when no design meets the bound).
  std::optional<size_t> index;
};

struct SearchResult {
  DesignPoint exact;
  /// Non-dominated feasible designs, by ascending area (the exact design is
  /// always a candidate).
  std::vector<DesignPoint> front;
  std::vector<ChosenDesign> chosen; // one per SearchOptions::lossBounds
  unsigned evaluations = 0;
  double seconds = 0;
};

/// Runs the search.  `test` (may be null) only scores the final front.
SearchResult searchApproximations(const IntMLP &exact, const EvalSet &train,
                                  const EvalSet *test, const GateCosts &gates,
                                  const SearchOptions &options);

/// A one-line summary of how `design` differs from `exact`.
std::string describeChanges(const IntMLP &exact, const IntMLP &design);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_SEARCH_H

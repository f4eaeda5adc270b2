//===- SearchContext.h - State shared by the search phases ------*- C++ -*-===//
//
// Private to the search: the training set, the cost model, the feasibility
// bound, the archive of non-dominated designs and the parallel batch
// evaluator that the greedy and genetic phases share.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_SEARCHCONTEXT_H
#define AXON_TARGETS_PRINTED_CORE_SEARCHCONTEXT_H

#include "targets/printed/Core/Pareto.h"
#include "targets/printed/Core/Random.h"
#include "targets/printed/Core/Search.h"

#include <chrono>
#include <vector>

namespace axon::printed {

struct Candidate {
  IntMLP model;
  Objectives obj;
};

class SearchContext {
public:
  SearchContext(const EvalSet &train, const GateCosts &gates,
                const SearchOptions &options);

  /// Scores every candidate (area and training correct count) on
  /// options.threads workers, worker t taking a fixed contiguous slice.
  void evaluate(std::vector<Candidate> &batch);

  /// Rows correct needed to stay within `loss` of the exact design.
  unsigned minCorrectFor(double loss) const;
  bool feasible(const Objectives &o) const { return o.correct >= minCorrect; }

  /// Adds a feasible design to the archive unless something there dominates
  /// or equals it; drops what it dominates.
  void record(const Candidate &c, const char *origin);

  void report(llvm::StringRef phase, unsigned step, unsigned steps);
  bool outOfTime() const;

  const EvalSet &train;
  const GateCosts &gates;
  const SearchOptions &options;
  unsigned exactCorrect = 0;
  unsigned minCorrect = 0;
  unsigned evaluations = 0;
  std::vector<DesignPoint> archive;
  std::chrono::steady_clock::time_point start;
};

//===----------------------------------------------------------------------===//
// Moves (Moves.cpp)
//===----------------------------------------------------------------------===//

enum class MoveKind : uint8_t {
  WeightCheaperBelow, // nearest smaller value with fewer CSD digits
  WeightCheaperAbove, // nearest larger value with fewer CSD digits
  WeightZero,
  WeightPowerOfTwo, // nearest power of two (weights with >= 3 digits)
  LayerHalve,       // every weight and bias of a layer halved (one weight bit
                    // less); a hidden layer shifts one bit less to compensate
  PruneMore,        // one more low bit dropped from every term of a neuron
  ActDropLow,       // hidden layer: shift + 1, bits - 1 (same clamp level)
  ActClampHigh,     // hidden layer: bits - 1 (lower clamp)
};

struct Move {
  MoveKind kind;
  unsigned layer, neuron, input;
};

/// Every greedy move the enabled techniques allow on `model`.
std::vector<Move> greedyMoves(const IntMLP &model, const SearchOptions &opts);
/// Applies `move`; false when it does not change the model.
bool applyMove(IntMLP &model, const Move &move, const SearchOptions &opts);
/// Random mutation for the genetic phase (at least one gene changes when any
/// technique allows it).
void mutate(IntMLP &model, SplitMix64 &rng, const SearchOptions &opts);
/// Uniform crossover by neuron (weights, bias, pruning travel together) and
/// by layer for the activation settings.
IntMLP crossover(const IntMLP &a, const IntMLP &b, SplitMix64 &rng);

//===----------------------------------------------------------------------===//
// Phases (Greedy.cpp, Genetic.cpp)
//===----------------------------------------------------------------------===//

/// Greedy descent from `start`, one trajectory per entry of `minCorrect`:
/// repeatedly takes the move with the best area saved per training row lost,
/// staying at or above that many rows correct.
void runGreedy(SearchContext &ctx, const Candidate &start,
               std::vector<unsigned> minCorrect);

/// NSGA-II seeded with `seeds` (evaluated), feeding the archive.
void runGenetic(SearchContext &ctx, std::vector<Candidate> seeds);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_SEARCHCONTEXT_H

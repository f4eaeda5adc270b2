//===- Pareto.h - Area/accuracy dominance and NSGA-II ranking ---*- C++ -*-===//
//
// The search trades two objectives: estimated area (smaller is better) and
// the number of correctly classified training rows (larger is better).  This
// header holds the dominance relation, NSGA-II's non-dominated sorting and
// crowding distance, and the archive that keeps every non-dominated design the
// search has seen.  All orderings break ties by index so results never depend
// on sort stability or thread timing.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_PARETO_H
#define AXON_TARGETS_PRINTED_CORE_PARETO_H

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace axon::printed {

struct Objectives {
  double area = 0;      // minimize
  unsigned correct = 0; // maximize
};

/// a dominates b: no worse in both, strictly better in one.
inline bool dominates(const Objectives &a, const Objectives &b) {
  return a.area <= b.area && a.correct >= b.correct &&
         (a.area < b.area || a.correct > b.correct);
}

/// NSGA-II fast non-dominated sort: fronts of indices, best first, each front
/// in ascending index order.
std::vector<std::vector<unsigned>>
nonDominatedSort(llvm::ArrayRef<Objectives> points);

/// Crowding distance of each member of `front` (same order); the extremes of
/// each objective get +infinity.
std::vector<double> crowdingDistance(llvm::ArrayRef<Objectives> points,
                                     llvm::ArrayRef<unsigned> front);

/// Indices of the non-dominated points, by ascending area; of several points
/// with equal objectives only the lowest index is kept.
std::vector<unsigned> paretoIndices(llvm::ArrayRef<Objectives> points);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_PARETO_H

//===- Pareto.cpp - Area/accuracy dominance and NSGA-II ranking -----------===//
//
// Quadratic algorithms are fine here: populations and archives hold at most a
// few hundred designs.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Pareto.h"

#include <algorithm>
#include <limits>

using namespace axon::printed;

std::vector<std::vector<unsigned>>
axon::printed::nonDominatedSort(llvm::ArrayRef<Objectives> points) {
  unsigned n = static_cast<unsigned>(points.size());
  std::vector<std::vector<unsigned>> dominated(n);
  std::vector<unsigned> dominatedBy(n, 0);
  std::vector<std::vector<unsigned>> fronts;
  std::vector<unsigned> current;
  for (unsigned p = 0; p < n; ++p) {
    for (unsigned q = 0; q < n; ++q) {
      if (dominates(points[p], points[q]))
        dominated[p].push_back(q);
      else if (dominates(points[q], points[p]))
        ++dominatedBy[p];
    }
    if (dominatedBy[p] == 0)
      current.push_back(p);
  }
  while (!current.empty()) {
    std::vector<unsigned> next;
    for (unsigned p : current)
      for (unsigned q : dominated[p])
        if (--dominatedBy[q] == 0)
          next.push_back(q);
    std::sort(next.begin(), next.end());
    fronts.push_back(std::move(current));
    current = std::move(next);
  }
  return fronts;
}

std::vector<double>
axon::printed::crowdingDistance(llvm::ArrayRef<Objectives> points,
                                llvm::ArrayRef<unsigned> front) {
  size_t n = front.size();
  std::vector<double> dist(n, 0.0);
  if (n <= 2) {
    std::fill(dist.begin(), dist.end(),
              std::numeric_limits<double>::infinity());
    return dist;
  }
  std::vector<size_t> order(n);
  auto accumulate = [&](auto key) {
    for (size_t i = 0; i < n; ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      double ka = key(points[front[a]]), kb = key(points[front[b]]);
      return ka < kb || (ka == kb && front[a] < front[b]);
    });
    double lo = key(points[front[order.front()]]);
    double hi = key(points[front[order.back()]]);
    dist[order.front()] = dist[order.back()] =
        std::numeric_limits<double>::infinity();
    if (hi <= lo)
      return;
    for (size_t i = 1; i + 1 < n; ++i)
      dist[order[i]] += (key(points[front[order[i + 1]]]) -
                         key(points[front[order[i - 1]]])) /
                        (hi - lo);
  };
  accumulate([](const Objectives &o) { return o.area; });
  accumulate([](const Objectives &o) { return double(o.correct); });
  return dist;
}

std::vector<unsigned>
axon::printed::paretoIndices(llvm::ArrayRef<Objectives> points) {
  std::vector<unsigned> result;
  for (unsigned p = 0; p < points.size(); ++p) {
    bool keep = true;
    for (unsigned q = 0; q < points.size() && keep; ++q) {
      if (dominates(points[q], points[p]))
        keep = false;
      else if (q < p && points[q].area == points[p].area &&
               points[q].correct == points[p].correct)
        keep = false;
    }
    if (keep)
      result.push_back(p);
  }
  std::sort(result.begin(), result.end(), [&](unsigned a, unsigned b) {
    return points[a].area < points[b].area ||
           (points[a].area == points[b].area && a < b);
  });
  return result;
}

//===- Greedy.cpp - Greedy approximation descent --------------------------===//
//
// The classic bespoke-approximation loop: try every single move (a cheaper
// coefficient, one more pruned bit, a narrower activation), keep the one that
// saves the most area per training row lost, repeat until nothing fits the
// bound.  Every accepted design goes to the archive, so one trajectory yields
// a whole curve of area vs accuracy, and it seeds the genetic phase.
//
// One trajectory per loss bound, but trajectories share their common prefix:
// all bounds walk together while their best moves agree, and split (the
// looser ones continuing on their own) at the first step where they differ.
// Each step's batch is evaluated once for every bound still walking with it.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/SearchContext.h"

#include "llvm/ADT/STLExtras.h"

#include <deque>

using namespace axon::printed;

/// Index of the best candidate, or -1: feasible, smaller than `cur`, most
/// area saved per row lost (half a row added so lossless moves rank by
/// saving); ties keep the lowest index.
static int pickBest(const Candidate &cur, const std::vector<Candidate> &batch,
                    unsigned minCorrect) {
  int best = -1;
  double bestScore = 0;
  for (size_t i = 0; i < batch.size(); ++i) {
    const Objectives &o = batch[i].obj;
    if (o.correct < minCorrect || o.area >= cur.obj.area)
      continue;
    double lost =
        cur.obj.correct > o.correct ? double(cur.obj.correct - o.correct) : 0.0;
    double score = (cur.obj.area - o.area) / (lost + 0.5);
    if (best < 0 || score > bestScore) {
      best = static_cast<int>(i);
      bestScore = score;
    }
  }
  return best;
}

namespace {
/// A design with the bounds (rows-correct minimums) still walking from it.
struct Walk {
  Candidate cur;
  std::vector<unsigned> minCorrect;
  unsigned step = 0;
};
} // namespace

/// Every single-move neighbour of `cur`, scored.
static std::vector<Candidate> neighbours(SearchContext &ctx,
                                         const Candidate &cur) {
  std::vector<Candidate> batch;
  for (const Move &m : greedyMoves(cur.model, ctx.options)) {
    Candidate c{cur.model, {}};
    if (applyMove(c.model, m, ctx.options))
      batch.push_back(std::move(c));
  }
  ctx.evaluate(batch);
  return batch;
}

void axon::printed::runGreedy(SearchContext &ctx, const Candidate &start,
                              std::vector<unsigned> minCorrect) {
  unsigned steps = ctx.options.greedySteps;
  std::deque<Walk> walks;
  walks.push_back({start, std::move(minCorrect), 0});
  while (!walks.empty() && !ctx.outOfTime()) {
    Walk w = std::move(walks.front());
    walks.pop_front();
    for (; w.step < steps && !w.minCorrect.empty() && !ctx.outOfTime();
         ++w.step) {
      std::vector<Candidate> batch = neighbours(ctx, w.cur);
      // Group the bounds by the move they pick; the first group (that of
      // the first bound that can still move) continues here.
      std::vector<int> picks;
      for (unsigned need : w.minCorrect)
        picks.push_back(pickBest(w.cur, batch, need));
      int lead = -1;
      std::vector<unsigned> stay;
      std::vector<std::pair<int, std::vector<unsigned>>> forks;
      for (size_t b = 0; b < picks.size(); ++b) {
        if (picks[b] < 0)
          continue; // this bound cannot move any further
        if (lead < 0)
          lead = picks[b];
        if (picks[b] == lead) {
          stay.push_back(w.minCorrect[b]);
          continue;
        }
        auto it = llvm::find_if(
            forks, [&](const auto &f) { return f.first == picks[b]; });
        if (it == forks.end())
          forks.push_back({picks[b], {w.minCorrect[b]}});
        else
          it->second.push_back(w.minCorrect[b]);
      }
      for (auto &[pick, bounds] : forks) {
        ctx.record(batch[pick], "greedy");
        walks.push_back({batch[pick], std::move(bounds), w.step + 1});
      }
      if (lead < 0)
        break;
      w.cur = std::move(batch[lead]);
      w.minCorrect = std::move(stay);
      ctx.record(w.cur, "greedy");
      ctx.report("greedy", w.step + 1, steps);
    }
  }
}

//===- Genetic.cpp - NSGA-II over integer MLP designs ---------------------===//
//
// Hardware-aware genetic search in the spirit of DATE'24: individuals are
// whole integer circuits, objectives are estimated area and training rows
// correct, and designs below the accuracy bound are infeasible (Deb's
// constrained domination: any feasible design beats any infeasible one, which
// compete by accuracy).  Selection sees objective-duplicates last so the
// population does not collapse onto one design.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/SearchContext.h"

#include <algorithm>
#include <limits>

using namespace axon::printed;

namespace {
struct Ranking {
  std::vector<unsigned> rank;
  std::vector<double> crowd;
  std::vector<std::vector<unsigned>> fronts;
};
} // namespace

/// Feasible designs by non-dominated fronts, then infeasible ones one per
/// front by decreasing accuracy (then area, then index).
static Ranking rankPopulation(const SearchContext &ctx,
                              const std::vector<Candidate> &pop) {
  Ranking r;
  std::vector<unsigned> feasible, infeasible;
  std::vector<Objectives> objs;
  for (unsigned i = 0; i < pop.size(); ++i)
    (ctx.feasible(pop[i].obj) ? feasible : infeasible).push_back(i);
  for (unsigned i : feasible)
    objs.push_back(pop[i].obj);
  for (std::vector<unsigned> &front : nonDominatedSort(objs)) {
    for (unsigned &i : front)
      i = feasible[i];
    r.fronts.push_back(std::move(front));
  }
  std::sort(infeasible.begin(), infeasible.end(), [&](unsigned a, unsigned b) {
    const Objectives &x = pop[a].obj, &y = pop[b].obj;
    if (x.correct != y.correct)
      return x.correct > y.correct;
    return x.area < y.area || (x.area == y.area && a < b);
  });
  for (unsigned i : infeasible)
    r.fronts.push_back({i});
  r.rank.assign(pop.size(), 0);
  r.crowd.assign(pop.size(), 0.0);
  std::vector<Objectives> all;
  for (const Candidate &c : pop)
    all.push_back(c.obj);
  for (unsigned f = 0; f < r.fronts.size(); ++f) {
    std::vector<double> d = crowdingDistance(all, r.fronts[f]);
    for (size_t j = 0; j < r.fronts[f].size(); ++j) {
      r.rank[r.fronts[f][j]] = f;
      r.crowd[r.fronts[f][j]] = d[j];
    }
  }
  return r;
}

static bool better(const Ranking &r, unsigned a, unsigned b) {
  if (r.rank[a] != r.rank[b])
    return r.rank[a] < r.rank[b];
  if (r.crowd[a] != r.crowd[b])
    return r.crowd[a] > r.crowd[b];
  return a < b;
}

static unsigned tournament(const Ranking &r, SplitMix64 &rng, unsigned n) {
  unsigned a = static_cast<unsigned>(rng.below(n));
  unsigned b = static_cast<unsigned>(rng.below(n));
  return better(r, a, b) ? a : b;
}

/// Keeps `size` designs of `pool`: best rank first, then crowding; designs
/// whose objectives repeat an earlier-kept one only fill what is left.
static std::vector<Candidate> selectSurvivors(const SearchContext &ctx,
                                              std::vector<Candidate> pool,
                                              unsigned size) {
  Ranking r = rankPopulation(ctx, pool);
  std::vector<unsigned> order(pool.size());
  for (unsigned i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](unsigned a, unsigned b) { return better(r, a, b); });
  std::vector<unsigned> kept, repeats;
  for (unsigned i : order) {
    bool repeat = false;
    for (unsigned k : kept)
      if (pool[k].obj.area == pool[i].obj.area &&
          pool[k].obj.correct == pool[i].obj.correct)
        repeat = true;
    (repeat ? repeats : kept).push_back(i);
  }
  kept.insert(kept.end(), repeats.begin(), repeats.end());
  kept.resize(std::min<size_t>(size, kept.size()));
  std::vector<Candidate> survivors;
  for (unsigned i : kept)
    survivors.push_back(std::move(pool[i]));
  return survivors;
}

/// The first population: the exact design, the seeds spread evenly over
/// area, and mutants of them for the rest.
static std::vector<Candidate> initialPopulation(SearchContext &ctx,
                                                std::vector<Candidate> seeds,
                                                SplitMix64 &rng) {
  unsigned size = std::max(4u, ctx.options.population);
  std::vector<Candidate> pop;
  if (seeds.size() > size / 2) {
    std::stable_sort(seeds.begin() + 1, seeds.end(),
                     [](const Candidate &a, const Candidate &b) {
                       return a.obj.area < b.obj.area;
                     });
    pop.push_back(seeds.front());
    size_t want = size / 2 - 1, rest = seeds.size() - 1;
    for (size_t j = 0; j < want; ++j)
      pop.push_back(seeds[1 + j * rest / want]);
  } else {
    pop = seeds;
  }
  std::vector<Candidate> mutants;
  size_t base = pop.size();
  while (base + mutants.size() < size) {
    Candidate c = pop[rng.below(base)];
    mutate(c.model, rng, ctx.options);
    mutants.push_back(std::move(c));
  }
  ctx.evaluate(mutants);
  for (Candidate &c : mutants) {
    ctx.record(c, "genetic");
    pop.push_back(std::move(c));
  }
  return pop;
}

void axon::printed::runGenetic(SearchContext &ctx,
                               std::vector<Candidate> seeds) {
  const SearchOptions &opts = ctx.options;
  SplitMix64 rng(opts.seed);
  std::vector<Candidate> pop = initialPopulation(ctx, std::move(seeds), rng);
  unsigned size = static_cast<unsigned>(pop.size());
  for (unsigned gen = 0; gen < opts.generations && !ctx.outOfTime(); ++gen) {
    Ranking r = rankPopulation(ctx, pop);
    std::vector<Candidate> children;
    for (unsigned c = 0; c < size; ++c) {
      const Candidate &a = pop[tournament(r, rng, size)];
      Candidate child{a.model, {}};
      if (rng.chance(opts.crossoverRate))
        child.model =
            crossover(a.model, pop[tournament(r, rng, size)].model, rng);
      mutate(child.model, rng, opts);
      children.push_back(std::move(child));
    }
    ctx.evaluate(children);
    for (const Candidate &c : children)
      ctx.record(c, "genetic");
    pop.insert(pop.end(), std::make_move_iterator(children.begin()),
               std::make_move_iterator(children.end()));
    pop = selectSurvivors(ctx, std::move(pop), size);
    ctx.report("genetic", gen + 1, opts.generations);
  }
}

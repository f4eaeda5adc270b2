//===- SearchContext.cpp - Search driver and shared state -----------------===//
//
// Runs the phases in a fixed order (exact design, one greedy trajectory per
// loss bound, then NSGA-II seeded with everything found) and turns the archive
// into the reported front.  Workers only ever compute pure functions of a
// candidate into its own slot, so the thread count cannot change a result.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/SearchContext.h"

#include "targets/printed/Core/CSD.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <thread>

using namespace axon::printed;

SearchContext::SearchContext(const EvalSet &train, const GateCosts &gates,
                             const SearchOptions &options)
    : train(train), gates(gates), options(options),
      start(std::chrono::steady_clock::now()) {}

void SearchContext::evaluate(std::vector<Candidate> &batch) {
  unsigned n = static_cast<unsigned>(batch.size());
  unsigned workers = std::max(1u, std::min(options.threads, n));
  auto work = [&](unsigned t) {
    Evaluator eval(train);
    unsigned lo = unsigned(uint64_t(n) * t / workers);
    unsigned hi = unsigned(uint64_t(n) * (t + 1) / workers);
    for (unsigned i = lo; i < hi; ++i) {
      batch[i].obj.correct = eval.countCorrect(batch[i].model);
      batch[i].obj.area = estimateAreaTotal(batch[i].model, gates);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t)
    pool.emplace_back(work, t);
  work(0);
  for (std::thread &th : pool)
    th.join();
  evaluations += n;
}

unsigned SearchContext::minCorrectFor(double loss) const {
  double allowed = std::floor(loss * train.totalRows + 1e-9);
  if (allowed >= exactCorrect)
    return 0;
  return exactCorrect - static_cast<unsigned>(allowed);
}

void SearchContext::record(const Candidate &c, const char *origin) {
  if (!feasible(c.obj))
    return;
  for (const DesignPoint &d : archive) {
    Objectives o{d.area, d.trainCorrect};
    if (dominates(o, c.obj) ||
        (o.area == c.obj.area && o.correct == c.obj.correct))
      return;
  }
  llvm::erase_if(archive, [&](const DesignPoint &d) {
    return dominates(c.obj, Objectives{d.area, d.trainCorrect});
  });
  DesignPoint p;
  p.model = c.model;
  p.area = c.obj.area;
  p.trainCorrect = c.obj.correct;
  p.trainAccuracy =
      train.totalRows ? double(c.obj.correct) / train.totalRows : 0.0;
  p.origin = origin;
  archive.push_back(std::move(p));
}

void SearchContext::report(llvm::StringRef phase, unsigned step,
                           unsigned steps) {
  if (!options.progress)
    return;
  SearchProgress p;
  p.phase = phase;
  p.step = step;
  p.steps = steps;
  p.evaluations = evaluations;
  p.frontSize = static_cast<unsigned>(archive.size());
  for (const DesignPoint &d : archive)
    p.bestArea = p.bestArea == 0 ? d.area : std::min(p.bestArea, d.area);
  options.progress(p);
}

bool SearchContext::outOfTime() const {
  if (options.maxSeconds <= 0)
    return false;
  std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  return elapsed.count() > options.maxSeconds;
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

static void runGreedyPhase(SearchContext &ctx, const Candidate &exact) {
  const SearchOptions &opts = ctx.options;
  if (!opts.coefficients && !opts.pruning && !opts.activations)
    return;
  std::vector<double> bounds;
  for (double b : opts.lossBounds)
    if (b <= opts.maxLoss)
      bounds.push_back(b);
  bounds.push_back(opts.maxLoss);
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::vector<unsigned> minCorrect;
  for (double b : bounds)
    minCorrect.push_back(ctx.minCorrectFor(b));
  runGreedy(ctx, exact, std::move(minCorrect));
}

static void scoreFront(SearchResult &result, const EvalSet *test) {
  if (!test)
    return;
  Evaluator eval(*test);
  for (DesignPoint &d : result.front)
    d.testAccuracy = eval.accuracy(d.model);
  result.exact.testAccuracy = eval.accuracy(result.exact.model);
}

SearchResult axon::printed::searchApproximations(const IntMLP &exact,
                                                 const EvalSet &train,
                                                 const EvalSet *test,
                                                 const GateCosts &gates,
                                                 const SearchOptions &options) {
  SearchContext ctx(train, gates, options);
  std::vector<Candidate> batch{{exact, {}}};
  ctx.evaluate(batch);
  Candidate start = batch.front();
  ctx.exactCorrect = start.obj.correct;
  ctx.minCorrect = ctx.minCorrectFor(options.maxLoss);
  ctx.record(start, "exact");

  runGreedyPhase(ctx, start);
  if (options.genetic && !ctx.outOfTime()) {
    std::vector<Candidate> seeds{start};
    for (const DesignPoint &d : ctx.archive)
      if (d.origin != "exact")
        seeds.push_back({d.model, {d.area, d.trainCorrect}});
    runGenetic(ctx, std::move(seeds));
  }

  SearchResult result;
  result.exact.model = exact;
  result.exact.area = start.obj.area;
  result.exact.trainCorrect = start.obj.correct;
  result.exact.trainAccuracy =
      train.totalRows ? double(start.obj.correct) / train.totalRows : 0.0;
  result.exact.origin = "exact";
  result.front = ctx.archive;
  std::sort(result.front.begin(), result.front.end(),
            [](const DesignPoint &a, const DesignPoint &b) {
              return a.area < b.area ||
                     (a.area == b.area && a.trainCorrect > b.trainCorrect);
            });
  scoreFront(result, test);
  for (double bound : options.lossBounds) {
    ChosenDesign c;
    c.maxLoss = bound;
    unsigned need = ctx.minCorrectFor(bound);
    for (size_t i = 0; i < result.front.size() && !c.index; ++i)
      if (result.front[i].trainCorrect >= need)
        c.index = i;
    result.chosen.push_back(c);
  }
  result.evaluations = ctx.evaluations;
  result.seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - ctx.start)
                       .count();
  return result;
}

std::string axon::printed::describeChanges(const IntMLP &exact,
                                           const IntMLP &design) {
  unsigned changed = 0, zeros = 0, total = 0, digits = 0, exactDigits = 0;
  std::string prune, act;
  for (size_t l = 0; l < design.layers.size(); ++l) {
    const IntLayer &d = design.layers[l], &e = exact.layers[l];
    for (size_t i = 0; i < d.weights.size(); ++i) {
      ++total;
      changed += d.weights[i] != e.weights[i];
      zeros += d.weights[i] == 0;
      digits += csdNonZeros(d.weights[i]);
      exactDigits += csdNonZeros(e.weights[i]);
    }
    prune += l ? "|" : "";
    for (size_t o = 0; o < d.pruneBits.size(); ++o)
      prune += (o ? "," : "") + std::to_string(unsigned(d.pruneBits[o]));
    if (l + 1 < design.layers.size())
      act += llvm::formatv("{0}L{1}:>>{2}/{3}b", act.empty() ? "" : " ", l,
                           d.actShift, d.actBits)
                 .str();
  }
  return llvm::formatv("weights changed {0}/{1}, zero {2}, CSD digits {3} "
                       "(exact {4}); prune [{5}]; act {6}",
                       changed, total, zeros, digits, exactDigits, prune, act)
      .str();
}

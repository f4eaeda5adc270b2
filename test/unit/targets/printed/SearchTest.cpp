//===- SearchTest.cpp - Pareto ranking and approximation search -*- C++ -*-===//
//
// Pareto helpers are checked against the definition of dominance on random
// point sets; the search is checked for determinism (same seed, any thread
// count, same front), for the invariants of its output, and on a problem
// small enough to solve by exhaustive enumeration.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Search.h"
#include "targets/printed/Core/Pareto.h"
#include "targets/printed/Core/Random.h"

#include "gtest/gtest.h"

#include <limits>

using namespace axon::printed;

namespace {

std::vector<Objectives> randomPoints(SplitMix64 &rng, unsigned n) {
  std::vector<Objectives> pts;
  for (unsigned i = 0; i < n; ++i)
    pts.push_back({double(rng.range(0, 20)), unsigned(rng.range(0, 20))});
  return pts;
}

TEST(Pareto, IndicesAreExactlyTheNonDominatedSet) {
  SplitMix64 rng(9);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<Objectives> pts = randomPoints(rng, 30);
    std::vector<unsigned> front = paretoIndices(pts);
    std::vector<bool> in(pts.size(), false);
    for (unsigned i : front)
      in[i] = true;
    for (size_t i = 1; i < front.size(); ++i)
      EXPECT_LT(pts[front[i - 1]].area, pts[front[i]].area);
    for (unsigned p = 0; p < pts.size(); ++p) {
      bool dominated = false, equalEarlier = false;
      for (unsigned q = 0; q < pts.size(); ++q) {
        const Objectives &a = pts[q], &b = pts[p];
        if (a.area <= b.area && a.correct >= b.correct &&
            (a.area < b.area || a.correct > b.correct))
          dominated = true;
        if (q < p && a.area == b.area && a.correct == b.correct)
          equalEarlier = true;
      }
      EXPECT_EQ(bool(in[p]), !dominated && !equalEarlier) << p;
    }
  }
}

TEST(Pareto, NonDominatedSortLayers) {
  SplitMix64 rng(4);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<Objectives> pts = randomPoints(rng, 25);
    auto fronts = nonDominatedSort(pts);
    std::vector<int> frontOf(pts.size(), -1);
    for (size_t f = 0; f < fronts.size(); ++f)
      for (unsigned i : fronts[f]) {
        EXPECT_EQ(frontOf[i], -1);
        frontOf[i] = int(f);
      }
    for (unsigned p = 0; p < pts.size(); ++p) {
      ASSERT_GE(frontOf[p], 0);
      for (unsigned q = 0; q < pts.size(); ++q)
        if (dominates(pts[q], pts[p])) {
          EXPECT_LT(frontOf[q], frontOf[p]);
        }
      // Something in the previous front dominates every later point.
      if (frontOf[p] > 0) {
        bool found = false;
        for (unsigned q : fronts[frontOf[p] - 1])
          found |= dominates(pts[q], pts[p]);
        EXPECT_TRUE(found);
      }
    }
  }
}

TEST(Pareto, CrowdingDistanceByHand) {
  // Four points on a line: extremes infinite, inner ones (gap / span) summed
  // over both objectives.
  std::vector<Objectives> pts = {{0, 0}, {1, 1}, {3, 3}, {4, 4}};
  std::vector<double> d = crowdingDistance(pts, {0, 1, 2, 3});
  double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(d[0], inf);
  EXPECT_EQ(d[3], inf);
  EXPECT_DOUBLE_EQ(d[1], 2 * (3.0 - 0.0) / 4.0);
  EXPECT_DOUBLE_EQ(d[2], 2 * (4.0 - 1.0) / 4.0);
}

//===----------------------------------------------------------------------===//
// Search
//===----------------------------------------------------------------------===//

/// A teacher network labels random 4-bit rows; the exact design is a noisy
/// copy of it, so approximations have room to save area.
struct Problem {
  IntMLP exact;
  EvalSet train, test;
};

Problem makeProblem(uint64_t seed) {
  SplitMix64 rng(seed);
  Problem p;
  std::vector<unsigned> shape = {5, 4, 3};
  p.exact.inputBits = 4;
  for (size_t l = 0; l + 1 < shape.size(); ++l) {
    IntLayer layer;
    layer.numInputs = shape[l];
    layer.numOutputs = shape[l + 1];
    for (unsigned i = 0; i < shape[l] * shape[l + 1]; ++i)
      layer.weights.push_back(int32_t(rng.range(-127, 127)));
    for (unsigned o = 0; o < shape[l + 1]; ++o)
      layer.biases.push_back(rng.range(-500, 500));
    layer.pruneBits.assign(shape[l + 1], 0);
    layer.actShift = 4;
    layer.actBits = 8;
    p.exact.layers.push_back(layer);
  }
  auto sample = [&](unsigned rows) {
    QuantizedData d;
    d.numFeatures = 5;
    for (unsigned r = 0; r < rows; ++r) {
      for (int f = 0; f < 5; ++f)
        d.codes.push_back(uint8_t(rng.range(0, 15)));
      d.labels.push_back(predictInt(p.exact, d.row(r)));
    }
    return EvalSet::build(d, 3);
  };
  p.train = sample(300);
  p.test = sample(100);
  return p;
}

SearchOptions smallOptions(uint64_t seed, unsigned threads) {
  SearchOptions o;
  o.seed = seed;
  o.threads = threads;
  o.population = 16;
  o.generations = 12;
  o.greedySteps = 30;
  o.maxLoss = 0.05;
  o.lossBounds = {0.0, 0.01, 0.05};
  return o;
}

void expectSameFront(const SearchResult &a, const SearchResult &b) {
  ASSERT_EQ(a.front.size(), b.front.size());
  for (size_t i = 0; i < a.front.size(); ++i) {
    EXPECT_EQ(a.front[i].area, b.front[i].area);
    EXPECT_EQ(a.front[i].trainCorrect, b.front[i].trainCorrect);
    for (size_t l = 0; l < a.front[i].model.layers.size(); ++l) {
      const IntLayer &x = a.front[i].model.layers[l];
      const IntLayer &y = b.front[i].model.layers[l];
      EXPECT_EQ(x.weights, y.weights);
      EXPECT_EQ(x.biases, y.biases);
      EXPECT_EQ(x.pruneBits, y.pruneBits);
      EXPECT_EQ(x.actShift, y.actShift);
      EXPECT_EQ(x.actBits, y.actBits);
    }
  }
  EXPECT_EQ(a.evaluations, b.evaluations);
}

TEST(Search, SameSeedSameFrontAnyThreadCount) {
  Problem p = makeProblem(21);
  GateCosts g = GateCosts::egfet();
  SearchResult one =
      searchApproximations(p.exact, p.train, &p.test, g, smallOptions(5, 1));
  SearchResult again =
      searchApproximations(p.exact, p.train, &p.test, g, smallOptions(5, 1));
  SearchResult two =
      searchApproximations(p.exact, p.train, &p.test, g, smallOptions(5, 2));
  SearchResult three =
      searchApproximations(p.exact, p.train, &p.test, g, smallOptions(5, 3));
  ASSERT_GT(one.front.size(), 1u);
  expectSameFront(one, again);
  expectSameFront(one, two);
  expectSameFront(one, three);
}

TEST(Search, FrontIsFeasibleNonDominatedAndChoicesAreMinimal) {
  Problem p = makeProblem(33);
  GateCosts g = GateCosts::egfet();
  std::vector<unsigned> steps;
  SearchOptions opts = smallOptions(2, 2);
  opts.progress = [&](const SearchProgress &s) { steps.push_back(s.step); };
  SearchResult r = searchApproximations(p.exact, p.train, &p.test, g, opts);
  EXPECT_FALSE(steps.empty());
  unsigned total = p.train.totalRows;
  EXPECT_EQ(r.exact.trainCorrect, total); // labels come from the exact model
  unsigned minCorrect = total - unsigned(0.05 * total + 1e-9);
  Evaluator eval(p.train);
  for (size_t i = 0; i < r.front.size(); ++i) {
    const DesignPoint &d = r.front[i];
    EXPECT_GE(d.trainCorrect, minCorrect);
    EXPECT_EQ(eval.countCorrect(d.model), d.trainCorrect);
    EXPECT_DOUBLE_EQ(estimateAreaTotal(d.model, g), d.area);
    if (i > 0) {
      EXPECT_GT(d.area, r.front[i - 1].area);
      EXPECT_GT(d.trainCorrect, r.front[i - 1].trainCorrect);
    }
  }
  EXPECT_LT(r.front.front().area, r.exact.area);
  ASSERT_EQ(r.chosen.size(), 3u);
  for (const ChosenDesign &c : r.chosen) {
    ASSERT_TRUE(c.index.has_value());
    unsigned need = total - unsigned(c.maxLoss * total + 1e-9);
    EXPECT_GE(r.front[*c.index].trainCorrect, need);
    for (size_t i = 0; i < *c.index; ++i)
      EXPECT_LT(r.front[i].trainCorrect, need);
  }
}

/// x0 >= x1 -> class 0, else class 1, over all 256 input pairs.
EvalSet comparisonData() {
  QuantizedData d;
  d.numFeatures = 2;
  for (unsigned a = 0; a < 16; ++a)
    for (unsigned b = 0; b < 16; ++b) {
      d.codes.push_back(uint8_t(a));
      d.codes.push_back(uint8_t(b));
      d.labels.push_back(a >= b ? 0 : 1);
    }
  return EvalSet::build(d, 2);
}

IntMLP comparator(int32_t w0, int32_t w1, int64_t b) {
  IntMLP m;
  IntLayer l;
  l.numInputs = 2;
  l.numOutputs = 2;
  l.weights = {w0, w1, 0, 0};
  l.biases = {b, 0};
  l.pruneBits = {0, 0};
  m.layers.push_back(l);
  return m;
}

TEST(Search, FindsTheCheapestExactComparator) {
  EvalSet data = comparisonData();
  GateCosts g = GateCosts::egfet();
  // Exhaustive oracle over small weights and biases of neuron 0.
  double best = std::numeric_limits<double>::infinity();
  for (int32_t w0 = -8; w0 <= 8; ++w0)
    for (int32_t w1 = -8; w1 <= 8; ++w1)
      for (int64_t b = -4; b <= 4; ++b) {
        IntMLP m = comparator(w0, w1, b);
        unsigned correct = 0;
        for (unsigned x = 0; x < 16; ++x)
          for (unsigned y = 0; y < 16; ++y) {
            uint8_t row[2] = {uint8_t(x), uint8_t(y)};
            correct += predictInt(m, row) == (x >= y ? 0u : 1u);
          }
        if (correct == 256)
          best = std::min(best, estimateAreaTotal(m, g));
      }
  ASSERT_DOUBLE_EQ(best, estimateAreaTotal(comparator(1, -1, 0), g));
  // The exact design uses 7 = 8 - 1, costlier than +-1.
  IntMLP exact = comparator(7, -7, 0);
  SearchOptions opts;
  opts.seed = 3;
  opts.maxLoss = 0.0;
  opts.lossBounds = {0.0};
  opts.population = 24;
  opts.generations = 60;
  SearchResult r = searchApproximations(exact, data, nullptr, g, opts);
  ASSERT_TRUE(r.chosen[0].index.has_value());
  const DesignPoint &d = r.front[*r.chosen[0].index];
  EXPECT_EQ(d.trainCorrect, 256u);
  EXPECT_LT(d.area, r.exact.area);
  EXPECT_LE(d.area, best) << describeChanges(exact, d.model) << " w "
                          << d.model.layers[0].weights[0] << " "
                          << d.model.layers[0].weights[1] << " b "
                          << d.model.layers[0].biases[0];
}

TEST(Search, DisabledTechniquesLeaveTheirKnobsAlone) {
  Problem p = makeProblem(8);
  SearchOptions opts = smallOptions(1, 1);
  opts.pruning = false;
  opts.activations = false;
  SearchResult r =
      searchApproximations(p.exact, p.train, nullptr, GateCosts::egfet(), opts);
  for (const DesignPoint &d : r.front)
    for (size_t l = 0; l < d.model.layers.size(); ++l) {
      for (uint8_t k : d.model.layers[l].pruneBits)
        EXPECT_EQ(k, 0u);
      EXPECT_EQ(d.model.layers[l].actBits, p.exact.layers[l].actBits);
      // Halving a layer's weights (a coefficient move) shifts one bit less.
      EXPECT_LE(d.model.layers[l].actShift, p.exact.layers[l].actShift);
    }
}

TEST(Search, DescribeChanges) {
  IntMLP a = comparator(7, -7, 0), b = comparator(8, -7, 0);
  b.layers[0].pruneBits[0] = 2;
  EXPECT_EQ(describeChanges(a, b),
            "weights changed 1/4, zero 2, CSD digits 3 (exact 4); "
            "prune [2,0]; act ");
}

} // namespace

//===- DecomposeTest.cpp - Fan-in legalization tests ------------*- C++ -*-===//
//
// Every legalized network is compared with the wide gate it replaces on ALL
// input vectors (n <= 16), for constant, OR/AND-like and majority-like
// thresholds, several weight-sign patterns, and cell libraries with K = 2..6
// and per-pin weight limits 1 and 2.  The oracle evaluates the original gate
// by its definition; the legalized netlist is evaluated by a 64-lane
// bit-parallel evaluator written here (sum of minterms of each gate), which
// is independent of the library's own evaluator.  Further exhaustive tests
// cover groups of literals with composite weights (counted in binary first)
// and the carry-chain comparator called directly.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Legalize.h"

#include "gtest/gtest.h"

#include <random>

using namespace axon::threshold;

namespace {

/// Truth of [sum w x >= T] for every vector of n inputs, 64 per word.
std::vector<uint64_t> oracleWords(const std::vector<int64_t> &w, int64_t t) {
  unsigned n = w.size();
  std::vector<uint64_t> words(((uint64_t(1) << n) + 63) / 64, 0);
  for (uint64_t v = 0, e = uint64_t(1) << n; v != e; ++v) {
    int64_t sum = 0;
    for (unsigned i = 0; i != n; ++i)
      if ((v >> i) & 1)
        sum += w[i];
    if (sum >= t)
      words[v / 64] |= uint64_t(1) << (v % 64);
  }
  return words;
}

/// Evaluates output 0 of `net` on every vector, 64 vectors per word: lane l
/// of word j is vector 64 j + l.  Each gate is expanded into the minterms of
/// its pins (fan-in is small after legalization).
std::vector<uint64_t> laneWords(const Netlist &net) {
  unsigned n = net.numInputs();
  uint64_t vectors = uint64_t(1) << n;
  std::vector<uint64_t> words((vectors + 63) / 64, 0);
  std::vector<uint64_t> value(net.numSignals());
  static const uint64_t lowMasks[6] = {
      0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull, 0xF0F0F0F0F0F0F0F0ull,
      0xFF00FF00FF00FF00ull, 0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull};
  for (uint64_t j = 0; j != words.size(); ++j) {
    for (unsigned i = 0; i != n; ++i)
      value[i] = i < 6 ? lowMasks[i] : (((j * 64) >> i) & 1 ? ~0ull : 0);
    for (unsigned g = 0; g != net.gates.size(); ++g) {
      const Gate &gate = net.gates[g];
      unsigned p = gate.fanIn();
      EXPECT_LE(p, 16u);
      uint64_t out = 0;
      for (uint32_t m = 0; m != (1u << p); ++m) {
        int64_t sum = 0;
        for (unsigned k = 0; k != p; ++k)
          if ((m >> k) & 1)
            sum += gate.weights[k];
        if (sum < gate.threshold)
          continue;
        uint64_t term = ~0ull;
        for (unsigned k = 0; k != p; ++k)
          term &= (m >> k) & 1 ? value[gate.inputs[k]] : ~value[gate.inputs[k]];
        out |= term;
      }
      value[net.gateSignal(g)] = out;
    }
    words[j] = value[net.outputs[0].signal];
  }
  if (vectors < 64)
    words[0] &= (uint64_t(1) << vectors) - 1;
  return words;
}

Netlist singleGate(const std::vector<int64_t> &w, int64_t t) {
  Netlist net("g");
  Gate gate;
  for (unsigned i = 0; i != w.size(); ++i) {
    net.addInput("x" + std::to_string(i));
    gate.inputs.push_back(i);
    gate.weights.push_back(w[i]);
  }
  gate.threshold = t;
  net.addOutput("y", net.addGate(gate));
  return net;
}

double area(const Netlist &net, const CellLibrary &lib) {
  double a = 0;
  for (const Gate &g : net.gates)
    if (!g.isConstant())
      a += lib.cellArea(g.fanIn());
  return a;
}

/// Weight patterns for n inputs: all +1, alternating signs, random +-1/0,
/// and random signed weights up to 3.
std::vector<std::vector<int64_t>> patterns(unsigned n, std::mt19937 &rng) {
  std::vector<std::vector<int64_t>> result(4, std::vector<int64_t>(n));
  std::uniform_int_distribution<int> ternary(-1, 1), small(-3, 3);
  for (unsigned i = 0; i != n; ++i) {
    result[0][i] = 1;
    result[1][i] = i % 2 ? -1 : 1;
    result[2][i] = ternary(rng);
    int w = small(rng);
    result[3][i] = w == 0 ? 2 : w;
  }
  return result;
}

struct LibCase {
  unsigned k;
  int64_t w;
};

} // namespace

TEST(Decompose, ExhaustiveEquivalenceUpToSixteenInputs) {
  std::mt19937 rng(20240607);
  const LibCase libs[] = {{2, 1}, {3, 1}, {4, 1}, {6, 1}, {3, 2}};
  unsigned checked = 0, thermometerRuns = 0;
  for (unsigned n = 1; n <= 16; ++n) {
    for (const std::vector<int64_t> &w : patterns(n, rng)) {
      int64_t lo = 0, hi = 0;
      for (int64_t x : w)
        (x < 0 ? lo : hi) += x;
      // Constant 1, OR-like, majority-like, AND-like, constant 0, and one
      // below the minimum.
      for (int64_t t : {lo, lo + 1, (lo + hi + 1) / 2, hi, hi + 1, lo - 1}) {
        std::vector<uint64_t> expected = oracleWords(w, t);
        Netlist wide = singleGate(w, t);
        for (const LibCase &lc : libs) {
          CellLibrary lib;
          lib.maxFanIn = lc.k;
          lib.maxWeight = lc.w;
          // Forced methods on the larger inputs only for some libraries, to
          // keep the suite fast; Auto runs everywhere.
          bool all = n <= 12 || lc.k == 3;
          std::optional<double> autoArea;
          for (unsigned mode = 0; mode != 4; ++mode) {
            // Modes: Auto, AdderTree, Thermometer, Auto ranking depth first.
            DecomposeMethod m =
                mode == 3 ? DecomposeMethod::Auto : DecomposeMethod(mode);
            if (mode != 0 && !all)
              continue;
            LegalizeOptions options;
            options.method = m;
            options.minimizeDepth = mode == 3;
            options.thermometerGateBudget = 4000;
            LegalizeStats stats;
            llvm::Expected<Netlist> legal =
                legalize(wide, lib, options, &stats);
            ASSERT_TRUE(bool(legal))
                << llvm::toString(legal.takeError()) << " n=" << n << " T=" << t
                << " K=" << lc.k << " W=" << lc.w << " method=" << int(m)
                << " w=" << ::testing::PrintToString(w);
            for (const Gate &g : legal->gates) {
              ASSERT_LE(g.fanIn(), lc.k);
              for (int64_t x : g.weights)
                ASSERT_LE(std::abs(x), lc.w);
            }
            ASSERT_EQ(laneWords(*legal), expected)
                << "n=" << n << " T=" << t << " K=" << lc.k << " W=" << lc.w
                << " mode=" << mode;
            ++checked;
            double a = area(*legal, lib);
            if (mode == 0) {
              autoArea = a;
            } else if (mode != 3 && stats.fallbacks == 0) {
              EXPECT_LE(*autoArea, a) << "Auto must pick the cheaper method";
            }
            thermometerRuns +=
                m == DecomposeMethod::Thermometer && stats.thermometer > 0;
          }
        }
      }
    }
  }
  EXPECT_GT(checked, 1500u);
  EXPECT_GT(thermometerRuns, 300u);
}

TEST(Decompose, WideOrIsAHuffmanTreeOfCells) {
  // OR of 8 inputs with 4-input cells: ceil((8 - 1) / (4 - 1)) = 3 cells in
  // two levels, whatever method wins.
  CellLibrary lib;
  lib.maxFanIn = 4;
  llvm::Expected<Netlist> legal =
      legalize(singleGate(std::vector<int64_t>(8, 1), 1), lib);
  ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
  EXPECT_EQ(legal->gates.size(), 3u);
  EXPECT_EQ(legal->depth(), 2u);
  // The same for AND (threshold 8).
  legal = legalize(singleGate(std::vector<int64_t>(8, 1), 8), lib);
  ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
  EXPECT_EQ(legal->gates.size(), 3u);
  EXPECT_EQ(legal->depth(), 2u);
}

TEST(Decompose, AtLeastTwoOfFourWithThreeInputCells) {
  // [x0+x1+x2+x3 >= 2] = [OR3(x0..x2) + MAJ3(x0..x2) + x3 >= 2]: three
  // cells, two levels (hand derivation in docs/targets/threshold.md).
  CellLibrary lib;
  lib.maxFanIn = 3;
  llvm::Expected<Netlist> legal = legalize(singleGate({1, 1, 1, 1}, 2), lib);
  ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
  EXPECT_EQ(legal->gates.size(), 3u);
  EXPECT_EQ(legal->depth(), 2u);
}

TEST(Decompose, GatesThatFitAreKeptAsOneCell) {
  CellLibrary lib;
  lib.maxFanIn = 3;
  lib.maxWeight = 1; // +-1 cells: a weight-2 input takes two pins
  // x0 - x1 + x2 >= 1 has three pins.
  llvm::Expected<Netlist> legal = legalize(singleGate({1, -1, 1}, 1), lib);
  ASSERT_TRUE(bool(legal));
  ASSERT_EQ(legal->gates.size(), 1u);
  EXPECT_EQ(legal->gates[0].fanIn(), 3u);
  // 3 x0 + x1 >= 2 would need 4 one-unit pins, but x0 alone already
  // reaches the threshold, so its weight clips to 2: one 3-pin cell.
  legal = legalize(singleGate({3, 1}, 2), lib);
  ASSERT_TRUE(bool(legal));
  ASSERT_EQ(legal->gates.size(), 1u);
  EXPECT_EQ(legal->gates[0].fanIn(), 3u);
  EXPECT_EQ(legal->evaluate({1, 0}), std::vector<uint8_t>{1});
  EXPECT_EQ(legal->evaluate({0, 1}), std::vector<uint8_t>{0});
}

TEST(Decompose, ComplementedOutputIsOneInverter) {
  // [-x0 - x1 >= 0] = NOR(x0, x1) fits; [-x0 >= 0] is an inverter.
  CellLibrary lib;
  lib.maxFanIn = 2;
  llvm::Expected<Netlist> legal = legalize(singleGate({-1}, 0), lib);
  ASSERT_TRUE(bool(legal));
  ASSERT_EQ(legal->gates.size(), 1u);
  EXPECT_EQ(legal->evaluate({0}), std::vector<uint8_t>{1});
  EXPECT_EQ(legal->evaluate({1}), std::vector<uint8_t>{0});
}

TEST(Decompose, NetworksShareIdenticalSubtrees) {
  // Two identical wide neurons over the same inputs cost one network.
  Netlist net("two");
  Gate gate;
  for (unsigned i = 0; i != 9; ++i) {
    net.addInput("x" + std::to_string(i));
    gate.inputs.push_back(i);
    gate.weights.push_back(i % 3 ? 1 : -1);
  }
  gate.threshold = 2;
  net.addOutput("a", net.addGate(gate));
  // The complement of the first neuron: shared, plus at most one inverter.
  Gate complement = gate;
  for (int64_t &w : complement.weights)
    w = -w;
  complement.threshold = 1 - gate.threshold;
  net.addOutput("b", net.addGate(complement));
  CellLibrary lib;
  lib.maxFanIn = 3;
  llvm::Expected<Netlist> one = legalize(
      singleGate(std::vector<int64_t>(gate.weights.begin(), gate.weights.end()),
                 2),
      lib);
  llvm::Expected<Netlist> two = legalize(net, lib);
  ASSERT_TRUE(one && two);
  EXPECT_LE(two->gates.size(), one->gates.size() + 1);
  NetlistEvaluator eval(*two);
  for (uint64_t v = 0; v != 512; ++v) {
    uint64_t out = eval.evaluatePattern(v);
    EXPECT_EQ(out & 1, ~(out >> 1) & 1);
  }
}

TEST(Decompose, RepeatedCompositeWeightsAreCountedExactly) {
  // Readout comparators have few distinct weights, e.g. 35 and 3 (p - q and
  // p + q), each on many literals: the adder tree counts each such group in
  // binary first.  Check the result on every input vector, for groups of
  // composite weights (two or more bits set), mixed with power-of-two and
  // negative weights, at thresholds across the whole range.
  std::mt19937 rng(7);
  const std::vector<std::vector<int64_t>> groupWeights = {
      {35, 3}, {3, 5}, {7, -7, 1}, {6, 12, 2}, {-11, 3, 4}, {21, -9}};
  const LibCase libs[] = {{3, 1}, {4, 1}, {4, 2}};
  unsigned checked = 0;
  for (const std::vector<int64_t> &kinds : groupWeights) {
    for (unsigned n : {6u, 10u, 14u}) {
      std::vector<int64_t> w(n);
      for (unsigned i = 0; i != n; ++i)
        w[i] = kinds[rng() % kinds.size()];
      int64_t lo = 0, hi = 0;
      for (int64_t x : w)
        (x < 0 ? lo : hi) += x;
      for (int64_t t : {lo + 1, lo + (hi - lo) / 3, (lo + hi + 1) / 2,
                        hi - (hi - lo) / 4, hi}) {
        std::vector<uint64_t> expected = oracleWords(w, t);
        Netlist wide = singleGate(w, t);
        for (const LibCase &lc : libs) {
          CellLibrary lib;
          lib.maxFanIn = lc.k;
          lib.maxWeight = lc.w;
          for (DecomposeMethod m :
               {DecomposeMethod::Auto, DecomposeMethod::AdderTree}) {
            LegalizeOptions options;
            options.method = m;
            llvm::Expected<Netlist> legal = legalize(wide, lib, options);
            ASSERT_TRUE(bool(legal)) << llvm::toString(legal.takeError());
            ASSERT_EQ(laneWords(*legal), expected)
                << "n=" << n << " T=" << t << " K=" << lc.k << " W=" << lc.w
                << " w=" << ::testing::PrintToString(w);
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 6u * 3 * 5 * 3 * 2);
}

TEST(Decompose, CarryChainComparatorIsExact) {
  // The carry-chain variant of the adder tree, called directly (Auto only
  // keeps it when it is cheaper): every input vector, positive weights 1..5
  // on literals of both polarities, every threshold from 0 to the total + 1.
  std::mt19937 rng(99);
  unsigned checked = 0;
  for (unsigned n = 2; n <= 12; ++n) {
    for (int64_t maxW : {1, 2, 5}) {
      PositiveGate pos;
      std::vector<int64_t> w(n);
      int64_t shift = 0;
      for (unsigned i = 0; i != n; ++i) {
        bool negated = rng() % 3 == 0;
        int64_t a = 1 + int64_t(rng() % maxW);
        pos.lits.push_back(Lit::of(i, negated));
        pos.weights.push_back(a);
        pos.total += a;
        // a (1 - x) = a - a x for the oracle over x.
        w[i] = negated ? -a : a;
        shift += negated ? a : 0;
      }
      for (int64_t t = 0; t <= pos.total + 1; ++t) {
        pos.threshold = t;
        for (int64_t maxWeight : {1, 2}) {
          CellLibrary lib;
          lib.maxWeight = maxWeight;
          Netlist net("chain");
          for (unsigned i = 0; i != n; ++i)
            net.addInput("x" + std::to_string(i));
          GateBuilder b(net, lib);
          Lit out = buildAdderTree(b, pos, false, /*carryChain=*/true);
          net.addOutput("y", b.materialize(out));
          ASSERT_FALSE(bool(checkLegal(net, lib)));
          ASSERT_EQ(laneWords(net), oracleWords(w, t - shift))
              << "n=" << n << " T=" << t << " W=" << maxWeight
              << " w=" << ::testing::PrintToString(w);
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 500u);
}

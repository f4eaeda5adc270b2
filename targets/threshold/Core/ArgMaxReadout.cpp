//===- ArgMaxReadout.cpp - ArgMax readout as threshold gates ----*- C++ -*-===//
//
// Pairwise comparators found by exact integer search, then the winner and
// class-index gates (see ArgMaxReadout.h).
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/ArgMaxReadout.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>

using namespace axon::threshold;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

double axon::threshold::readoutScore(int64_t a, const NeuronParams &params) {
  double z = params.alpha * double(a) + params.bias;
  if (!params.batchNorm)
    return z;
  const BatchNormParams &bn = *params.batchNorm;
  double mul = bn.gamma / std::sqrt(bn.var + bn.eps);
  return (z - bn.mean) * mul + bn.beta;
}

unsigned axon::threshold::classIndexBits(unsigned numClasses) {
  unsigned bits = 1;
  while ((uint64_t(1) << bits) < numClasses)
    ++bits;
  return bits;
}

namespace {
/// The labelled grid of one pair: label[iu * nv + iv] = [y_j(u) >= y_k(v)]
/// with u = -rangeJ + 2 iu, v = -rangeK + 2 iv.
struct PairGrid {
  int64_t rangeJ, rangeK;
  size_t nu, nv;
  std::vector<uint8_t> label;
  int64_t u(size_t i) const { return -rangeJ + 2 * int64_t(i); }
  int64_t v(size_t i) const { return -rangeK + 2 * int64_t(i); }

  /// The threshold that makes [p u + q v >= T] equal the labels, if any.
  std::optional<int64_t> separate(int64_t p, int64_t q) const {
    int64_t minPos = INT64_MAX, maxNeg = INT64_MIN;
    for (size_t iu = 0; iu != nu; ++iu)
      for (size_t iv = 0; iv != nv; ++iv) {
        int64_t s = p * u(iu) + q * v(iv);
        if (label[iu * nv + iv])
          minPos = std::min(minPos, s);
        else
          maxNeg = std::max(maxNeg, s);
        if (maxNeg >= minPos)
          return std::nullopt;
      }
    return minPos;
  }
};
} // namespace

/// Slope of the score in a (0 for a constant score).
static double slopeOf(const NeuronParams &params, int64_t range) {
  if (range == 0)
    return 0;
  return (readoutScore(range, params) - readoutScore(-range, params)) /
         double(2 * range);
}

llvm::Expected<PairComparator>
axon::threshold::findPairComparator(const NeuronParams &j, int64_t rangeJ,
                                    const NeuronParams &k, int64_t rangeK) {
  if (rangeJ < 0 || rangeK < 0 || rangeJ > 4096 || rangeK > 4096)
    return makeError("ArgMax scores must read at most 4096 inputs");
  PairGrid grid{rangeJ, rangeK, size_t(rangeJ) + 1, size_t(rangeK) + 1, {}};
  std::vector<double> yk(grid.nv);
  for (size_t iv = 0; iv != grid.nv; ++iv)
    yk[iv] = readoutScore(grid.v(iv), k);
  size_t positives = 0;
  grid.label.resize(grid.nu * grid.nv);
  for (size_t iu = 0; iu != grid.nu; ++iu) {
    double yj = readoutScore(grid.u(iu), j);
    for (size_t iv = 0; iv != grid.nv; ++iv)
      positives += grid.label[iu * grid.nv + iv] = yj >= yk[iv];
  }
  PairComparator result;
  if (positives == 0 || positives == grid.label.size()) {
    result.isConstant = true;
    result.constantValue = positives != 0;
    return result;
  }
  // The real boundary has normal (mj, -mk); try the integer normals next to
  // it with growing denominator.
  double mj = slopeOf(j, rangeJ), mk = slopeOf(k, rangeK);
  if (!std::isfinite(mj) || !std::isfinite(mk))
    return makeError("ArgMax scores are not finite");
  bool jMajor = std::fabs(mj) >= std::fabs(mk);
  double major = jMajor ? mj : -mk, minor = jMajor ? -mk : mj;
  if (major == 0)
    return makeError("ArgMax scores do not depend on the pre-activations");
  int64_t limit = 2 * (std::max(rangeJ, rangeK) + 2);
  for (int64_t d = 1; d <= limit; ++d) {
    int64_t a = major > 0 ? d : -d;
    double b0 = minor / std::fabs(major) * double(d);
    for (double b : {std::floor(b0), std::ceil(b0)}) {
      int64_t p = jMajor ? a : int64_t(b), q = jMajor ? int64_t(b) : a;
      if (std::optional<int64_t> t = grid.separate(p, q)) {
        result.p = p;
        result.q = q;
        result.threshold = *t;
        return result;
      }
      if (b0 == std::floor(b0))
        break;
    }
  }
  return makeError("no threshold gate reproduces the ArgMax comparison "
                   "exactly (rounding ties in the scores?)");
}

/// sum_i |w_i|: the pre-activation of a +-1 input row lies in [-S, S].
static int64_t rangeOfRow(llvm::ArrayRef<int64_t> row) {
  int64_t s = 0;
  for (int64_t w : row)
    s += w < 0 ? -w : w;
  return s;
}

namespace {
/// A signal or its complement while building readout gates.
struct NLit {
  SignalId signal;
  bool negated = false;
};

/// Builds per-class binary counts and the comparators over them (the
/// shared-count style of ArgMaxReadout.h).
class CountReadout {
public:
  CountReadout(Netlist &net, int32_t tag) : net(net), tag(tag) {}

  /// [sum w * lit >= threshold]; a complemented literal folds into the
  /// weight and the threshold (w (1 - x) = w - w x).
  SignalId gate(llvm::ArrayRef<std::pair<NLit, int64_t>> terms,
                int64_t threshold) {
    Gate g;
    g.tag = tag;
    for (auto [lit, w] : terms) {
      g.inputs.push_back(lit.signal);
      g.weights.push_back(lit.negated ? -w : w);
      if (lit.negated)
        threshold -= w;
    }
    g.threshold = threshold;
    return net.addGate(std::move(g));
  }

  /// Binary count of the literals, least significant bit first, from
  /// full adders (carry = MAJ3, sum in two +-1 gates of three pins) and
  /// half adders, combining the oldest bits of a column first.
  std::vector<NLit> count(std::vector<NLit> lits) {
    std::vector<NLit> bits;
    std::deque<NLit> column(lits.begin(), lits.end());
    while (!column.empty()) {
      std::deque<NLit> next;
      while (column.size() >= 2) {
        NLit x = column.front();
        column.pop_front();
        NLit y = column.front();
        column.pop_front();
        if (!column.empty()) {
          NLit z = column.front();
          column.pop_front();
          // carry = MAJ3 and sum = [x + y + z - 2 carry >= 1]; legalization
          // splits the sum for cells without weight-2 pins.
          SignalId carry = gate({{x, 1}, {y, 1}, {z, 1}}, 2);
          column.push_back({gate({{x, 1}, {y, 1}, {z, 1}, {{carry}, -2}}, 1)});
          next.push_back({carry});
        } else {
          SignalId both = gate({{x, 1}, {y, 1}}, 2);
          column.push_back({gate({{x, 1}, {y, 1}, {{both}, -2}}, 1)});
          next.push_back({both});
        }
      }
      bits.push_back(column.front());
      column = std::move(next);
    }
    return bits;
  }

  /// [P >= t] for the count bits of P, one gate, memoised per class.
  SignalId atLeast(unsigned cls, llvm::ArrayRef<NLit> bits, int64_t t) {
    auto [it, inserted] = steps.try_emplace({cls, t}, 0);
    if (inserted) {
      llvm::SmallVector<std::pair<NLit, int64_t>, 8> terms;
      for (unsigned b = 0, e = bits.size(); b != e; ++b)
        terms.push_back({bits[b], int64_t(1) << b});
      it->second = gate(terms, t);
    }
    return it->second;
  }

private:
  Netlist &net;
  int32_t tag;
  std::map<std::pair<unsigned, int64_t>, SignalId> steps;
};

/// [sigma u - tau v - sum_t steps[t] [v >= t] >= delta0] over u in [0, nu],
/// v in [0, nv], equal to a labelled grid.
struct CountComparator {
  int64_t sigma = 1, tau = 0, delta0 = 0;
  std::vector<std::pair<int64_t, int64_t>> steps; // (t, weight)
  bool isConstant = false, constantValue = false;
};

/// Fits a CountComparator to label(u, v) = [y_j(u) >= y_k(v)], or fails
/// when a row of the grid is not a half-line in u (never for monotone
/// scores, but the fit is checked on every grid point).
std::optional<CountComparator>
fitCountComparator(const std::vector<double> &yj,
                   const std::vector<double> &yk) {
  int64_t nu = int64_t(yj.size()) - 1, nv = int64_t(yk.size()) - 1;
  CountComparator cc;
  cc.sigma = yj[nu] >= yj[0] ? 1 : -1;
  size_t positives = 0;
  for (double a : yj)
    for (double b : yk)
      positives += a >= b;
  if (positives == 0 || positives == yj.size() * yk.size()) {
    cc.isConstant = true;
    cc.constantValue = positives != 0;
    return cc;
  }
  // U = sigma u ranges over [uLo, uHi]; row v is [U >= f(v)], where f(v)
  // may be anything <= uLo (all true) or > uHi (all false).
  int64_t uLo = cc.sigma > 0 ? 0 : -nu, uHi = cc.sigma > 0 ? nu : 0;
  constexpr int64_t kInf = int64_t(1) << 40;
  std::vector<std::pair<int64_t, int64_t>> f(nv + 1);
  for (int64_t v = 0; v <= nv; ++v) {
    int64_t lo = kInf;
    for (int64_t u = 0; u <= nu; ++u)
      if (yj[u] >= yk[v])
        lo = std::min(lo, cc.sigma * u);
    if (lo == kInf)
      f[v] = {uHi + 1, kInf};
    else if (lo == uLo)
      f[v] = {-kInf, uLo};
    else
      f[v] = {lo, lo};
  }
  // delta(v) = f(v) - tau v within its interval, of least total variation:
  // start inside the longest prefix intersection, then move lazily.
  std::optional<CountComparator> best;
  int64_t bestCost = 0;
  for (int64_t tau : {int64_t(0), int64_t(1), int64_t(-1)}) {
    auto interval = [&](int64_t v) {
      return std::pair(f[v].first - tau * v, f[v].second - tau * v);
    };
    int64_t lo = -kInf * 2, hi = kInf * 2;
    for (int64_t v = 0; v <= nv; ++v) {
      auto [l, h] = interval(v);
      if (std::max(lo, l) > std::min(hi, h))
        break;
      lo = std::max(lo, l);
      hi = std::min(hi, h);
    }
    int64_t cur = lo > -kInf ? lo : hi;
    CountComparator cand = cc;
    cand.tau = tau;
    int64_t cost = 0;
    for (int64_t v = 0; v <= nv; ++v) {
      auto [l, h] = interval(v);
      int64_t next = std::clamp(cur, l, h);
      if (v == 0)
        cand.delta0 = next;
      else if (next != cur)
        cand.steps.push_back({v, next - cur});
      cost += next > cur ? next - cur : cur - next;
      cur = next;
    }
    cost += tau != 0;
    if (!best || cost < bestCost) {
      best = cand;
      bestCost = cost;
    }
  }
  // Check every grid point.
  for (int64_t v = 0; v <= nv; ++v) {
    int64_t rhs = best->delta0;
    for (auto [t, w] : best->steps)
      if (v >= t)
        rhs += w;
    for (int64_t u = 0; u <= nu; ++u)
      if ((best->sigma * u - best->tau * v >= rhs) != (yj[u] >= yk[v]))
        return std::nullopt;
  }
  return best;
}
} // namespace

/// The shared-count comparators: cmp[j][k] for j < k, or false when some
/// pair cannot be fitted (the caller then uses the pairwise form).
static bool buildCountComparators(Netlist &net, const BinaryLayer &layer,
                                  llvm::ArrayRef<SignalId> inputs, int32_t tag,
                                  std::vector<std::vector<SignalId>> &cmp) {
  unsigned n = layer.numInputs, classes = layer.numOutputs;
  NeuronParams defaults;
  auto params = [&](unsigned c) -> const NeuronParams & {
    return layer.neurons.empty() ? defaults : layer.neurons[c];
  };
  // P_c counts the inputs that agree with the sign of a nonzero weight, so
  // a_c = 2 P_c - N_c; score_c(P) is tabulated over 0..N_c.
  std::vector<std::vector<NLit>> literals(classes);
  std::vector<std::vector<double>> score(classes);
  for (unsigned c = 0; c != classes; ++c) {
    for (unsigned i = 0; i != n; ++i) {
      int64_t w = layer.weights[size_t(c) * n + i];
      if (w < -1 || w > 1)
        return false;
      if (w != 0)
        literals[c].push_back({inputs[i], w < 0});
    }
    int64_t total = literals[c].size();
    for (int64_t p = 0; p <= total; ++p)
      score[c].push_back(readoutScore(2 * p - total, params(c)));
  }
  std::vector<std::vector<CountComparator>> fits(
      classes, std::vector<CountComparator>(classes));
  for (unsigned j = 0; j < classes; ++j)
    for (unsigned k = j + 1; k < classes; ++k) {
      std::optional<CountComparator> cc =
          fitCountComparator(score[j], score[k]);
      if (!cc)
        return false;
      fits[j][k] = *cc;
    }
  CountReadout builder(net, tag);
  std::vector<std::vector<NLit>> bits(classes);
  for (unsigned c = 0; c != classes; ++c)
    bits[c] = builder.count(literals[c]);
  for (unsigned j = 0; j < classes; ++j)
    for (unsigned k = j + 1; k < classes; ++k) {
      const CountComparator &cc = fits[j][k];
      if (cc.isConstant) {
        cmp[j][k] = builder.gate({}, cc.constantValue ? 0 : 1);
        continue;
      }
      llvm::SmallVector<std::pair<NLit, int64_t>, 24> terms;
      for (unsigned b = 0, e = bits[j].size(); b != e; ++b)
        terms.push_back({bits[j][b], cc.sigma << b});
      for (unsigned b = 0, e = bits[k].size(); b != e && cc.tau; ++b)
        terms.push_back({bits[k][b], -(cc.tau << b)});
      for (auto [t, w] : cc.steps)
        terms.push_back({{builder.atLeast(k, bits[k], t)}, -w});
      cmp[j][k] = builder.gate(terms, cc.delta0);
    }
  return true;
}

/// Pairwise comparators [p a_j + q a_k >= T], each one gate over the inputs.
static llvm::Error
buildPairwiseComparators(Netlist &net, const BinaryLayer &layer,
                         llvm::ArrayRef<SignalId> inputs, int32_t tag,
                         std::vector<std::vector<SignalId>> &cmp) {
  unsigned n = layer.numInputs, classes = layer.numOutputs;
  NeuronParams defaults;
  auto params = [&](unsigned c) -> const NeuronParams & {
    return layer.neurons.empty() ? defaults : layer.neurons[c];
  };
  auto row = [&](unsigned c) {
    return llvm::ArrayRef<int64_t>(layer.weights.data() + size_t(c) * n, n);
  };
  for (unsigned j = 0; j < classes; ++j)
    for (unsigned k = j + 1; k < classes; ++k) {
      llvm::Expected<PairComparator> pc = findPairComparator(
          params(j), rangeOfRow(row(j)), params(k), rangeOfRow(row(k)));
      if (!pc)
        return makeError(llvm::formatv("classes {0} and {1}: {2}", j, k,
                                       llvm::toString(pc.takeError())));
      Gate gate;
      gate.tag = tag;
      if (pc->isConstant) {
        gate.threshold = pc->constantValue ? 0 : 1;
      } else {
        // p a_j + q a_k = sum_i (p w_ji + q w_ki) (2 x_i - 1).
        int64_t offset = 0;
        for (unsigned i = 0; i != n; ++i) {
          int64_t c = pc->p * row(j)[i] + pc->q * row(k)[i];
          offset += c;
          if (c != 0) {
            gate.inputs.push_back(inputs[i]);
            gate.weights.push_back(2 * c);
          }
        }
        gate.threshold = pc->threshold + offset;
      }
      cmp[j][k] = net.addGate(std::move(gate));
    }
  return llvm::Error::success();
}

llvm::Expected<std::vector<SignalId>>
axon::threshold::buildArgMaxReadout(Netlist &net, const BinaryLayer &layer,
                                    llvm::ArrayRef<SignalId> inputs,
                                    int32_t tag, ReadoutStyle style) {
  unsigned n = layer.numInputs, classes = layer.numOutputs;
  if (inputs.size() != n || layer.weights.size() != size_t(n) * classes)
    return makeError("the ArgMax layer's shape does not match its inputs");
  // c[j][k] (j < k): the signal of [y_j >= y_k].
  std::vector<std::vector<SignalId>> cmp(classes,
                                         std::vector<SignalId>(classes));
  bool shared =
      style == ReadoutStyle::SharedCounts ||
      (style == ReadoutStyle::Auto && classes >= kSharedCountMinClasses);
  size_t mark = net.gates.size();
  if (shared && !buildCountComparators(net, layer, inputs, tag, cmp)) {
    // Not representable (a weight beyond +-1, or a pair that does not fit):
    // decided before any gate is added; the resize only guards that.
    net.gates.resize(mark);
    shared = false;
  }
  if (!shared)
    if (llvm::Error err =
            buildPairwiseComparators(net, layer, inputs, tag, cmp))
      return std::move(err);
  // win_k = AND_{j<k} !c_jk AND AND_{j>k} c_kj.
  std::vector<SignalId> win(classes);
  for (unsigned k = 0; k < classes; ++k) {
    Gate gate;
    gate.tag = tag + 1;
    int64_t negated = 0;
    for (unsigned j = 0; j < classes; ++j) {
      if (j == k)
        continue;
      bool positive = j > k;
      gate.inputs.push_back(positive ? cmp[k][j] : cmp[j][k]);
      gate.weights.push_back(positive ? 1 : -1);
      negated += !positive;
    }
    gate.threshold = int64_t(gate.inputs.size()) - negated;
    win[k] = net.addGate(std::move(gate));
  }
  std::vector<SignalId> bits;
  for (unsigned b = 0, e = classIndexBits(classes); b != e; ++b) {
    Gate gate;
    gate.tag = tag + 1;
    gate.threshold = 1;
    for (unsigned k = 0; k < classes; ++k)
      if ((k >> b) & 1) {
        gate.inputs.push_back(win[k]);
        gate.weights.push_back(1);
      }
    bits.push_back(net.addGate(std::move(gate)));
  }
  return bits;
}

//===- ArgMaxReadout.cpp - ArgMax readout as threshold gates ----*- C++ -*-===//
//
// Pairwise comparators found by exact integer search, then the winner and
// class-index gates (see ArgMaxReadout.h).
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/ArgMaxReadout.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>

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

llvm::Expected<std::vector<SignalId>>
axon::threshold::buildArgMaxReadout(Netlist &net, const BinaryLayer &layer,
                                    llvm::ArrayRef<SignalId> inputs,
                                    int32_t tag) {
  unsigned n = layer.numInputs, classes = layer.numOutputs;
  if (inputs.size() != n || layer.weights.size() != size_t(n) * classes)
    return makeError("the ArgMax layer's shape does not match its inputs");
  NeuronParams defaults;
  auto params = [&](unsigned c) -> const NeuronParams & {
    return layer.neurons.empty() ? defaults : layer.neurons[c];
  };
  auto row = [&](unsigned c) {
    return llvm::ArrayRef<int64_t>(layer.weights.data() + size_t(c) * n, n);
  };
  // c[j][k] (j < k): the signal of [y_j >= y_k].
  std::vector<std::vector<SignalId>> cmp(classes,
                                         std::vector<SignalId>(classes));
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

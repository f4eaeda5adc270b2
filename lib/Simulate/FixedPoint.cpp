//===- FixedPoint.cpp - Fixed-point number formats --------------*- C++ -*-===//
//
// Out-of-line parts of FixedPoint.h: float -> integer conversions and the
// data-driven choices (weight shift, Loihi exponents and state scale).
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/FixedPoint.h"
#include "Geometry.h"

#include <algorithm>
#include <cmath>

using namespace axon::sim;
using namespace axon::sim::fixed;

int64_t fixed::roundHalfEven(double x) {
  if (std::isnan(x))
    return 0;
  // 2^63 is exactly representable; anything at or beyond saturates.
  if (x >= 9223372036854775808.0)
    return std::numeric_limits<int64_t>::max();
  if (x <= -9223372036854775808.0)
    return std::numeric_limits<int64_t>::min();
  double fl = std::floor(x);
  double frac = x - fl; // exact for doubles
  int64_t r = static_cast<int64_t>(fl);
  if (frac > 0.5 || (frac == 0.5 && (r & 1)))
    ++r;
  return r;
}

std::optional<int64_t> fixed::exactInteger(double x) {
  if (!std::isfinite(x) || std::floor(x) != x || std::fabs(x) >= 9.2e18)
    return std::nullopt;
  return static_cast<int64_t>(x);
}

int32_t fixed::toS1615(double x) {
  return saturate32(roundHalfEven(std::ldexp(x, kAccumFracBits)));
}

int32_t fixed::decayS1615(double dt, double tau) {
  return toS1615(std::exp(-dt / tau));
}

unsigned fixed::chooseWeightShift(double maxSummedInput) {
  for (unsigned s = 0; s < kMaxWeightShift; ++s)
    if (std::ldexp(maxSummedInput, int(kAccumFracBits) - int(s)) <=
        double(kWeightMax))
      return s;
  return kMaxWeightShift;
}

int32_t fixed::quantizeWeight(double w, unsigned shift) {
  int64_t mag =
      roundHalfEven(std::ldexp(std::fabs(w), int(kAccumFracBits) - int(shift)));
  mag = std::min<int64_t>(mag, kWeightMax);
  return static_cast<int32_t>(w < 0 ? -mag : mag);
}

double InputSums::max() const {
  double m = 0;
  for (size_t i = 0; i < pos.size(); ++i)
    m = std::max({m, pos[i], neg[i]});
  return m;
}

void InputSums::add(const InputSums &other) {
  for (size_t i = 0; i < pos.size() && i < other.pos.size(); ++i) {
    pos[i] += other.pos[i];
    neg[i] += other.neg[i];
  }
}

static void addWeight(InputSums &sums, size_t post, double w) {
  (w >= 0 ? sums.pos[post] : sums.neg[post]) += std::fabs(w);
}

InputSums fixed::synapticInputSums(const Node &node) {
  InputSums sums(node.numOutputs());
  if (node.kind == NodeKind::Affine || node.kind == NodeKind::Linear) {
    if (const Tensor *w = node.param("weight")) {
      int64_t nIn = node.numInputs();
      for (size_t k = 0; k < w->size(); ++k)
        addWeight(sums, k / nIn, w->data[k]);
    } else if (node.sparse) {
      for (size_t k = 0; k < node.sparse->numSynapses(); ++k)
        addWeight(sums, node.sparse->post[k], node.sparse->weight[k]);
    }
    return sums;
  }
  auto g = convGeometry(node, node.inputShape);
  if (!g) {
    llvm::consumeError(g.takeError());
    return sums;
  }
  const Tensor *w = node.param("weight");
  int64_t perChannel = w->size() / g->outC;
  int64_t spatial = g->outH * g->outW;
  for (int64_t c = 0; c < g->outC; ++c) {
    InputSums one(1);
    for (int64_t k = 0; k < perChannel; ++k)
      addWeight(one, 0, w->data[c * perChannel + k]);
    for (int64_t p = 0; p < spatial; ++p) {
      sums.pos[c * spatial + p] = one.pos[0];
      sums.neg[c * spatial + p] = one.neg[0];
    }
  }
  return sums;
}

std::vector<int> fixed::spinnakerWeightShifts(const Network &net) {
  size_t n = net.size();
  std::vector<int> shift(n, -1);
  std::vector<InputSums> own(n);
  for (size_t i = 0; i < n; ++i)
    if (isSynaptic(net.node(i).kind))
      own[i] = synapticInputSums(net.node(i));
  // Population shift of every non-synaptic consumer of synaptic nodes.
  for (size_t t = 0; t < n; ++t) {
    const Node &node = net.node(t);
    if (isSynaptic(node.kind))
      continue;
    InputSums total(node.numInputs());
    bool any = false;
    for (NodeId src : node.inputs)
      if (isSynaptic(net.node(src).kind)) {
        total.add(own[src]);
        any = true;
      }
    if (!any)
      continue;
    int s = int(chooseWeightShift(total.max()));
    for (NodeId src : node.inputs)
      if (isSynaptic(net.node(src).kind))
        shift[src] = std::max(shift[src], s);
  }
  for (size_t i = 0; i < n; ++i)
    if (isSynaptic(net.node(i).kind) && shift[i] < 0)
      shift[i] = int(chooseWeightShift(own[i].max()));
  // A shift recorded by snn-quantize (`snn.weight_shift`) wins, so that a
  // quantized network keeps the shifts its weights were rounded with.
  for (size_t i = 0; i < n; ++i)
    if (const Tensor *s = net.node(i).param("snn.weight_shift");
        s && isSynaptic(net.node(i).kind) && s->size() == 1)
      shift[i] = int(std::clamp<double>(s->data[0], 0, kMaxWeightShift));
  return shift;
}

int32_t fixed::loihiDecayConstant(double dt, double tau) {
  int64_t d = roundHalfEven(kLoihiDecayOne * dt / tau);
  return static_cast<int32_t>(std::clamp<int64_t>(d, 0, kLoihiDecayOne));
}

int fixed::loihiStateFracBits(double maxAbs) {
  if (!(maxAbs > 0))
    return 16;
  for (int q = 30; q > 0; --q) {
    double scaled = std::ldexp(maxAbs, q);
    if (scaled <= double(1 << 22) &&
        roundHalfEven(scaled / 64) <= kLoihiMaxThresholdMant)
      return q;
  }
  return 0;
}

int fixed::chooseLoihiWeightExponent(double maxAbs) {
  for (int e = kLoihiMinWeightExp; e < kLoihiMaxWeightExp; ++e)
    if (roundHalfEven(std::ldexp(maxAbs, -(int(kLoihiActivationShift) + e))) <=
        127)
      return e;
  return kLoihiMaxWeightExp;
}

int32_t fixed::loihiWeightMantissa(double w, int exponent) {
  int64_t m =
      roundHalfEven(std::ldexp(w, -(int(kLoihiActivationShift) + exponent)));
  return static_cast<int32_t>(std::clamp<int64_t>(m, -128, 127));
}

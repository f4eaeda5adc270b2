//===- Quantize.cpp - round a network to a number profile -------*- C++ -*-===//
//
// snn-quantize rewrites weights and parameters to the real values a number
// profile represents.  It never rounds by itself: every conversion is a
// function of axon/Simulate/FixedPoint.h, the same one the simulator profile
// applies, so "quantize, then simulate in a float profile" runs exactly the
// weights the fixed-point profile (and the hardware it models) uses.  The
// choices that depend on the whole population (SpiNNaker weight shifts,
// Loihi exponents and state scales, int8 scales) are recorded as `snn.*`
// attributes; the simulator honours `snn.weight_shift`.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/FixedPoint.h"
#include "axon/Simulate/FromSNN.h"
#include "axon/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace axon {
#define GEN_PASS_DEF_SNNQUANTIZE
#include "axon/Transforms/Passes.h.inc"
} // namespace axon

using namespace mlir;
using namespace axon;
using namespace axon::snn;
namespace fixed = axon::sim::fixed;

namespace {

/// Error statistics of one rewritten weight tensor.
struct ErrorReport {
  size_t count = 0, clipped = 0;
  double maxAbs = 0, sumAbs = 0;
  void add(double before, double after, bool clip) {
    double e = std::fabs(after - before);
    ++count;
    maxAbs = std::max(maxAbs, e);
    sumAbs += e;
    clipped += clip;
  }
  void add(const ErrorReport &other) {
    count += other.count;
    clipped += other.clipped;
    maxAbs = std::max(maxAbs, other.maxAbs);
    sumAbs += other.sumAbs;
  }
  double mean() const { return count ? sumAbs / double(count) : 0.0; }
};

/// One rounding of a real parameter: the value the profile holds, or
/// nullopt when it cannot hold it at all.
using Rounding = std::function<std::optional<double>(double)>;

struct SNNQuantizePass : public axon::impl::SNNQuantizeBase<SNNQuantizePass> {
  using SNNQuantizeBase::SNNQuantizeBase;
  void runOnOperation() override;

private:
  LogicalResult quantizeSpinnaker(NetworkOp network);
  LogicalResult quantizeLoihi(NetworkOp network);
  LogicalResult quantizeInt8(NetworkOp network);
  LogicalResult quantizeBinary(NetworkOp network);

  /// Rewrites parameter `name` of `op` element-wise with `round` (f64
  /// elements, so every s16.15 value is exact).  Fails with a diagnostic on
  /// the op when an element cannot be represented.
  LogicalResult roundParameter(Operation *op, StringRef name,
                               const Rounding &round, StringRef what);
  /// Rewrites the `weight` of a synaptic op; `round(w, &clipped)`.
  void roundWeights(Operation *op,
                    const std::function<double(double, bool &)> &round,
                    ErrorReport &report);
  void remark(Operation *op, const ErrorReport &report, StringRef detail);

  ErrorReport total;
};

DenseElementsAttr makeF64(DenseElementsAttr like, ArrayRef<double> values) {
  auto type = RankedTensorType::get(like.getType().getShape(),
                                    Float64Type::get(like.getContext()));
  return DenseElementsAttr::get(type, values);
}

bool isSynapticOp(Operation *op) {
  return isa<AffineOp, LinearOp, Conv1dOp, Conv2dOp>(op);
}

/// Neuron parameters that are values (not time constants) in a profile.
constexpr StringLiteral kValueParams[] = {"r",       "v_leak", "v_threshold",
                                          "v_reset", "w_in",   "beta"};

std::string fmt(double x) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format("%.3g", x);
  return s;
}

} // namespace

LogicalResult SNNQuantizePass::roundParameter(Operation *op, StringRef name,
                                              const Rounding &round,
                                              StringRef what) {
  auto attr = op->getAttrOfType<DenseElementsAttr>(name);
  if (!attr)
    return success();
  SmallVector<double> values = getElementsAsDouble(attr);
  for (double &v : values) {
    std::optional<double> r = round(v);
    if (!r)
      return op->emitError("'")
             << name << "' = " << v << " cannot be represented by the "
             << profile << " profile (" << what << ")";
    v = *r;
  }
  op->setAttr(name, makeF64(attr, values));
  return success();
}

void SNNQuantizePass::roundWeights(
    Operation *op, const std::function<double(double, bool &)> &round,
    ErrorReport &report) {
  auto attr = op->getAttrOfType<DenseElementsAttr>("weight");
  if (!attr)
    return;
  SmallVector<double> values = getElementsAsDouble(attr);
  for (double &w : values) {
    bool clipped = false;
    double q = round(w, clipped);
    report.add(w, q, clipped);
    w = q;
  }
  op->setAttr("weight", makeF64(attr, values));
}

void SNNQuantizePass::remark(Operation *op, const ErrorReport &report,
                             StringRef detail) {
  op->emitRemark() << "quantized " << report.count << " weights to " << profile
                   << " (" << detail << "): max |error| " << fmt(report.maxAbs)
                   << ", mean |error| " << fmt(report.mean()) << ", "
                   << report.clipped << " clipped";
  total.add(report);
}

//===----------------------------------------------------------------------===//
// spinnaker
//===----------------------------------------------------------------------===//

/// The s16.15 value of x, or nullopt when toS1615 would saturate.
static std::optional<double> s1615(double x) {
  if (!std::isfinite(x) ||
      std::fabs(std::ldexp(x, fixed::kAccumFracBits)) > 2147483647.0)
    return std::nullopt;
  return fixed::fromS1615(fixed::toS1615(x));
}

LogicalResult SNNQuantizePass::quantizeSpinnaker(NetworkOp network) {
  llvm::DenseMap<Operation *, sim::NodeId> ids;
  FailureOr<sim::Network> net = buildSimNetwork(network, &ids);
  if (failed(net))
    return failure();
  std::vector<int> shifts = fixed::spinnakerWeightShifts(*net);
  double dt = 0;
  if (DiscretizationAttr d = network.getDiscretizationAttr())
    dt = d.getDt().convertToDouble();
  OpBuilder builder(network.getContext());
  const char *range = "s16.15: |x| < 65536";
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    if (isSynapticOp(&op)) {
      int shift = std::max(shifts[ids.lookup(&op)], 0);
      ErrorReport report;
      roundWeights(
          &op,
          [&](double w, bool &clipped) {
            clipped = fixed::roundHalfEven(std::ldexp(
                          std::fabs(w), int(fixed::kAccumFracBits) - shift)) >
                      fixed::kWeightMax;
            return fixed::quantizedWeightValue(w, unsigned(shift));
          },
          report);
      if (failed(roundParameter(&op, "bias", s1615, range)))
        return failure();
      op.setAttr("snn.weight_shift", builder.getI64IntegerAttr(shift));
      remark(&op, report, "16-bit, shift " + std::to_string(shift));
      continue;
    }
    if (isa<ScaleOp>(op)) {
      if (failed(roundParameter(&op, "scale", s1615, range)))
        return failure();
      continue;
    }
    if (!isa<NeuronOpInterface>(op))
      continue;
    for (StringRef name : kValueParams)
      if (failed(roundParameter(&op, name, s1615, range)))
        return failure();
    // IF and integrator populations integrate with the factor dt * r, an
    // s16.15 multiplier of its own.
    if (isa<IFOp, IntegratorOp>(op) && dt > 0)
      if (auto r = op.getAttrOfType<DenseElementsAttr>("r"))
        for (double v : getElementsAsDouble(r))
          if (!s1615(dt * v))
            return op.emitError("dt * r = ")
                   << dt * v << " cannot be represented by the spinnaker "
                   << "profile (" << range << ")";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// loihi
//===----------------------------------------------------------------------===//

LogicalResult SNNQuantizePass::quantizeLoihi(NetworkOp network) {
  DiscretizationAttr disc = network.getDiscretizationAttr();
  if (!disc)
    return network.emitError("snn-quantize{profile=loihi} needs a "
                             "discretized network (--snn-discretize)");
  double dt = disc.getDt().convertToDouble();
  OpBuilder builder(network.getContext());
  // Populations first: their state scale and gains fix the weights' units.
  struct Population {
    int q = 16;
    std::vector<double> gain;
  };
  llvm::DenseMap<Operation *, Population> pops;
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    if (!isa<NeuronOpInterface>(op) || isa<ALIFOp>(op))
      continue;
    auto shape = cast<ShapedType>(op.getResult(0).getType());
    int64_t n = shape.getNumElements();
    bool cuba = isa<CubaLIOp, CubaLIFOp>(op);
    bool leaky = !isa<IFOp, IntegratorOp>(op);
    bool spiking = cast<NeuronOpInterface>(op).isSpiking();
    auto param = [&](StringRef name, int64_t i, double dflt) {
      auto a = op.getAttrOfType<DenseElementsAttr>(name);
      return a ? getElementAsDouble(a, i) : dflt;
    };
    Population p;
    if (spiking) {
      double maxTh = 0;
      for (int64_t i = 0; i < n; ++i)
        maxTh = std::max(maxTh, std::fabs(param("v_threshold", i, 0)));
      p.q = fixed::loihiStateFracBits(maxTh);
    }
    double scale = std::ldexp(1.0, p.q);
    StringRef tauName = cuba ? "tau_mem" : "tau";
    SmallVector<double> tau, tauSyn, leak, th;
    for (int64_t i = 0; i < n; ++i) {
      int32_t dv =
          leaky ? fixed::loihiDecayConstant(dt, param(tauName, i, 1)) : 0;
      int32_t du = cuba ? fixed::loihiDecayConstant(dt, param("tau_syn", i, 1))
                        : fixed::kLoihiDecayOne;
      double gain = leaky ? param("r", i, 1) * dv / fixed::kLoihiDecayOne
                          : param("r", i, 1) * dt;
      if (cuba)
        gain *= param("w_in", i, 1) * du / fixed::kLoihiDecayOne;
      p.gain.push_back(gain);
      // A decay constant d is held exactly by tau = 4096 dt / d.
      auto tauOf = [&](int32_t d, double old) {
        return d > 0 ? fixed::kLoihiDecayOne * dt / d : old;
      };
      tau.push_back(tauOf(dv, param(tauName, i, 1)));
      tauSyn.push_back(tauOf(du, param("tau_syn", i, 1)));
      double f = double(dv) / fixed::kLoihiDecayOne;
      double vl = param("v_leak", i, 0);
      leak.push_back(leaky && dv > 0 ? fixed::saturate24(fixed::roundHalfEven(
                                           vl * f * scale)) /
                                           (f * scale)
                                     : vl);
      double vth = param("v_threshold", i, 0);
      int64_t mant = fixed::roundHalfEven(vth * scale / 64);
      if (spiking && (mant < 0 || mant > fixed::kLoihiMaxThresholdMant))
        return op.emitError("'v_threshold' = ")
               << vth << " cannot be represented by the loihi profile "
               << "(mantissa " << mant << " outside [0, "
               << fixed::kLoihiMaxThresholdMant << "])";
      th.push_back(double(mant) * 64 / scale);
    }
    // A one-element parameter stays one element when the population's
    // values agree; otherwise it takes the population's shape.
    auto set = [&](StringRef name, ArrayRef<double> values) {
      auto a = op.getAttrOfType<DenseElementsAttr>(name);
      if (!a)
        return;
      bool uniform = llvm::all_equal(values);
      if (a.getNumElements() == n || !uniform) {
        auto type = RankedTensorType::get(
            a.getNumElements() == n ? a.getType().getShape() : shape.getShape(),
            Float64Type::get(op.getContext()));
        op.setAttr(name, DenseElementsAttr::get(type, values));
        return;
      }
      op.setAttr(name, makeF64(a, values.take_front(a.getNumElements())));
    };
    if (leaky) {
      set(tauName, tau);
      set("v_leak", leak);
    }
    if (cuba)
      set("tau_syn", tauSyn);
    if (spiking)
      set("v_threshold", th);
    // The loihi profile chooses q again from the rounded thresholds; they
    // only move within half a mantissa step, but say so if q would change.
    double maxTh = 0;
    for (double t : th)
      maxTh = std::max(maxTh, std::fabs(t));
    if (spiking && fixed::loihiStateFracBits(maxTh) != p.q)
      op.emitWarning("the loihi profile would choose state scale 2^")
          << fixed::loihiStateFracBits(maxTh) << " for the rounded "
          << "thresholds instead of 2^" << p.q;
    op.setAttr("snn.state_frac_bits", builder.getI64IntegerAttr(p.q));
    pops[&op] = std::move(p);
  }
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    if (!isa<AffineOp, LinearOp>(op))
      continue;
    Value out = op.getResult(0);
    if (!out.hasOneUse() || !pops.count(*out.getUsers().begin()))
      return op.emitError("on Loihi a synaptic op must feed exactly one "
                          "neuron population");
    const Population &p = pops[*out.getUsers().begin()];
    double scale = std::ldexp(1.0, p.q);
    auto weight = op.getAttrOfType<DenseElementsAttr>("weight");
    int64_t nIn = weight.getType().getShape().back();
    SmallVector<double> w = getElementsAsDouble(weight);
    double maxAbs = 0;
    for (size_t k = 0; k < w.size(); ++k)
      maxAbs = std::max(maxAbs, std::fabs(w[k] * p.gain[k / nIn] * scale));
    int e = fixed::chooseLoihiWeightExponent(maxAbs);
    double unit = std::ldexp(1.0, int(fixed::kLoihiActivationShift) + e);
    ErrorReport report;
    for (size_t k = 0; k < w.size(); ++k) {
      double toState = p.gain[k / nIn] * scale;
      double u = w[k] * toState;
      int32_t m = fixed::loihiWeightMantissa(u, e);
      double q = toState != 0 ? m * unit / toState : 0.0;
      int64_t r = fixed::roundHalfEven(u / unit);
      report.add(w[k], q, r > 127 || r < -128);
      w[k] = q;
    }
    op.setAttr("weight", makeF64(weight, w));
    if (auto bias = op.getAttrOfType<DenseElementsAttr>("bias")) {
      SmallVector<double> b = getElementsAsDouble(bias);
      for (size_t o = 0; o < b.size(); ++o) {
        double toState = p.gain[o] * scale;
        if (toState != 0)
          b[o] = double(fixed::roundHalfEven(b[o] * toState)) / toState;
      }
      op.setAttr("bias", makeF64(bias, b));
    }
    double maxQuantized = 0;
    for (size_t k = 0; k < w.size(); ++k)
      maxQuantized =
          std::max(maxQuantized, std::fabs(w[k] * p.gain[k / nIn] * scale));
    if (fixed::chooseLoihiWeightExponent(maxQuantized) != e)
      op.emitWarning("the loihi profile would choose weight exponent ")
          << fixed::chooseLoihiWeightExponent(maxQuantized)
          << " for the rounded weights instead of " << e;
    op.setAttr("snn.weight_exp", builder.getI64IntegerAttr(e));
    remark(&op, report, "8-bit mantissa, exponent " + std::to_string(e));
  }
  return success();
}

//===----------------------------------------------------------------------===//
// int8 and binary
//===----------------------------------------------------------------------===//

LogicalResult SNNQuantizePass::quantizeInt8(NetworkOp network) {
  OpBuilder builder(network.getContext());
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    auto weight = op.getAttrOfType<DenseElementsAttr>("weight");
    if (!isSynapticOp(&op) || !weight)
      continue;
    double maxAbs = 0;
    for (double w : getElementsAsDouble(weight))
      maxAbs = std::max(maxAbs, std::fabs(w));
    double s = maxAbs > 0 ? maxAbs / 127 : 1.0;
    ErrorReport report;
    roundWeights(
        &op,
        [&](double w, bool &clipped) {
          int64_t q = fixed::roundHalfEven(w / s);
          clipped = q < -127 || q > 127;
          return double(std::clamp<int64_t>(q, -127, 127)) * s;
        },
        report);
    op.setAttr("snn.weight_scale", builder.getF64FloatAttr(s));
    remark(&op, report, "symmetric 8-bit, scale " + fmt(s));
  }
  return success();
}

LogicalResult SNNQuantizePass::quantizeBinary(NetworkOp network) {
  OpBuilder builder(network.getContext());
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    auto weight = op.getAttrOfType<DenseElementsAttr>("weight");
    if (!isSynapticOp(&op) || !weight)
      continue;
    double sumAbs = 0;
    SmallVector<double> w = getElementsAsDouble(weight);
    for (double x : w)
      sumAbs += std::fabs(x);
    ErrorReport report;
    roundWeights(
        &op, [](double x, bool &) { return x < 0 ? -1.0 : 1.0; }, report);
    auto toInteger = [](double b) -> std::optional<double> {
      if (!std::isfinite(b) || std::fabs(b) > 9.0e15)
        return std::nullopt;
      return double(fixed::roundHalfEven(b));
    };
    if (failed(roundParameter(&op, "bias", toInteger, "a finite integer")))
      return failure();
    op.setAttr("snn.weight_scale",
               builder.getF64FloatAttr(w.empty() ? 1.0 : sumAbs / w.size()));
    remark(&op, report, "sign");
  }
  return success();
}

void SNNQuantizePass::runOnOperation() {
  NetworkOp network = getOperation();
  total = ErrorReport();
  LogicalResult result = failure();
  if (profile == "spinnaker")
    result = quantizeSpinnaker(network);
  else if (profile == "loihi")
    result = quantizeLoihi(network);
  else if (profile == "int8")
    result = quantizeInt8(network);
  else if (profile == "binary")
    result = quantizeBinary(network);
  else
    network.emitError("unknown quantization profile '")
        << profile << "'; expected spinnaker, loihi, int8 or binary";
  if (failed(result))
    return signalPassFailure();
  network->setAttr("snn.quantized",
                   StringAttr::get(network.getContext(), profile));
  network.emitRemark() << "quantized network to " << profile << ": "
                       << total.count << " weights, max |error| "
                       << fmt(total.maxAbs) << ", mean |error| "
                       << fmt(total.mean()) << ", " << total.clipped
                       << " clipped";
}

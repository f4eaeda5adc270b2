//===- Quantize.cpp - Float MLP to the integer reference model ------------===//
//
// Rounding is std::llround (half away from zero) everywhere, and the layers
// are quantized front to back because each hidden shift changes the scale of
// the next layer's inputs and so of its biases.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Quantize.h"

#include <algorithm>
#include <cmath>

using namespace axon::printed;

static double weightScaleFor(const FloatLayer &layer,
                             const QuantizeOptions &opts) {
  double maxAbs = 0.0;
  for (double w : layer.weights)
    maxAbs = std::max(maxAbs, std::fabs(w));
  if (maxAbs == 0.0)
    return 1.0;
  double qmax = std::ldexp(1.0, static_cast<int>(opts.weightBits) - 1) - 1.0;
  double s = maxAbs / qmax;
  if (opts.weightScale == WeightScaleKind::PowerOfTwo)
    s = std::ldexp(1.0, static_cast<int>(std::ceil(std::log2(s))));
  return s;
}

static IntLayer quantizeLayer(const FloatLayer &layer, double inScale,
                              double wScale, const QuantizeOptions &opts) {
  IntLayer q;
  q.numInputs = layer.numInputs;
  q.numOutputs = layer.numOutputs;
  long long qmax = (1ll << (opts.weightBits - 1)) - 1;
  for (double w : layer.weights)
    q.weights.push_back(static_cast<int32_t>(
        std::clamp(std::llround(w / wScale), -qmax, qmax)));
  for (double b : layer.biases)
    q.biases.push_back(std::llround(b / (inScale * wScale)));
  q.pruneBits.assign(q.numOutputs, 0);
  q.actBits = opts.hiddenBits;
  return q;
}

/// Largest ReLU output of layer `l` over the calibration rows, running the
/// already-quantized layers before it.
static uint64_t observedMax(const IntMLP &partial, const QuantizedData &data) {
  uint64_t best = 0;
  for (unsigned r = 0; r < data.numRows(); ++r) {
    std::vector<int64_t> acc = outputAccumulators(partial, data.row(r));
    for (int64_t a : acc)
      best = std::max<uint64_t>(best, a > 0 ? uint64_t(a) : 0);
  }
  return best;
}

static unsigned shiftToFit(uint64_t maxValue, unsigned bits) {
  unsigned shift = 0;
  while ((maxValue >> shift) > (uint64_t(1) << bits) - 1)
    ++shift;
  return shift;
}

llvm::Expected<QuantizedMLP>
axon::printed::quantizeMLP(const FloatMLP &model, double inputScale,
                           unsigned inputBits, const QuantizedData *calibration,
                           const QuantizeOptions &opts) {
  if (llvm::Error err = model.verify())
    return std::move(err);
  if (opts.weightBits < 2 || opts.weightBits > 24 || opts.hiddenBits < 1 ||
      opts.hiddenBits > 16)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "weightBits must be in 2..24 and hiddenBits in 1..16");
  if (calibration && calibration->numFeatures != model.numInputs())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "calibration data has " + llvm::Twine(calibration->numFeatures) +
            " features but the model takes " + llvm::Twine(model.numInputs()));
  QuantizedMLP out;
  out.inputScale = inputScale;
  out.model.inputBits = inputBits;
  double inScale = inputScale;
  for (size_t l = 0; l < model.layers.size(); ++l) {
    double wScale = weightScaleFor(model.layers[l], opts);
    out.weightScale.push_back(wScale);
    out.accScale.push_back(inScale * wScale);
    out.model.layers.push_back(
        quantizeLayer(model.layers[l], inScale, wScale, opts));
    if (l + 1 == model.layers.size())
      break;
    IntLayer &layer = out.model.layers.back();
    uint64_t maxValue;
    if (calibration && opts.calibrateActivations) {
      maxValue = observedMax(out.model, *calibration);
    } else {
      int64_t worst = 0;
      for (const NeuronRange &n : analyzeRanges(out.model).back().neurons)
        worst = std::max(worst, n.accMax);
      maxValue = static_cast<uint64_t>(worst);
    }
    layer.actShift = shiftToFit(maxValue, opts.hiddenBits);
    inScale = inScale * wScale * std::ldexp(1.0, layer.actShift);
  }
  return out;
}

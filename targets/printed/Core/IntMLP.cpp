//===- IntMLP.cpp - The bit-exact integer model of a printed MLP ----------===//
//
// Written for clarity, not speed: this is the reference the fast evaluator,
// the cost model and (later) the emitted Verilog are checked against.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/IntMLP.h"

#include "targets/printed/Core/CSD.h"

#include <algorithm>

using namespace axon::printed;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static llvm::Error verifyLayer(const IntLayer &layer, size_t l, bool hidden) {
  std::string where = "integer layer " + std::to_string(l);
  if (layer.numInputs == 0 || layer.numOutputs == 0)
    return makeError(where + " has an empty shape");
  if (layer.weights.size() != size_t(layer.numInputs) * layer.numOutputs)
    return makeError(where + " has " + llvm::Twine(layer.weights.size()) +
                     " weights, expected " +
                     llvm::Twine(layer.numInputs * layer.numOutputs));
  if (layer.biases.size() != layer.numOutputs ||
      layer.pruneBits.size() != layer.numOutputs)
    return makeError(where + " needs one bias and one pruneBits per output");
  for (uint8_t k : layer.pruneBits)
    if (k > 40)
      return makeError(where + " prunes " + llvm::Twine(unsigned(k)) +
                       " bits, at most 40 allowed");
  if (hidden && (layer.actBits < 1 || layer.actBits > 16))
    return makeError(where + " has actBits " + llvm::Twine(layer.actBits) +
                     ", expected 1..16");
  if (hidden && layer.actShift > 40)
    return makeError(where + " has actShift " + llvm::Twine(layer.actShift) +
                     ", at most 40 allowed");
  return llvm::Error::success();
}

llvm::Error IntMLP::verify() const {
  if (layers.empty())
    return makeError("integer MLP has no layers");
  if (inputBits < 1 || inputBits > 8)
    return makeError("inputBits is " + llvm::Twine(inputBits) +
                     ", expected 1..8");
  for (size_t l = 0; l < layers.size(); ++l) {
    if (llvm::Error err = verifyLayer(layers[l], l, l + 1 < layers.size()))
      return err;
    if (l > 0 && layers[l - 1].numOutputs != layers[l].numInputs)
      return makeError("integer layer " + llvm::Twine(l) + " takes " +
                       llvm::Twine(layers[l].numInputs) + " inputs but layer " +
                       llvm::Twine(l - 1) + " produces " +
                       llvm::Twine(layers[l - 1].numOutputs));
  }
  return llvm::Error::success();
}

SplitProduct axon::printed::splitProduct(int32_t w, uint64_t a, unsigned k) {
  SplitProduct p;
  for (const CSDDigit &d : toCSD(w)) {
    uint64_t term = dropLowBits(a << d.shift, k);
    (d.sign > 0 ? p.pos : p.neg) += term;
  }
  return p;
}

/// P_i - N_i of one neuron for the given layer inputs.
static int64_t neuronAccumulator(const IntLayer &layer, unsigned o,
                                 llvm::ArrayRef<uint64_t> inputs) {
  unsigned k = layer.pruneBits[o];
  uint64_t pos = 0, neg = 0;
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    SplitProduct p = splitProduct(layer.weight(o, i), inputs[i], k);
    pos += p.pos;
    neg += p.neg;
  }
  int64_t b = prunedBias(layer.biases[o], k);
  if (b > 0)
    pos += static_cast<uint64_t>(b);
  else
    neg += static_cast<uint64_t>(-b);
  return static_cast<int64_t>(pos) - static_cast<int64_t>(neg);
}

std::vector<int64_t>
axon::printed::outputAccumulators(const IntMLP &model,
                                  llvm::ArrayRef<uint8_t> codes) {
  std::vector<uint64_t> cur(codes.begin(), codes.end());
  std::vector<int64_t> acc;
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    acc.assign(layer.numOutputs, 0);
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      acc[o] = neuronAccumulator(layer, o, cur);
    if (l + 1 == model.layers.size())
      break;
    cur.assign(layer.numOutputs, 0);
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      cur[o] = activate(acc[o], layer.actShift, layer.actBits);
  }
  return acc;
}

unsigned axon::printed::predictInt(const IntMLP &model,
                                   llvm::ArrayRef<uint8_t> codes) {
  std::vector<int64_t> acc = outputAccumulators(model, codes);
  unsigned best = 0;
  for (unsigned c = 1; c < acc.size(); ++c)
    if (acc[c] > acc[best])
      best = c;
  return best;
}

//===----------------------------------------------------------------------===//
// Ranges
//===----------------------------------------------------------------------===//

unsigned axon::printed::unsignedWidth(uint64_t v) {
  unsigned bits = 0;
  for (; v != 0; v >>= 1)
    ++bits;
  return bits;
}

unsigned axon::printed::signedWidth(int64_t lo, int64_t hi) {
  for (unsigned w = 1; w < 64; ++w) {
    int64_t half = int64_t(1) << (w - 1);
    if (lo >= -half && hi <= half - 1)
      return w;
  }
  return 64;
}

std::pair<int64_t, int64_t>
axon::printed::productRange(int32_t w, uint64_t aMax, unsigned k) {
  if (w == 0)
    return {0, 0};
  int64_t atMax = splitProduct(w, aMax, k).value();
  // Without pruning the product is linear in a: the ends are the extremes.
  if (k == 0)
    return {std::min<int64_t>(0, atMax), std::max<int64_t>(0, atMax)};
  llvm::SmallVector<CSDDigit, 8> digits = toCSD(w);
  int64_t lo = 0, hi = 0;
  for (uint64_t a = 1; a <= aMax; ++a) {
    int64_t v = 0;
    for (const CSDDigit &d : digits) {
      int64_t term = static_cast<int64_t>(dropLowBits(a << d.shift, k));
      v += d.sign > 0 ? term : -term;
    }
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  return {lo, hi};
}

static NeuronRange neuronRange(const IntLayer &layer, unsigned o,
                               llvm::ArrayRef<uint64_t> inputMax) {
  NeuronRange r;
  unsigned k = layer.pruneBits[o];
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    int32_t w = layer.weight(o, i);
    // P and N are sums of terms that never decrease with a: max at inputMax.
    SplitProduct top = splitProduct(w, inputMax[i], k);
    r.posMax += top.pos;
    r.negMax += top.neg;
    auto [lo, hi] = productRange(w, inputMax[i], k);
    r.accMin += lo;
    r.accMax += hi;
  }
  int64_t b = prunedBias(layer.biases[o], k);
  uint64_t bPos = b > 0 ? uint64_t(b) : 0, bNeg = b < 0 ? uint64_t(-b) : 0;
  r.posMin = bPos;
  r.posMax += bPos;
  r.negMin = bNeg;
  r.negMax += bNeg;
  r.accMin += b;
  r.accMax += b;
  r.posBits = unsignedWidth(r.posMax);
  r.negBits = unsignedWidth(r.negMax);
  r.accBits = signedWidth(r.accMin, r.accMax);
  return r;
}

std::vector<LayerRange> axon::printed::analyzeRanges(const IntMLP &model) {
  std::vector<LayerRange> ranges(model.layers.size());
  std::vector<uint64_t> inputMax(model.numInputs(),
                                 (uint64_t(1) << model.inputBits) - 1);
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    LayerRange &lr = ranges[l];
    lr.inputMax = inputMax;
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      lr.neurons.push_back(neuronRange(layer, o, inputMax));
    if (l + 1 == model.layers.size())
      break;
    for (const NeuronRange &n : lr.neurons)
      lr.outputMax.push_back(activate(n.accMax, layer.actShift, layer.actBits));
    inputMax = lr.outputMax;
  }
  return ranges;
}

//===- BinarizedNetwork.cpp - Binarized networks as threshold gates -*- C++
//-*-//
//
// BatchNorm/sign folding by integer search (see BinarizedNetwork.h for the
// argument) and the construction of the one-gate-per-neuron netlist that
// legalization then decomposes.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/BinarizedNetwork.h"
#include "targets/threshold/Core/ArgMaxReadout.h"

#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace axon::threshold;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

bool axon::threshold::neuronDecision(int64_t a, const NeuronParams &params,
                                     SignAtZero zero) {
  double z = params.alpha * double(a) + params.bias;
  double y = z;
  if (params.batchNorm) {
    const BatchNormParams &bn = *params.batchNorm;
    y = bn.gamma * (z - bn.mean) / std::sqrt(bn.var + bn.eps) + bn.beta;
  }
  return zero == SignAtZero::PlusOne ? y >= 0 : y > 0;
}

static llvm::Error checkParams(const NeuronParams &p) {
  if (!std::isfinite(p.alpha) || !(p.alpha > 0))
    return makeError(llvm::formatv(
        "the weight scale alpha must be positive and finite, got {0}",
        p.alpha));
  if (!std::isfinite(p.bias))
    return makeError("the bias must be finite");
  if (!p.batchNorm)
    return llvm::Error::success();
  const BatchNormParams &bn = *p.batchNorm;
  for (double v : {bn.gamma, bn.beta, bn.mean, bn.var, bn.eps})
    if (!std::isfinite(v))
      return makeError("BatchNorm parameters must be finite");
  double sigma = std::sqrt(bn.var + bn.eps);
  if (!(sigma > 0) || !std::isfinite(sigma))
    return makeError(
        llvm::formatv("BatchNorm needs var + eps > 0, got var = {0}, eps = {1}",
                      bn.var, bn.eps));
  return llvm::Error::success();
}

llvm::Expected<FoldedNeuron>
axon::threshold::foldNeuron(llvm::ArrayRef<int64_t> weights, unsigned inputBits,
                            const NeuronParams &params, SignAtZero zero) {
  if (llvm::Error err = checkParams(params))
    return err;
  if (inputBits > 16)
    return makeError(llvm::formatv(
        "inputs wider than 16 bits are not supported, got {0}", inputBits));
  FoldedNeuron folded;
  int64_t sumW = 0, gMin = 0, gMax = 0;
  unsigned planes = inputBits == 0 ? 1 : inputBits;
  for (int64_t w : weights) {
    if (w > (int64_t(1) << 24) || w < -(int64_t(1) << 24))
      return makeError(llvm::formatv("weight {0} is out of range", w));
    sumW += w;
    for (unsigned b = 0; b != planes; ++b) {
      int64_t g = w * (int64_t(1) << b);
      folded.weights.push_back(g);
      (g < 0 ? gMin : gMax) += g;
    }
  }
  // Pre-activation as a function of the gate sum G = sum g x.
  auto decide = [&](int64_t g) {
    int64_t a = inputBits == 0 ? 2 * g - sumW : g;
    return neuronDecision(a, params, zero);
  };
  double gamma = params.batchNorm ? params.batchNorm->gamma : 1.0;
  bool increasing = gamma > 0;
  bool atMin = decide(gMin), atMax = decide(gMax);
  if (gamma == 0 || atMin == atMax) {
    // gamma = 0 gives the constant sign(beta); otherwise monotonicity makes
    // equal ends mean a constant output.
    folded.isConstant = true;
    folded.constantValue = atMin;
    return folded;
  }
  if (increasing != atMax)
    return makeError("the neuron's decision is not monotone in its "
                     "pre-activation (non-finite intermediate values?)");
  // Invariant: decide(lo) != decide(hi); find the switching point.
  int64_t lo = gMin, hi = gMax;
  while (hi - lo > 1) {
    int64_t mid = lo + (hi - lo) / 2;
    (decide(mid) == atMax ? hi : lo) = mid;
  }
  if (increasing) {
    folded.threshold = hi; // smallest G that fires
  } else {
    // Largest G that fires is lo: [G <= lo] = [-G >= -lo].
    for (int64_t &g : folded.weights)
      g = -g;
    folded.threshold = -lo;
  }
  return folded;
}

static llvm::Error checkLayer(const BinaryLayer &layer, unsigned index,
                              unsigned expectedInputs) {
  if (layer.numInputs != expectedInputs)
    return makeError(
        llvm::formatv("layer {0} ('{1}') has {2} inputs, expected {3}", index,
                      layer.name, layer.numInputs, expectedInputs));
  if (layer.weights.size() != size_t(layer.numInputs) * layer.numOutputs)
    return makeError(llvm::formatv(
        "layer {0} ('{1}') has {2} weights, expected {3} x {4}", index,
        layer.name, layer.weights.size(), layer.numOutputs, layer.numInputs));
  if (!layer.neurons.empty() && layer.neurons.size() != layer.numOutputs)
    return makeError(llvm::formatv(
        "layer {0} ('{1}') has parameters for {2} neurons, expected {3}", index,
        layer.name, layer.neurons.size(), layer.numOutputs));
  return llvm::Error::success();
}

llvm::Expected<Netlist>
axon::threshold::buildNetlist(const BinarizedNetwork &network) {
  if (network.layers.empty())
    return makeError("the network has no layers");
  Netlist net(network.name);
  const BinaryLayer &first = network.layers.front();
  std::vector<SignalId> prev;
  for (unsigned i = 0; i != first.numInputs; ++i) {
    if (network.inputBits == 0) {
      prev.push_back(net.addInput(("x" + llvm::Twine(i)).str()));
      continue;
    }
    for (unsigned b = 0; b != network.inputBits; ++b)
      prev.push_back(net.addInput(llvm::formatv("x{0}_b{1}", i, b).str()));
  }
  NeuronParams defaults;
  for (unsigned l = 0, le = network.layers.size(); l != le; ++l) {
    const BinaryLayer &layer = network.layers[l];
    unsigned expected = l == 0 ? first.numInputs : prev.size();
    if (llvm::Error err = checkLayer(layer, l, expected))
      return err;
    unsigned bits = l == 0 ? network.inputBits : 0;
    if (network.argMaxReadout && l + 1 == le) {
      if (bits != 0)
        return makeError("an ArgMax readout needs +-1 inputs, not a "
                         "multi-bit first layer");
      llvm::Expected<std::vector<SignalId>> index =
          buildArgMaxReadout(net, layer, prev, l);
      if (!index)
        return makeError(llvm::formatv("layer {0} (ArgMax readout): {1}", l,
                                       llvm::toString(index.takeError())));
      for (unsigned b = 0, e = index->size(); b != e; ++b)
        net.addOutput(("class_b" + llvm::Twine(b)).str(), (*index)[b]);
      if (llvm::Error err = net.verify())
        return err;
      return net;
    }
    std::vector<SignalId> next;
    for (unsigned o = 0; o != layer.numOutputs; ++o) {
      llvm::ArrayRef<int64_t> row(
          layer.weights.data() + size_t(o) * layer.numInputs, layer.numInputs);
      const NeuronParams &params =
          layer.neurons.empty() ? defaults : layer.neurons[o];
      llvm::Expected<FoldedNeuron> folded =
          foldNeuron(row, bits, params, network.signAtZero);
      if (!folded)
        return makeError(llvm::formatv("layer {0} neuron {1}: {2}", l, o,
                                       llvm::toString(folded.takeError())));
      Gate gate;
      gate.tag = l;
      if (folded->isConstant) {
        gate.threshold = folded->constantValue ? 0 : 1;
      } else {
        for (unsigned i = 0, ie = prev.size(); i != ie; ++i)
          if (folded->weights[i] != 0) {
            gate.inputs.push_back(prev[i]);
            gate.weights.push_back(folded->weights[i]);
          }
        gate.threshold = folded->threshold;
      }
      next.push_back(net.addGate(std::move(gate)));
    }
    prev = std::move(next);
  }
  for (unsigned o = 0, e = prev.size(); o != e; ++o)
    net.addOutput(("y" + llvm::Twine(o)).str(), prev[o]);
  if (llvm::Error err = net.verify())
    return err;
  return net;
}

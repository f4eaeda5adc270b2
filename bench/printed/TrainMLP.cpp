//===- TrainMLP.cpp - Tiny seeded SGD trainer for bench models ------------===//
//
// Back-propagation written out by hand for dense ReLU layers; the networks are
// a few dozen weights, so clarity wins over speed.
//
//===----------------------------------------------------------------------===//

#include "bench/printed/TrainMLP.h"

#include "targets/printed/Core/Random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace axon::printed;
using namespace axon::printed::bench;

namespace {
/// Per-layer activations and gradients of one sample.
struct Workspace {
  std::vector<std::vector<double>> act; // act[0] = input, act[l+1] = out of l
  std::vector<std::vector<double>> delta;
};
} // namespace

static FloatMLP initModel(unsigned in, const std::vector<unsigned> &hidden,
                          unsigned out, SplitMix64 &rng) {
  FloatMLP m;
  std::vector<unsigned> shape{in};
  shape.insert(shape.end(), hidden.begin(), hidden.end());
  shape.push_back(out);
  for (size_t l = 0; l + 1 < shape.size(); ++l) {
    FloatLayer layer{shape[l], shape[l + 1], {}, {}};
    double limit = std::sqrt(6.0 / (shape[l] + shape[l + 1]));
    for (unsigned i = 0; i < shape[l] * shape[l + 1]; ++i)
      layer.weights.push_back((rng.unit() * 2 - 1) * limit);
    layer.biases.assign(shape[l + 1], 0.01);
    m.layers.push_back(std::move(layer));
  }
  return m;
}

static void forward(const FloatMLP &m, llvm::ArrayRef<double> x,
                    Workspace &ws) {
  ws.act.resize(m.layers.size() + 1);
  ws.act[0].assign(x.begin(), x.end());
  for (size_t l = 0; l < m.layers.size(); ++l) {
    const FloatLayer &layer = m.layers[l];
    std::vector<double> &out = ws.act[l + 1];
    out.assign(layer.numOutputs, 0.0);
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      double acc = layer.biases[o];
      for (unsigned i = 0; i < layer.numInputs; ++i)
        acc += layer.weight(o, i) * ws.act[l][i];
      out[o] = l + 1 < m.layers.size() ? std::max(acc, 0.0) : acc;
    }
  }
  // Softmax of the logits, in place.
  std::vector<double> &y = ws.act.back();
  double top = *std::max_element(y.begin(), y.end()), sum = 0;
  for (double &v : y)
    sum += (v = std::exp(v - top));
  for (double &v : y)
    v /= sum;
}

/// Adds this sample's gradient into `grad` (same shape as the model).
static void backward(const FloatMLP &m, unsigned label, Workspace &ws,
                     FloatMLP &grad) {
  size_t n = m.layers.size();
  ws.delta.resize(n);
  ws.delta[n - 1] = ws.act[n];
  ws.delta[n - 1][label] -= 1.0;
  for (size_t l = n; l-- > 0;) {
    const FloatLayer &layer = m.layers[l];
    FloatLayer &g = grad.layers[l];
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      g.biases[o] += ws.delta[l][o];
      for (unsigned i = 0; i < layer.numInputs; ++i)
        g.weights[size_t(o) * layer.numInputs + i] +=
            ws.delta[l][o] * ws.act[l][i];
    }
    if (l == 0)
      break;
    ws.delta[l - 1].assign(layer.numInputs, 0.0);
    for (unsigned i = 0; i < layer.numInputs; ++i) {
      if (ws.act[l][i] <= 0)
        continue; // ReLU gate
      for (unsigned o = 0; o < layer.numOutputs; ++o)
        ws.delta[l - 1][i] += layer.weight(o, i) * ws.delta[l][o];
    }
  }
}

static void applyStep(FloatMLP &m, FloatMLP &grad, double lr, double decay,
                      unsigned batch) {
  for (size_t l = 0; l < m.layers.size(); ++l) {
    FloatLayer &layer = m.layers[l], &g = grad.layers[l];
    for (size_t i = 0; i < layer.weights.size(); ++i) {
      layer.weights[i] -=
          lr * (g.weights[i] / batch + decay * layer.weights[i]);
      g.weights[i] = 0;
    }
    for (size_t o = 0; o < layer.biases.size(); ++o) {
      layer.biases[o] -= lr * g.biases[o] / batch;
      g.biases[o] = 0;
    }
  }
}

FloatMLP axon::printed::bench::trainMLP(llvm::ArrayRef<double> inputs,
                                        unsigned numFeatures,
                                        llvm::ArrayRef<unsigned> labels,
                                        unsigned numClasses,
                                        const TrainOptions &opts) {
  SplitMix64 rng(opts.seed);
  FloatMLP m = initModel(numFeatures, opts.hidden, numClasses, rng);
  FloatMLP grad = m;
  for (FloatLayer &g : grad.layers) {
    std::fill(g.weights.begin(), g.weights.end(), 0.0);
    std::fill(g.biases.begin(), g.biases.end(), 0.0);
  }
  std::vector<unsigned> order(labels.size());
  std::iota(order.begin(), order.end(), 0u);
  Workspace ws;
  for (unsigned epoch = 0; epoch < opts.epochs; ++epoch) {
    // Fisher-Yates with the seeded generator.
    for (size_t i = order.size(); i > 1; --i)
      std::swap(order[i - 1], order[rng.below(i)]);
    double lr = opts.learningRate * (1.0 - 0.9 * epoch / opts.epochs);
    unsigned inBatch = 0;
    for (unsigned r : order) {
      forward(m, inputs.slice(size_t(r) * numFeatures, numFeatures), ws);
      backward(m, labels[r], ws, grad);
      if (++inBatch == opts.batch) {
        applyStep(m, grad, lr, opts.weightDecay, inBatch);
        inBatch = 0;
      }
    }
    if (inBatch)
      applyStep(m, grad, lr, opts.weightDecay, inBatch);
  }
  return m;
}

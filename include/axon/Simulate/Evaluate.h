//===- Evaluate.h - classification accuracy through the simulator -*- C++ -*-=//
//
// Runs a classifier network (ANN or SNN) over a labelled dataset with the
// reference engine and reports its accuracy.  One definition of "the model's
// prediction" for every table Axon prints: the output node's values summed
// over the steps (spike counts, accumulated currents), then argmax (ties ->
// lowest index); an output that already is a class index (snn.argmax) or the
// membrane of a non-spiking population (membrane readout) is read at the last
// step instead.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_SIMULATE_EVALUATE_H
#define AXON_SIMULATE_EVALUATE_H

#include "axon/Simulate/Engine.h"

#include "llvm/Support/Error.h"

#include <vector>

namespace axon::sim {

/// Rows of features with an integer label (CSV header `f0,...,label`).
struct Dataset {
  std::vector<std::vector<double>> features;
  std::vector<int64_t> labels;
  size_t size() const { return labels.size(); }
};

/// Reads a CSV with a header line whose last column is the label.
llvm::Expected<Dataset> readLabeledCSV(llvm::StringRef path);

/// How a feature vector drives the network's input each step.
enum class Encoding {
  /// The same analog values every step (ANNs, and "direct" SNN input).
  Direct,
  /// Seeded Bernoulli rate code (RateEncoder): input i spikes (value 1) at
  /// a step with probability clamp(x_i, 0, 1).
  Rate,
};

/// The rate encoder: a counter-based generator, so a spike depends only on
/// (seed, sample, step, input index) -- the same seed gives the same spikes
/// on every platform, for every --limit and evaluation order.  The draw is
/// u = splitmix64(splitmix64(splitmix64(seed ^ sample) ^ step) ^ index)
/// >> 11, scaled to [0, 1) by 2^-53; the input spikes when u < x.
class RateEncoder {
public:
  explicit RateEncoder(uint64_t seed) : seed(seed) {}
  /// Uniform draw in [0, 1) for one (sample, step, input).
  double draw(uint64_t sample, uint64_t step, uint64_t index) const;
  /// Appends to `events` the indices of `x` that spike at `step` of
  /// `sample` (cleared first).
  void encode(llvm::ArrayRef<double> x, uint64_t sample, uint64_t step,
              std::vector<uint32_t> &events) const;

private:
  uint64_t seed;
};

struct EvalOptions {
  uint64_t steps = 1;
  Encoding encoding = Encoding::Direct;
  /// Seed of the rate encoder.
  uint64_t seed = 1;
  /// Evaluate only the first `limit` rows (0 = all).
  size_t limit = 0;
};

struct EvalResult {
  size_t correct = 0;
  size_t total = 0;
  std::vector<int64_t> predictions;
  double accuracy() const { return total ? double(correct) / total : 0.0; }
};

/// Runs `net` (finalized; exactly one Input and one Output node) on every row.
llvm::Expected<EvalResult> evaluateClassifier(const Network &net,
                                              const EngineOptions &options,
                                              const Dataset &data,
                                              const EvalOptions &eval);

} // namespace axon::sim

#endif // AXON_SIMULATE_EVALUATE_H

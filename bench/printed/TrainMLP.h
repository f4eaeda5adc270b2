//===- TrainMLP.h - Tiny seeded SGD trainer for bench models ----*- C++ -*-===//
//
// The bench needs a float model per UCI dataset even when no exported weights
// exist yet, so it fits one itself: softmax cross-entropy, ReLU hidden layer,
// plain mini-batch SGD, everything seeded so the bench table is reproducible.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_BENCH_PRINTED_TRAINMLP_H
#define AXON_BENCH_PRINTED_TRAINMLP_H

#include "targets/printed/Core/FloatMLP.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace axon::printed::bench {

struct TrainOptions {
  std::vector<unsigned> hidden = {3};
  unsigned epochs = 300;
  unsigned batch = 16;
  double learningRate = 0.1;
  double weightDecay = 1e-4;
  uint64_t seed = 1;
};

/// Fits an MLP to row-major `inputs` (numFeatures per row) and `labels`.
FloatMLP trainMLP(llvm::ArrayRef<double> inputs, unsigned numFeatures,
                  llvm::ArrayRef<unsigned> labels, unsigned numClasses,
                  const TrainOptions &options);

} // namespace axon::printed::bench

#endif // AXON_BENCH_PRINTED_TRAINMLP_H

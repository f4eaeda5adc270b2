//===- FloatMLP.h - Trained floating-point MLP classifier -------*- C++ -*-===//
//
// The model the printed flow starts from, before any quantization: dense
// layers, ReLU between them, argmax at the end (ties go to the lowest class
// index, as in the integer model and the circuit).  The compiler fills it from
// ONNX; benches and tests build it directly or read a small JSON dump
// (`{"layers":[{"weight":[[...],...],"bias":[...]},...]}`, weight[out][in]).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_FLOATMLP_H
#define AXON_TARGETS_PRINTED_CORE_FLOATMLP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace axon::printed {

struct FloatLayer {
  unsigned numInputs = 0;
  unsigned numOutputs = 0;
  std::vector<double> weights; // [out][in], row-major
  std::vector<double> biases;  // [out]

  double weight(unsigned o, unsigned i) const {
    return weights[size_t(o) * numInputs + i];
  }
};

struct FloatMLP {
  std::vector<FloatLayer> layers;

  unsigned numInputs() const {
    return layers.empty() ? 0 : layers.front().numInputs;
  }
  unsigned numClasses() const {
    return layers.empty() ? 0 : layers.back().numOutputs;
  }
  /// Checks shapes: sizes match and consecutive layers chain.
  llvm::Error verify() const;
  /// Pre-activation outputs of the last layer.
  std::vector<double> logits(llvm::ArrayRef<double> x) const;
  /// argmax of logits, lowest index on ties.
  unsigned predict(llvm::ArrayRef<double> x) const;
};

/// Fraction of rows (row-major `inputs`) whose prediction equals the label.
double floatAccuracy(const FloatMLP &model, llvm::ArrayRef<double> inputs,
                     llvm::ArrayRef<unsigned> labels);

llvm::Expected<FloatMLP> parseFloatMLPJSON(llvm::StringRef text);
llvm::Expected<FloatMLP> readFloatMLPJSON(llvm::StringRef path);
std::string writeFloatMLPJSON(const FloatMLP &model);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_FLOATMLP_H

//===- Quantize.h - Float MLP to the integer reference model ----*- C++ -*-===//
//
// Post-training quantization to the integer model of IntMLP.h: 8-bit signed
// weights with one scale per layer (a real number, or a power of two as in
// fixed-point designs), biases rounded at the accumulator scale with exactly
// as many bits as they need, and hidden activations truncated to `hiddenBits`
// by a right shift chosen from the training data (values above the range seen
// there saturate).  The scales are returned so reports can show real values.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_QUANTIZE_H
#define AXON_TARGETS_PRINTED_CORE_QUANTIZE_H

#include "targets/printed/Core/FloatMLP.h"
#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/IntMLP.h"

#include "llvm/Support/Error.h"

#include <vector>

namespace axon::printed {

enum class WeightScaleKind {
  /// s = max|W| / (2^(bits-1) - 1): the largest weight maps to +-127.
  Real,
  /// s = 2^ceil(log2(max|W| / (2^(bits-1) - 1))): fixed point.
  PowerOfTwo,
};

struct QuantizeOptions {
  unsigned weightBits = 8;
  WeightScaleKind weightScale = WeightScaleKind::Real;
  /// Width of every hidden activation (the next layer's input).
  unsigned hiddenBits = 8;
  /// Pick each hidden shift from the largest activation on the calibration
  /// data (true) or from the worst case of the range analysis (false).
  bool calibrateActivations = true;
};

struct QuantizedMLP {
  IntMLP model;
  double inputScale = 1.0;
  std::vector<double> weightScale; // per layer
  std::vector<double> accScale;    // per layer: real value of one acc LSB
};

/// Quantizes `model`, whose inputs are `inputScale * code`.  `calibration`
/// (the training set, as codes) picks the hidden shifts; without it the worst
/// case is used.
llvm::Expected<QuantizedMLP> quantizeMLP(const FloatMLP &model,
                                         double inputScale, unsigned inputBits,
                                         const QuantizedData *calibration,
                                         const QuantizeOptions &options = {});

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_QUANTIZE_H

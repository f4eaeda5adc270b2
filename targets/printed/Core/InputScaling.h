//===- InputScaling.h - Min-max scaling and input quantization --*- C++ -*-===//
//
// A printed MLP sees each sensor value as a small unsigned code (4 bits in the
// literature).  The scaling is fitted on the TRAINING rows only and applied
// unchanged to test rows, so test values outside the training range are
// clipped to the code range.  Two conventions are offered: the default maps
// the training range onto [0, 1] and rounds to the nearest of 2^b levels; the
// `literature()` one reproduces the published designs (range [0, 0.9],
// truncation `floor(16 * x)`).  docs/targets/printed.md states both exactly.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_INPUTSCALING_H
#define AXON_TARGETS_PRINTED_CORE_INPUTSCALING_H

#include "targets/printed/Core/Dataset.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace axon::printed {

enum class InputRounding {
  /// code = floor(t * (2^b - 1) + 0.5), t = (x - min) / (max - min).
  Nearest,
  /// code = floor(t * rangeHigh * 2^b) (the published designs' truncation).
  Floor,
};

struct InputQuantOptions {
  unsigned bits = 4;
  /// The float model's input range is [0, rangeHigh] on the training data.
  double rangeHigh = 1.0;
  InputRounding rounding = InputRounding::Nearest;

  /// The published designs' convention: [0, 0.9], floor(16 * x).
  static InputQuantOptions literature() {
    return {4, 0.9, InputRounding::Floor};
  }
};

/// Per-feature min-max scaler plus quantizer, fitted on training data.
struct InputScaler {
  InputQuantOptions options;
  std::vector<double> minimum;
  std::vector<double> maximum;

  unsigned numFeatures() const { return static_cast<unsigned>(minimum.size()); }
  unsigned maxCode() const { return (1u << options.bits) - 1; }
  /// Real value of one code step: the integer model's input scale.
  double codeStep() const;
  /// (x - min) / (max - min), unclipped; 0 for a constant training column.
  double normalized(unsigned feature, double x) const;
  /// The float model's input: normalized * rangeHigh (unclipped).
  double scaled(unsigned feature, double x) const {
    return normalized(feature, x) * options.rangeHigh;
  }
  /// The circuit's input code, clipped to [0, 2^bits - 1].
  unsigned quantize(unsigned feature, double x) const;
};

/// Fits min/max per feature on `train` (bits must be in [1, 8]).
InputScaler fitInputScaler(const Dataset &train,
                           InputQuantOptions options = {});

/// A dataset as the circuit sees it: one code per feature, row-major.
struct QuantizedData {
  unsigned numFeatures = 0;
  unsigned inputBits = 4;
  std::vector<uint8_t> codes;
  std::vector<unsigned> labels;

  unsigned numRows() const { return static_cast<unsigned>(labels.size()); }
  llvm::ArrayRef<uint8_t> row(unsigned r) const {
    return llvm::ArrayRef<uint8_t>(codes).slice(size_t(r) * numFeatures,
                                                numFeatures);
  }
};

QuantizedData quantizeDataset(const InputScaler &scaler, const Dataset &data);

/// The float model's inputs (scaled, unclipped), row-major.
std::vector<double> scaleDataset(const InputScaler &scaler,
                                 const Dataset &data);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_INPUTSCALING_H

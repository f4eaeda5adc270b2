//===- InputScaling.cpp - Min-max scaling and input quantization ----------===//
//
// The arithmetic order is part of the contract (the Verilog testbench inputs
// and any Python re-implementation must give the same codes), so every code is
// computed from t = (x - min) / (max - min) in double precision exactly as
// written in the header.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/InputScaling.h"

#include <algorithm>
#include <cmath>

using namespace axon::printed;

double InputScaler::codeStep() const {
  if (options.rounding == InputRounding::Floor)
    return std::ldexp(1.0, -static_cast<int>(options.bits));
  return options.rangeHigh / static_cast<double>(maxCode());
}

double InputScaler::normalized(unsigned feature, double x) const {
  double lo = minimum[feature], hi = maximum[feature];
  // A constant training column carries no information the model could have
  // learnt; mapping it (and any test value) to 0 keeps the circuit input fixed.
  if (!(hi > lo))
    return 0.0;
  return (x - lo) / (hi - lo);
}

unsigned InputScaler::quantize(unsigned feature, double x) const {
  double t = normalized(feature, x);
  double code;
  if (options.rounding == InputRounding::Floor)
    code = std::floor(t * (options.rangeHigh * std::ldexp(1.0, options.bits)));
  else
    code = std::floor(t * static_cast<double>(maxCode()) + 0.5);
  return static_cast<unsigned>(
      std::clamp(code, 0.0, static_cast<double>(maxCode())));
}

InputScaler axon::printed::fitInputScaler(const Dataset &train,
                                          InputQuantOptions options) {
  InputScaler s;
  s.options = options;
  s.options.bits = std::clamp(options.bits, 1u, 8u);
  unsigned n = train.numFeatures;
  s.minimum.assign(n, 0.0);
  s.maximum.assign(n, 0.0);
  for (unsigned r = 0; r < train.numRows(); ++r) {
    llvm::ArrayRef<double> row = train.row(r);
    for (unsigned f = 0; f < n; ++f) {
      if (r == 0 || row[f] < s.minimum[f])
        s.minimum[f] = row[f];
      if (r == 0 || row[f] > s.maximum[f])
        s.maximum[f] = row[f];
    }
  }
  return s;
}

QuantizedData axon::printed::quantizeDataset(const InputScaler &scaler,
                                             const Dataset &data) {
  QuantizedData q;
  q.numFeatures = data.numFeatures;
  q.inputBits = scaler.options.bits;
  q.labels = data.labels;
  q.codes.reserve(data.features.size());
  for (unsigned r = 0; r < data.numRows(); ++r) {
    llvm::ArrayRef<double> row = data.row(r);
    for (unsigned f = 0; f < data.numFeatures; ++f)
      q.codes.push_back(static_cast<uint8_t>(scaler.quantize(f, row[f])));
  }
  return q;
}

std::vector<double> axon::printed::scaleDataset(const InputScaler &scaler,
                                                const Dataset &data) {
  std::vector<double> out;
  out.reserve(data.features.size());
  for (unsigned r = 0; r < data.numRows(); ++r) {
    llvm::ArrayRef<double> row = data.row(r);
    for (unsigned f = 0; f < data.numFeatures; ++f)
      out.push_back(scaler.scaled(f, row[f]));
  }
  return out;
}

//===- IntMLP.h - The bit-exact integer model of a printed MLP --*- C++ -*-===//
//
// This is THE reference for a printed MLP circuit: every shift, truncation and
// clamp the hardware performs is defined here, and the Verilog emitted later
// must match `predictInt` bit for bit (docs/targets/printed.md restates the
// rules).  Per neuron of a layer with inputs a_j (unsigned):
//
//   for every weight w_ij and every CSD digit d * 2^t of w_ij:
//       term = dropLowBits(a_j << t, k_i)        (k_i = pruneBits[i])
//       goes to P_i if d = +1, to N_i if d = -1
//   b' = (b_i >> k_i) << k_i  (arithmetic), added to P_i if > 0, N_i if < 0
//   acc_i = P_i - N_i                             (exact, no overflow)
//   hidden:  h_i = min(max(acc_i, 0) >> actShift, 2^actBits - 1)
//   output:  class = argmax_i acc_i, the lowest index on ties
//
// The range analysis gives the exact width of every sum from the weights and
// the input ranges (inputs of one layer treated as independent).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_INTMLP_H
#define AXON_TARGETS_PRINTED_CORE_INTMLP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <vector>

namespace axon::printed {

struct IntLayer {
  unsigned numInputs = 0;
  unsigned numOutputs = 0;
  std::vector<int32_t> weights;   // [out][in], row-major
  std::vector<int64_t> biases;    // [out], at the accumulator scale
  std::vector<uint8_t> pruneBits; // [out], k_i: low bits dropped per term
  /// Hidden layers only: truncated ReLU h = min(relu(acc) >> actShift,
  /// 2^actBits - 1).  Ignored for the output layer.
  unsigned actShift = 0;
  unsigned actBits = 8;

  int32_t weight(unsigned o, unsigned i) const {
    return weights[size_t(o) * numInputs + i];
  }
  int32_t &weight(unsigned o, unsigned i) {
    return weights[size_t(o) * numInputs + i];
  }
};

struct IntMLP {
  /// Width of the primary inputs (codes 0 .. 2^inputBits - 1).
  unsigned inputBits = 4;
  std::vector<IntLayer> layers;

  unsigned numInputs() const {
    return layers.empty() ? 0 : layers.front().numInputs;
  }
  unsigned numClasses() const {
    return layers.empty() ? 0 : layers.back().numOutputs;
  }
  /// Shapes chain, per-neuron vectors sized, widths in range (inputBits in
  /// [1, 8], actBits in [1, 16], actShift <= 40, pruneBits <= 40).
  llvm::Error verify() const;
};

//===----------------------------------------------------------------------===//
// The arithmetic of one neuron
//===----------------------------------------------------------------------===//

/// (x >> k) << k: the term with its k low bits dropped.
inline uint64_t dropLowBits(uint64_t x, unsigned k) {
  return k >= 64 ? 0 : (x >> k) << k;
}

/// The bias after pruning: floor(b / 2^k) * 2^k.
inline int64_t prunedBias(int64_t b, unsigned k) {
  return k >= 63 ? (b < 0 ? INT64_MIN : 0) : (b >> k) * (int64_t(1) << k);
}

/// The partial products of w * a, pruned by k, split by digit sign.
struct SplitProduct {
  uint64_t pos = 0;
  uint64_t neg = 0;
  int64_t value() const {
    return static_cast<int64_t>(pos) - static_cast<int64_t>(neg);
  }
};
SplitProduct splitProduct(int32_t w, uint64_t a, unsigned k);

/// Truncated ReLU of a hidden neuron.
inline uint64_t activate(int64_t acc, unsigned shift, unsigned bits) {
  if (acc <= 0)
    return 0;
  uint64_t v = static_cast<uint64_t>(acc) >> shift;
  uint64_t top = (uint64_t(1) << bits) - 1;
  return v < top ? v : top;
}

/// The output layer's accumulators for one input row (straight from the rules
/// above; the fast evaluator is tested against this).
std::vector<int64_t> outputAccumulators(const IntMLP &model,
                                        llvm::ArrayRef<uint8_t> codes);

/// The class the circuit outputs for one input row.
unsigned predictInt(const IntMLP &model, llvm::ArrayRef<uint8_t> codes);

//===----------------------------------------------------------------------===//
// Exact ranges and widths
//===----------------------------------------------------------------------===//

/// Bits of an unsigned value (0 for 0).
unsigned unsignedWidth(uint64_t v);
/// Two's complement bits to hold every value of [lo, hi] (at least 1).
unsigned signedWidth(int64_t lo, int64_t hi);

struct NeuronRange {
  uint64_t posMin = 0, posMax = 0; // P_i
  uint64_t negMin = 0, negMax = 0; // N_i
  int64_t accMin = 0, accMax = 0;  // P_i - N_i
  unsigned posBits = 0, negBits = 0, accBits = 1;
};

struct LayerRange {
  std::vector<uint64_t> inputMax; // per input: largest value it can take
  std::vector<NeuronRange> neurons;
  /// Hidden layers: the largest activation per neuron (next layer's inputMax).
  std::vector<uint64_t> outputMax;
};

/// Min/max of w * a pruned by k over a in [0, aMax] (exact; the pruned
/// product need not be monotone in a).
std::pair<int64_t, int64_t> productRange(int32_t w, uint64_t aMax, unsigned k);

std::vector<LayerRange> analyzeRanges(const IntMLP &model);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_INTMLP_H

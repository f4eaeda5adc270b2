//===- Arith.h - Arithmetic policies of the number profiles -----*- C++ -*-===//
//
// The generic kernels (synaptic ops, pooling, delay, ANN ops) are written once
// against these policies; a profile is a policy plus its neuron kernels.
// Every operation here is exact or rounds as FixedPoint.h documents, so the
// generic kernels add no rounding of their own.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_ARITH_H
#define AXON_LIB_SIMULATE_ARITH_H

#include "axon/Simulate/FixedPoint.h"

#include <cmath>
#include <cstdint>

namespace axon::sim {

/// double everywhere; accumulation in the order the kernels state.
struct FloatArith {
  using V = double;
  using W = double;
  using Acc = double;
  static V one() { return 1.0; }
  static W unitWeight() { return 1.0; }
  /// A real parameter compared with or clamped against values.
  static V param(double x) { return x; }
  static Acc mac(Acc a, W w, V x) { return a + w * x; }
  /// mac(a, w, one()), exactly.
  static Acc addWeight(Acc a, W w) { return a + w; }
  static V finish(Acc a) { return a; }
  static V average(Acc sum, int64_t n) { return sum / double(n); }
  static double unit() { return 1.0; }
  static V fromIndex(int64_t i) { return double(i); }
};

/// s16.15 values and weights (weight = weight_int << shift, already in
/// s16.15); products are floor-shifted per term, sums are exact in int64 and
/// saturate to int32 once, when the op's output is written.
struct SpinnakerArith {
  using V = int32_t;
  using W = int32_t;
  using Acc = int64_t;
  static V one() { return fixed::kAccumOne; }
  static W unitWeight() { return fixed::kAccumOne; }
  static V param(double x) { return fixed::toS1615(x); }
  static Acc mac(Acc a, W w, V x) {
    return a + fixed::floorShift(int64_t(w) * x, fixed::kAccumFracBits);
  }
  static Acc addWeight(Acc a, W w) { return a + w; }
  static V finish(Acc a) { return fixed::saturate32(a); }
  static V average(Acc sum, int64_t n) {
    return fixed::mulS1615(fixed::saturate32(sum), fixed::toS1615(1.0 / n));
  }
  static double unit() { return 1.0 / fixed::kAccumOne; }
  static V fromIndex(int64_t i) {
    return fixed::saturate32(i * int64_t(fixed::kAccumOne));
  }
};

/// Loihi: spikes are 0/1, weights are 8-bit mantissas; the exponent and the
/// << 6 alignment are applied by the synaptic op's post-processing.
struct LoihiArith {
  using V = int32_t;
  using W = int32_t;
  using Acc = int64_t;
  static V one() { return 1; }
  static W unitWeight() { return 1; }
  static V param(double x) {
    return fixed::saturate32(fixed::roundHalfEven(x));
  }
  static Acc mac(Acc a, W w, V x) { return a + int64_t(w) * x; }
  static Acc addWeight(Acc a, W w) { return a + w; }
  static V finish(Acc a) { return fixed::saturate32(a); }
  static V average(Acc sum, int64_t n) { return finish(sum / n); }
  static double unit() { return 1.0; }
  static V fromIndex(int64_t i) { return V(i); }
};

/// int64 everywhere (printed MLPs, BNNs).  Sums wrap modulo 2^64 instead of
/// overflowing (never reached by realistic sizes); averages floor.
struct IntArith {
  using V = int64_t;
  using W = int64_t;
  using Acc = int64_t;
  static V one() { return 1; }
  static W unitWeight() { return 1; }
  /// x > t and x < t for integer x are x > floor(t) and x < ceil(t); callers
  /// needing exactness check integrality first (thresholds use floor).
  static V param(double x) { return fixed::roundHalfEven(std::floor(x)); }
  static Acc mac(Acc a, W w, V x) {
    return int64_t(uint64_t(a) + uint64_t(w) * uint64_t(x));
  }
  static Acc addWeight(Acc a, W w) {
    return int64_t(uint64_t(a) + uint64_t(w));
  }
  static V finish(Acc a) { return a; }
  static V average(Acc sum, int64_t n) {
    int64_t q = sum / n;
    return (sum % n != 0 && (sum < 0) != (n < 0)) ? q - 1 : q;
  }
  static double unit() { return 1.0; }
  static V fromIndex(int64_t i) { return i; }
};

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_ARITH_H

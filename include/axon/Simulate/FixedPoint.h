//===- FixedPoint.h - Fixed-point number formats ----------------*- C++ -*-===//
//
// Every conversion from a float parameter to a hardware integer, and every
// integer operation whose rounding matters, lives here so that the simulator
// profiles and the quantization pass (written later) share EXACTLY the same
// functions.  docs/simulator.md states each rounding; the unit tests pin them.
//
//   SpiNNaker: s16.15 "accum" (int32, 15 fraction bits).  Host-side
//   conversions round half to even (as sPyNNaker's DataType.S1615 encoder and
//   numpy.rint do); on-core multiplies truncate toward minus infinity (GCC's
//   stdfix accum multiply is an arithmetic shift) and saturate, as
//   spinn_common's
//   __stdfix_smul_k does.  Decay factors exp(-dt/tau) are s16.15, like
//   sPyNNaker's LIF exp_TC.  Weights are 16-bit magnitudes with a
//   per-population left shift: input = weight_int << shift (s16.15 raw).
//
//   Loihi: 12-bit decays, 24-bit state, 8-bit weight mantissas with exponent,
//   threshold mantissa << 6, as Lava's bit-accurate LIF model.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SIMULATE_FIXEDPOINT_H
#define AXON_SIMULATE_FIXEDPOINT_H

#include "axon/Simulate/Network.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace axon::sim::fixed {

//===----------------------------------------------------------------------===//
// Rounding
//===----------------------------------------------------------------------===//

/// Nearest integer, ties to even, independent of the FPU rounding mode;
/// saturates to the int64 range (NaN -> 0).
int64_t roundHalfEven(double x);
/// x if it is an integer representable in int64.
std::optional<int64_t> exactInteger(double x);

inline int32_t saturate32(int64_t x) {
  if (x > std::numeric_limits<int32_t>::max())
    return std::numeric_limits<int32_t>::max();
  if (x < std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(x);
}

/// floor(x / 2^n): an arithmetic shift right (two's complement; defined by
/// C++20 and by GCC and Clang in every mode).
inline int64_t floorShift(int64_t x, unsigned n) { return x >> n; }

//===----------------------------------------------------------------------===//
// s16.15 accum (SpiNNaker)
//===----------------------------------------------------------------------===//

constexpr unsigned kAccumFracBits = 15;
constexpr int32_t kAccumOne = 1 << kAccumFracBits;

/// round_half_even(x * 2^15), saturated to int32.
int32_t toS1615(double x);
inline double fromS1615(int32_t raw) { return raw / double(kAccumOne); }

inline int32_t addS1615(int32_t a, int32_t b) {
  return saturate32(int64_t(a) + b);
}
inline int32_t subS1615(int32_t a, int32_t b) {
  return saturate32(int64_t(a) - b);
}
/// floor(a * b / 2^15), saturated: the exact 64-bit product, then an
/// arithmetic shift (truncation toward minus infinity).
inline int32_t mulS1615(int32_t a, int32_t b) {
  return saturate32(floorShift(int64_t(a) * b, kAccumFracBits));
}

/// exp(-dt / tau) rounded to s16.15 (raw in [0, 32768]).
int32_t decayS1615(double dt, double tau);

/// Largest 16-bit synaptic weight magnitude.
constexpr int64_t kWeightMax = 65535;
constexpr unsigned kMaxWeightShift = 15;

/// Smallest left shift s in [0, 15] such that maxSummedInput * 2^(15 - s)
/// <= 65535, i.e. the largest per-neuron sum of positive (or of negative)
/// weights fits a 16-bit ring-buffer entry; 15 if none does.
unsigned chooseWeightShift(double maxSummedInput);
/// sign(w) * min(round_half_even(|w| * 2^(15 - shift)), 65535).
int32_t quantizeWeight(double w, unsigned shift);
/// The s16.15 input a quantized weight delivers: weight_int << shift.
inline int32_t weightToInput(int32_t weightInt, unsigned shift) {
  return static_cast<int32_t>(int64_t(weightInt) * (int64_t(1) << shift));
}
/// Real value a weight takes after quantization with `shift`.
inline double quantizedWeightValue(double w, unsigned shift) {
  return fromS1615(weightToInput(quantizeWeight(w, shift), shift));
}

/// Per-postsynaptic sums of positive weights and of |negative| weights.
struct InputSums {
  std::vector<double> pos, neg;
  explicit InputSums(size_t n = 0) : pos(n, 0.0), neg(n, 0.0) {}
  double max() const;
  void add(const InputSums &other);
};
/// Input sums of a synaptic node (Affine/Linear dense or sparse, Conv: every
/// output of a channel gets the sums of that channel's full kernel).
InputSums synapticInputSums(const Node &node);

/// The weight shift of every synaptic node of a finalized network (-1 for
/// other nodes).  Shifts are per population: a non-synaptic node fed by
/// synaptic nodes sums their InputSums element-wise and chooses one shift;
/// each synaptic node takes the largest shift among its consumers (its own
/// choice when no non-synaptic node consumes it).  A node with a
/// `snn.weight_shift` parameter (recorded by snn-quantize) keeps that shift.
std::vector<int> spinnakerWeightShifts(const Network &net);

//===----------------------------------------------------------------------===//
// Loihi
//===----------------------------------------------------------------------===//

constexpr unsigned kLoihiDecayBits = 12;
constexpr int32_t kLoihiDecayOne = 1 << kLoihiDecayBits; // 4096
constexpr unsigned kLoihiStateBits = 24;
constexpr int32_t kLoihiStateMax = (1 << 23) - 1;
constexpr unsigned kLoihiThresholdShift = 6;
constexpr unsigned kLoihiActivationShift = 6;
constexpr int kLoihiMinWeightExp = -8, kLoihiMaxWeightExp = 7;
constexpr int32_t kLoihiMaxThresholdMant = (1 << 17) - 1;

/// d = clamp(round_half_even(4096 * dt / tau), 0, 4096); the state keeps
/// (4096 - d) / 4096 of itself per step.
int32_t loihiDecayConstant(double dt, double tau);
/// sign(x) * ((|x| * (4096 - d)) >> 12): the product is exact (64-bit), the
/// shift truncates the magnitude (rounds toward zero), as Lava does.
inline int64_t loihiDecay(int64_t x, int32_t d) {
  int64_t mag = ((x < 0 ? -x : x) * (kLoihiDecayOne - d)) >> kLoihiDecayBits;
  return x < 0 ? -mag : mag;
}
/// Two's-complement wrap to 24 bits: result in [-2^23, 2^23 - 1].
inline int32_t wrap24(int64_t x) {
  uint64_t u = static_cast<uint64_t>(x) & 0xFFFFFFu;
  return u & 0x800000u ? static_cast<int32_t>(u) - (1 << 24)
                       : static_cast<int32_t>(u);
}
/// Saturation to [-(2^23 - 1), 2^23 - 1] (Lava's voltage clip bounds).
inline int32_t saturate24(int64_t x) {
  if (x > kLoihiStateMax)
    return kLoihiStateMax;
  if (x < -kLoihiStateMax)
    return -kLoihiStateMax;
  return static_cast<int32_t>(x);
}
inline int32_t loihiThreshold(int32_t mant) {
  return mant << kLoihiThresholdShift;
}
/// State fraction bits q (real = int / 2^q): the largest q in [0, 30] with
/// maxAbs * 2^q <= 2^22 (half the 24-bit range, headroom for overshoot) and
/// round(maxAbs * 2^q / 64) <= 2^17 - 1 (threshold mantissa); 16 for 0.
int loihiStateFracBits(double maxAbs);
/// Smallest exponent e in [-8, 7] with round(maxAbs / 2^(6 + e)) <= 127 for
/// weights already in state units; 7 if none.
int chooseLoihiWeightExponent(double maxAbs);
/// clamp(round_half_even(w / 2^(6 + e)), -128, 127).
int32_t loihiWeightMantissa(double w, int exponent);
/// The input delivered to u by an accumulated mantissa sum: sum * 2^(6 + e)
/// (an arithmetic, flooring shift when 6 + e < 0).
inline int64_t loihiActivation(int64_t sum, int exponent) {
  int shift = int(kLoihiActivationShift) + exponent;
  return shift >= 0 ? sum * (int64_t(1) << shift) : floorShift(sum, -shift);
}

} // namespace axon::sim::fixed

#endif // AXON_SIMULATE_FIXEDPOINT_H

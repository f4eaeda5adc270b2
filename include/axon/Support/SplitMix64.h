//===- SplitMix64.h - Portable seeded random numbers ------------*- C++ -*-===//
//
// Everything in Axon that draws random numbers (the rate encoder, the
// printed-MLP search, the replay's input spikes, generated benchmark
// networks, test data) must give the same numbers for the same seed on every
// platform and thread count.  The standard <random> distributions are
// implementation-defined, so Axon uses this SplitMix64 generator (Steele, Lea
// and Flood 2014; the mixing function ARCHITECTURE.md names for the synthetic
// SpiNNaker graphs) through integer-only helpers.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SUPPORT_SPLITMIX64_H
#define AXON_SUPPORT_SPLITMIX64_H

#include <cstdint>

namespace axon {

/// SplitMix64: state += golden gamma; output = mix(state).
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed = 0) : state(seed) {}

  /// The output for a counter value `x`: mix(x + gamma).  A bijection, also
  /// usable as a stateless hash (next() == hash(old state)).
  static uint64_t hash(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
  }

  uint64_t next() {
    uint64_t z = hash(state);
    state += 0x9E3779B97F4A7C15ull;
    return z;
  }

  /// Uniform integer in [0, n) (n > 0), by rejection so it is unbiased.
  uint64_t below(uint64_t n) {
    uint64_t limit = ~0ull - (~0ull % n);
    uint64_t z;
    do
      z = next();
    while (z >= limit);
    return z % n;
  }

  /// Uniform integer in [lo, hi] (lo <= hi).
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }

  /// Uniform double in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform double in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  /// True with probability p.
  bool chance(double p) { return uniform() < p; }

  /// A seed for an independent stream (e.g. one per child or thread).
  uint64_t fork() { return next() ^ 0xD1B54A32D192ED03ull; }

private:
  uint64_t state;
};

} // namespace axon

#endif // AXON_SUPPORT_SPLITMIX64_H

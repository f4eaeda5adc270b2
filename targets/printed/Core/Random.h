//===- Random.h - Portable seeded random numbers for the search -*- C++ -*-===//
//
// The approximation search must give the same Pareto front for the same seed
// on every platform and thread count.  The standard <random> distributions
// are implementation-defined, so the search draws everything from this
// SplitMix64 generator (the same mixing function ARCHITECTURE.md uses for the
// synthetic SpiNNaker graphs) through integer-only helpers.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_RANDOM_H
#define AXON_TARGETS_PRINTED_CORE_RANDOM_H

#include <cstdint>

namespace axon::printed {

/// SplitMix64: state += golden gamma; output = mix(state).
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}

  uint64_t next() {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
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
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// True with probability p.
  bool chance(double p) { return unit() < p; }

  /// A seed for an independent stream (used to give each child its own).
  uint64_t fork() { return next() ^ 0xD1B54A32D192ED03ull; }

private:
  uint64_t state;
};

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_RANDOM_H

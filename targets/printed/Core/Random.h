//===- Random.h - Portable seeded random numbers for the search -*- C++ -*-===//
//
// The approximation search must give the same Pareto front for the same seed
// on every platform and thread count, so it draws everything from Axon's
// SplitMix64 (axon/Support/SplitMix64.h) through integer-only helpers.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_RANDOM_H
#define AXON_TARGETS_PRINTED_CORE_RANDOM_H

#include "axon/Support/SplitMix64.h"

#include <cstdint>

namespace axon::printed {

using axon::SplitMix64;

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_RANDOM_H

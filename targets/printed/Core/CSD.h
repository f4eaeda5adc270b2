//===- CSD.h - Canonical signed digit recoding of constants -----*- C++ -*-===//
//
// A bespoke printed MLP multiplies each input by a hard-wired weight with a
// shift-add network, one adder per nonzero digit beyond the first.  The
// canonical signed digit form (the non-adjacent form, NAF: digits in
// {-1, 0, +1}, no two adjacent nonzeros) has the fewest nonzero digits of all
// signed-digit forms and is unique, so the integer reference model, the cost
// model and the Verilog emitter can all derive the same partial products from
// a weight value alone.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_CSD_H
#define AXON_TARGETS_PRINTED_CORE_CSD_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace axon::printed {

/// One nonzero digit: value sign * 2^shift.
struct CSDDigit {
  int8_t sign; // +1 or -1
  uint8_t shift;
};

/// The CSD (non-adjacent form) of v, least significant digit first; empty for
/// v == 0.  NAF(-v) is NAF(v) with every sign flipped.
llvm::SmallVector<CSDDigit, 8> toCSD(int64_t v);

/// Number of nonzero CSD digits of v (0 for v == 0).
unsigned csdNonZeros(int64_t v);

/// Sum of sign * 2^shift over the digits.
int64_t fromCSD(llvm::ArrayRef<CSDDigit> digits);

/// The nearest values below and above v, inside [lo, hi], whose CSD has
/// strictly fewer nonzero digits than v (none for v == 0).
struct CheaperNeighbors {
  std::optional<int64_t> below;
  std::optional<int64_t> above;
};
CheaperNeighbors cheaperNeighbors(int64_t v, int64_t lo, int64_t hi);

/// The power of two (with v's sign) nearest to v; ties go to the smaller
/// magnitude; 0 stays 0.
int64_t nearestPowerOfTwo(int64_t v);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_CSD_H

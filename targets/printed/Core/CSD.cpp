//===- CSD.cpp - Canonical signed digit recoding of constants -------------===//
//
// The NAF is built from the least significant end: an odd remainder takes the
// digit 2 - (r mod 4), which makes the next remainder even, so no two nonzero
// digits touch.  Negative values are recoded as their magnitude with every
// sign flipped, which is the NAF of the negative value.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/CSD.h"

#include <cstdlib>

using namespace axon::printed;

llvm::SmallVector<CSDDigit, 8> axon::printed::toCSD(int64_t v) {
  llvm::SmallVector<CSDDigit, 8> digits;
  int8_t sign = v < 0 ? -1 : 1;
  // The magnitude fits in uint64_t even for INT64_MIN, and r + 1 below never
  // wraps because r <= 2^63.
  uint64_t r = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  for (unsigned shift = 0; r != 0; ++shift, r >>= 1) {
    if (!(r & 1))
      continue;
    bool minus = (r & 2) != 0;
    digits.push_back({static_cast<int8_t>(minus ? -sign : sign),
                      static_cast<uint8_t>(shift)});
    r = minus ? r + 1 : r - 1;
  }
  return digits;
}

unsigned axon::printed::csdNonZeros(int64_t v) {
  uint64_t x = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  unsigned count = 0;
  while (x != 0) {
    if (x & 1) {
      ++count;
      // Digit -1 when x mod 4 == 3 (x becomes x + 1), else +1 (x - 1).
      x = (x & 2) ? x + 1 : x - 1;
    }
    x >>= 1;
  }
  return count;
}

int64_t axon::printed::fromCSD(llvm::ArrayRef<CSDDigit> digits) {
  int64_t v = 0;
  for (const CSDDigit &d : digits)
    v += static_cast<int64_t>(d.sign) * (int64_t(1) << d.shift);
  return v;
}

CheaperNeighbors axon::printed::cheaperNeighbors(int64_t v, int64_t lo,
                                                 int64_t hi) {
  CheaperNeighbors result;
  unsigned cost = csdNonZeros(v);
  if (cost == 0)
    return result;
  for (int64_t c = v - 1; c >= lo; --c)
    if (csdNonZeros(c) < cost) {
      result.below = c;
      break;
    }
  for (int64_t c = v + 1; c <= hi; ++c)
    if (csdNonZeros(c) < cost) {
      result.above = c;
      break;
    }
  return result;
}

int64_t axon::printed::nearestPowerOfTwo(int64_t v) {
  if (v == 0)
    return 0;
  int64_t mag = v < 0 ? -v : v;
  int64_t lower = 1;
  while (lower * 2 <= mag)
    lower *= 2;
  int64_t upper = lower * 2;
  int64_t best = (mag - lower <= upper - mag) ? lower : upper;
  return v < 0 ? -best : best;
}

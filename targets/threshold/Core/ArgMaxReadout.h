//===- ArgMaxReadout.h - ArgMax readout as threshold gates ------*- C++ -*-===//
//
// A binarized classifier ends in a score layer read by ArgMax: class k
// scores y_k = BN_k(alpha_k * a_k + bias_k) with a_k = sum_i w_ki s_i over
// the +-1 bits s_i of the previous layer, and the prediction is the first
// maximal score.  The readout is built from threshold gates only:
//
//  * one comparator per pair j < k, c_jk = [y_j >= y_k].  y_j and y_k are
//    monotone in a_j and a_k, so c_jk is a half-plane over the grid of
//    reachable (a_j, a_k); integers (p, q, T) with c_jk = [p a_j + q a_k >= T]
//    on every grid point are found by trying, for d = 1, 2, ..., the
//    integer directions next to the real one (the Farey-neighbour argument in
//    docs/targets/threshold.md bounds d by about twice the grid width), and
//    every candidate is checked on the whole grid, so the comparator is exact
//    for the double-precision scores.  Because a_j and a_k read the same
//    bits, the comparator is one gate over the previous layer:
//    sum_i 2 (p w_ji + q w_ki) x_i >= T + sum_i (p w_ji + q w_ki);
//    With five or more classes (ReadoutStyle) the comparators share work
//    instead: each class gets the binary count P_k of the inputs agreeing
//    with its +-1 weights (a_k = 2 P_k - N_k) from threshold full adders,
//    and c_jk = [y_j(P_j) >= y_k(P_k)] is, for every value v of P_k, a
//    half-line [sigma P_j >= f(v)] (sigma = +-1 is the direction of y_j).
//    With tau in {-1, 0, 1} chosen to flatten f, the comparator is one gate
//    over both counts, sigma P_j - tau P_k - sum_t d_t [P_k >= t] >= f(0),
//    where the few steps [P_k >= t] of f(v) - tau v are shared gates over
//    the bits of P_k.  The fit is checked on the whole (P_j, P_k) grid of
//    double-precision scores;
//  * one AND gate per class, win_k = AND_{j<k} !c_jk AND AND_{j>k} c_kj (the
//    first maximum wins, as ONNX and the reference simulator break ties);
//  * one OR gate per bit b of the class index over the winners whose index
//    has bit b set.
//
// Scores are evaluated in the reference simulator's operation order,
// (z - mean) * (gamma / sqrt(var + eps)) + beta.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_ARGMAXREADOUT_H
#define AXON_TARGETS_THRESHOLD_CORE_ARGMAXREADOUT_H

#include "targets/threshold/Core/BinarizedNetwork.h"

namespace axon::threshold {

/// The score ArgMax compares for pre-activation `a`, in the reference
/// simulator's order of operations.
double readoutScore(int64_t a, const NeuronParams &params);

/// Integers with [p * u + q * v >= threshold] == [score_j(u) >= score_k(v)]
/// for every u in {-rangeJ, -rangeJ + 2, .., rangeJ} and v likewise.
struct PairComparator {
  bool isConstant = false;
  bool constantValue = false;
  int64_t p = 0, q = 0, threshold = 0;
};

llvm::Expected<PairComparator> findPairComparator(const NeuronParams &j,
                                                  int64_t rangeJ,
                                                  const NeuronParams &k,
                                                  int64_t rangeK);

/// Number of output bits of a class index over `numClasses` classes.
unsigned classIndexBits(unsigned numClasses);

/// How the pairwise comparisons are built.
enum class ReadoutStyle {
  /// SharedCounts from kSharedCountMinClasses classes on, else Pairwise.
  Auto,
  /// One wide gate per pair over the inputs (above).
  Pairwise,
  /// Shared per-class counts (above); falls back to Pairwise for weights
  /// beyond +-1.
  SharedCounts,
};

/// With c classes the pairwise form builds c (c - 1) / 2 wide gates over all
/// inputs, the shared form c binary counts plus small comparators: the
/// counts pay off once each class takes part in about two comparisons.
constexpr unsigned kSharedCountMinClasses = 5;

/// Appends the readout of `layer` (a score layer over the +-1 bits `inputs`)
/// to `net`, tagging comparators with `tag` and the winner/index gates with
/// `tag + 1`; returns the class index bits, least significant first.
llvm::Expected<std::vector<SignalId>>
buildArgMaxReadout(Netlist &net, const BinaryLayer &layer,
                   llvm::ArrayRef<SignalId> inputs, int32_t tag,
                   ReadoutStyle style = ReadoutStyle::Auto);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_ARGMAXREADOUT_H

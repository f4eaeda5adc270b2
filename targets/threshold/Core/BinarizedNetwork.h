//===- BinarizedNetwork.h - Binarized networks as threshold gates -*- C++ -*-=//
//
// The model a binarized neural network is lowered from, and the folding of
// each neuron (optional per-neuron scale and bias, BatchNorm, sign) into one
// integer threshold gate over 0/1 input bits.
//
// Encoding: a binary activation s in {-1, +1} is the bit x = (s + 1) / 2.
// A neuron of a binary layer with integer weights w_i (normally +-1 or 0)
// computes
//   a = sum_i w_i s_i                       (pre-activation, an integer)
//   z = alpha * a + bias                    (alpha > 0: real weights that were
//                                            binarized as alpha * sign(w))
//   y = gamma * (z - mean) / sqrt(var + eps) + beta   (if BatchNorm)
//   out bit = [y >= 0]   (sign(0) = +1; SignAtZero::MinusOne gives [y > 0])
// With G = sum_i w_i x_i we have a = 2 G - sum_i w_i, so a only takes values
// of one parity and the output is [G >= T] (or [-G >= -T'] when gamma < 0,
// or a constant when gamma = 0).  T is chosen by integer search over G with
// the double-precision formula above evaluated exactly as written: that
// formula is monotone in G under IEEE rounding, so the gate reproduces it
// bit for bit, including rounding at ties and var/eps edge cases, instead of
// trusting a closed form for the threshold.
//
// The first layer may instead read unsigned B-bit integers u_j (inputBits =
// B).  Then a = sum_j w_j u_j and each u_j is expanded into bit planes
// u_j = sum_b 2^b x_{j,b}, so the neuron is the weighted threshold gate
// [sum_j sum_b w_j 2^b x_{j,b} >= T] over the bits x_{j,b} (inputs ordered
// x0_b0 .. x0_b(B-1), x1_b0, ...).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_BINARIZEDNETWORK_H
#define AXON_TARGETS_THRESHOLD_CORE_BINARIZEDNETWORK_H

#include "targets/threshold/Core/Netlist.h"

#include <optional>

namespace axon::threshold {

struct BatchNormParams {
  double gamma = 1.0;
  double beta = 0.0;
  double mean = 0.0;
  double var = 1.0;
  double eps = 0.0;
};

/// Which bit sign(0) produces.  ONNX's Sign(0) is 0, which has no binary
/// encoding; PlusOne (the default, as in most BNN training code) maps it to
/// the bit 1, MinusOne to the bit 0.
enum class SignAtZero { PlusOne, MinusOne };

struct NeuronParams {
  double alpha = 1.0;
  double bias = 0.0;
  std::optional<BatchNormParams> batchNorm;
};

struct BinaryLayer {
  std::string name;
  /// Number of inputs (integers for a multi-bit first layer, else bits).
  unsigned numInputs = 0;
  unsigned numOutputs = 0;
  /// Row-major [output][input] integer weights.
  std::vector<int64_t> weights;
  /// One entry per output, or empty for default parameters.
  std::vector<NeuronParams> neurons;
};

struct BinarizedNetwork {
  std::string name = "bnn";
  /// 0: the first layer reads +-1 bits; B >= 1: unsigned B-bit integers.
  unsigned inputBits = 0;
  SignAtZero signAtZero = SignAtZero::PlusOne;
  std::vector<BinaryLayer> layers;
  /// The last layer is a score layer read by ArgMax (no sign): the netlist
  /// then outputs the class index (see ArgMaxReadout.h).
  bool argMaxReadout = false;
};

/// One neuron folded into a threshold gate over its (expanded) input bits.
struct FoldedNeuron {
  bool isConstant = false;
  bool constantValue = false;
  /// One weight per input bit (zero weights are kept here).
  std::vector<int64_t> weights;
  int64_t threshold = 0;
};

/// The neuron's decision for pre-activation `a`, evaluated in double exactly
/// as the formula in the file comment is written.
bool neuronDecision(int64_t a, const NeuronParams &params, SignAtZero zero);

/// Folds one neuron with the given integer weights.  `inputBits` = 0 means
/// +-1 inputs, B >= 1 means unsigned B-bit inputs (bit-plane expansion).
llvm::Expected<FoldedNeuron> foldNeuron(llvm::ArrayRef<int64_t> weights,
                                        unsigned inputBits,
                                        const NeuronParams &params,
                                        SignAtZero zero);

/// One gate per neuron (tagged with its layer index); outputs are the bits
/// of the last layer, named y0, y1, ...; inputs are named x<i> (binary) or
/// x<i>_b<b> (bit b of integer input i).  With an ArgMax readout the outputs
/// are the class index bits class_b0 (least significant), class_b1, ...
llvm::Expected<Netlist> buildNetlist(const BinarizedNetwork &network);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_BINARIZEDNETWORK_H

//===- SNNReader.h - Read a binarized snn.network as layers -----*- C++ -*-===//
//
// The front half of convert-snn-to-tlg, shared with axonc: recognises an
// snn.network that is a chain of binarized layers and returns it as the
// Core's BinarizedNetwork, with the location of each layer's synaptic op so
// that gates and diagnostics point at the source (ONNX node, NIR node).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_SNNREADER_H
#define AXON_TARGETS_THRESHOLD_SNNREADER_H

#include "dialects/snn/SNNOps.h"
#include "targets/threshold/Core/BinarizedNetwork.h"

namespace axon::threshold {

struct SNNBinarizedNetwork {
  BinarizedNetwork network;
  /// Location of layer l's snn.linear / snn.affine; with an ArgMax readout
  /// one more entry, the snn.argmax.
  llvm::SmallVector<mlir::Location> layerLocs;
};

/// Reads `network` (see ConvertSNNToTLG's description for what is accepted);
/// emits an error at the offending op and fails on anything else.
/// `inputBits` = 0: +-1 inputs; B >= 1: unsigned B-bit inputs.
mlir::FailureOr<SNNBinarizedNetwork>
readBinarizedNetwork(snn::NetworkOp network, unsigned inputBits);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_SNNREADER_H

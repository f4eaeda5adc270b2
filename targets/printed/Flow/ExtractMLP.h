//===- ExtractMLP.h - Read a dense classifier out of snn IR -----*- C++ -*-===//
//
// The printed flow starts from a FloatMLP (targets/printed/Core).  Models
// arrive as snn IR (imported from ONNX, NIR or written as .mlir), so this is
// the bridge: it accepts exactly the networks a bespoke printed MLP can
// implement and points a diagnostic at the first op that is not one.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_FLOW_EXTRACTMLP_H
#define AXON_TARGETS_PRINTED_FLOW_EXTRACTMLP_H

#include "dialects/snn/SNNOps.h"
#include "targets/printed/Core/FloatMLP.h"

#include "mlir/Support/LogicalResult.h"

namespace axon::printed {

/// The float MLP of `network`.  Accepted: one `snn.input` of rank 1 (a
/// `snn.flatten` to rank 1 may follow it), then a chain of `snn.affine` /
/// `snn.linear` layers with one `snn.relu` after every layer but the last,
/// an optional `snn.argmax`, and one `snn.output`.  Every op takes a single
/// operand and every op of the network must lie on that chain.  Anything else
/// (convolutions, pooling, spiking neurons, other activations, branches) is
/// an error at that op's location.
mlir::FailureOr<FloatMLP> extractMLP(snn::NetworkOp network);

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_FLOW_EXTRACTMLP_H

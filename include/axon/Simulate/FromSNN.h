//===- FromSNN.h - build a simulator network from snn IR --------*- C++ -*-===//
//
// The bridge between the snn dialect and the MLIR-free reference engine: one
// sim::Node per snn op, parameters under their NIR names, edges in operand
// order.  Also maps the network's #snn.discretization to engine options.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_SIMULATE_FROMSNN_H
#define AXON_SIMULATE_FROMSNN_H

#include "axon/Simulate/Engine.h"
#include "axon/Simulate/Network.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/DenseMap.h"

namespace axon {

/// Translates `network` into a finalized simulator network.  Node names are
/// the ops' node names (NameLoc), or "<mnemonic><index>" when an op has none.
/// Emits an error on the offending op and fails for ops the engine cannot run.
/// `ids`, when given, receives the node of every op.
mlir::FailureOr<sim::Network>
buildSimNetwork(snn::NetworkOp network,
                llvm::DenseMap<mlir::Operation *, sim::NodeId> *ids = nullptr);

/// Engine options from the network's discretization attribute (dt, method,
/// reset), if it has one; `options` is left unchanged otherwise.
void applyDiscretization(snn::NetworkOp network, sim::EngineOptions &options);

} // namespace axon

#endif // AXON_SIMULATE_FROMSNN_H

//===- NetlistIR.h - Threshold netlists <-> net.module + tlg.gate -*- C++ -*-=//
//
// The Core algorithms (folding, legalization, writers) work on the flat
// Netlist; the passes keep the network as IR: a net.module with one i1 port
// per input bit and per output bit, and one tlg.gate per gate.  Each gate
// carries its Netlist tag (the network layer it implements) as the
// discardable attribute `tlg.layer`, so reports per layer survive the
// round trip through legalization.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_NETLISTIR_H
#define AXON_TARGETS_THRESHOLD_NETLISTIR_H

#include "dialects/net/NetOps.h"
#include "targets/threshold/Core/Netlist.h"

#include "mlir/IR/Builders.h"

namespace axon::threshold {

/// Name of the layer attribute on tlg.gate ops.
inline constexpr llvm::StringLiteral kLayerAttrName = "tlg.layer";

/// Builds a net.module named after the netlist at the builder's insertion
/// point.  `layerLocs[t]` is the location given to gates tagged t (others
/// get `loc`).
net::NetModuleOp buildTLGModule(const Netlist &netlist, mlir::OpBuilder &b,
                                mlir::Location loc,
                                llvm::ArrayRef<mlir::Location> layerLocs = {});

/// Reads a net.module whose ports are i1 and whose body holds only tlg.gate
/// and i1 net.constant ops.  Emits an error at the offending op and fails
/// otherwise.
mlir::FailureOr<Netlist> netlistFromTLGModule(net::NetModuleOp module);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_NETLISTIR_H

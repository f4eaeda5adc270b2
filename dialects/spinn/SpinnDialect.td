//===- SpinnDialect.td - The spinn machine-level dialect ---*- tablegen -*-===//
//
// The `spinn` dialect is the SpiNNaker back end's machine level: what PACMAN
// calls the machine graph plus its placements, keys and routing tables.  It
// holds everything a machine-level replay needs (slices, resources, keys,
// multicast trees and tables); the synaptic weights stay in the `snn` network
// the machine names, so they are never duplicated.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SPINN_SPINNDIALECT_TD
#define AXON_DIALECTS_SPINN_SPINNDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Spinn_Dialect : Dialect {
  let name = "spinn";
  let cppNamespace = "::axon::spinn";
  let summary = "SpiNNaker machine level: vertices, placements, keys, tables";
  let description = [{
    A `spinn.machine` describes one mapping of an `snn.network` onto a
    SpiNNaker machine: `spinn.population`s (one per neuron population or
    input of the network) connected by `spinn.projection`s, their
    `spinn.vertex` slices (one per core) with placement, resources, multicast
    key/mask and routing tree, and one `spinn.table` per chip with the ordered
    routing entries (and, after compression, the compressed entries).
  }];
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

#endif // AXON_DIALECTS_SPINN_SPINNDIALECT_TD

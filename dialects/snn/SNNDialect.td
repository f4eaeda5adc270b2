//===- SNNDialect.td - The snn network dialect -------------*- tablegen -*-===//
//
// The `snn` dialect describes neural networks as graphs of populations and
// synaptic operators.  Its ops mirror NIR one to one so that import and export
// are lossless; ANN ops (relu, clamp, sign, batch_norm, argmax) share the same
// synaptic ops so one IR carries both an ANN and its converted SNN.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SNN_SNNDIALECT_TD
#define AXON_DIALECTS_SNN_SNNDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def SNN_Dialect : Dialect {
  let name = "snn";
  let cppNamespace = "::axon::snn";
  let summary = "Spiking (and artificial) neural network graphs";
  let description = [{
    Networks are `snn.network` ops holding a graph region: values are signals
    over time (`tensor<Nxf32>` currents/potentials, `tensor<Nxi1>` spikes) and
    cycles are allowed, so recurrent networks are direct.  Every op that takes
    inputs sums them, as NIR does for several edges into one node.  Node names
    of imported models are kept as `NameLoc` locations.
  }];
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
  }];
}

#endif // AXON_DIALECTS_SNN_SNNDIALECT_TD

//===- TLGDialect.td - The tlg threshold-logic dialect -----*- tablegen -*-===//
//
// The `tlg` dialect adds threshold gates to net modules: the cell a binarized
// neuron maps to on a threshold-logic ASIC.  It depends on net (gates live in
// net.module and implement net's CombinationalOpInterface); net does not
// depend on it.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_TLG_TLGDIALECT_TD
#define AXON_DIALECTS_TLG_TLGDIALECT_TD

include "mlir/IR/OpBase.td"

def TLG_Dialect : Dialect {
  let name = "tlg";
  let cppNamespace = "::axon::tlg";
  let summary = "Threshold-logic gates";
  let description = [{
    A threshold gate computes `y = [sum_i w_i x_i >= T]` over i1 inputs with
    integer weights `w_i` and threshold `T`.  Gates sit inside `net.module`s
    next to net ops; constants they fold to are `net.constant`s.
  }];
  let dependentDialects = ["::axon::net::NetDialect"];
  let hasConstantMaterializer = 1;
}

#endif // AXON_DIALECTS_TLG_TLGDIALECT_TD

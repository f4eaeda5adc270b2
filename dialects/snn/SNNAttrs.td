//===- SNNAttrs.td - snn attributes ------------------------*- tablegen -*-===//
//
// Attributes of the snn dialect: the discretization record that turns a
// continuous-time network into a discrete-time one.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SNN_SNNATTRS_TD
#define AXON_DIALECTS_SNN_SNNATTRS_TD

include "dialects/snn/SNNDialect.td"
include "mlir/IR/EnumAttr.td"

def SNN_DiscretizationMethod : I32EnumAttr<"DiscretizationMethod",
    "integration method", [
      I32EnumAttrCase<"exact", 0>,
      I32EnumAttrCase<"euler", 1>
    ]> {
  let cppNamespace = "::axon::snn";
  let genSpecializedAttr = 0;
}

def SNN_ResetMode : I32EnumAttr<"ResetMode", "reset after a spike", [
      I32EnumAttrCase<"zero", 0>,
      I32EnumAttrCase<"subtract", 1>,
      I32EnumAttrCase<"to_v_reset", 2>
    ]> {
  let cppNamespace = "::axon::snn";
  let genSpecializedAttr = 0;
}

def SNN_DiscretizationAttr : AttrDef<SNN_Dialect, "Discretization"> {
  let mnemonic = "discretization";
  let summary = "time step, integration method and reset mode of a network";
  let description = [{
    `#snn.discretization<dt = 1.0e-04, method = exact, reset = to_v_reset>`
    records how the continuous-time network is stepped: `dt` in seconds
    (> 0), `exact` (closed-form solution of a constant-input step) or `euler`
    (forward Euler), and what a spiking neuron's potential becomes after a
    spike.
  }];
  let parameters = (ins "::llvm::APFloat":$dt,
                        "::axon::snn::DiscretizationMethod":$method,
                        "::axon::snn::ResetMode":$reset);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
}

#endif // AXON_DIALECTS_SNN_SNNATTRS_TD

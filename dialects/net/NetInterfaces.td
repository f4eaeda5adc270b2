//===- NetInterfaces.td - net op interfaces ----------------*- tablegen -*-===//
//
// CombinationalOpInterface lets the interpreter, the folders and the
// equivalence checks of the back ends evaluate any combinational op without
// switching on op names; ops of other dialects (tlg.gate) implement it too,
// so the net dialect never depends on them.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_NET_NETINTERFACES_TD
#define AXON_DIALECTS_NET_NETINTERFACES_TD

include "mlir/IR/OpBase.td"

def Net_CombinationalOpInterface : OpInterface<"CombinationalOpInterface"> {
  let cppNamespace = "::axon::net";
  let description = [{
    A side-effect-free op with one integer result whose value is a pure
    function of its integer operands.  `evaluate` receives one APInt per
    operand, each of its operand's width, and returns an APInt of the
    result's width.  The op must have passed its verifier.
  }];
  let methods = [
    InterfaceMethod<"The result for the given operand values.",
      "::llvm::APInt", "evaluate",
      (ins "::llvm::ArrayRef<::llvm::APInt>":$operands)>
  ];
}

#endif // AXON_DIALECTS_NET_NETINTERFACES_TD

//===- TLGOps.td - tlg operations --------------------------*- tablegen -*-===//
//
// tlg.gate, the one op of the dialect.  Weights and threshold are i64 so any
// binarized neuron (weights +-1, thresholds from folded batch norm) and any
// multi-valued cell model fit; the verifier bounds the weight sum so that
// evaluation never overflows.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_TLG_TLGOPS_TD
#define AXON_DIALECTS_TLG_TLGOPS_TD

include "dialects/tlg/TLGDialect.td"
include "dialects/net/NetInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// An i64 attribute read as a signed value (I64Attr's accessor is unsigned).
def TLG_SignedI64Attr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "64-bit signless integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

class TLG_Op<string mnemonic, list<Trait> traits = []> :
    Op<TLG_Dialect, mnemonic, traits>;

def TLG_GateOp : TLG_Op<"gate", [
    Pure, DeclareOpInterfaceMethods<Net_CombinationalOpInterface>]> {
  let summary = "threshold gate: y = [sum_i weights[i] * x_i >= threshold]";
  let description = [{
    ```mlir
    %y = tlg.gate %x0, %x1, %x2 {weights = array<i64: 1, -1, 1>,
                                 threshold = 1 : i64} : i1
    ```
    is 1 exactly when `x0 - x1 + x2 >= 1`.  One weight per input; inputs are
    i1 (0 or 1).  A gate with no inputs is the constant `[0 >= threshold]`.
    Folds to a constant when the threshold is at most the smallest reachable
    sum (always 1) or above the largest (always 0); canonicalization removes
    constant inputs (a 1 lowers the threshold by its weight), zero weights,
    and merges repeated inputs.
  }];
  let arguments = (ins Variadic<I1>:$inputs, DenseI64ArrayAttr:$weights,
                       TLG_SignedI64Attr:$threshold);
  let results = (outs I1:$result);
  let assemblyFormat = "$inputs attr-dict `:` type($result)";
  let hasVerifier = 1;
  let hasFolder = 1;
  let hasCanonicalizer = 1;
  let extraClassDeclaration = [{
    /// Smallest and largest reachable weighted sums (sum of the negative,
    /// resp. positive, weights).
    int64_t getMinSum();
    int64_t getMaxSum();
  }];
}

#endif // AXON_DIALECTS_TLG_TLGOPS_TD

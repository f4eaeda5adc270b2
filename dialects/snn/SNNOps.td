//===- SNNOps.td - snn operations --------------------------*- tablegen -*-===//
//
// The ops of the snn dialect.  Neuron and synaptic ops mirror NIR's node types
// one to one (parameters named as NIR's fields); ANN ops extend the set so
// that trained ANNs can be imported, converted to SNNs and quantized in the
// same IR.  Every op with inputs sums them.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SNN_SNNOPS_TD
#define AXON_DIALECTS_SNN_SNNOPS_TD

include "dialects/snn/SNNDialect.td"
include "dialects/snn/SNNAttrs.td"
include "dialects/snn/SNNInterfaces.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Constraints
//===----------------------------------------------------------------------===//

// A parameter array: dense float elements (integers after quantization).
def SNN_ParamAttr : ElementsAttrBase<
    CPred<"::axon::snn::isParameterAttr($_self)">,
    "dense float or integer elements"> {
  let storageType = [{ ::mlir::DenseElementsAttr }];
  let returnType = [{ ::mlir::DenseElementsAttr }];
  let convertFromStorage = "$_self";
}

def SNN_Signal : StaticShapeTensorOf<[AnyFloat, AnySignlessInteger]>;

//===----------------------------------------------------------------------===//
// Network
//===----------------------------------------------------------------------===//

def SNN_NetworkOp : Op<SNN_Dialect, "network", [
    Symbol, IsolatedFromAbove, SingleBlock, NoTerminator,
    DeclareOpInterfaceMethods<RegionKindInterface>]> {
  let summary = "a network: a graph of populations and synaptic ops";
  let description = [{
    Holds a graph region: ops may use values defined later in the block, so
    recurrent connections are written directly.  `snn.input` ops are the
    network's inputs in order of appearance, `snn.output` ops its outputs.

    ```mlir
    snn.network @xor attributes {
        discretization = #snn.discretization<dt = 1.0e-03, method = exact,
                                             reset = zero>} {
      %in = snn.input : tensor<2xf32>
      ...
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       OptionalAttr<SNN_DiscretizationAttr>:$discretization);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let builders = [OpBuilder<(ins "::llvm::StringRef":$name)>];
  let skipDefaultBuilders = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
  }];
}

class SNN_Op<string mnemonic, list<Trait> traits = []> :
    Op<SNN_Dialect, mnemonic, !listconcat(traits, [HasParent<"NetworkOp">])>;

//===----------------------------------------------------------------------===//
// Ports
//===----------------------------------------------------------------------===//

def SNN_InputOp : SNN_Op<"input"> {
  let summary = "a network input (NIR Input)";
  let description = [{
    `%x = snn.input : tensor<3xf32>` declares an input port of the given shape.
    Spike inputs use an `i1` element type.
  }];
  let results = (outs SNN_Signal:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def SNN_OutputOp : SNN_Op<"output"> {
  let summary = "a network output (NIR Output)";
  let description = [{
    `snn.output %a : tensor<3xi1>` declares an output port; several operands
    are summed.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs);
  let assemblyFormat = "$inputs attr-dict `:` type($inputs)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Synaptic ops
//===----------------------------------------------------------------------===//

class SNN_SynapticOp<string mnemonic, list<Trait> traits = []> :
    SNN_Op<mnemonic, traits # [Pure]> {
  let results = (outs SNN_Signal:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $result)";
  let hasVerifier = 1;
}

def SNN_AffineOp : SNN_SynapticOp<"affine", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface,
                              ["forEachSynapse", "getBiasValue"]>]> {
  let summary = "y = W x + b over the last dimension (NIR Affine)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$weight,
                       SNN_ParamAttr:$bias);
}

def SNN_LinearOp : SNN_SynapticOp<"linear", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface, ["forEachSynapse"]>]> {
  let summary = "y = W x over the last dimension (NIR Linear)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$weight);
}

def SNN_ScaleOp : SNN_SynapticOp<"scale", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface, ["forEachSynapse"]>]> {
  let summary = "element-wise y = s * x (NIR Scale)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$scale);
  let hasFolder = 1;
}

def SNN_Conv1dOp : SNN_SynapticOp<"conv1d", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface,
                              ["forEachSynapse", "getBiasValue"]>]> {
  let summary = "1-D convolution over [C, L] (NIR Conv1d)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$weight,
                       SNN_ParamAttr:$bias, DenseI64ArrayAttr:$stride,
                       DenseI64ArrayAttr:$padding, DenseI64ArrayAttr:$dilation,
                       I64Attr:$groups);
}

def SNN_Conv2dOp : SNN_SynapticOp<"conv2d", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface,
                              ["forEachSynapse", "getBiasValue"]>]> {
  let summary = "2-D convolution over [C, H, W] (NIR Conv2d)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$weight,
                       SNN_ParamAttr:$bias, DenseI64ArrayAttr:$stride,
                       DenseI64ArrayAttr:$padding, DenseI64ArrayAttr:$dilation,
                       I64Attr:$groups);
}

def SNN_SumPool2dOp : SNN_SynapticOp<"sum_pool2d", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface, ["forEachSynapse"]>]> {
  let summary = "2-D sum pooling over [C, H, W] (NIR SumPool2d)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs,
                       DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
}

def SNN_AvgPool2dOp : SNN_SynapticOp<"avg_pool2d", [
    DeclareOpInterfaceMethods<SNN_SynapticOpInterface, ["forEachSynapse"]>]> {
  let summary = "2-D average pooling over [C, H, W] (NIR AvgPool2d)";
  let description = [{
    Padding counts as zeros in the average (divisor = kernel area), as in
    NIR's and PyTorch's default `count_include_pad`.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs,
                       DenseI64ArrayAttr:$kernel_size,
                       DenseI64ArrayAttr:$stride, DenseI64ArrayAttr:$padding);
}

//===----------------------------------------------------------------------===//
// Shape and time ops
//===----------------------------------------------------------------------===//

def SNN_FlattenOp : SNN_Op<"flatten", [Pure]> {
  let summary = "merge dimensions start_dim..end_dim (NIR Flatten)";
  let description = [{
    Dimensions are those of the signal (no batch dimension); negative values
    count from the end.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs, I64Attr:$start_dim,
                       I64Attr:$end_dim);
  let results = (outs SNN_Signal:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

def SNN_DelayOp : SNN_Op<"delay"> {
  let summary = "y(t) = x(t - d) per element (NIR Delay), d in seconds";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$delay);
  let results = (outs SNN_Signal:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $result)";
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Neuron ops
//===----------------------------------------------------------------------===//

// `states` are the variables a population keeps between steps; `positive`
// lists the parameters that must be > 0 (time constants).
class SNN_NeuronOp<string mnemonic, list<string> states,
                   list<string> positive = []> :
    SNN_Op<mnemonic, [DeclareOpInterfaceMethods<SNN_NeuronOpInterface,
                                                ["getStateNames"]>]> {
  let results = (outs SNN_Signal:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $result)";
  let hasVerifier = 1;
  // ", \"a\", \"b\"": appended after a leading "" that drop_front() skips,
  // so that empty lists still form a valid array.
  code stateList = !foldl("", states, acc, s, acc # ", \"" # s # "\"");
  code positiveList = !foldl("", positive, acc, s, acc # ", \"" # s # "\"");
  let extraClassDeclaration = [{
    static ::llvm::ArrayRef<::llvm::StringRef> getParameterNamesImpl() {
      return getAttributeNames();
    }
    /// Parameters that must be strictly positive.
    static ::llvm::ArrayRef<::llvm::StringRef> getPositiveParameterNames() {
      static const ::llvm::StringRef names[] = {""}] # positiveList # [{};
      return ::llvm::ArrayRef(names).drop_front();
    }
  }];
  let extraClassDefinition = [{
    ::llvm::ArrayRef<::llvm::StringRef> $cppClass::getStateNames() {
      static const ::llvm::StringRef names[] = {""}] # stateList # [{};
      return ::llvm::ArrayRef(names).drop_front();
    }
  }];
}

def SNN_ThresholdOp : SNN_NeuronOp<"threshold", []> {
  let summary = "z = [x > threshold] (NIR Threshold)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs,
                       SNN_ParamAttr:$threshold);
}

def SNN_IntegratorOp : SNN_NeuronOp<"integrator", ["v"]> {
  let summary = "dv/dt = r I (NIR I)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$r);
}

def SNN_IFOp : SNN_NeuronOp<"if", ["v"]> {
  let summary = "integrate-and-fire: dv/dt = r I, spike when v > v_threshold";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$r,
                       SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset);
}

def SNN_LIOp : SNN_NeuronOp<"li", ["v"], ["tau"]> {
  let summary = "leaky integrator: tau dv/dt = (v_leak - v) + r I";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$tau,
                       SNN_ParamAttr:$r, SNN_ParamAttr:$v_leak);
}

def SNN_LIFOp : SNN_NeuronOp<"lif", ["v"], ["tau"]> {
  let summary = "leaky integrate-and-fire (NIR LIF)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$tau,
                       SNN_ParamAttr:$r, SNN_ParamAttr:$v_leak,
                       SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset);
}

def SNN_CubaLIOp : SNN_NeuronOp<"cuba_li", ["i", "v"], ["tau_syn", "tau_mem"]> {
  let summary = "current-based leaky integrator (NIR CubaLI)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$tau_syn,
                       SNN_ParamAttr:$tau_mem, SNN_ParamAttr:$r,
                       SNN_ParamAttr:$v_leak, SNN_ParamAttr:$w_in);
}

def SNN_CubaLIFOp : SNN_NeuronOp<"cuba_lif", ["i", "v"],
                                 ["tau_syn", "tau_mem"]> {
  let summary = "current-based leaky integrate-and-fire (NIR CubaLIF)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$tau_syn,
                       SNN_ParamAttr:$tau_mem, SNN_ParamAttr:$r,
                       SNN_ParamAttr:$v_leak, SNN_ParamAttr:$v_threshold,
                       SNN_ParamAttr:$v_reset, SNN_ParamAttr:$w_in);
}

def SNN_ALIFOp : SNN_NeuronOp<"alif", ["v", "a"], ["tau", "tau_adapt"]> {
  let summary = "adaptive-threshold LIF (not in NIR)";
  let description = [{
    A LIF whose effective threshold is `v_threshold + a`: every spike adds
    `beta` to `a`, which decays to 0 with `tau_adapt`:
    tau_adapt da/dt = -a + beta * S.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$tau,
                       SNN_ParamAttr:$r, SNN_ParamAttr:$v_leak,
                       SNN_ParamAttr:$v_threshold, SNN_ParamAttr:$v_reset,
                       SNN_ParamAttr:$tau_adapt, SNN_ParamAttr:$beta);
}

//===----------------------------------------------------------------------===//
// ANN ops
//===----------------------------------------------------------------------===//

class SNN_ActivationOp<string mnemonic> : SNN_Op<mnemonic, [Pure]> {
  let results = (outs SNN_Signal:$result);
  let assemblyFormat =
      "$inputs attr-dict `:` functional-type($inputs, $result)";
  let hasVerifier = 1;
}

def SNN_ReLUOp : SNN_ActivationOp<"relu"> {
  let summary = "y = max(x, 0)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs);
}

def SNN_ClampOp : SNN_ActivationOp<"clamp"> {
  let summary = "y = min(max(x, min), max)";
  let arguments = (ins Variadic<SNN_Signal>:$inputs, F64Attr:$min,
                       F64Attr:$max);
}

def SNN_SignOp : SNN_ActivationOp<"sign"> {
  let summary = "binary step y = +1 if x >= 0 else -1";
  let description = [{
    The binarized-network activation.  Unlike ONNX `Sign`, zero maps to +1, so
    the output is always one of two values (importers document the mapping).
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs);
}

def SNN_BatchNormOp : SNN_ActivationOp<"batch_norm"> {
  let summary = "y = gamma (x - mean) / sqrt(var + epsilon) + beta";
  let description = [{
    Normalizes along dimension 0 of the signal (the channel for [C, H, W],
    the feature for [N]).  Folded into the preceding synaptic op by
    `--snn-fold-batch-norm`.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs, SNN_ParamAttr:$gamma,
                       SNN_ParamAttr:$beta, SNN_ParamAttr:$mean,
                       SNN_ParamAttr:$var, F64Attr:$epsilon);
}

def SNN_ArgMaxOp : SNN_ActivationOp<"argmax"> {
  let summary = "index of the largest element (ties -> lowest index)";
  let description = [{
    Readout of a classifier: the input is rank 1, the result `tensor<1xi64>`.
  }];
  let arguments = (ins Variadic<SNN_Signal>:$inputs);
}

#endif // AXON_DIALECTS_SNN_SNNOPS_TD

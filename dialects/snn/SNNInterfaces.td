//===- SNNInterfaces.td - snn op interfaces ----------------*- tablegen -*-===//
//
// Interfaces that let the simulator and back ends ask a neuron op for its
// state variables and parameters and a synaptic op for its weight-matrix
// view, without switching on op names.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SNN_SNNINTERFACES_TD
#define AXON_DIALECTS_SNN_SNNINTERFACES_TD

include "mlir/IR/OpBase.td"

def SNN_NeuronOpInterface : OpInterface<"NeuronOpInterface"> {
  let cppNamespace = "::axon::snn";
  let description = [{
    A population of neurons (spiking or not) with per-neuron parameters.
    Parameters are the op's dense-elements attributes, named as in NIR.
  }];
  let methods = [
    InterfaceMethod<"Whether the population emits spikes (i1 output).",
      "bool", "isSpiking", (ins), [{}], [{
        return ::llvm::cast<::mlir::ShapedType>(
            $_op->getResult(0).getType()).getElementType().isInteger(1);
      }]>,
    InterfaceMethod<"Names of the state variables the population keeps "
                    "between time steps (e.g. {\"v\"} or {\"i\", \"v\"}).",
      "::llvm::ArrayRef<::llvm::StringRef>", "getStateNames">,
    InterfaceMethod<"Names of the parameters (attribute names).",
      "::llvm::ArrayRef<::llvm::StringRef>", "getParameterNames", (ins), [{}],
      [{ return ConcreteOp::getParameterNamesImpl(); }]>,
    InterfaceMethod<"The parameter named `name`, or null.",
      "::mlir::DenseElementsAttr", "getParameter",
      (ins "::llvm::StringRef":$name), [{}], [{
        return $_op->template getAttrOfType<::mlir::DenseElementsAttr>(name);
      }]>,
    InterfaceMethod<"Number of neurons in the population.",
      "int64_t", "getNumNeurons", (ins), [{}], [{
        return ::llvm::cast<::mlir::ShapedType>(
            $_op->getResult(0).getType()).getNumElements();
      }]>,
    InterfaceMethod<"Parameter `name` of neuron `index` (broadcasting a "
                    "single value), as a double.",
      "double", "getParameterValue",
      (ins "::llvm::StringRef":$name, "int64_t":$index), [{}], [{
        return ::axon::snn::getElementAsDouble(
            $_op->template getAttrOfType<::mlir::DenseElementsAttr>(name),
            index);
      }]>
  ];
}

def SNN_SynapticOpInterface : OpInterface<"SynapticOpInterface"> {
  let cppNamespace = "::axon::snn";
  let description = [{
    A linear map from presynaptic values (the summed inputs, flattened in
    row-major order) to postsynaptic values.  `forEachSynapse` enumerates the
    non-zero entries of the weight matrix view; convolutions and pooling are
    expanded to their equivalent sparse matrix.
  }];
  let methods = [
    InterfaceMethod<"Number of presynaptic (flattened input) elements.",
      "int64_t", "getNumPre", (ins), [{}], [{
        return ::llvm::cast<::mlir::ShapedType>(
            $_op->getOperand(0).getType()).getNumElements();
      }]>,
    InterfaceMethod<"Number of postsynaptic (flattened output) elements.",
      "int64_t", "getNumPost", (ins), [{}], [{
        return ::llvm::cast<::mlir::ShapedType>(
            $_op->getResult(0).getType()).getNumElements();
      }]>,
    InterfaceMethod<"Call `fn(pre, post, weight)` for every non-zero weight, "
                    "in ascending (post, pre) order.",
      "void", "forEachSynapse",
      (ins "::llvm::function_ref<void(int64_t, int64_t, double)>":$fn)>,
    InterfaceMethod<"Constant added to postsynaptic element `post`.",
      "double", "getBiasValue", (ins "int64_t":$post), [{}],
      [{ return 0.0; }]>
  ];
}

#endif // AXON_DIALECTS_SNN_SNNINTERFACES_TD

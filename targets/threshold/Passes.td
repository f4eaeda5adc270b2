//===- Passes.td - Threshold-logic target passes -----------*- tablegen -*-===//
//
// snn binarized network -> tlg gates (one per neuron, BatchNorm and sign
// folded into integer thresholds, ArgMax as comparator gates), then fan-in
// legalization for a cell library of fan-in K.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_PASSES_TD
#define AXON_TARGETS_THRESHOLD_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertSNNToTLG : Pass<"convert-snn-to-tlg", "mlir::ModuleOp"> {
  let summary = "Lower binarized snn networks to threshold gates";
  let description = [{
    Every `snn.network @n` that is a chain of binarized layers becomes a
    `net.module @n` of `tlg.gate`s, one per neuron, and the network is
    erased.  A layer is `snn.linear` or `snn.affine` (weights +-1/0, or
    +-alpha/0 with one alpha per neuron; an integer bias), an optional
    `snn.batch_norm`, then `snn.sign` (sign(0) = +1), or `snn.argmax` after
    the last layer.  BatchNorm and sign fold into an integer threshold over
    the input bits x = (s + 1) / 2 (the inequality flips when gamma < 0 and
    the gate is a constant when gamma = 0).  An ArgMax readout becomes
    comparators (one gate per class pair for up to four classes; from five
    on, one binary count per class and small gates comparing two counts),
    one AND per class and one OR per bit of the class index (outputs
    `class_b0`, `class_b1`, ...; otherwise the outputs are the last layer's
    bits `y0`, `y1`, ...).  See docs/targets/threshold.md section 11.

    With `input-bits=B` the first layer reads unsigned B-bit integers, each
    expanded into bit planes (inputs `x<i>_b<b>`); otherwise it reads +-1
    values as bits `x<i>`.

    ```mlir
    snn.network @n {
      %x = snn.input : tensor<3xf32>
      %a = snn.linear %x {weight = dense<[[1.0, -1.0, 1.0]]> : tensor<1x3xf32>}
             : (tensor<3xf32>) -> tensor<1xf32>
      %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
      snn.output %s : tensor<1xf32>
    }
    // becomes ([s0 - s1 + s2 >= 0] = [x0 - x1 + x2 >= 1]):
    net.module @n(in %x0 : i1, in %x1 : i1, in %x2 : i1, out y0 : i1) {
      %0 = tlg.gate %x0, %x1, %x2 {threshold = 1 : i64,
                                   weights = array<i64: 1, -1, 1>} : i1
      net.output %0 : i1
    }
    ```
  }];
  let options = [
    Option<"inputBits", "input-bits", "unsigned", "0",
           "0: the first layer reads +-1 values; B >= 1: unsigned B-bit "
           "integers (bit-plane expansion)">
  ];
  let dependentDialects = ["::axon::net::NetDialect", "::axon::tlg::TLGDialect"];
}

def TLGLegalizeFanIn : Pass<"tlg-legalize-fanin", "mlir::ModuleOp"> {
  let summary = "Decompose threshold gates to a cell library's fan-in";
  let description = [{
    Rewrites every `net.module` made of `tlg.gate`s (and 1-bit constants) so
    that each gate fits a cell of at most `max-fanin` pins whose weights are
    within +-`max-weight` (a larger weight is spread over several pins tied
    to one net).  A gate that does not fit becomes a multi-level network (an
    adder tree and comparator, or a thermometer tree, whichever costs less
    area under the cell model); gates shared between neurons are built once,
    and logic no output needs is removed.  The function computed is
    unchanged (the decompositions are checked exhaustively up to 16 inputs
    by the unit tests).  `tlg.layer` tags are kept.
  }];
  let options = [
    Option<"maxFanIn", "max-fanin", "unsigned", "4",
           "Largest number of pins of a cell (K >= 2)">,
    Option<"maxWeight", "max-weight", "int64_t", "2",
           "Largest |weight| of one pin (>= 1)">
  ];
  let dependentDialects = ["::axon::net::NetDialect", "::axon::tlg::TLGDialect"];
}

#endif // AXON_TARGETS_THRESHOLD_PASSES_TD

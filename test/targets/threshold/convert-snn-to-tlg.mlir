// RUN: axon-opt %s --convert-snn-to-tlg --split-input-file | FileCheck %s
// RUN: axon-opt %s --convert-snn-to-tlg --split-input-file --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// Each neuron becomes one threshold gate over the input bits x = (s + 1)/2.
// With G = sum_i w_i x_i and a = sum_i w_i s_i = 2 G - sum_i w_i, every
// expected threshold below is computed by hand from the layer's definition.

// a = s0 - s1 + s2 >= 0 (sign(0) = +1); sum w = 1, so 2G - 1 >= 0: G >= 1.
// CHECK-LABEL: net.module @sign_layer(in %x0 : i1, in %x1 : i1, in %x2 : i1, out y0 : i1)
// CHECK-NEXT:    %[[G:.+]] = tlg.gate %x0, %x1, %x2 {threshold = 1 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, -1, 1>}
// CHECK-NEXT:    net.output %[[G]] : i1
// CHECK-NOT:   snn.network
// Gates are located at the layer's synaptic op (the ONNX/NIR node).
// LOC-LABEL: net.module @sign_layer
// LOC:         tlg.gate {{.*}} loc(#[[FC1:.+]])
// LOC:         #[[FC1]] = loc("fc1")
snn.network @sign_layer {
  %x = snn.input : tensor<3xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0, 1.0]]> : tensor<1x3xf32>} : (tensor<3xf32>) -> tensor<1xf32> loc("fc1")
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// -----

// sqrt(var + eps) = 1.  Neuron 0: gamma = -1, mean = 0.5: y = -(a - 0.5) >= 0 iff a <= 0.5 iff
//   2G - 2 <= 0 iff G <= 1 iff -x0 - x1 >= -1 (the inequality flips).
// Neuron 1: gamma = 0, beta = 1: always +1, a gate with no inputs and
//   threshold 0.
// Neuron 2: gamma = 2, mean = 1.5: a >= 1.5 iff a = 2 iff G >= 2 (an AND).
// CHECK-LABEL: net.module @batch_norm_signs
// CHECK-NEXT:    tlg.gate %x0, %x1 {threshold = -1 : i64, tlg.layer = 0 : i32, weights = array<i64: -1, -1>}
// CHECK-NEXT:    tlg.gate {threshold = 0 : i64, tlg.layer = 0 : i32, weights = array<i64>}
// CHECK-NEXT:    tlg.gate %x0, %x1 {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1>}
snn.network @batch_norm_signs {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, 1.0], [1.0, -1.0], [1.0, 1.0]]> : tensor<3x2xf32>} : (tensor<2xf32>) -> tensor<3xf32>
  %b = snn.batch_norm %a {gamma = dense<[-1.0, 0.0, 2.0]> : tensor<3xf32>, beta = dense<[0.0, 1.0, 0.0]> : tensor<3xf32>, mean = dense<[0.5, 0.0, 1.5]> : tensor<3xf32>, var = dense<0.75> : tensor<3xf32>, epsilon = 0.25 : f64} : (tensor<3xf32>) -> tensor<3xf32>
  %s = snn.sign %b : (tensor<3xf32>) -> tensor<3xf32>
  snn.output %s : tensor<3xf32>
}

// -----

// Real weights +-0.5 are alpha = 0.5 times +-1: 0.5 a - 1.2 >= 0 iff
// a >= 2.4 iff a = 3 (a is odd) iff 2G - 1 >= 3 iff G >= 2.
// Second layer: a = s0 (one input), G >= 1 is the wire x0 as a gate.
// CHECK-LABEL: net.module @scaled_two_layers
// CHECK-NEXT:    %[[H:.+]] = tlg.gate %x0, %x1, %x2 {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, -1, 1>}
// CHECK-NEXT:    %[[Y:.+]] = tlg.gate %[[H]] {threshold = 1 : i64, tlg.layer = 1 : i32, weights = array<i64: 1>}
// CHECK-NEXT:    net.output %[[Y]]
snn.network @scaled_two_layers {
  %x = snn.input : tensor<3xf32>
  %a = snn.affine %x {weight = dense<[[0.5, -0.5, 0.5]]> : tensor<1x3xf32>, bias = dense<-1.2> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<1xf32>
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  %b = snn.linear %s {weight = dense<[[1.0]]> : tensor<1x1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  %t = snn.sign %b : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %t : tensor<1xf32>
}

// -----

// ArgMax over a0 = s0 + s1 and a1 = s0 - s1 on the grid a0, a1 in
// {-2, 0, 2}: [a0 >= a1] = [a0 - a1 >= 0] (p = 1, q = -1, T = 0), and
// a0 - a1 = sum_i (w0i - w1i) (2 x_i - 1) = 4 x1 - 2, so the comparator is
// [4 x1 >= 2] (layer 0).  Class 1 wins iff !c: its winner gate, then the
// index bit (layer 1).
// CHECK-LABEL: net.module @argmax_two_classes(in %x0 : i1, in %x1 : i1, out class_b0 : i1)
// CHECK-NEXT:    %[[C:.+]] = tlg.gate %x1 {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 4>}
// CHECK-NEXT:    tlg.gate %[[C]] {threshold = 1 : i64, tlg.layer = 1 : i32, weights = array<i64: 1>}
// CHECK-NEXT:    %[[W1:.+]] = tlg.gate %[[C]] {threshold = 0 : i64, tlg.layer = 1 : i32, weights = array<i64: -1>}
// CHECK-NEXT:    %[[B0:.+]] = tlg.gate %[[W1]] {threshold = 1 : i64, tlg.layer = 1 : i32, weights = array<i64: 1>}
// CHECK-NEXT:    net.output %[[B0]] : i1
snn.network @argmax_two_classes {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, 1.0], [1.0, -1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %c = snn.argmax %a : (tensor<2xf32>) -> tensor<1xi64>
  snn.output %c : tensor<1xi64>
}

// -----

// Modules that are not snn networks are left alone.
// CHECK-LABEL: net.module @untouched_other_ops
net.module @untouched_other_ops(in %a : i1, out y : i1) {
  net.output %a : i1
}

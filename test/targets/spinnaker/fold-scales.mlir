// RUN: axon-opt %s --split-input-file --spinn-fold-scales | FileCheck %s

// W diag(s), worked by hand: [[1, 1], [0.5, -1]] * diag(2, 3) =
// [[2, 3], [1, -3]]; the scale is gone and the affine reads the spikes.
// CHECK-LABEL: snn.network @per_column
// CHECK-NOT: snn.scale
// CHECK: snn.affine %{{.*}} {bias = dense<[1.000000e-01, 2.000000e-01]> : tensor<2xf32>, weight = dense<{{\[\[}}2.000000e+00, 3.000000e+00], [1.000000e+00, -3.000000e+00]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32>
snn.network @per_column {
  %in = snn.input : tensor<2xi1>
  %s = snn.scale %in {scale = dense<[2.0, 3.0]> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xf32>
  %a = snn.affine %s {weight = dense<[[1.0, 1.0], [0.5, -1.0]]> : tensor<2x2xf32>, bias = dense<[0.1, 0.2]> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %o = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2xf32>) -> tensor<2xi1>
  snn.output %o : tensor<2xi1>
}

// -----

// A scalar scale (what snn-ann-to-snn writes) on a linear: W * 0.5.
// CHECK-LABEL: snn.network @scalar
// CHECK-NOT: snn.scale
// CHECK: snn.linear %{{.*}} {weight = dense<{{\[\[}}5.000000e-01, -1.000000e+00]]> : tensor<1x2xf32>}
snn.network @scalar {
  %in = snn.input : tensor<2xi1>
  %s = snn.scale %in {scale = dense<0.5> : tensor<1xf32>} : (tensor<2xi1>) -> tensor<2xf32>
  %a = snn.linear %s {weight = dense<[[1.0, -2.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  %o = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %o : tensor<1xi1>
}

// -----

// Left alone: a scale feeding a population directly, and a scale whose
// synaptic op sums two inputs.
// CHECK-LABEL: snn.network @untouched
// CHECK: snn.scale
// CHECK: snn.scale
// CHECK: snn.linear %{{.*}}, %{{.*}} {weight = dense<1.000000e+00> : tensor<2x2xf32>}
snn.network @untouched {
  %in = snn.input : tensor<2xi1>
  %s = snn.scale %in {scale = dense<2.0> : tensor<1xf32>} : (tensor<2xi1>) -> tensor<2xf32>
  %p = snn.if %s {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2xf32>) -> tensor<2xi1>
  %t = snn.scale %p {scale = dense<3.0> : tensor<1xf32>} : (tensor<2xi1>) -> tensor<2xf32>
  %a = snn.linear %t, %s {weight = dense<1.0> : tensor<2x2xf32>} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %o = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2xf32>) -> tensor<2xi1>
  snn.output %o, %p : tensor<2xi1>, tensor<2xi1>
}

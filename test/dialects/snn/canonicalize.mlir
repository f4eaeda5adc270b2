// RUN: axon-opt %s --canonicalize --split-input-file | FileCheck %s
// Folders that remove identities.

// CHECK-LABEL: snn.network @fold_scale_by_one
snn.network @fold_scale_by_one {
  // CHECK: %[[X:.+]] = snn.input
  %x = snn.input : tensor<3xf32>
  // CHECK-NOT: snn.scale
  %y = snn.scale %x {scale = dense<1.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: snn.output %[[X]]
  snn.output %y : tensor<3xf32>
}

// -----

// CHECK-LABEL: snn.network @negative_fold_scale_by_two
snn.network @negative_fold_scale_by_two {
  %x = snn.input : tensor<3xf32>
  // CHECK: snn.scale
  %y = snn.scale %x {scale = dense<[1.0, 2.0, 1.0]> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xf32>
  snn.output %y : tensor<3xf32>
}

// -----

// A scale of summed inputs is not an identity.
// CHECK-LABEL: snn.network @negative_fold_scale_two_inputs
snn.network @negative_fold_scale_two_inputs {
  %x = snn.input : tensor<3xf32>
  // CHECK: snn.scale
  %y = snn.scale %x, %x {scale = dense<1.0> : tensor<3xf32>} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  snn.output %y : tensor<3xf32>
}

// -----

// CHECK-LABEL: snn.network @fold_flatten_of_flat
snn.network @fold_flatten_of_flat {
  // CHECK: %[[X:.+]] = snn.input
  %x = snn.input : tensor<6xf32>
  // CHECK-NOT: snn.flatten
  %y = snn.flatten %x {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<6xf32>) -> tensor<6xf32>
  // CHECK: snn.output %[[X]]
  snn.output %y : tensor<6xf32>
}

// -----

// CHECK-LABEL: snn.network @negative_fold_flatten_2d
snn.network @negative_fold_flatten_2d {
  %x = snn.input : tensor<2x3xf32>
  // CHECK: snn.flatten
  %y = snn.flatten %x {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<2x3xf32>) -> tensor<6xf32>
  snn.output %y : tensor<6xf32>
}

// -----

// CHECK-LABEL: snn.network @fold_zero_delay
snn.network @fold_zero_delay {
  // CHECK: %[[X:.+]] = snn.input
  %x = snn.input : tensor<2xi1>
  // CHECK-NOT: snn.delay
  %y = snn.delay %x {delay = dense<0.0> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xi1>
  // CHECK: snn.output %[[X]]
  snn.output %y : tensor<2xi1>
}

// -----

// CHECK-LABEL: snn.network @negative_fold_nonzero_delay
snn.network @negative_fold_nonzero_delay {
  %x = snn.input : tensor<2xi1>
  // CHECK: snn.delay
  %y = snn.delay %x {delay = dense<[0.0, 1.0e-3]> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xi1>
  snn.output %y : tensor<2xi1>
}

// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-fold-batch-norm))' | FileCheck %s
// By hand: W = [[1,2],[3,4]], b = [1,-1], gamma = [2,0.5], beta = [0.5,1],
// mean = [1,2], var = [3,0], eps = 1 -> s = [2/2, 0.5/1] = [1, 0.5],
// W' = [[1,2],[1.5,2]], b' = [1*(1-1)+0.5, 0.5*(-1-2)+1] = [0.5, -0.5].

// CHECK-LABEL: snn.network @fold_affine
snn.network @fold_affine {
  %x = snn.input : tensor<2xf32>
  // CHECK: %[[Y:.+]] = snn.affine %{{.*}} {bias = dense<[5.000000e-01, -5.000000e-01]> : tensor<2xf32>, weight = dense<{{\[}}[1.000000e+00, 2.000000e+00], [1.500000e+00, 2.000000e+00]]> : tensor<2x2xf32>}
  %y = snn.affine %x {weight = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>, bias = dense<[1.0, -1.0]> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  // CHECK-NOT: snn.batch_norm
  %z = snn.batch_norm %y {gamma = dense<[2.0, 0.5]> : tensor<2xf32>, beta = dense<[0.5, 1.0]> : tensor<2xf32>, mean = dense<[1.0, 2.0]> : tensor<2xf32>, var = dense<[3.0, 0.0]> : tensor<2xf32>, epsilon = 1.0 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  // CHECK: snn.relu %[[Y]]
  %r = snn.relu %z : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %r : tensor<2xf32>
}

// -----

// A linear op becomes an affine op carrying the folded bias.
// CHECK-LABEL: snn.network @fold_linear
snn.network @fold_linear {
  %x = snn.input : tensor<2xf32>
  // CHECK-NOT: snn.linear
  // CHECK: snn.affine %{{.*}} {bias = dense<[-1.000000e+00, -4.000000e+00]> : tensor<2xf32>, weight = dense<{{\[}}[2.000000e+00, 0.000000e+00], [0.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>}
  %y = snn.linear %x {weight = dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  // s = [2/sqrt(1), 4/sqrt(1)]; b' = s * (0 - [0.5, 1]) + 0
  %z = snn.batch_norm %y {gamma = dense<[2.0, 4.0]> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<[0.5, 1.0]> : tensor<2xf32>, var = dense<0.5> : tensor<2xf32>, epsilon = 0.5 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %z : tensor<2xf32>
}

// -----

// Conv: per output channel. s = [1/sqrt(0.25+0.75), 3/sqrt(8.25+0.75)] = [1, 1].
// Channel 1: s = 3/3 = 1 -> unchanged weights, bias 1*(0-2)+1 = -1.
// CHECK-LABEL: snn.network @fold_conv2d
snn.network @fold_conv2d {
  %x = snn.input : tensor<1x3x3xf32>
  // CHECK: snn.conv2d %{{.*}} {bias = dense<[0.000000e+00, -1.000000e+00]> : tensor<2xf32>
  %c = snn.conv2d %x {weight = dense<1.0> : tensor<2x1x2x2xf32>, bias = dense<0.0> : tensor<2xf32>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x3xf32>) -> tensor<2x2x2xf32>
  // CHECK-NOT: snn.batch_norm
  %z = snn.batch_norm %c {gamma = dense<[1.0, 3.0]> : tensor<2xf32>, beta = dense<[0.0, 1.0]> : tensor<2xf32>, mean = dense<[0.0, 2.0]> : tensor<2xf32>, var = dense<[0.25, 8.25]> : tensor<2xf32>, epsilon = 0.75 : f64} : (tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  snn.output %z : tensor<2x2x2xf32>
}

// -----

// A batch_norm after a sign (binarized networks) is not folded.
// CHECK-LABEL: snn.network @negative_fold_after_sign
snn.network @negative_fold_after_sign {
  %x = snn.input : tensor<2xf32>
  %s = snn.sign %x : (tensor<2xf32>) -> tensor<2xf32>
  // CHECK: snn.batch_norm
  %z = snn.batch_norm %s {gamma = dense<1.0> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %z : tensor<2xf32>
}

// -----

// A synaptic op with a second user keeps its weights.
// CHECK-LABEL: snn.network @negative_fold_shared_producer
snn.network @negative_fold_shared_producer {
  %x = snn.input : tensor<2xf32>
  %y = snn.linear %x {weight = dense<1.0> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  // CHECK: snn.batch_norm
  %z = snn.batch_norm %y {gamma = dense<1.0> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %z, %y : tensor<2xf32>, tensor<2xf32>
}

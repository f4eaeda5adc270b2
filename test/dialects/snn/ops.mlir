// RUN: axon-opt %s | axon-opt | FileCheck %s
// RUN: axon-opt %s --mlir-print-op-generic | axon-opt | FileCheck %s
// Round trip of every snn op and attribute.

// CHECK-LABEL: snn.network @neurons
// CHECK-SAME: discretization = #snn.discretization<dt = 1.000000e-04, method = exact, reset = to_v_reset>
snn.network @neurons attributes {discretization = #snn.discretization<dt = 1.0e-4, method = exact, reset = to_v_reset>} {
  // CHECK: %[[IN:.+]] = snn.input : tensor<3xf32>
  %in = snn.input : tensor<3xf32>
  // CHECK: snn.threshold %[[IN]] {threshold = dense<5.000000e-01> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>
  %0 = snn.threshold %in {threshold = dense<0.5> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>
  // CHECK: snn.integrator %[[IN]] {r = dense<2.000000e+00> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xf32>
  %1 = snn.integrator %in {r = dense<2.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: snn.if %[[IN]] {r = {{.*}}, v_reset = {{.*}}, v_threshold = {{.*}}} : (tensor<3xf32>) -> tensor<3xi1>
  %2 = snn.if %in {r = dense<1.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>
  // CHECK: snn.li %[[IN]] {r = {{.*}}, tau = dense<[1.000000e-02, 2.000000e-02, 3.000000e-02]> : tensor<3xf64>, v_leak = {{.*}}} : (tensor<3xf32>) -> tensor<3xf32>
  %3 = snn.li %in {tau = dense<[0.01, 0.02, 0.03]> : tensor<3xf64>, r = dense<1.0> : tensor<3xf64>, v_leak = dense<0.0> : tensor<3xf64>} : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: snn.lif %[[IN]], %[[REC:.+]] {{{.*}}} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %4 = snn.lif %in, %rec {tau = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  // CHECK: %[[REC]] = snn.linear
  %rec = snn.linear %4 {weight = dense<0.5> : tensor<3x3xf32>} : (tensor<3xi1>) -> tensor<3xf32>
  // CHECK: snn.cuba_li %[[IN]] {{{.*}}tau_mem{{.*}}tau_syn{{.*}}w_in{{.*}}} : (tensor<3xf32>) -> tensor<3xf32>
  %5 = snn.cuba_li %in {tau_syn = dense<0.005> : tensor<3xf32>, tau_mem = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, w_in = dense<1.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xf32>
  // CHECK: snn.cuba_lif %[[IN]] {{{.*}}v_threshold{{.*}}} : (tensor<3xf32>) -> tensor<3xi1>
  %6 = snn.cuba_lif %in {tau_syn = dense<0.005> : tensor<3xf32>, tau_mem = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>, w_in = dense<1.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>
  // CHECK: snn.alif %[[IN]] {beta = {{.*}}, tau_adapt = {{.*}}} : (tensor<3xf32>) -> tensor<3xi1>
  %7 = snn.alif %in {tau = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>, tau_adapt = dense<0.1> : tensor<3xf32>, beta = dense<0.2> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>
  // CHECK: snn.output %{{.*}}, %{{.*}} : tensor<3xi1>, tensor<3xi1>
  snn.output %0, %2 : tensor<3xi1>, tensor<3xi1>
  snn.output %1 : tensor<3xf32>
  snn.output %3 : tensor<3xf32>
  snn.output %5 : tensor<3xf32>
  snn.output %6, %7 : tensor<3xi1>, tensor<3xi1>
}

// CHECK-LABEL: snn.network @synapses
snn.network @synapses {
  %x = snn.input : tensor<2x4x4xf32>
  // CHECK: snn.conv2d %{{.*}} {bias = {{.*}}, dilation = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1>, stride = array<i64: 1, 1>, weight = {{.*}} : tensor<3x2x3x3xf32>} : (tensor<2x4x4xf32>) -> tensor<3x4x4xf32>
  %c = snn.conv2d %x {weight = dense<0.1> : tensor<3x2x3x3xf32>, bias = dense<0.0> : tensor<3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1 : i64} : (tensor<2x4x4xf32>) -> tensor<3x4x4xf32>
  // CHECK: snn.sum_pool2d %{{.*}} {kernel_size = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 2, 2>} : (tensor<3x4x4xf32>) -> tensor<3x2x2xf32>
  %s = snn.sum_pool2d %c {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<3x4x4xf32>) -> tensor<3x2x2xf32>
  // CHECK: snn.avg_pool2d %{{.*}} : (tensor<3x4x4xf32>) -> tensor<3x3x3xf32>
  %a = snn.avg_pool2d %c {kernel_size = array<i64: 2, 2>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : (tensor<3x4x4xf32>) -> tensor<3x3x3xf32>
  // CHECK: snn.flatten %{{.*}} {end_dim = -1 : i64, start_dim = 0 : i64} : (tensor<3x2x2xf32>) -> tensor<12xf32>
  %f = snn.flatten %s {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<3x2x2xf32>) -> tensor<12xf32>
  // CHECK: snn.affine %{{.*}} : (tensor<12xf32>) -> tensor<5xf32>
  %y = snn.affine %f {weight = dense<0.2> : tensor<5x12xf32>, bias = dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>} : (tensor<12xf32>) -> tensor<5xf32>
  // CHECK: snn.scale %{{.*}} {scale = dense<2.000000e+00> : tensor<5xf32>} : (tensor<5xf32>) -> tensor<5xf32>
  %z = snn.scale %y {scale = dense<2.0> : tensor<5xf32>} : (tensor<5xf32>) -> tensor<5xf32>
  // CHECK: snn.delay %{{.*}} {delay = dense<1.000000e-03> : tensor<5xf32>} : (tensor<5xf32>) -> tensor<5xf32>
  %d = snn.delay %z {delay = dense<0.001> : tensor<5xf32>} : (tensor<5xf32>) -> tensor<5xf32>
  %l = snn.input : tensor<2x8xf32>
  // CHECK: snn.conv1d %{{.*}} : (tensor<2x8xf32>) -> tensor<4x3xf32>
  %c1 = snn.conv1d %l {weight = dense<1.0> : tensor<4x1x3xf32>, bias = dense<0.0> : tensor<4xf32>, stride = array<i64: 2>, padding = array<i64: 0>, dilation = array<i64: 1>, groups = 2 : i64} : (tensor<2x8xf32>) -> tensor<4x3xf32>
  snn.output %d : tensor<5xf32>
  snn.output %a : tensor<3x3x3xf32>
  snn.output %c1 : tensor<4x3xf32>
}

// CHECK-LABEL: snn.network @ann
snn.network @ann {
  %x = snn.input : tensor<4xf32>
  // CHECK: snn.batch_norm %{{.*}} {beta = {{.*}}, epsilon = 1.000000e-05 : f64, gamma = {{.*}}, mean = {{.*}}, var = {{.*}}} : (tensor<4xf32>) -> tensor<4xf32>
  %bn = snn.batch_norm %x {gamma = dense<1.0> : tensor<4xf32>, beta = dense<0.0> : tensor<4xf32>, mean = dense<0.5> : tensor<4xf32>, var = dense<2.0> : tensor<4xf32>, epsilon = 1.0e-5 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: snn.relu %{{.*}} : (tensor<4xf32>) -> tensor<4xf32>
  %r = snn.relu %bn : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: snn.clamp %{{.*}} {max = 6.000000e+00 : f64, min = 0.000000e+00 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  %c = snn.clamp %r {min = 0.0 : f64, max = 6.0 : f64} : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: snn.sign %{{.*}} : (tensor<4xf32>) -> tensor<4xf32>
  %s = snn.sign %c : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: snn.argmax %{{.*}} : (tensor<4xf32>) -> tensor<1xi64>
  %a = snn.argmax %s : (tensor<4xf32>) -> tensor<1xi64>
  snn.output %a : tensor<1xi64>
}

// Quantized parameters are integer arrays.
// CHECK-LABEL: snn.network @quantized_params
snn.network @quantized_params attributes {discretization = #snn.discretization<dt = 1.0e-3, method = euler, reset = subtract>} {
  // CHECK-SAME: method = euler, reset = subtract
  %x = snn.input : tensor<2xi1>
  // CHECK: weight = dense<{{\[}}[3, -4], [0, 127]]> : tensor<2x2xi16>
  %y = snn.linear %x {weight = dense<[[3, -4], [0, 127]]> : tensor<2x2xi16>} : (tensor<2xi1>) -> tensor<2xf32>
  snn.output %y : tensor<2xf32>
}

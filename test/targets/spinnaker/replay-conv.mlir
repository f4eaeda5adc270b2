// RUN: axon-opt %s --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=300 rate=300" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: axon-opt %s --axon-spinnaker-pipeline="neurons-per-core=3" --spinn-replay-check="steps=300 rate=300 seed=9" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
//
// Convolutional populations on the machine: a 6x6 spike image through a
// 2-channel 3x3 conv with bias (expanded to sparse rows by
// SynapticOpInterface) into 2x4x4 LIF feature maps, which feed a flatten +
// linear classifier, a 2x2 sum pooling into IF neurons and a 2x2 stride-1
// average pooling (s16.15 factors, not 16-bit weights) into LIF neurons.
// Multi-dimensional populations are sliced by flat index.
// CHECK: remark: replay: 300 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical
snn.network @conv attributes {discretization = #snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {
  %in = snn.input : tensor<1x6x6xi1> loc("img")
  %c = snn.conv2d %in {bias = dense<[0.5, -0.25]> : tensor<2xf32>, dilation = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 0, 0>, stride = array<i64: 1, 1>, weight = dense<[[[[5.475, 6.901, 7.542], [9.309, 6.879, 9.068], [-1.652, 3.587, 9.32]]], [[[5.788, 8.811, -0.642], [3.629, 0.959, 4.525], [4.887, -1.843, 0.601]]]]> : tensor<2x1x3x3xf32>} : (tensor<1x6x6xi1>) -> tensor<2x4x4xf32> loc("conv")
  %s = snn.lif %c {tau = dense<0.02> : tensor<2x4x4xf32>, r = dense<1.0> : tensor<2x4x4xf32>, v_leak = dense<0.0> : tensor<2x4x4xf32>, v_threshold = dense<1.0> : tensor<2x4x4xf32>, v_reset = dense<0.0> : tensor<2x4x4xf32>} : (tensor<2x4x4xf32>) -> tensor<2x4x4xi1> loc("feat")
  %f = snn.flatten %s {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<2x4x4xi1>) -> tensor<32xi1> loc("flat")
  %l = snn.linear %f {weight = dense<[[3.582, 0.0, 2.986, 2.087, -0.991, 0.0, 0.077, 0.0, 0.0, 3.807, 0.0, 0.0, 3.705, 0.0, 0.0, 0.0, 0.806, -0.271, 0.507, 0.0, 2.39, 0.55, 0.0, 0.579, 2.523, 3.875, 2.749, 0.0, 2.939, 1.893, -0.766, 3.776], [2.779, 0.0, 0.0, 0.774, 0.0, 0.0, 2.742, 0.0, 0.0, 3.729, 0.704, 0.0, 0.0, 3.621, 0.0, 0.584, -0.609, 2.446, 0.0, -0.757, 0.0, 0.0, 0.187, 0.0, 0.0, 1.109, 3.58, 1.468, 0.0, 2.658, 0.0, 0.0], [0.0, 1.173, 3.224, 1.266, 0.0, 0.0, 0.0, 1.441, 0.0, 0.455, -0.267, 3.942, 0.0, 0.0, 0.692, 0.362, 0.0, 0.0, 2.93, 0.0, 0.0, 0.0, 0.0, 2.522, 1.428, 0.0, 0.0, 3.728, 0.0, 0.0, 1.735, 2.358], [3.083, 0.0, 0.0, 2.22, 0.0, 0.0, 3.214, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.183, 0.0, 2.457, 0.0, 0.0, 2.902, 0.0, 0.0, 2.119, 0.0, 0.0, 0.0, -0.2, 2.251, 2.43, 0.0, 1.358, -0.729, 0.587], [-0.033, 1.327, 2.059, 0.0, 3.516, 1.027, 1.05, 3.157, -0.82, 0.0, 1.726, 1.904, 0.0, 0.0, 3.065, 0.0, -0.289, 0.0, 0.0, 0.0, 0.0, 0.0, 3.467, -0.46, 0.0, 0.0, 2.147, 0.0, 1.158, 0.457, 0.0, 3.806]]> : tensor<5x32xf32>} : (tensor<32xi1>) -> tensor<5xf32> loc("fc")
  %o = snn.lif %l {tau = dense<0.02> : tensor<5xf32>, r = dense<1.0> : tensor<5xf32>, v_leak = dense<0.0> : tensor<5xf32>, v_threshold = dense<1.0> : tensor<5xf32>, v_reset = dense<0.0> : tensor<5xf32>} : (tensor<5xf32>) -> tensor<5xi1> loc("cls")
  %p = snn.sum_pool2d %s {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : (tensor<2x4x4xi1>) -> tensor<2x2x2xf32> loc("pool")
  %a = snn.avg_pool2d %s {kernel_size = array<i64: 2, 2>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : (tensor<2x4x4xi1>) -> tensor<2x3x3xf32> loc("avg")
  %ps = snn.if %p {r = dense<400.0> : tensor<2x2x2xf32>, v_threshold = dense<1.0> : tensor<2x2x2xf32>, v_reset = dense<0.0> : tensor<2x2x2xf32>} : (tensor<2x2x2xf32>) -> tensor<2x2x2xi1> loc("pooled")
  %as = snn.lif %a {tau = dense<0.01> : tensor<2x3x3xf32>, r = dense<30.0> : tensor<2x3x3xf32>, v_leak = dense<0.0> : tensor<2x3x3xf32>, v_threshold = dense<1.0> : tensor<2x3x3xf32>, v_reset = dense<0.0> : tensor<2x3x3xf32>} : (tensor<2x3x3xf32>) -> tensor<2x3x3xi1> loc("averaged")
  snn.output %o : tensor<5xi1> loc("out")
}

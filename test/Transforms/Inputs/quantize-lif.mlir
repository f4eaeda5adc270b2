// A discretized LIF population behind an affine op: input of
// quantize-loihi.test (the loihi profile maps exactly this shape).
snn.network @lif attributes {discretization = #snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {
  %x = snn.input : tensor<2xf32> loc("x")
  %a = snn.affine %x {weight = dense<[[0.37, -0.21], [0.9, 0.45], [0.013, 0.8]]> : tensor<3x2xf32>, bias = dense<[0.05, 0.0, -0.02]> : tensor<3xf32>} : (tensor<2xf32>) -> tensor<3xf32> loc("syn")
  %s = snn.lif %a {tau = dense<[2.0e-2, 1.0e-2, 3.3e-2]> : tensor<3xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.1> : tensor<1xf32>, v_threshold = dense<[0.3, 0.5, 0.7]> : tensor<3xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<3xi1> loc("pop")
  snn.output %s : tensor<3xi1>
}

// Spike input -> affine -> IF, dt = 2^-10 and r = 1024 so that dt * r = 1 and
// every float operation on s16.15 values is exact (used by
// quantize-contract.test).
snn.network @contract attributes {discretization = #snn.discretization<dt = 9.765625e-04, method = euler, reset = subtract>} {
  %x = snn.input : tensor<2xi1> loc("x")
  %a = snn.affine %x {weight = dense<[[0.3, -0.7], [1.5, 0.25]]> : tensor<2x2xf32>, bias = dense<[0.2, 0.01]> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("syn")
  %s = snn.if %a {r = dense<1024.0> : tensor<1xf32>, v_threshold = dense<1.3> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("pop")
  snn.output %s : tensor<2xi1>
}

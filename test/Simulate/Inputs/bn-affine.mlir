// BatchNorm feeding a synaptic op: the integer profiles need its real value.
snn.network @bn_affine {
  %x = snn.input : tensor<2xf32> loc("x")
  %b = snn.batch_norm %x {gamma = dense<1.0> : tensor<2xf32>, beta = dense<0.0> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32> loc("bn")
  %s = snn.linear %b {weight = dense<1.0> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32> loc("s")
  snn.output %s : tensor<1xf32> loc("out")
}

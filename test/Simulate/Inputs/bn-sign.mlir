// BatchNorm between a +-1 linear layer and Sign (the BNN pattern), with one
// negative gain; test/Simulate/binary-batchnorm.test has the hand-worked rows.
snn.network @bn_sign {
  %x = snn.input : tensor<2xf32> loc("x")
  %s = snn.linear %x {weight = dense<[[1.0, 1.0], [1.0, -1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32> loc("s")
  %b = snn.batch_norm %s {gamma = dense<[1.0, -1.0]> : tensor<2xf32>, beta = dense<[0.5, 0.0]> : tensor<2xf32>, mean = dense<[0.0, 1.0]> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32> loc("bn")
  %y = snn.sign %b : (tensor<2xf32>) -> tensor<2xf32> loc("y")
  snn.output %y : tensor<2xf32> loc("out")
}

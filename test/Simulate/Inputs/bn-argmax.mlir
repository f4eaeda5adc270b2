// BatchNorm (one negative gain) in front of ArgMax; test/Simulate/
// binary-batchnorm.test has the hand-worked rows.
snn.network @bn_argmax {
  %x = snn.input : tensor<2xf32> loc("x")
  %s = snn.linear %x {weight = dense<[[1.0, 0.0], [0.0, 1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32> loc("s")
  %b = snn.batch_norm %s {gamma = dense<[1.0, -2.0]> : tensor<2xf32>, beta = dense<[0.0, 0.5]> : tensor<2xf32>, mean = dense<0.0> : tensor<2xf32>, var = dense<1.0> : tensor<2xf32>, epsilon = 1.0e-5 : f64} : (tensor<2xf32>) -> tensor<2xf32> loc("bn")
  %c = snn.argmax %b : (tensor<2xf32>) -> tensor<1xi64> loc("class")
  snn.output %c : tensor<1xi64> loc("out")
}

// Not discretized: the loihi profile needs dt for its decay constants.
snn.network @nodt {
  %x = snn.input : tensor<1xf32>
  %a = snn.linear %x {weight = dense<1.0> : tensor<1x1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  %s = snn.lif %a {tau = dense<2.0e-2> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// Input for export.test: networks NIR cannot represent.
snn.network @alif {
  %in = snn.input : tensor<3xf32>
  %a = snn.alif %in {tau = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>, tau_adapt = dense<0.1> : tensor<3xf32>, beta = dense<0.2> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1> loc("adapt")
  snn.output %a : tensor<3xi1>
}

// -----

snn.network @ann {
  %in = snn.input : tensor<3xf32>
  %r = snn.relu %in : (tensor<3xf32>) -> tensor<3xf32> loc("relu")
  snn.output %r : tensor<3xf32>
}

// -----

snn.network @quantized {
  %x = snn.input : tensor<2xi1>
  %y = snn.linear %x {weight = dense<[[3, -4], [0, 127]]> : tensor<2x2xi8>} : (tensor<2xi1>) -> tensor<2xf32>
  snn.output %y : tensor<2xf32>
}

// -----

snn.network @one {
  %x = snn.input : tensor<2xf32>
  snn.output %x : tensor<2xf32>
}
snn.network @two {
  %x = snn.input : tensor<2xf32>
  snn.output %x : tensor<2xf32>
}

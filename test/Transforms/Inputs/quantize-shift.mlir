// A recorded snn.weight_shift wins over the shift the spinnaker profile would
// choose: at shift 15 the weight 0.5 rounds to 0 (unit 1), at the chosen
// shift 0 it is exact (used by quantize-contract.test).
snn.network @pinned attributes {discretization = #snn.discretization<dt = 9.765625e-04, method = euler, reset = subtract>} {
  %x = snn.input : tensor<1xi1> loc("x")
  %a = snn.linear %x {weight = dense<0.5> : tensor<1x1xf32>, snn.weight_shift = SHIFT : i64} : (tensor<1xi1>) -> tensor<1xf32> loc("syn")
  %s = snn.if %a {r = dense<1024.0> : tensor<1xf32>, v_threshold = dense<0.25> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1> loc("pop")
  snn.output %s : tensor<1xi1>
}

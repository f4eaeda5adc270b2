// Two classes: a0 = s0 + s1, a1 = s0 - s1; class 1 wins iff a1 > a0,
// i.e. iff s1 = -1 (ties, never reached here, would go to class 0).
snn.network @argmax2 {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, 1.0], [1.0, -1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %c = snn.argmax %a : (tensor<2xf32>) -> tensor<1xi64>
  snn.output %c : tensor<1xi64>
}

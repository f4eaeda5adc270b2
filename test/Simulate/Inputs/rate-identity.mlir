// The input straight to the output: probes of `x` show the encoded input.
snn.network @identity {
  %x = snn.input : tensor<9xf32> loc("x")
  snn.output %x : tensor<9xf32>
}

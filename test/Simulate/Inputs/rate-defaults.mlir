// snn.encoding / snn.timesteps as snn-ann-to-snn records them: axonc
// simulate uses them unless --encoding / --steps say otherwise.
snn.network @defaults attributes {snn.encoding = "rate", snn.timesteps = 50 : i64} {
  %x = snn.input : tensor<9xf32> loc("x")
  snn.output %x : tensor<9xf32>
}

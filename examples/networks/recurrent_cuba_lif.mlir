// A small recurrent CubaLIF network: 4 inputs drive 8 excitatory CubaLIF
// neurons that excite each other (recurrent affine) and a 2-neuron LI readout.
snn.network @recurrent_cuba_lif {
  %in = snn.input : tensor<4xf32> loc("input")
  %ff = snn.affine %in {
      weight = dense<[[0.5, 0.0, 0.2, 0.0], [0.0, 0.5, 0.0, 0.2],
                      [0.3, 0.3, 0.0, 0.0], [0.0, 0.0, 0.3, 0.3],
                      [0.4, 0.0, 0.0, 0.4], [0.0, 0.4, 0.4, 0.0],
                      [0.2, 0.2, 0.2, 0.2], [0.6, 0.0, 0.0, 0.0]]> : tensor<8x4xf32>,
      bias = dense<0.0> : tensor<8xf32>} : (tensor<4xf32>) -> tensor<8xf32> loc("ff")
  %rec = snn.linear %spk {
      weight = dense<[[0.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2],
                      [0.1, 0.0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0],
                      [0.0, 0.1, 0.0, 0.1, 0.0, 0.0, 0.0, 0.0],
                      [0.0, 0.0, 0.1, 0.0, 0.1, 0.0, 0.0, 0.0],
                      [0.0, 0.0, 0.0, 0.1, 0.0, 0.1, 0.0, 0.0],
                      [0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.1, 0.0],
                      [0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 0.0, 0.1],
                      [-0.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.1, 0.0]]> : tensor<8x8xf32>
      } : (tensor<8xi1>) -> tensor<8xf32> loc("rec")
  %spk = snn.cuba_lif %ff, %rec {
      tau_syn = dense<5.0e-03> : tensor<8xf32>,
      tau_mem = dense<2.0e-02> : tensor<8xf32>,
      r = dense<1.0> : tensor<8xf32>,
      v_leak = dense<0.0> : tensor<8xf32>,
      v_threshold = dense<1.0> : tensor<8xf32>,
      v_reset = dense<0.0> : tensor<8xf32>,
      w_in = dense<1.0> : tensor<8xf32>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1> loc("exc")
  %ro = snn.linear %spk {
      weight = dense<[[1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
                      [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]]> : tensor<2x8xf32>
      } : (tensor<8xi1>) -> tensor<2xf32> loc("readout_w")
  %out = snn.li %ro {tau = dense<1.0e-02> : tensor<2xf32>,
                     r = dense<1.0> : tensor<2xf32>,
                     v_leak = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xf32> loc("readout")
  snn.output %out : tensor<2xf32> loc("output")
}

// Input for export.test: unnamed ops, a repeated name, conv/pool/flatten.
snn.network @unnamed {
  %x = snn.input : tensor<2x8xf32>
  %c = snn.conv1d %x {weight = dense<0.5> : tensor<2x1x3xf32>, bias = dense<0.0> : tensor<2xf32>, stride = array<i64: 2>, padding = array<i64: 1>, dilation = array<i64: 1>, groups = 2 : i64} : (tensor<2x8xf32>) -> tensor<2x4xf32>
  %f = snn.flatten %c {start_dim = 0 : i64, end_dim = -1 : i64} : (tensor<2x4xf32>) -> tensor<8xf32>
  %a = snn.scale %f {scale = dense<2.0> : tensor<8xf32>} : (tensor<8xf32>) -> tensor<8xf32> loc("twice")
  %b = snn.scale %a {scale = dense<3.0> : tensor<8xf32>} : (tensor<8xf32>) -> tensor<8xf32> loc("twice")
  snn.output %b : tensor<8xf32>
  %y = snn.input : tensor<1x3x3xf32>
  %p = snn.sum_pool2d %y {kernel_size = array<i64: 2, 2>, stride = array<i64: 1, 1>, padding = array<i64: 0, 0>} : (tensor<1x3x3xf32>) -> tensor<1x2x2xf32> loc("pool")
  snn.output %p : tensor<1x2x2xf32>
}

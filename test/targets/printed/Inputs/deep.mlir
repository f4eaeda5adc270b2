// Two hidden layers (2-3-2-2), the same comparator as greater.mlir: the
// second hidden layer copies h0 and h1, the third neuron of the first is unused.
snn.network @deep {
  %x = snn.input : tensor<2xf32>
  %h = snn.linear %x {weight = dense<[[1.0, -1.0], [-1.0, 1.0], [0.5, 0.5]]> : tensor<3x2xf32>} : (tensor<2xf32>) -> tensor<3xf32>
  %r = snn.relu %h : (tensor<3xf32>) -> tensor<3xf32>
  %h2 = snn.affine %r {weight = dense<[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]> : tensor<2x3xf32>, bias = dense<0.0> : tensor<2xf32>} : (tensor<3xf32>) -> tensor<2xf32>
  %r2 = snn.relu %h2 : (tensor<2xf32>) -> tensor<2xf32>
  %o = snn.affine %r2 {weight = dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf32>, bias = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %o : tensor<2xf32>
}

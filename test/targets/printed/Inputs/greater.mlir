// A hand-made 2-2-2 MLP for the printed flow's tests: class 1 iff x0 > x1
// (ties -> class 0).  h = relu([x0 - x1, x1 - x0]); out = [h1, h0]; argmax.
snn.network @greater {
  %x = snn.input : tensor<2xf32>
  %h = snn.linear %x {weight = dense<[[1.0, -1.0], [-1.0, 1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %r = snn.relu %h : (tensor<2xf32>) -> tensor<2xf32>
  %o = snn.affine %r {weight = dense<[[0.0, 1.0], [1.0, 0.0]]> : tensor<2x2xf32>, bias = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %c = snn.argmax %o : (tensor<2xf32>) -> tensor<1xi64>
  snn.output %c : tensor<1xi64>
}

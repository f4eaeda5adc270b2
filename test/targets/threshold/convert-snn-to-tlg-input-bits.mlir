// RUN: axon-opt %s --convert-snn-to-tlg=input-bits=2 | FileCheck %s
// With 2-bit unsigned inputs u_j = x_j_b0 + 2 x_j_b1, a = sum_j w_j u_j and
// the weights of the bit planes are w_j, 2 w_j.  Here a = u0 - u1 >= 0
// (sign(0) = +1): x0_b0 + 2 x0_b1 - x1_b0 - 2 x1_b1 >= 0.
// CHECK-LABEL: net.module @two_bit_inputs(in %x0_b0 : i1, in %x0_b1 : i1, in %x1_b0 : i1, in %x1_b1 : i1, out y0 : i1)
// CHECK-NEXT:    tlg.gate %x0_b0, %x0_b1, %x1_b0, %x1_b1 {threshold = 0 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 2, -1, -2>}
snn.network @two_bit_inputs {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// snn-quantize{profile=spinnaker}: weights become 16-bit magnitudes with the
// population's left shift, everything else s16.15 (values checked by hand).
// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=spinnaker}))' 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARK < %t.remarks

// Post sums: neuron 0 gets +0.3 / -0.7, neuron 1 gets +1.75, so the largest
// 1.75 * 2^15 = 57344 <= 65535 fits shift 0 (unit 2^-15):
//   0.3f  * 2^15 =  9830.4004 ->  9830 ->  0.29998779296875
//  -0.7f  * 2^15 = -22937.5996 -> -22938 -> -0.70001220703125
//   1.5 and 0.25 are exact; bias 0.1f * 2^15 = 3276.80005 -> 3277
//   -> 0.100006103515625.  |errors| 1.2219e-5 (twice) and 0: mean 6.11e-6.
// CHECK-LABEL: snn.network @shift0
// CHECK-SAME: snn.quantized = "spinnaker"
// CHECK: snn.affine
// CHECK-SAME: bias = dense<[0.100006103515625, 0.000000e+00]> : tensor<2xf64>
// CHECK-SAME: snn.weight_shift = 0 : i64
// CHECK-SAME: weight = dense<{{\[\[}}0.29998779296875, -0.70001220703125], [1.500000e+00, 2.500000e-01]]> : tensor<2x2xf64>
// Neuron parameters: s16.15 values (4.35764313f -> 142791 / 2^15).
// CHECK: snn.if
// CHECK-SAME: r = dense<1.024000e+03> : tensor<1xf64>
// CHECK-SAME: v_threshold = dense<4.357635498046875> : tensor<1xf64>
// REMARK: remark: quantized 4 weights to spinnaker (16-bit, shift 0): max |error| 1.22e-05, mean |error| 6.11e-06, 0 clipped
// REMARK: remark: quantized network to spinnaker: 4 weights, max |error| 1.22e-05, mean |error| 6.11e-06, 0 clipped
snn.network @shift0 attributes {discretization = #snn.discretization<dt = 9.765625e-04, method = euler, reset = subtract>} {
  %x = snn.input : tensor<2xi1>
  %a = snn.affine %x {weight = dense<[[0.3, -0.7], [1.5, 0.25]]> : tensor<2x2xf32>, bias = dense<[0.1, 0.0]> : tensor<2xf32>} : (tensor<2xi1>) -> tensor<2xf32>
  %s = snn.if %a {r = dense<1024.0> : tensor<1xf32>, v_threshold = dense<4.35764313> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<2xf32>) -> tensor<2xi1>
  snn.output %s : tensor<2xi1>
}

// -----

// One post neuron with +3.0 +2.5 +0.1 = 5.6: 5.6 * 2^15 = 183501 and
// 5.6 * 2^14 = 91750 overflow 16 bits, 5.6 * 2^13 = 45875 fits: shift 2
// (unit 2^-13).  0.1f * 2^13 = 819.2 -> 819 -> 0.0999755859375
// (error 2.44e-5); 3.0 and 2.5 are exact.
// CHECK-LABEL: snn.network @shift2
// CHECK: snn.weight_shift = 2 : i64
// CHECK-SAME: weight = dense<{{\[\[}}3.000000e+00, 2.500000e+00, 0.0999755859375]]> : tensor<1x3xf64>
// REMARK: remark: quantized 3 weights to spinnaker (16-bit, shift 2): max |error| 2.44e-05, mean |error| 8.14e-06, 0 clipped
snn.network @shift2 {
  %x = snn.input : tensor<3xf32>
  %a = snn.linear %x {weight = dense<[[3.0, 2.5, 0.1]]> : tensor<1x3xf32>} : (tensor<3xf32>) -> tensor<1xf32>
  %s = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

// 70001 exceeds 65535, the 16-bit maximum even at shift 15 (unit 1): the
// weight is clipped to 65535 (error 4466) and counted.
// CHECK-LABEL: snn.network @clipped
// CHECK: snn.weight_shift = 15 : i64
// CHECK-SAME: weight = dense<6.553500e+04> : tensor<1x1xf64>
// REMARK: remark: quantized 1 weights to spinnaker (16-bit, shift 15): max |error| 4.47e+03, mean |error| 4.47e+03, 1 clipped
snn.network @clipped {
  %x = snn.input : tensor<1xf32>
  %a = snn.linear %x {weight = dense<70001.0> : tensor<1x1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %a : tensor<1xf32>
}

// snn-quantize{profile=int8} and {profile=binary}, values by hand.
// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=int8}))' 2>%t.int8 | FileCheck %s --check-prefix=INT8
// RUN: FileCheck %s --check-prefix=INT8-REMARK < %t.int8
// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=binary}))' 2>%t.bin | FileCheck %s --check-prefix=BIN
// RUN: FileCheck %s --check-prefix=BIN-REMARK < %t.bin

// int8: s = max|w| / 127 = 1/127; -0.5 * 127 = -63.5 rounds half to even to
// -64 (-0.50393700787...), 0.01f * 127 = 1.27 -> 1 (0.00787401574...);
// the bias stays.  Errors 0, 0.003937, 0.002126: max 0.00394, mean 0.00202.
// INT8: snn.quantized = "int8"
// INT8: snn.affine
// INT8-SAME: bias = dense<6.000000e-01> : tensor<1xf32>
// INT8-SAME: snn.weight_scale = 0.0078740157480314{{[0-9]*}} : f64
// INT8-SAME: weight = dense<{{\[\[}}1.000000e+00, -0.5039370078740{{[0-9]*}}, 0.0078740157480{{[0-9]*}}]]> : tensor<1x3xf64>
// INT8-REMARK: quantized 3 weights to int8 (symmetric 8-bit, scale 0.00787): max |error| 0.00394, mean |error| 0.00202, 0 clipped

// binary: sign(w) with 0 -> +1, the bias to the nearest integer (0.6 -> 1);
// snn.weight_scale records mean |w| = (1 + 0.5 + 0.01) / 3 = 0.50333.
// Errors 0, 0.5, 0.99: max 0.99, mean 0.497.
// BIN: snn.quantized = "binary"
// BIN: snn.affine
// BIN-SAME: bias = dense<1.000000e+00> : tensor<1xf64>
// BIN-SAME: snn.weight_scale = 0.50333{{[0-9]*}} : f64
// BIN-SAME: weight = dense<{{\[\[}}1.000000e+00, -1.000000e+00, 1.000000e+00]]> : tensor<1x3xf64>
// BIN-REMARK: quantized 3 weights to binary (sign): max |error| 0.99, mean |error| 0.497, 0 clipped
snn.network @ann {
  %x = snn.input : tensor<3xf32>
  %a = snn.affine %x {weight = dense<[[1.0, -0.5, 0.01]]> : tensor<1x3xf32>, bias = dense<0.6> : tensor<1xf32>} : (tensor<3xf32>) -> tensor<1xf32>
  snn.output %a : tensor<1xf32>
}

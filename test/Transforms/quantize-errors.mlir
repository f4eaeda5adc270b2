// snn-quantize rejects what a profile cannot hold, with the op's location.
// RUN: axon-opt %s --split-input-file --verify-diagnostics -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=spinnaker}))' -o /dev/null
// RUN: not axon-opt %s --split-input-file -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=int4}))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=PROFILE
// RUN: not axon-opt %S/Inputs/quantize-loihi-nodt.mlir -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-quantize{profile=loihi}))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=LOIHI

// PROFILE: error: unknown quantization profile 'int4'; expected spinnaker, loihi, int8 or binary
// LOIHI: quantize-loihi-nodt.mlir:2:1: error: snn-quantize{profile=loihi} needs a discretized network (--snn-discretize)

// s16.15 holds |x| < 65536: a threshold of 70000 overflows.
snn.network @threshold {
  %x = snn.input : tensor<1xi1>
  // expected-remark @below {{quantized 1 weights to spinnaker}}
  %a = snn.linear %x {weight = dense<1.0> : tensor<1x1xf32>} : (tensor<1xi1>) -> tensor<1xf32>
  // expected-error @below {{'v_threshold' = 7.000000e+04 cannot be represented by the spinnaker profile (s16.15: |x| < 65536)}}
  %s = snn.if %a {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<70000.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

snn.network @bias {
  %x = snn.input : tensor<1xf32>
  // expected-error @below {{'bias' = -1.000000e+05 cannot be represented by the spinnaker profile}}
  %a = snn.affine %x {weight = dense<1.0> : tensor<1x1xf32>, bias = dense<-100000.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %a : tensor<1xf32>
}

// -----

// dt * r is the IF's s16.15 input multiplier: 2 * 50000 overflows.
snn.network @dtr attributes {discretization = #snn.discretization<dt = 2.0, method = euler, reset = subtract>} {
  %x = snn.input : tensor<1xi1>
  // expected-remark @below {{quantized 1 weights to spinnaker}}
  %a = snn.linear %x {weight = dense<1.0> : tensor<1x1xf32>} : (tensor<1xi1>) -> tensor<1xf32>
  // expected-error @below {{dt * r = 1.000000e+05 cannot be represented by the spinnaker profile (s16.15: |x| < 65536)}}
  %s = snn.if %a {r = dense<50000.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

snn.network @scale {
  %x = snn.input : tensor<1xf32>
  // expected-error @below {{'scale' = 1.000000e+05 cannot be represented by the spinnaker profile}}
  %a = snn.scale %x {scale = dense<100000.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %a : tensor<1xf32>
}

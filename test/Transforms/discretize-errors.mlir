// RUN: axon-opt %s --split-input-file --verify-diagnostics -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-3 method=euler}))' -o /dev/null
// RUN: not axon-opt %s --split-input-file -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-discretize))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=NODT
// RUN: not axon-opt %s --split-input-file -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-3 method=rk4}))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=METHOD
// RUN: not axon-opt %s --split-input-file -mlir-print-op-on-diagnostic=false --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-3 reset=hold}))' -o /dev/null 2>&1 | FileCheck %s --check-prefix=RESET

// NODT: error: snn-discretize needs a positive time step: pass dt=<seconds>, got 0
// METHOD: error: unknown discretization method 'rk4', expected 'exact' or 'euler'
// RESET: error: unknown reset mode 'hold', expected 'zero', 'subtract' or 'to-v-reset'

snn.network @euler_unstable {
  %x = snn.input : tensor<1xf32>
  // expected-warning @below {{forward Euler with dt/tau = 2.000000e+00 > 1 overshoots (decay factor below 0); use method=exact or a smaller dt}}
  %s = snn.li %x {tau = dense<5.0e-4> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// -----

// expected-error @below {{network is already discretized as #snn.discretization<dt = 1.000000e-04, method = euler, reset = to_v_reset>; re-discretizing would silently change its semantics}}
snn.network @already attributes {discretization = #snn.discretization<dt = 1.0e-4, method = euler, reset = to_v_reset>} {
}

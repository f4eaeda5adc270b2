// axonc checks models with the same verifier as axon-opt and honours
// --verify-diagnostics.
// RUN: axonc check --verify-diagnostics -mlir-print-op-on-diagnostic=false %s

snn.network @bad_tau {
  %a = snn.input : tensor<1xf32>
  // expected-error @below {{'tau' must be positive, got -1.000000e+00 at index 0}}
  %0 = snn.li %a {tau = dense<-1.0> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
}

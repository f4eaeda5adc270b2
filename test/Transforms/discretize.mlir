// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-3 method=exact}))' | FileCheck %s --check-prefix=EXACT
// RUN: axon-opt %s --split-input-file --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-3 method=euler reset=subtract}))' | FileCheck %s --check-prefix=EULER
// Decay factors by hand: dt/tau = 1e-3/1e-2 = 0.1 -> exp(-0.1) =
// 0.904837418..., Euler 1 - 0.1 = 0.9; dt/tau_syn = 1e-3/5e-3 = 0.2 ->
// exp(-0.2) = 0.818730753..., Euler 0.8.

// EXACT-LABEL: snn.network @discretize_lif_exact
// EXACT-SAME: discretization = #snn.discretization<dt = 1.000000e-03, method = exact, reset = to_v_reset>
// EULER-LABEL: snn.network @discretize_lif_exact
// EULER-SAME: discretization = #snn.discretization<dt = 1.000000e-03, method = euler, reset = subtract>
snn.network @discretize_lif_exact {
  %x = snn.input : tensor<2xf32>
  // EXACT: snn.lif
  // EXACT-SAME: snn.decay_v = dense<[0.90483741803595952, 0.98019867330675525]> : tensor<2xf64>
  // EULER: snn.decay_v = dense<[9.000000e-01, 0.97999999999999998]> : tensor<2xf64>
  %s = snn.lif %x {tau = dense<[1.0e-2, 5.0e-2]> : tensor<2xf64>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1>
  snn.output %s : tensor<2xi1>
}

// -----

// EXACT-LABEL: snn.network @discretize_cuba_lif
snn.network @discretize_cuba_lif {
  %x = snn.input : tensor<1xf32>
  // EXACT: snn.cuba_lif
  // EXACT-SAME: snn.decay_i = dense<0.81873075307798182> : tensor<1xf64>
  // EXACT-SAME: snn.decay_v = dense<0.90483741803595952> : tensor<1xf64>
  // EULER: snn.decay_i = dense<8.000000e-01> : tensor<1xf64>
  // EULER-SAME: snn.decay_v = dense<9.000000e-01> : tensor<1xf64>
  %s = snn.cuba_lif %x {tau_syn = dense<5.0e-3> : tensor<1xf64>, tau_mem = dense<1.0e-2> : tensor<1xf64>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>, w_in = dense<1.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

// Populations without time constants get no decay factor.
// EXACT-LABEL: snn.network @negative_discretize_if
snn.network @negative_discretize_if {
  %x = snn.input : tensor<1xf32>
  // EXACT: snn.if
  // EXACT-NOT: snn.decay
  // EXACT-SAME: -> tensor<1xi1>
  %s = snn.if %x {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

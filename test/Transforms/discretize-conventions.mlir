// RUN: axon-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(snn.network(snn-discretize{dt=1e-4}))' -o /dev/null
// The pass names the exporter convention it recognizes.  dt = 1e-4,
// tau = 2.5e-3: tau/dt = 25; Rockpool stores 25 exp(-0.04) = 24.0197360.

snn.network @norse_style {
  %x = snn.input : tensor<1xf32>
  // expected-remark @below {{r = tau/dt for every neuron: the exporter folded dt into r (Norse/snnTorch convention}}
  %s = snn.lif %x {tau = dense<2.5e-3> : tensor<1xf32>, r = dense<25.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

snn.network @rockpool_style {
  %x = snn.input : tensor<1xf32>
  // expected-remark @below {{r = (tau/dt) exp(-dt/tau) for every neuron: the exporter folded dt into r (Rockpool convention)}}
  %s = snn.lif %x {tau = dense<2.5e-3> : tensor<1xf32>, r = dense<24.019737> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<0.1> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

// -----

snn.network @cuba_w_in {
  %x = snn.input : tensor<1xf32>
  // expected-remark @below {{w_in = tau_syn/dt for every neuron: the exporter folded dt into w_in}}
  %s = snn.cuba_li %x {tau_syn = dense<5.0e-3> : tensor<1xf32>, tau_mem = dense<1.0e-2> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, w_in = dense<50.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// -----

// No convention: r = 1 is neither 25 nor 24.02; no remark.
snn.network @negative_plain {
  %x = snn.input : tensor<1xf32>
  %s = snn.lif %x {tau = dense<2.5e-3> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1>
  snn.output %s : tensor<1xi1>
}

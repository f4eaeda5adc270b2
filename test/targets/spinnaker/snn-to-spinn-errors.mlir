// RUN: axon-opt %s --convert-snn-to-spinn -split-input-file -verify-diagnostics

snn.network @ann {
  %in = snn.input : tensor<4xf32>
  %a = snn.affine %in {weight = dense<1.0> : tensor<4x4xf32>, bias = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xf32>
  // expected-error @below {{'snn.relu' cannot be mapped to SpiNNaker: only neuron populations, inputs, synaptic ops, flatten and delay may feed a population}}
  %r = snn.relu %a : (tensor<4xf32>) -> tensor<4xf32>
  %s = snn.if %r {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1>
}

// -----

snn.network @chain {
  %in = snn.input : tensor<4xi1>
  %a = snn.linear %in {weight = dense<1.0> : tensor<4x4xf32>} : (tensor<4xi1>) -> tensor<4xf32>
  // expected-error @below {{synaptic op 'linear_2' is fed by synaptic op 'linear_1': SpiNNaker needs a population between two synaptic ops}}
  %b = snn.linear %a {weight = dense<1.0> : tensor<4x4xf32>} : (tensor<4xf32>) -> tensor<4xf32>
  %s = snn.if %b {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1>
}

// -----

snn.network @npc {
  %in = snn.input : tensor<4xf32>
  // expected-error @below {{'spinn.neurons_per_core' must be a positive integer, got 0 : i64}}
  %s = snn.if %in {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>, spinn.neurons_per_core = 0 : i64} : (tensor<4xf32>) -> tensor<4xi1>
}

// -----

// An ANN (the digits MLP as imported): nothing spikes, nothing to map.
// expected-error @below {{network 'mlp' has no neuron population to map (convert ANN networks with --snn-ann-to-snn first)}}
snn.network @mlp {
  %in = snn.input : tensor<4xf32>
  %a = snn.affine %in {weight = dense<1.0> : tensor<2x4xf32>, bias = dense<0.0> : tensor<2xf32>} : (tensor<4xf32>) -> tensor<2xf32>
  snn.output %a : tensor<2xf32>
}

// -----

// A relu anywhere (here after the spiking layer, towards the output).
snn.network @late_relu {
  %in = snn.input : tensor<4xf32>
  %s = snn.if %in {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1>
  %w = snn.linear %s {weight = dense<1.0> : tensor<2x4xf32>} : (tensor<4xi1>) -> tensor<2xf32>
  // expected-error @below {{'snn.relu' cannot be mapped to SpiNNaker}}
  %r = snn.relu %w : (tensor<2xf32>) -> tensor<2xf32>
  snn.output %r : tensor<2xf32>
}

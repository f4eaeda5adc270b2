// RUN: axon-opt %s --convert-snn-to-tlg -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// One case per diagnostic of the snn -> tlg reader, each at the op to blame.

snn.network @non_binary_weights {
  %x = snn.input : tensor<2xf32>
  // expected-error @below {{weights of neuron 0 are not binary: |w| takes the values 1 and 2 (the threshold target needs +-alpha or 0 per neuron)}}
  %a = snn.linear %x {weight = dense<[[1.0, 2.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// -----

snn.network @unsupported_op {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  // expected-error @below {{is not supported here by the threshold target; expected snn.batch_norm, snn.sign or snn.argmax}}
  %r = snn.relu %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %r : tensor<1xf32>
}

// -----

snn.network @layer_without_activation {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  // expected-error @below {{is not supported here by the threshold target; expected snn.batch_norm, snn.sign or snn.argmax}}
  snn.output %a : tensor<1xf32>
}

// -----

snn.network @two_synapses_in_a_row {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  // expected-error @below {{is not supported here by the threshold target; expected snn.batch_norm, snn.sign or snn.argmax}}
  %b = snn.linear %a {weight = dense<[[1.0]]> : tensor<1x1xf32>} : (tensor<1xf32>) -> tensor<1xf32>
  %s = snn.sign %b : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s : tensor<1xf32>
}

// -----

snn.network @fan_out {
  %x = snn.input : tensor<2xf32>
  // expected-error @below {{the threshold target needs a chain of layers; this value has 2 users}}
  %a = snn.linear %x {weight = dense<[[1.0, -1.0]]> : tensor<1x2xf32>} : (tensor<2xf32>) -> tensor<1xf32>
  %s = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  %t = snn.sign %a : (tensor<1xf32>) -> tensor<1xf32>
  snn.output %s, %t : tensor<1xf32>, tensor<1xf32>
}

// -----

snn.network @argmax_not_last {
  %x = snn.input : tensor<2xf32>
  %a = snn.linear %x {weight = dense<[[1.0, -1.0], [1.0, 1.0]]> : tensor<2x2xf32>} : (tensor<2xf32>) -> tensor<2xf32>
  %c = snn.argmax %a : (tensor<2xf32>) -> tensor<1xi64>
  // expected-error @below {{the threshold target needs snn.argmax to feed the snn.output}}
  %d = snn.flatten %c {start_dim = 0 : i64, end_dim = 0 : i64} : (tensor<1xi64>) -> tensor<1xi64>
  snn.output %d : tensor<1xi64>
}

// -----

snn.network @rank_two_signal {
  // expected-error @below {{the threshold target needs rank-1 signals, got 'tensor<2x2xf32>'}}
  %x = snn.input : tensor<2x2xf32>
  snn.output %x : tensor<2x2xf32>
}

// -----

// expected-error @below {{the threshold target needs exactly one snn.input}}
snn.network @no_input {
}


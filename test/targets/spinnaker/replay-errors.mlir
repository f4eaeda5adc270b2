// RUN: axon-opt %s --spinn-replay-check -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false -o /dev/null
// RUN: not axon-opt %s --split-input-file --spinn-replay-check="rate=2000" -o /dev/null 2>&1 | FileCheck %s --check-prefix=RATE
// RATE: error: 'rate' must be in [0, 1/dt] Hz, got 2.000000e+03

// Errors of the replay on hand-written spinn IR (each case breaks one thing
// the replay reads).

// A hand-mapped two-neuron machine replays identically.
snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
// expected-remark @below {{replay: 100 steps, }}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  // expected-error @below {{has no placement: run the mapping pipeline before the replay}}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  // expected-error @below {{sends spikes but has no key}}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  // expected-error @below {{has 2 neurons, but its vertices do not cover [0, 2) exactly once}}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 1, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  // expected-error @below {{names node 'nope', which network 'n' does not have}}
  spinn.population @exc {node = "nope", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
// expected-error @below {{names network 'zz', which the module does not have}}
spinn.machine @m attributes {profile = "spinnaker1", network = "zz", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  // expected-error @below {{has 2 atoms, but its mask 0xffffffff leaves room for fewer}}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xffffffff>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  // expected-error @below {{is delivered to core (0, 0, 3), which runs no vertex}}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000200>]}
}

// -----

snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{names synaptic op 'nope', which the network does not have}}
  spinn.projection @in -> @exc {synapse = "nope", synapses = 2, delay = 1}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<0, 0, 2>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000100>]}
}

// -----

// Two paths lead to chip (1, 1): (0, 0) sends East and North-East, (1, 0)
// sends North; both copies reach core (1, 1, 1).
snn.network @n {
  %in = snn.input : tensor<2xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0, 0.0], [0.0, 30.0]]> : tensor<2x2xf32>} : (tensor<2xi1>) -> tensor<2xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, v_threshold = dense<1.0> : tensor<2xf32>, v_reset = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1> loc("exc")
  snn.output %s : tensor<2xi1> loc("o")
}
spinn.machine @m attributes {profile = "spinnaker1", network = "n", width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @in {node = "in", kind = "input", neurons = 2, neurons_per_core = 256, state_words = 0, param_words = 0}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 2, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.projection @in -> @exc {synapse = "w", synapses = 2, delay = 1}
  // expected-error @below {{reaches core (1, 1, 1) twice: its row would be added twice}}
  spinn.vertex @in_0 {population = @in, lo = 0, hi = 2, placement = #spinn.core<0, 0, 1>, key_mask = #spinn.key_mask<0x00000000, 0xfffffffe>}
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 2, placement = #spinn.core<1, 1, 1>, key_mask = #spinn.key_mask<0x00000002, 0xfffffffe>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000003>]}
  spinn.table <1, 0> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000004>]}
  spinn.table <1, 1> {entries = [#spinn.entry<0x00000000, 0xfffffffe -> 0x000080>]}
}

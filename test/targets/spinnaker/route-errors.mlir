// RUN: axon-opt %s --spinn-route -split-input-file -verify-diagnostics

spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  // expected-error @below {{is not placed (run --spinn-place first)}}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, targets = [@a_1]}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2, placement = #spinn.core<0, 0, 1>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  // expected-error @below {{target 'a_1' is missing or not placed}}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, targets = [@a_1], placement = #spinn.core<0, 0, 1>}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2}
}

// -----

spinn.machine @m attributes {profile = "spinnaker2", network = "n",
    width = 8, height = 8, cores_per_chip = 152, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, targets = [@a_1], placement = #spinn.core<0, 0, 1>}
  // expected-error @below {{is on core 40, which a route word (18 core bits) cannot address}}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2, placement = #spinn.core<0, 0, 40>}
}

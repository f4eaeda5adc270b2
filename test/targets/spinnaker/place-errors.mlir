// RUN: axon-opt %s --spinn-place -split-input-file -verify-diagnostics

// A slice larger than any chip's SDRAM cannot be placed anywhere.
// expected-error @below {{runs out of cores: placed 0 of 1 vertices on 48 live chips}}
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, sdram = 200000000}
}

// -----

// expected-error @below {{profile 'spinnaker2' is 8x8 chips, but the op says 4x4}}
spinn.machine @m attributes {profile = "spinnaker2", network = "n",
    width = 4, height = 4, cores_per_chip = 152, monitor_cores = 1} {
}

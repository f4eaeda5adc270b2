// RUN: axon-opt %s --spinn-build-tables -verify-diagnostics

spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  // expected-error @below {{has a route but no key (run --spinn-allocate-keys first)}}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, tree = array<i32: 0, 0, -1, -1, 256>}
}

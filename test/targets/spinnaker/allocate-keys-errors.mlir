// RUN: axon-opt %s --spinn-allocate-keys -verify-diagnostics

// A 2^32-atom slice needs 32 atom bits, plus 1 bit for two populations.
// expected-error @below {{needs 1 population + 0 slice + 32 atom bits, more than a 32-bit key holds}}
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 4294967296, neurons_per_core = 4294967296, state_words = 1, param_words = 6}
  spinn.population @q {node = "q", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 4294967296}
  spinn.vertex @q_0 {population = @q, lo = 0, hi = 1}
}

// RUN: axon-opt %s -split-input-file -verify-diagnostics

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{slice [5, 5) is empty: 'lo' must be less than 'hi'}}
  spinn.vertex @p_0 {population = @p, lo = 5, hi = 5}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{slice [0, 11) exceeds population @p of 10 neurons}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 11}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{'nope' is not a spinn.population of this machine}}
  spinn.vertex @p_0 {population = @nope, lo = 0, hi = 1}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{placement core 18 is not an application core (expected 1 <= p < 18)}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, placement = #spinn.core<0, 0, 18>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{placement core 0 is not an application core (expected 1 <= p < 18)}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, placement = #spinn.core<0, 0, 0>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{placement chip (8, 0) is outside the 8x8 machine}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, placement = #spinn.core<8, 0, 1>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 5, state_words = 1, param_words = 6}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 5, placement = #spinn.core<1, 2, 3>}
  // expected-error @below {{is placed on core (1, 2, 3) already used by @p_0}}
  spinn.vertex @p_1 {population = @p, lo = 5, hi = 10, placement = #spinn.core<1, 2, 3>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{key 0x00010001 has bits outside mask 0xffff0000 (key & ~mask must be 0)}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, key_mask = #spinn.key_mask<0x10001, 0xFFFF0000>}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{route 0x1000000 uses bits above 24 (6 links + 18 cores)}}
  spinn.table #spinn.chip<0, 0> {entries = [#spinn.entry<0x0, 0x0 -> 0x1000000>]}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{'key' must fit in 32 bits, got 4294967296}}
  spinn.table #spinn.chip<0, 0> {entries = [#spinn.entry<0x100000000, 0x0 -> 0x1>]}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.table #spinn.chip<0, 0> {entries = []}
  // expected-error @below {{is the second table for chip (0, 0)}}
  spinn.table #spinn.chip<0, 0> {entries = []}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{chip (9, 0) is outside the 8x8 machine}}
  spinn.table #spinn.chip<9, 0> {entries = []}
}

// -----

// expected-error @below {{dead chip (8, 8) is outside the 8x8 machine}}
spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1,
    dead_chips = [#spinn.chip<8, 8>]} {
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{'q' is not a spinn.population of this machine}}
  spinn.projection @p -> @q {synapse = "", synapses = 10, delay = 1}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{target 'p_9' is not a spinn.vertex of this machine}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, targets = [@p_9]}
}

// -----

spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 10,
                       neurons_per_core = 256, state_words = 1, param_words = 6}
  // expected-error @below {{'tree' must hold 5 words per chip, got 4}}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 10, tree = array<i32: 0, 0, -1, -1>}
}

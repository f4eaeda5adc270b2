// RUN: axon-opt %s --spinn-check-routing -split-input-file -verify-diagnostics

// The compressed table sends key 0 to core 1 instead of core 0.
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  // expected-error @below {{chip (0, 0): compressed routing table (1 entries) differs from the original (1 entries): key 0x00000000: original entry 0 routes it to}}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x40>],
                      compressed = [#spinn.entry<0x000, 0xffffff00 -> 0x80>]}
}

// -----

// The table delivers a_0's spikes on its own chip, but its target is on (1,0).
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  // expected-error @below {{packets with key 0 reach cores {(0, 0, 2)} but its targets are on {(1, 0, 1)}}}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, placement = #spinn.core<0, 0, 1>,
                     key_mask = #spinn.key_mask<0x0, 0xffffff00>, targets = [@b_0]}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1, placement = #spinn.core<1, 0, 1>,
                     key_mask = #spinn.key_mask<0x100, 0xffffff00>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x100>]}
}

// -----

// No table on the source chip: the packet has nowhere to go.
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  // expected-error @below {{packet with key 0 is dropped at its source chip}}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, placement = #spinn.core<0, 0, 1>,
                     key_mask = #spinn.key_mask<0x0, 0xffffff00>, targets = [@a_1]}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2, placement = #spinn.core<0, 0, 2>,
                     key_mask = #spinn.key_mask<0x100, 0xffffff00>}
}

// -----

// Default routing: (1,0) has no entry, so the packet continues east to
// (2,0), which delivers it: accepted.
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, placement = #spinn.core<0, 0, 1>,
                     key_mask = #spinn.key_mask<0x0, 0xffffff00>, targets = [@b_0]}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1, placement = #spinn.core<2, 0, 1>,
                     key_mask = #spinn.key_mask<0x100, 0xffffff00>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x1>]}
  spinn.table <2, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x80>]}
}

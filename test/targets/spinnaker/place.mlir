// RUN: axon-opt %s --spinn-place -split-input-file | FileCheck %s
//
// Chips fill in rings of growing hexagonal distance from the first live chip
// (ties by chip id = y*8+x), cores 1..16 on each.  From (0,0) the nearest
// chips are (1,0) id 1, (0,1) id 8, (1,1) id 9.

// 17 slices of one population: 16 fill chip (0,0), the 17th goes to (1,0).
// The population @b connected to @a follows on the same chip as a's last
// slice; @c (not connected to @a, first in IR order after @a's component)
// comes last.
// CHECK-LABEL: spinn.machine @fill
// CHECK: spinn.vertex @a_0 {{{.*}}placement = #spinn.core<0, 0, 1>
// CHECK: spinn.vertex @a_15 {{{.*}}placement = #spinn.core<0, 0, 16>
// CHECK: spinn.vertex @a_16 {{{.*}}placement = #spinn.core<1, 0, 1>
// CHECK: spinn.vertex @c_0 {{{.*}}placement = #spinn.core<1, 0, 3>
// CHECK: spinn.vertex @b_0 {{{.*}}placement = #spinn.core<1, 0, 2>
spinn.machine @fill attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 17, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @c {node = "c", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.projection @a -> @b {synapse = "", synapses = 1, delay = 1}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2}
  spinn.vertex @a_2 {population = @a, lo = 2, hi = 3}
  spinn.vertex @a_3 {population = @a, lo = 3, hi = 4}
  spinn.vertex @a_4 {population = @a, lo = 4, hi = 5}
  spinn.vertex @a_5 {population = @a, lo = 5, hi = 6}
  spinn.vertex @a_6 {population = @a, lo = 6, hi = 7}
  spinn.vertex @a_7 {population = @a, lo = 7, hi = 8}
  spinn.vertex @a_8 {population = @a, lo = 8, hi = 9}
  spinn.vertex @a_9 {population = @a, lo = 9, hi = 10}
  spinn.vertex @a_10 {population = @a, lo = 10, hi = 11}
  spinn.vertex @a_11 {population = @a, lo = 11, hi = 12}
  spinn.vertex @a_12 {population = @a, lo = 12, hi = 13}
  spinn.vertex @a_13 {population = @a, lo = 13, hi = 14}
  spinn.vertex @a_14 {population = @a, lo = 14, hi = 15}
  spinn.vertex @a_15 {population = @a, lo = 15, hi = 16}
  spinn.vertex @a_16 {population = @a, lo = 16, hi = 17}
  spinn.vertex @c_0 {population = @c, lo = 0, hi = 1}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1}
}

// -----

// Dead chip (0,0): the first live chip is (1,0); its nearest chips by id are
// (2,0) id 2, (1,1) id 9, (2,1) id 10, so the 17th slice lands on (2,0).  Dead
// core 2 of (1,0) is skipped (cores 1, 3, 4, ... 17 are used).
// CHECK-LABEL: spinn.machine @dead
// CHECK: spinn.vertex @a_0 {{{.*}}placement = #spinn.core<1, 0, 1>
// CHECK: spinn.vertex @a_1 {{{.*}}placement = #spinn.core<1, 0, 3>
// CHECK: spinn.vertex @a_15 {{{.*}}placement = #spinn.core<1, 0, 17>
// CHECK: spinn.vertex @a_16 {{{.*}}placement = #spinn.core<2, 0, 1>
spinn.machine @dead attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1,
    dead_chips = [#spinn.chip<0, 0>], dead_cores = [#spinn.core<1, 0, 2>]} {
  spinn.population @a {node = "a", kind = "lif", neurons = 17, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2}
  spinn.vertex @a_2 {population = @a, lo = 2, hi = 3}
  spinn.vertex @a_3 {population = @a, lo = 3, hi = 4}
  spinn.vertex @a_4 {population = @a, lo = 4, hi = 5}
  spinn.vertex @a_5 {population = @a, lo = 5, hi = 6}
  spinn.vertex @a_6 {population = @a, lo = 6, hi = 7}
  spinn.vertex @a_7 {population = @a, lo = 7, hi = 8}
  spinn.vertex @a_8 {population = @a, lo = 8, hi = 9}
  spinn.vertex @a_9 {population = @a, lo = 9, hi = 10}
  spinn.vertex @a_10 {population = @a, lo = 10, hi = 11}
  spinn.vertex @a_11 {population = @a, lo = 11, hi = 12}
  spinn.vertex @a_12 {population = @a, lo = 12, hi = 13}
  spinn.vertex @a_13 {population = @a, lo = 13, hi = 14}
  spinn.vertex @a_14 {population = @a, lo = 14, hi = 15}
  spinn.vertex @a_15 {population = @a, lo = 15, hi = 16}
  spinn.vertex @a_16 {population = @a, lo = 16, hi = 17}
}

// -----

// SDRAM per chip: two slices of 70,000,000 bytes cannot share a chip of
// 123,469,792 bytes, so the second moves to (1,0).
// CHECK-LABEL: spinn.machine @sdram
// CHECK: spinn.vertex @a_0 {{{.*}}placement = #spinn.core<0, 0, 1>
// CHECK: spinn.vertex @a_1 {{{.*}}placement = #spinn.core<1, 0, 1>
spinn.machine @sdram attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, sdram = 70000000}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2, sdram = 70000000}
}

// -----

// SpiNNaker 2 chips have 151 application cores, but route words address
// 18 cores (bits 6-23): cores 1..17 are used, the 18th slice moves on.
// CHECK-LABEL: spinn.machine @spinnaker2
// CHECK: spinn.vertex @a_16 {{{.*}}placement = #spinn.core<0, 0, 17>
// CHECK: spinn.vertex @a_17 {{{.*}}placement = #spinn.core<1, 0, 1>
spinn.machine @spinnaker2 attributes {profile = "spinnaker2", network = "n",
    width = 8, height = 8, cores_per_chip = 152, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 18, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2}
  spinn.vertex @a_2 {population = @a, lo = 2, hi = 3}
  spinn.vertex @a_3 {population = @a, lo = 3, hi = 4}
  spinn.vertex @a_4 {population = @a, lo = 4, hi = 5}
  spinn.vertex @a_5 {population = @a, lo = 5, hi = 6}
  spinn.vertex @a_6 {population = @a, lo = 6, hi = 7}
  spinn.vertex @a_7 {population = @a, lo = 7, hi = 8}
  spinn.vertex @a_8 {population = @a, lo = 8, hi = 9}
  spinn.vertex @a_9 {population = @a, lo = 9, hi = 10}
  spinn.vertex @a_10 {population = @a, lo = 10, hi = 11}
  spinn.vertex @a_11 {population = @a, lo = 11, hi = 12}
  spinn.vertex @a_12 {population = @a, lo = 12, hi = 13}
  spinn.vertex @a_13 {population = @a, lo = 13, hi = 14}
  spinn.vertex @a_14 {population = @a, lo = 14, hi = 15}
  spinn.vertex @a_15 {population = @a, lo = 15, hi = 16}
  spinn.vertex @a_16 {population = @a, lo = 16, hi = 17}
  spinn.vertex @a_17 {population = @a, lo = 17, hi = 18}
}

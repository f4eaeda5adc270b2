// RUN: axon-opt %s | axon-opt | FileCheck %s
// Round trip of every spinn op and attribute; keys, masks and routes print
// in hexadecimal.

// CHECK-LABEL: spinn.machine @m
// CHECK-SAME: dead_chips = [#spinn.chip<7, 7>]
// CHECK-SAME: dead_cores = [#spinn.core<0, 0, 3>]
spinn.machine @m attributes {profile = "spinnaker1", network = "net",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1,
    dead_chips = [#spinn.chip<7, 7>], dead_cores = [#spinn.core<0, 0, 3>]} {
  // CHECK: spinn.population @exc {kind = "lif", neurons = 600 : i64, neurons_per_core = 256 : i64, node = "exc", param_words = 6 : i64, state_words = 1 : i64}
  spinn.population @exc {node = "exc", kind = "lif", neurons = 600,
                         neurons_per_core = 256, state_words = 1,
                         param_words = 6}
  // CHECK: spinn.projection @exc -> @exc {delay = 1 : i64, synapse = "rec", synapses = 10 : i64}
  spinn.projection @exc -> @exc {synapse = "rec", synapses = 10, delay = 1}
  // CHECK: spinn.vertex @exc_0 {cycles = 20000 : i64, dtcm = 30000 : i64, hi = 256 : i64,
  // CHECK-SAME: key_mask = #spinn.key_mask<0x00010000, 0xffff0000>
  // CHECK-SAME: placement = #spinn.core<0, 0, 1>
  // CHECK-SAME: targets = [@exc_0]
  // CHECK-SAME: tree = array<i32: 0, 0, -1, -1, 64>
  spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 256, dtcm = 30000,
                       sdram = 40000, cycles = 20000, targets = [@exc_0],
                       placement = #spinn.core<0, 0, 1>,
                       tree = array<i32: 0, 0, -1, -1, 64>,
                       key_mask = #spinn.key_mask<0x10000, 0xFFFF0000>}
  // CHECK: spinn.table <0, 0>
  // CHECK-SAME: compressed = [#spinn.entry<0x00010000, 0xffff0000 -> 0x000040>]
  // CHECK-SAME: entries = [#spinn.entry<0x00010000, 0xffff0000 -> 0x000040>, #spinn.entry<0x00020000, 0xffff0000 -> 0x000001, defaultable>]
  spinn.table <0, 0> {
    entries = [#spinn.entry<0x10000, 0xFFFF0000 -> 0x40>,
               #spinn.entry<0x20000, 0xFFFF0000 -> 0x1, defaultable>],
    compressed = [#spinn.entry<0x10000, 0xFFFF0000 -> 0x40>]}
}

// RUN: axon-opt %s --spinn-check-routing | FileCheck %s
//
// A correct mapping passes unchanged: a_0 on (0,0) core 1 reaches b_0 on
// (2,0) core 1 through (1,0), whose entry was compressed away (default
// routing carries the packet straight on), and a_0 itself (core 1 bit 7)
// locally; the compressed (0,0) table merges 0x000 and 0x100 (same route).

// CHECK-LABEL: spinn.machine @ok
// CHECK: spinn.table <1, 0> {compressed = []
spinn.machine @ok attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, placement = #spinn.core<0, 0, 1>,
                     key_mask = #spinn.key_mask<0x000, 0xffffff00>, targets = [@a_0, @b_0]}
  spinn.vertex @a_1 {population = @a, lo = 1, hi = 2, placement = #spinn.core<0, 0, 2>,
                     key_mask = #spinn.key_mask<0x100, 0xffffff00>, targets = [@a_0, @b_0]}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1, placement = #spinn.core<2, 0, 1>,
                     key_mask = #spinn.key_mask<0x400, 0xffffff00>}
  spinn.table <0, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x81>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x81>],
                      compressed = [#spinn.entry<0x000, 0xfffffe00 -> 0x81>]}
  spinn.table <1, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x1, defaultable>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x1, defaultable>],
                      compressed = []}
  spinn.table <2, 0> {entries = [#spinn.entry<0x000, 0xffffff00 -> 0x80>,
                                 #spinn.entry<0x100, 0xffffff00 -> 0x80>]}
}

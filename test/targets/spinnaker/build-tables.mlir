// RUN: axon-opt %s --spinn-build-tables | FileCheck %s
//
// a_0 (key 0x000) goes (0,0) -E-> (1,0) -E-> (2,0) core 1; b_0 (key 0x100)
// stays on (0,0) for core 2.  One entry per tree node, tables in chip order
// (0,0), (1,0), (2,0), entries in vertex order.  The (1,0) entry arrives on W
// and leaves on E only: defaultable.  The root entry leaves on E too but
// comes from a core, so it is not.

// CHECK-LABEL: spinn.machine @m
// CHECK-NOT: spinn.table <5, 5>
// CHECK: spinn.table <0, 0> {entries = [#spinn.entry<0x00000000, 0xffffff00 -> 0x000001>, #spinn.entry<0x00000100, 0xffffff00 -> 0x000100>]}
// CHECK-NEXT: spinn.table <1, 0> {entries = [#spinn.entry<0x00000000, 0xffffff00 -> 0x000001, defaultable>]}
// CHECK-NEXT: spinn.table <2, 0> {entries = [#spinn.entry<0x00000000, 0xffffff00 -> 0x000080>]}
// CHECK-NEXT: }
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, key_mask = #spinn.key_mask<0x0, 0xffffff00>,
                     tree = array<i32: 0, 0, -1, -1, 1, 1, 0, 0, 3, 1, 2, 0, 1, 3, 128>}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1, key_mask = #spinn.key_mask<0x100, 0xffffff00>,
                     tree = array<i32: 0, 0, -1, -1, 256>}
  // Stale tables are replaced.
  spinn.table <5, 5> {entries = []}
}

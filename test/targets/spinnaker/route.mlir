// RUN: axon-opt %s --spinn-route | FileCheck %s
//
// Route words: bit l (0..5) = link E, NE, N, W, SW, S; bit 6+p = core p.
// tree = (x, y, parent, in-link, route) per chip, root first.

// CHECK-LABEL: spinn.machine @m
// Same chip: the root delivers to core 2 (bit 8 = 256) and core 1 (bit 7).
// CHECK: spinn.vertex @a_0 {{{.*}}tree = array<i32: 0, 0, -1, -1, 384>}
// One hop east: root sends on E (1); (1,0) receives on W (3) and delivers to
// core 1 (128).
// CHECK: spinn.vertex @b_0 {{{.*}}tree = array<i32: 0, 0, -1, -1, 1, 1, 0, 0, 3, 128>}
// Two hops east: (1,0) forwards on E (1), (2,0) delivers to core 1.
// CHECK: spinn.vertex @c_0 {{{.*}}tree = array<i32: 0, 0, -1, -1, 1, 1, 0, 0, 3, 1, 2, 0, 1, 3, 128>}
// No targets: no tree.
// CHECK: spinn.vertex @d_0
// CHECK-NOT: tree
// CHECK-SAME: }
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @a {node = "a", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @b {node = "b", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @c {node = "c", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.population @d {node = "d", kind = "lif", neurons = 1, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @a_0 {population = @a, lo = 0, hi = 1, placement = #spinn.core<0, 0, 1>, targets = [@a_0, @d_0]}
  spinn.vertex @b_0 {population = @b, lo = 0, hi = 1, placement = #spinn.core<0, 0, 3>, targets = [@e_0]}
  spinn.vertex @c_0 {population = @c, lo = 0, hi = 1, placement = #spinn.core<0, 0, 4>, targets = [@f_0]}
  spinn.vertex @d_0 {population = @d, lo = 0, hi = 1, placement = #spinn.core<0, 0, 2>, targets = []}
  spinn.vertex @e_0 {population = @d, lo = 0, hi = 1, placement = #spinn.core<1, 0, 1>}
  spinn.vertex @f_0 {population = @d, lo = 0, hi = 1, placement = #spinn.core<2, 0, 1>}
}

// RUN: axon-opt %s --spinn-allocate-keys | FileCheck %s
//
// 3 populations -> 2 population bits; at most 3 slices -> 2 slice bits; the
// largest slice has 256 atoms -> 8 atom bits.  key = pop << 10 | slice << 8,
// mask = 0xffffff00.

// CHECK-LABEL: spinn.machine @m
// CHECK: spinn.vertex @p_0 {{{.*}}key_mask = #spinn.key_mask<0x00000000, 0xffffff00>
// CHECK: spinn.vertex @p_1 {{{.*}}key_mask = #spinn.key_mask<0x00000100, 0xffffff00>
// CHECK: spinn.vertex @p_2 {{{.*}}key_mask = #spinn.key_mask<0x00000200, 0xffffff00>
// CHECK: spinn.vertex @q_0 {{{.*}}key_mask = #spinn.key_mask<0x00000400, 0xffffff00>
// CHECK: spinn.vertex @r_0 {{{.*}}key_mask = #spinn.key_mask<0x00000800, 0xffffff00>
// CHECK: spinn.vertex @r_1 {{{.*}}key_mask = #spinn.key_mask<0x00000900, 0xffffff00>
spinn.machine @m attributes {profile = "spinnaker1", network = "n",
    width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
  spinn.population @p {node = "p", kind = "lif", neurons = 600, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.population @q {node = "q", kind = "lif", neurons = 10, neurons_per_core = 256, state_words = 1, param_words = 6}
  spinn.population @r {node = "r", kind = "lif", neurons = 2, neurons_per_core = 1, state_words = 1, param_words = 6}
  spinn.vertex @p_0 {population = @p, lo = 0, hi = 256}
  spinn.vertex @p_1 {population = @p, lo = 256, hi = 512}
  spinn.vertex @p_2 {population = @p, lo = 512, hi = 600}
  spinn.vertex @q_0 {population = @q, lo = 0, hi = 10}
  spinn.vertex @r_0 {population = @r, lo = 0, hi = 1}
  spinn.vertex @r_1 {population = @r, lo = 1, hi = 2}
}

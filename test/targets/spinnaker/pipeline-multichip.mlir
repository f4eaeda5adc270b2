// RUN: axon-opt %s --axon-spinnaker-pipeline | FileCheck %s
// (0,0): 4 in + 12 hidden entries; (1,0): 4 in + 20 hidden; they fit, so
// compression leaves them whole.
// RUN: axon-opt %s --axon-spinnaker-pipeline | grep -o "spinn.table <0, 0> {compressed = \[[^]]*\]" | grep -o "#spinn.entry" | count 16
// RUN: axon-opt %s --axon-spinnaker-pipeline | grep -o "spinn.table <1, 0> {compressed = \[[^]]*\]" | grep -o "#spinn.entry" | count 24
// RUN: axon-opt %s --convert-snn-to-spinn --spinn-partition --spinn-place --spinn-route --spinn-allocate-keys --spinn-build-tables --spinn-compress-tables=target-length=4 --spinn-check-routing | FileCheck %s --check-prefix=TIGHT
//
// A digits-sized MLP that needs two chips: in (784 -> slices 256,256,256,16),
// hidden (1000 at 50 per core -> 20 slices), out (10).  25 vertices in BFS
// order: in_0..3 and hidden_0..11 fill (0,0) cores 1..16, hidden_12..19 and
// out_0 go to (1,0) cores 1..9.  Keys: 2 population bits, 5 slice bits
// (20 slices), 8 atom bits: hidden_s = 1 << 13 | s << 8.
// in_* trees: (0,0) E + cores 5..16 (0x7ff801), then (1,0) from W to cores
// 1..8 (0x7f80).  hidden_* deliver to out_0 on (1,0) core 9 (bit 15).

// CHECK-LABEL: spinn.machine @mlp_spinnaker
// CHECK: spinn.vertex @in_0 {{{.*}}placement = #spinn.core<0, 0, 1>{{.*}}tree = array<i32: 0, 0, -1, -1, 8386561, 1, 0, 0, 3, 32640>}
// CHECK: spinn.vertex @in_3 {{{.*}}hi = 784 : i64, key_mask = #spinn.key_mask<0x00000300, 0xffffff00>, lo = 768 : i64, placement = #spinn.core<0, 0, 4>
// CHECK: spinn.vertex @hidden_11 {{{.*}}placement = #spinn.core<0, 0, 16>{{.*}}tree = array<i32: 0, 0, -1, -1, 1, 1, 0, 0, 3, 32768>}
// CHECK: spinn.vertex @hidden_12 {{{.*}}key_mask = #spinn.key_mask<0x00002c00, 0xffffff00>{{.*}}placement = #spinn.core<1, 0, 1>{{.*}}tree = array<i32: 1, 0, -1, -1, 32768>}
// CHECK: spinn.vertex @out_0 {{{.*}}placement = #spinn.core<1, 0, 9>
// CHECK: spinn.table <0, 0>
// CHECK: spinn.table <1, 0>
// CHECK-NOT: spinn.table

// With room for only 4 entries per router the four in_* keys (0x000..0x300,
// same route) merge into one entry 0x000/0xfffffc00, and the checker proves
// the result.
// TIGHT: spinn.table <0, 0> {compressed = [#spinn.entry<0x00000000, 0xfffffc00 -> 0x7ff801>{{(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?}}], entries
// TIGHT: spinn.table <1, 0> {compressed = [#spinn.entry<0x00000000, 0xfffffc00 -> 0x007f80>{{(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?(, #spinn.entry<0x[0-9a-f]*, 0x[0-9a-f]* -> 0x[0-9a-f]*>)?}}], entries
snn.network @mlp attributes {discretization = #snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {
  %in = snn.input : tensor<784xi1> loc("in")
  %w1 = snn.linear %in {weight = dense<0.01> : tensor<1000x784xf32>} : (tensor<784xi1>) -> tensor<1000xf32> loc("w1")
  %h = snn.lif %w1 {tau = dense<0.01> : tensor<1000xf32>, r = dense<1.0> : tensor<1000xf32>, v_leak = dense<0.0> : tensor<1000xf32>, v_threshold = dense<1.0> : tensor<1000xf32>, v_reset = dense<0.0> : tensor<1000xf32>, spinn.neurons_per_core = 50 : i64} : (tensor<1000xf32>) -> tensor<1000xi1> loc("hidden")
  %w2 = snn.linear %h {weight = dense<0.1> : tensor<10x1000xf32>} : (tensor<1000xi1>) -> tensor<10xf32> loc("w2")
  %o = snn.lif %w2 {tau = dense<0.01> : tensor<10xf32>, r = dense<1.0> : tensor<10xf32>, v_leak = dense<0.0> : tensor<10xf32>, v_threshold = dense<1.0> : tensor<10xf32>, v_reset = dense<0.0> : tensor<10xf32>} : (tensor<10xf32>) -> tensor<10xi1> loc("out")
  snn.output %o : tensor<10xi1> loc("o")
}

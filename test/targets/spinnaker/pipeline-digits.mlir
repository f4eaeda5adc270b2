// RUN: axon-opt %S/Inputs/digits_mlp_if.mlir --axon-spinnaker-pipeline | FileCheck %s
//
// The trained digits MLP (examples/digits/mlp.onnx, relu -> IF by hand, see
// the input's header): 64 pixels -> 64 IF -> 10 IF.  All 4096 + 640 trained
// weights are non-zero (counted with numpy), so every row is full:
//   hidden_0 SDRAM = 8192 + 64*(1+4)*4 + 64*(3+64)*4 = 26624
//   digit_0  SDRAM = 8192 + 10*5*4 + 64*(3+10)*4 = 11720
// Keys: 3 populations -> 2 bits, 64 atoms -> 6 bits: 0x0, 0x40, 0x80.

// CHECK-LABEL: spinn.machine @mlp_spinnaker
// CHECK: spinn.projection @pixels -> @hidden {delay = 1 : i64, synapse = "affine_1", synapses = 4096 : i64}
// CHECK-NEXT: spinn.projection @hidden -> @digit {delay = 1 : i64, synapse = "affine_3", synapses = 640 : i64}
// CHECK-NEXT: spinn.vertex @pixels_0 {{{.*}}key_mask = #spinn.key_mask<0x00000000, 0xffffffc0>{{.*}}placement = #spinn.core<0, 0, 1>{{.*}}targets = [@hidden_0], tree = array<i32: 0, 0, -1, -1, 256>}
// CHECK-NEXT: spinn.vertex @hidden_0 {{{.*}}key_mask = #spinn.key_mask<0x00000040, 0xffffffc0>{{.*}}placement = #spinn.core<0, 0, 2>{{.*}}sdram = 26624 : i64, targets = [@digit_0], tree = array<i32: 0, 0, -1, -1, 512>}
// CHECK-NEXT: spinn.vertex @digit_0 {{{.*}}placement = #spinn.core<0, 0, 3>{{.*}}sdram = 11720 : i64, targets = []}
// CHECK-NEXT: spinn.table <0, 0> {compressed = [#spinn.entry<0x00000000, 0xffffffc0 -> 0x000100>, #spinn.entry<0x00000040, 0xffffffc0 -> 0x000200>]

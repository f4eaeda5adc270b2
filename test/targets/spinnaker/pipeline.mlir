// RUN: axon-opt %S/../../../examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline | FileCheck %s
// RUN: axon-opt %S/../../../examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline="dead-chips=0,0 compressor=pair-merge" | FileCheck %s --check-prefix=DEAD
// RUN: axon-opt %S/../../../examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline | axon-opt --spinn-check-routing | FileCheck %s
//
// The example: input (4) -> ff -> exc (8 cuba_lif) -> rec -> exc, exc ->
// readout_w -> readout (2 li).  Three populations, one slice each, placed on
// chip (0,0) cores 1, 2, 3 in IR order.  Keys: 3 populations -> 2 bits,
// 1 slice -> 0 bits, 8 atoms -> 3 bits: 0x0, 0x8, 0x10, mask 0xfffffff8.
// Routes: input -> exc (core 2, bit 8 = 0x100); exc -> exc + readout
// (cores 2, 3 = 0x300).  The readout sends nothing.

// CHECK-LABEL: spinn.machine @recurrent_cuba_lif_spinnaker
// CHECK: spinn.vertex @input_0 {{{.*}}key_mask = #spinn.key_mask<0x00000000, 0xfffffff8>{{.*}}placement = #spinn.core<0, 0, 1>{{.*}}targets = [@exc_0], tree = array<i32: 0, 0, -1, -1, 256>}
// CHECK: spinn.vertex @exc_0 {{{.*}}key_mask = #spinn.key_mask<0x00000008, 0xfffffff8>{{.*}}placement = #spinn.core<0, 0, 2>{{.*}}targets = [@exc_0, @readout_0], tree = array<i32: 0, 0, -1, -1, 768>}
// CHECK: spinn.vertex @readout_0 {{{.*}}key_mask = #spinn.key_mask<0x00000010, 0xfffffff8>{{.*}}placement = #spinn.core<0, 0, 3>{{.*}}targets = []}
// CHECK-NEXT: spinn.table <0, 0> {compressed = [#spinn.entry<0x00000000, 0xfffffff8 -> 0x000100>, #spinn.entry<0x00000008, 0xfffffff8 -> 0x000300>], entries = [#spinn.entry<0x00000000, 0xfffffff8 -> 0x000100>, #spinn.entry<0x00000008, 0xfffffff8 -> 0x000300>]}
// CHECK-NOT: spinn.table

// DEAD-LABEL: spinn.machine @recurrent_cuba_lif_spinnaker
// DEAD-SAME: dead_chips = [#spinn.chip<0, 0>]
// DEAD: placement = #spinn.core<1, 0, 1>
// DEAD: placement = #spinn.core<1, 0, 2>
// DEAD: placement = #spinn.core<1, 0, 3>
// DEAD: spinn.table <1, 0>
// DEAD-NOT: spinn.table

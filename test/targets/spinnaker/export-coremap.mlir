// RUN: axon-opt %S/../../../examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline -o %t.mlir
// RUN: axon-translate %t.mlir --export-coremap -o %t.pb
// RUN: protoc --decode=axon.spinnaker.coremap.CoreMap --proto_path=%axon_src %axon_src/targets/spinnaker/coremap.proto < %t.pb | FileCheck %s
//
// The core map of the example (numbers by hand, see pipeline.mlir and
// export-spinnaker-summary.mlir): exc (8 cuba_lif, 2 state + 9 param words)
// on core (0,0,2), dtcm = 8192 + 8*11*4 + 16*2*2*8 + 2*16 = 9088.

// proto3 leaves zero fields out (x: 0, y: 0, key: 0).
// CHECK: machine: "spinnaker1"
// CHECK-NEXT: network: "recurrent_cuba_lif"
// CHECK-NEXT: width: 8
// CHECK-NEXT: height: 8
// CHECK: populations {
// CHECK-NEXT: name: "input"
// CHECK-NEXT: kind: "input"
// CHECK-NEXT: neurons: 4
// CHECK-NEXT: neurons_per_core: 256
// CHECK: pre: "exc"
// CHECK-NEXT: post: "exc"
// CHECK-NEXT: synapse: "rec"
// CHECK-NEXT: synapses: 16
// CHECK-NEXT: delay_ticks: 1
// CHECK: name: "exc_0"
// CHECK-NEXT: population: "exc"
// CHECK-NEXT: hi: 8
// CHECK-NEXT: placement {
// CHECK-NEXT: p: 2
// CHECK-NEXT: }
// CHECK-NEXT: dtcm_bytes: 9088
// CHECK-NEXT: sdram_bytes: 8832
// CHECK-NEXT: cycles_per_tick: 2818
// CHECK-NEXT: key: 8
// CHECK-NEXT: mask: 4294967288
// CHECK-NEXT: targets: "exc_0"
// CHECK-NEXT: targets: "readout_0"
// CHECK: tables {
// CHECK-NEXT: entries {
// CHECK-NEXT: mask: 4294967288
// CHECK-NEXT: route: 256
// CHECK-NEXT: }
// CHECK-NEXT: entries {
// CHECK-NEXT: key: 8
// CHECK-NEXT: mask: 4294967288
// CHECK-NEXT: route: 768
// CHECK-NEXT: }
// CHECK-NEXT: compressed {

// RUN: axon-opt %S/../../../examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline -o %t.mlir
// RUN: axon-translate %t.mlir --export-spinnaker-summary | FileCheck %s
// RUN: axon-translate %t.mlir --export-spinnaker-summary-json | FileCheck %s --check-prefix=JSON
// RUN: axon-opt %s -o %t.empty.mlir
// RUN: not axon-translate %t.empty.mlir --export-spinnaker-summary 2>&1 | FileCheck %s --check-prefix=NONE
//
// By hand (Resources.h): input (source) 8192 B DTCM and SDRAM; exc
// (8 cuba_lif, 11 words) DTCM 8192+352+512+32 = 9088, SDRAM 8192+352+
// ff 4*(3+5)*4 + rec 8*(3+2)*4 = 8832; readout (2 li, 5 words) DTCM
// 8192+40+128+16 = 8376, SDRAM 8192+40+8*(3+1)*4 = 8360.
// Totals: DTCM 25656 (max 9088), SDRAM 25384 on one chip.

// CHECK: SpiNNaker mapping of 'recurrent_cuba_lif' on spinnaker1
// CHECK-NEXT: populations       3
// CHECK-NEXT: projections       3
// CHECK-NEXT: cores             3
// CHECK-NEXT: chips             1
// CHECK-NEXT: SDRAM total       25384 B (max 25384 B on one chip)
// CHECK-NEXT: DTCM total        25656 B (max 9088 B on one core)
// CHECK-NEXT: CPU max           2818 cycles/tick
// CHECK-NEXT: routing tables    1
// CHECK-NEXT: entries           2 -> 2 after compression (longest 2 -> 2)

// JSON: "cores": 3,
// JSON: "sdram_bytes": 25384,
// JSON: "entries_before": 2,
// JSON: "phases": []

// NONE: expected exactly one spinn.machine to export, found 0
module {
}

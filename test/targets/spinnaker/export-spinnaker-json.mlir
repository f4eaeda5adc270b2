// REQUIRES: shared, python
// RUN: axon-opt %s --axon-spinnaker-pipeline -o %t.mlir
// RUN: axon-translate %t.mlir --export-spinnaker-placements -o %t.placements.json
// RUN: axon-translate %t.mlir --export-spinnaker-routing-tables -o %t.tables.json
// RUN: %python %S/Inputs/validate_json_schema.py %shared/fixtures/spinnaker/schemas/placements.json %t.placements.json | FileCheck %s --check-prefix=VALID
// RUN: %python %S/Inputs/validate_json_schema.py %shared/fixtures/spinnaker/schemas/routing_tables.json %t.tables.json | FileCheck %s --check-prefix=VALID
// RUN: FileCheck %s --check-prefix=PLACE < %t.placements.json
// RUN: FileCheck %s --check-prefix=TABLE < %t.tables.json
// The validator is not vacuous: a negative core id and a table passed off as
// placements are rejected.
// RUN: sed 's/"p": 2/"p": -2/' %t.placements.json > %t.bad.json
// RUN: not %python %S/Inputs/validate_json_schema.py %shared/fixtures/spinnaker/schemas/placements.json %t.bad.json | FileCheck %s --check-prefix=BAD
// RUN: not %python %S/Inputs/validate_json_schema.py %shared/fixtures/spinnaker/schemas/placements.json %t.tables.json | FileCheck %s --check-prefix=WRONG

// VALID: valid
// BAD: invalid: $[1].p: -2 < minimum 0
// WRONG: invalid: $[0]: unexpected property 'entries'

// Two populations of 3 on chip (0,0) cores 1 and 2; keys: 2 populations ->
// 1 bit, 1 slice -> 0 bits, 3 atoms -> 2 bits: 0x0 and 0x4, mask 0xfffffffc
// (4294967292).  in -> exc core 2 (route 1 << 8 = 256); exc -> exc core 2.
// PLACE: "vertex_label": "in_0",
// PLACE-NEXT: "x": 0,
// PLACE-NEXT: "y": 0,
// PLACE-NEXT: "p": 1
// PLACE: "vertex_label": "exc_0",
// PLACE-NEXT: "x": 0,
// PLACE-NEXT: "y": 0,
// PLACE-NEXT: "p": 2
// TABLE: [{"x":0,"y":0,"entries":[{"key":0,"mask":4294967292,"defaultable":false,"spinnaker_route":256},{"key":4,"mask":4294967292,"defaultable":false,"spinnaker_route":256}]}]
snn.network @small {
  %in = snn.input : tensor<3xi1> loc("in")
  %w = snn.linear %in, %exc {weight = dense<0.5> : tensor<3x3xf32>} : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xf32> loc("w")
  %exc = snn.lif %w {tau = dense<0.01> : tensor<3xf32>, r = dense<1.0> : tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1> loc("exc")
  snn.output %exc : tensor<3xi1>
}

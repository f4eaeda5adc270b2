// RUN: axon-opt %s --convert-snn-to-spinn --spinn-partition | FileCheck %s
//
// Vertex names are `<population>_<slice>` unless that is already a symbol:
// slice 1 of population "a" would clash with population "a_1".

// CHECK-LABEL: spinn.machine @names_spinnaker
// CHECK: spinn.vertex @a_0 {{{.*}}population = @a,{{.*}}targets = [@a_1_0]}
// CHECK-NEXT: spinn.vertex @a_1_v {{{.*}}population = @a,{{.*}}targets = [@a_1_0]}
// CHECK-NEXT: spinn.vertex @a_1_0 {{{.*}}population = @a_1,
snn.network @names {
  %a = snn.input {spinn.neurons_per_core = 1 : i64} : tensor<2xi1> loc("a")
  %w = snn.linear %a {weight = dense<1.0> : tensor<1x2xf32>} : (tensor<2xi1>) -> tensor<1xf32> loc("w")
  %b = snn.if %w {r = dense<1.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1> loc("a_1")
}

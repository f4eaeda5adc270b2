// RUN: not axon-opt %s --convert-snn-to-spinn="machine=spinnaker9" 2>&1 | FileCheck %s --check-prefix=PROFILE
// RUN: not axon-opt %s --convert-snn-to-spinn="dead-chips=8,8" 2>&1 | FileCheck %s --check-prefix=DEAD
// RUN: not axon-opt %s --convert-snn-to-spinn="dead-cores=1,1" 2>&1 | FileCheck %s --check-prefix=ARITY
// RUN: not axon-opt %s --convert-snn-to-spinn="neurons-per-core=0" 2>&1 | FileCheck %s --check-prefix=NPC

// PROFILE: unknown machine profile 'spinnaker9'
// DEAD: 'dead-chips' names chip (8, 8) outside the 8x8 machine
// ARITY: 'dead-cores' needs 3 numbers per entry, got 2
// NPC: 'neurons-per-core' must be positive, got 0
snn.network @n {
  %in = snn.input : tensor<4xf32>
  %s = snn.if %in {r = dense<1.0> : tensor<4xf32>, v_threshold = dense<1.0> : tensor<4xf32>, v_reset = dense<0.0> : tensor<4xf32>} : (tensor<4xf32>) -> tensor<4xi1>
}

// RUN: axon-opt %s --canonicalize --split-input-file | FileCheck %s
// Gate folding and input simplification; expected thresholds by hand.

// Weights {1, -1, 2}: reachable sums [-1, 3].  T = -1 is always met, T = 4
// never.
// CHECK-LABEL: net.module @fold_constant_gates
net.module @fold_constant_gates(in %a : i1, in %b : i1, in %c : i1, out y : i1, out z : i1, out k : i1) {
  // CHECK-DAG: %[[T:.+]] = net.constant true
  // CHECK-DAG: %[[F:.+]] = net.constant false
  // CHECK-NOT: tlg.gate
  // CHECK: net.output %[[T]], %[[F]], %[[T]] : i1, i1, i1
  %y = tlg.gate %a, %b, %c {weights = array<i64: 1, -1, 2>, threshold = -1 : i64} : i1
  %z = tlg.gate %a, %b, %c {weights = array<i64: 1, -1, 2>, threshold = 4 : i64} : i1
  %k = tlg.gate {weights = array<i64>, threshold = 0 : i64} : i1
  net.output %y, %z, %k : i1, i1, i1
}

// -----

// CHECK-LABEL: net.module @negative_fold_reachable_threshold
net.module @negative_fold_reachable_threshold(in %a : i1, in %b : i1, in %c : i1, out y : i1, out z : i1) {
  // T = 0 and T = 3 are inside [-1, 3]: the gates depend on their inputs.
  // CHECK: tlg.gate %a, %b, %c {threshold = 0 : i64, weights = array<i64: 1, -1, 2>}
  // CHECK: tlg.gate %a, %b, %c {threshold = 3 : i64, weights = array<i64: 1, -1, 2>}
  %y = tlg.gate %a, %b, %c {weights = array<i64: 1, -1, 2>, threshold = 0 : i64} : i1
  %z = tlg.gate %a, %b, %c {weights = array<i64: 1, -1, 2>, threshold = 3 : i64} : i1
  net.output %y, %z : i1, i1
}

// -----

// A constant 1 with weight 3 lowers T = 4 to 1; a constant 0 disappears.
// CHECK-LABEL: net.module @drop_constant_inputs
net.module @drop_constant_inputs(in %a : i1, in %b : i1, out y : i1) {
  // CHECK: %[[Y:.+]] = tlg.gate %a, %b {threshold = 1 : i64, weights = array<i64: 2, -1>} : i1
  // CHECK: net.output %[[Y]]
  %one = net.constant true
  %zero = net.constant false
  %y = tlg.gate %a, %one, %zero, %b {weights = array<i64: 2, 3, 5, -1>, threshold = 4 : i64} : i1
  net.output %y : i1
}

// -----

// Repeated inputs merge (2 + 1 = 3); x - x cancels; zero weights go.
// CHECK-LABEL: net.module @merge_inputs
net.module @merge_inputs(in %a : i1, in %b : i1, in %c : i1, out y : i1) {
  // CHECK: %[[Y:.+]] = tlg.gate %a, %c {threshold = 2 : i64, weights = array<i64: 3, -1>} : i1
  %y = tlg.gate %a, %b, %a, %b, %c, %c, %c {weights = array<i64: 2, 1, 1, -1, 0, -2, 1>, threshold = 2 : i64} : i1
  net.output %y : i1
}

// -----

// All inputs constant: 1*1 + 0*1 - 1*1 = 0 >= 0.
// CHECK-LABEL: net.module @fold_all_constant
net.module @fold_all_constant(out y : i1) {
  // CHECK: %[[T:.+]] = net.constant true
  // CHECK-NEXT: net.output %[[T]]
  %one = net.constant true
  %zero = net.constant false
  %y = tlg.gate %one, %zero, %one {weights = array<i64: 1, 1, -1>, threshold = 0 : i64} : i1
  net.output %y : i1
}

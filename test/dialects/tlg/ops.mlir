// RUN: axon-opt %s | axon-opt | FileCheck %s
// RUN: axon-opt %s --mlir-print-op-generic | axon-opt | FileCheck %s
// Round trip of tlg.gate inside a net.module.

// CHECK-LABEL: net.module @majority(in %x0 : i1, in %x1 : i1, in %x2 : i1, out y : i1, out z : i1, out k : i1)
net.module @majority(in %x0 : i1, in %x1 : i1, in %x2 : i1, out y : i1, out z : i1, out k : i1) {
  // CHECK-NEXT: %[[Y:.+]] = tlg.gate %x0, %x1, %x2 {threshold = 2 : i64, weights = array<i64: 1, 1, 1>} : i1
  %y = tlg.gate %x0, %x1, %x2 {weights = array<i64: 1, 1, 1>, threshold = 2 : i64} : i1
  // CHECK-NEXT: %[[Z:.+]] = tlg.gate %x0, %x1, %[[Y]] {threshold = -1 : i64, weights = array<i64: -3, 2, 1>} : i1
  %z = tlg.gate %x0, %x1, %y {weights = array<i64: -3, 2, 1>, threshold = -1 : i64} : i1
  // A gate without inputs is the constant [0 >= threshold].
  // CHECK-NEXT: %[[K:.+]] = tlg.gate {threshold = 0 : i64, weights = array<i64>} : i1
  %k = tlg.gate {weights = array<i64>, threshold = 0 : i64} : i1
  // CHECK-NEXT: net.output %[[Y]], %[[Z]], %[[K]] : i1, i1, i1
  net.output %y, %z, %k : i1, i1, i1
}

// RUN: axon-opt %s --tlg-legalize-fanin="max-fanin=3 max-weight=1" --split-input-file | FileCheck %s --check-prefix=K3
// RUN: axon-opt %s --tlg-legalize-fanin="max-fanin=5 max-weight=1" --split-input-file | FileCheck %s --check-prefix=K5

// MAJ5 = [a + b + c + d + e >= 3] with 3-input cells, by hand:
//   [a+b+c >= 3] OR ([d+e >= 1] AND [a+b+c >= 2]) OR ([d+e >= 2] AND [a+b+c >= 1])
// (the thermometer decomposition: split the sum into {a,b,c} and {d,e}).
// The layer tag is kept on every gate; a 5-input cell fits unchanged.
// K3-LABEL: net.module @majority5
// K3-NEXT:    %[[ABC3:.+]] = tlg.gate %a, %b, %c {threshold = 3 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1>}
// K3-NEXT:    %[[DE1:.+]] = tlg.gate %d, %e {threshold = 1 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1>}
// K3-NEXT:    %[[ABC2:.+]] = tlg.gate %a, %b, %c {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1>}
// K3-NEXT:    %[[AND1:.+]] = tlg.gate %[[DE1]], %[[ABC2]] {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1>}
// K3-NEXT:    %[[DE2:.+]] = tlg.gate %d, %e {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1>}
// K3-NEXT:    %[[ABC1:.+]] = tlg.gate %a, %b, %c {threshold = 1 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1>}
// K3-NEXT:    %[[AND2:.+]] = tlg.gate %[[DE2]], %[[ABC1]] {threshold = 2 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1>}
// K3-NEXT:    %[[Y:.+]] = tlg.gate %[[ABC3]], %[[AND1]], %[[AND2]] {threshold = 1 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1>}
// K3-NEXT:    net.output %[[Y]] : i1
// K5-LABEL: net.module @majority5
// K5-NEXT:    tlg.gate %a, %b, %c, %d, %e {threshold = 3 : i64, tlg.layer = 0 : i32, weights = array<i64: 1, 1, 1, 1, 1>}
// K5-NEXT:    net.output
net.module @majority5(in %a : i1, in %b : i1, in %c : i1, in %d : i1, in %e : i1, out y : i1) {
  %y = tlg.gate %a, %b, %c, %d, %e {weights = array<i64: 1, 1, 1, 1, 1>, threshold = 3 : i64, tlg.layer = 0 : i32} : i1
  net.output %y : i1
}

// -----

// A weight of 2 needs two pins tied to the same net with +-1 cells
// (max-weight = 1): [2a + b >= 2] becomes [a + a + b >= 2].  The gate no
// output needs is removed.
// K3-LABEL: net.module @split_weight
// K3-NEXT:    %[[Y:.+]] = tlg.gate %a, %a, %b {threshold = 2 : i64, weights = array<i64: 1, 1, 1>}
// K3-NEXT:    net.output %[[Y]] : i1
// K5-LABEL: net.module @split_weight
// K5-NEXT:    %[[Y:.+]] = tlg.gate %a, %a, %b {threshold = 2 : i64, weights = array<i64: 1, 1, 1>}
// K5-NEXT:    net.output %[[Y]] : i1
net.module @split_weight(in %a : i1, in %b : i1, out y : i1) {
  %unused = tlg.gate %a, %b {weights = array<i64: 1, 1>, threshold = 1 : i64} : i1
  %y = tlg.gate %a, %b {weights = array<i64: 2, 1>, threshold = 2 : i64} : i1
  net.output %y : i1
}

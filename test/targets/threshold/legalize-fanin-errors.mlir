// RUN: axon-opt %s --tlg-legalize-fanin=max-fanin=1 -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// RUN: not axon-opt %s --tlg-legalize-fanin=max-weight=0 2>&1 | FileCheck %s --check-prefix=WEIGHT

// expected-error @below {{max-fanin must be at least 2, got 1}}
net.module @fanin_one(in %a : i1, in %b : i1, out y : i1) {
  %y = tlg.gate %a, %b {weights = array<i64: 1, 1>, threshold = 2 : i64} : i1
  net.output %y : i1
}
// WEIGHT: max-weight must be at least 1, got 0


// REQUIRES: iverilog, python
// RUN: axon-translate --export-verilog --verilog-tlg-cells %s -o %t.v
// RUN: %python %S/Inputs/gen_tb.py --module gates --exhaustive \
// RUN:   --in x0:1 --in x1:1 --in x2:1 --in x3:1 \
// RUN:   --out 'maj:1=x0+x1+x2>=2' --out 'parity:1=x0^x1' \
// RUN:   --out 'mixed:1=2*x0-3*x1+x2+x3>=0' --out 'never:1=0' \
// RUN:   -o %t.tb.v
// RUN: iverilog -g2005 -o %t.vvp %t.v %t.tb.v
// RUN: vvp -n %t.vvp | FileCheck %s
// Threshold gates through the TLG_<n> cell models: majority, XOR as a
// two-level threshold network, negative weights and threshold, and a gate
// that can never fire.

// CHECK: 16 vectors, 0 mismatches
// CHECK-NEXT: PASS

net.module @gates(in %x0 : i1, in %x1 : i1, in %x2 : i1, in %x3 : i1,
                  out maj : i1, out parity : i1, out mixed : i1, out never : i1) {
  %maj = tlg.gate %x0, %x1, %x2 {weights = array<i64: 1, 1, 1>, threshold = 2 : i64} : i1
  %or = tlg.gate %x0, %x1 {weights = array<i64: 1, 1>, threshold = 1 : i64} : i1
  %and = tlg.gate %x0, %x1 {weights = array<i64: 1, 1>, threshold = 2 : i64} : i1
  %parity = tlg.gate %or, %and {weights = array<i64: 1, -1>, threshold = 1 : i64} : i1
  %mixed = tlg.gate %x0, %x1, %x2, %x3 {weights = array<i64: 2, -3, 1, 1>, threshold = 0 : i64} : i1
  %never = tlg.gate %x0, %x3 {weights = array<i64: 1, 1>, threshold = 3 : i64} : i1
  net.output %maj, %parity, %mixed, %never : i1, i1, i1, i1
}

// RUN: axon-translate --export-verilog %s | FileCheck %s --strict-whitespace --match-full-lines --check-prefixes=CHECK,NOCELLS
// RUN: axon-translate --export-verilog --verilog-tlg-cells %s | FileCheck %s --strict-whitespace --match-full-lines --check-prefixes=CHECK,CELLS
// Threshold gates become TLG_<n> instances with the weights and threshold as
// parameters; --verilog-tlg-cells appends one behavioural model per fan-in
// used, in increasing fan-in.

// CHECK:module layer(input a, input b, input c, output y, output z);
// CHECK-NEXT:  wire h;
// CHECK-NEXT:  wire _0;
// CHECK-NEXT:  wire _1;
// CHECK-EMPTY:
// CHECK-NEXT:  TLG_3 #(.W0(1), .W1(-1), .W2(2), .T(1)) g_0 (.x0(a), .x1(b), .x2(c), .y(h));
// CHECK-NEXT:  TLG_1 #(.W0(-5), .T(-2)) g_1 (.x0(h), .y(_0));
// CHECK-NEXT:  TLG_3 #(.W0(1), .W1(1), .W2(1), .T(2)) u_cell (.x0(a), .x1(1'b1), .x2(h), .y(_1));
// CHECK-NEXT:  assign y = _0;
// CHECK-NEXT:  assign z = _1;
// CHECK-NEXT:endmodule
// NOCELLS-NOT:module TLG
// CELLS-EMPTY:
// CELLS-NEXT:module TLG_1 #(
// CELLS-NEXT:  parameter integer W0 = 1,
// CELLS-NEXT:  parameter integer T = 0
// CELLS-NEXT:) (
// CELLS-NEXT:  input x0,
// CELLS-NEXT:  output y
// CELLS-NEXT:);
// CELLS-NEXT:  assign y = ((x0 ? W0 : 0)) >= T;
// CELLS-NEXT:endmodule
// CELLS-EMPTY:
// CELLS-NEXT:module TLG_3 #(
// CELLS-NEXT:  parameter integer W0 = 1,
// CELLS-NEXT:  parameter integer W1 = 1,
// CELLS-NEXT:  parameter integer W2 = 1,
// CELLS-NEXT:  parameter integer T = 0
// CELLS-NEXT:) (
// CELLS-NEXT:  input x0,
// CELLS-NEXT:  input x1,
// CELLS-NEXT:  input x2,
// CELLS-NEXT:  output y
// CELLS-NEXT:);
// CELLS-NEXT:  assign y = ((x0 ? W0 : 0) + (x1 ? W1 : 0) + (x2 ? W2 : 0)) >= T;
// CELLS-NEXT:endmodule
// CELLS-NOT:{{.}}
net.module @layer(in %a : i1, in %b : i1, in %c : i1, out y : i1, out z : i1) {
  %true = net.constant true
  %h = tlg.gate %a, %b, %c {weights = array<i64: 1, -1, 2>, threshold = 1 : i64} : i1 loc("h")
  %y = tlg.gate %h {weights = array<i64: -5>, threshold = -2 : i64} : i1
  %z = tlg.gate %a, %true, %h {weights = array<i64: 1, 1, 1>, threshold = 2 : i64, net.instance = "u_cell"} : i1
  net.output %y, %z : i1, i1
}

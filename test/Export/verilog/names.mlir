// RUN: axon-translate --export-verilog %s | FileCheck %s --strict-whitespace --match-full-lines
// RUN: axon-translate --export-verilog %s -o %t.1.v
// RUN: axon-translate --export-verilog %s -o %t.2.v
// RUN: diff %t.1.v %t.2.v
// How values get Verilog names: an existing net.name, else the NameLoc of
// the op (the network node it came from), else _<k>; all legalized (keywords
// of Verilog and SystemVerilog get a '_' suffix, other characters become
// '_') and made unique per module; _<k> skips names already taken.  The output is the same on every run.

// CHECK:module names(input wire_, input [3:0] a_b, input [3:0] a_b_1, input [3:0] _1x, output reg_, output [3:0] out);
// CHECK-NEXT:  wire [3:0] acc;
// CHECK-NEXT:  wire [3:0] acc_1;
// CHECK-NEXT:  wire [3:0] layer_1;
// CHECK-NEXT:  wire [3:0] _0;
// CHECK-NEXT:  wire [3:0] _1;
// CHECK-NEXT:  wire [3:0] keep;
// CHECK-NEXT:  wire [3:0] _2;
// CHECK-EMPTY:
// CHECK-NEXT:  assign acc = a_b + a_b_1;
// CHECK-NEXT:  assign acc_1 = acc + _1x;
// CHECK-NEXT:  assign layer_1 = acc_1 ^ a_b;
// CHECK-NEXT:  assign _0 = layer_1 & a_b;
// CHECK-NEXT:  assign _1 = _0 | a_b;
// CHECK-NEXT:  assign keep = _1 - a_b;
// CHECK-NEXT:  assign _2 = {keep};
// CHECK-NEXT:  assign reg_ = wire_;
// CHECK-NEXT:  assign out = _2;
// CHECK-NEXT:endmodule
net.module @names(in %wire : i1, in %a_b : i4, in %x "a b" : i4, in %y "1x" : i4, out reg : i1, out out : i4) {
  %0 = net.add %a_b, %x : i4 loc("acc")
  %1 = net.add %0, %y : i4 loc("acc")
  %2 = net.xor %1, %a_b : i4 loc("layer.1"("model.onnx":3:1))
  %3 = net.and %2, %a_b : i4 loc("_0")
  %4 = net.or %3, %a_b : i4
  %5 = net.sub %4, %a_b {net.name = "keep"} : i4
  %6 = net.concat %5 : i4
  net.output %wire, %6 : i1, i4
}

// Constants print inline, except where Verilog needs a name: under a
// part-select and as a clock.
// CHECK:module consts(input [3:0] d, output [1:0] lo, output [7:0] wide, output [3:0] q);
// CHECK-NEXT:  wire [3:0] _0;
// CHECK-NEXT:  wire _1;
// CHECK-NEXT:  wire [1:0] _2;
// CHECK-NEXT:  wire [7:0] _3;
// CHECK-NEXT:  reg [3:0] _4;
// CHECK-EMPTY:
// CHECK-NEXT:  assign _0 = 4'd6;
// CHECK-NEXT:  assign _1 = 1'b1;
// CHECK-NEXT:  assign _2 = _0[2:1];
// CHECK-NEXT:  assign _3 = {{[{][{]}}4{_0[3]}}, _0};
// CHECK-NEXT:  always @(posedge _1)
// CHECK-NEXT:    _4 <= d;
// CHECK-NEXT:  assign lo = _2;
// CHECK-NEXT:  assign wide = _3;
// CHECK-NEXT:  assign q = _4;
// CHECK-NEXT:endmodule
net.module @consts(in %d : i4, out lo : i2, out wide : i8, out q : i4) {
  %c6 = net.constant 6 : i4
  %clk = net.constant true
  %lo = net.extract %c6 from 1 : (i4) -> i2
  %wide = net.sext %c6 : (i4) -> i8
  %q = net.reg %d, %clk : i4
  net.output %lo, %wide, %q : i2, i8, i4
}

// Module names: TLG_<n> belongs to the cell library, keywords and other
// characters are legalized.
// CHECK:module TLG_2_;
// CHECK:module module_;
// CHECK:module my_mod;
net.module @TLG_2() {
  net.output
}
net.module @module() {
  net.output
}
net.module @"my-mod"() {
  net.output
}

// Every op the Verilog exporter prints, in one design, for the lint tests
// (yosys.mlir, verilator.mlir).
net.module @top(in %clk : i1, in %rst : i1, in %a : i8, in %b : i8, in %c : i1,
                out y : i8, out flags : i4, out wide : i16, out acc : i8, out t : i2) {
  %c3 = net.constant 3 : i8
  %c0 = net.constant 0 : i8
  %sum = net.add %a, %b, %c3 : i8
  %diff = net.sub %sum, %b : i8
  %prod = net.mul %diff, %c3 : i8
  %and = net.and %prod, %a : i8
  %or = net.or %and, %b : i8
  %xor = net.xor %or, %a : i8
  %amount = net.extract %b from 0 : (i8) -> i3
  %amount8 = net.zext %amount : (i3) -> i8
  %shl = net.shl %xor, %amount8 : i8
  %shru = net.shru %shl, %amount8 : i8
  %shrs = net.shrs %shru, %amount8 : i8
  %lt = net.icmp slt %shrs, %a : i8
  %uge = net.icmp uge %shrs, %b : i8
  %eq = net.icmp eq %a, %b : i8
  %y = net.mux %lt, %shrs, %prod : i8
  %rep = net.replicate %uge : (i1) -> i2
  %flags = net.concat %rep, %eq, %c : i2, i1, i1
  %wide = net.sext %y : (i8) -> i16
  %acc = net.reg %next, %clk reset %rst, %c0 : i8
  %next = net.add %acc, %y : i8
  %g0 = tlg.gate %lt, %uge, %eq {weights = array<i64: 1, -1, 2>, threshold = 1 : i64} : i1
  %g1 = tlg.gate %g0, %c {weights = array<i64: 1, 1>, threshold = 2 : i64} : i1
  %t = net.concat %g0, %g1 : i1, i1
  net.output %y, %flags, %wide, %acc, %t : i8, i4, i16, i8, i2
}

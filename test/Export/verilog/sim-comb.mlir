// REQUIRES: iverilog, python
// RUN: axon-translate --export-verilog %s -o %t.v
// RUN: %python %S/Inputs/gen_tb.py --module comb --exhaustive \
// RUN:   --in a:4 --in b:4 --in c:1 \
// RUN:   --out 'sum:4=a+b+3' --out 'diff:4=a-b' --out 'prod:4=a*3' \
// RUN:   --out 'lgc:4=(a&b)|(a^b)' --out 'shl:4=a<<b' --out 'shru:4=a>>b' \
// RUN:   --out 'shrs:4=sx(a,4)>>b' \
// RUN:   --out 'cmp:10=(a==b)<<9|(a!=b)<<8|(sx(a,4)<sx(b,4))<<7|(sx(a,4)<=sx(b,4))<<6|(sx(a,4)>sx(b,4))<<5|(sx(a,4)>=sx(b,4))<<4|(a<b)<<3|(a<=b)<<2|(a>b)<<1|(a>=b)' \
// RUN:   --out 'mux:4=a if c else b' --out 'ext:2=(a>>1)&3' --out 'cat:8=a<<4|b' \
// RUN:   --out 'rep:3=7*c' --out 'sxt:8=sx(a,4)' --out 'zxt:8=a' --out 'bits:5=bit(a,3)<<4|(a&15)' \
// RUN:   -o %t.tb.v
// RUN: iverilog -g2005 -o %t.vvp %t.v %t.tb.v
// RUN: vvp -n %t.vvp | FileCheck %s
// Every combinational net op, simulated by iverilog on all 512 input
// combinations against Python formulas of the op semantics.

// CHECK: 512 vectors, 0 mismatches
// CHECK-NEXT: PASS

net.module @comb(in %a : i4, in %b : i4, in %c : i1,
                 out sum : i4, out diff : i4, out prod : i4, out lgc : i4,
                 out shl : i4, out shru : i4, out shrs : i4, out cmp : i10,
                 out mux : i4, out ext : i2, out cat : i8, out rep : i3,
                 out sxt : i8, out zxt : i8, out bits : i5) {
  %c3 = net.constant 3 : i4
  %sum = net.add %a, %b, %c3 : i4
  %diff = net.sub %a, %b : i4
  %prod = net.mul %c3, %a : i4
  %and = net.and %a, %b : i4
  %xor = net.xor %a, %b : i4
  %logic = net.or %and, %xor : i4
  %shl = net.shl %a, %b : i4
  %shru = net.shru %a, %b : i4
  %shrs = net.shrs %a, %b : i4
  %eq = net.icmp eq %a, %b : i4
  %ne = net.icmp ne %a, %b : i4
  %slt = net.icmp slt %a, %b : i4
  %sle = net.icmp sle %a, %b : i4
  %sgt = net.icmp sgt %a, %b : i4
  %sge = net.icmp sge %a, %b : i4
  %ult = net.icmp ult %a, %b : i4
  %ule = net.icmp ule %a, %b : i4
  %ugt = net.icmp ugt %a, %b : i4
  %uge = net.icmp uge %a, %b : i4
  %cmp = net.concat %eq, %ne, %slt, %sle, %sgt, %sge, %ult, %ule, %ugt, %uge : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
  %mux = net.mux %c, %a, %b : i4
  %ext = net.extract %a from 1 : (i4) -> i2
  %cat = net.concat %a, %b : i4, i4
  %rep = net.replicate %c : (i1) -> i3
  %sxt = net.sext %a : (i4) -> i8
  %zxt = net.zext %a : (i4) -> i8
  // A single-bit part-select, and a sign extension of a single bit.
  %top = net.extract %a from 3 : (i4) -> i1
  %bits = net.concat %top, %a : i1, i4
  net.output %sum, %diff, %prod, %logic, %shl, %shru, %shrs, %cmp, %mux, %ext, %cat, %rep, %sxt, %zxt, %bits : i4, i4, i4, i4, i4, i4, i4, i10, i4, i2, i8, i3, i8, i8, i5
}

// REQUIRES: iverilog, python
// RUN: axon-translate --export-verilog %s -o %t.v
// RUN: %python %S/Inputs/gen_tb.py --module acc --random 300 --seed 7 \
// RUN:   --clock clk --in r:4 --in x:4 --first r=0 --check-from 1 \
// RUN:   --state t=0 --state n=0 --state d=0 \
// RUN:   --update 't=0 if r==0 else (t+x)%256' \
// RUN:   --update 'n=0 if r==0 else (n+1)%16' --update 'd=x' \
// RUN:   --out 'total:8=t' --out 'count:4=n' --out 'delayed:4=d' \
// RUN:   -o %t.tb.v
// RUN: iverilog -g2005 -o %t.vvp %t.v %t.tb.v
// RUN: vvp -n %t.vvp | FileCheck %s
// Registers with and without synchronous reset, and feedback through them
// (an accumulator and a counter), against a Python model of the cycles.
// Reset is r == 0, so it fires on about one cycle in sixteen and the
// counter wraps.

// CHECK: 299 vectors, 0 mismatches
// CHECK-NEXT: PASS

net.module @acc(in %clk : i1, in %r : i4, in %x : i4,
                out total : i8, out count : i4, out delayed : i4) {
  %c0_4 = net.constant 0 : i4
  %c1_4 = net.constant 1 : i4
  %c0_8 = net.constant 0 : i8
  %rst = net.icmp eq %r, %c0_4 : i4
  %total = net.reg %next_total, %clk reset %rst, %c0_8 : i8
  %wide = net.zext %x : (i4) -> i8
  %next_total = net.add %total, %wide : i8
  %count = net.reg %next_count, %clk reset %rst, %c0_4 : i4
  %next_count = net.add %count, %c1_4 : i4
  %delayed = net.reg %x, %clk : i4
  net.output %total, %count, %delayed : i8, i4, i4
}

// RUN: axon-opt %s | axon-opt | FileCheck %s
// RUN: axon-opt %s --mlir-print-op-generic | axon-opt | FileCheck %s
// Round trip of every net op, in the custom syntax and through the generic
// form.

// CHECK-LABEL: net.module @arith(in %a : i8, in %b : i8, out sum : i8, out diff : i8, out prod : i8)
net.module @arith(in %a : i8, in %b : i8, out sum : i8, out diff : i8, out prod : i8) {
  // CHECK-NEXT: %[[C:.+]] = net.constant 5 : i8
  %c = net.constant 5 : i8
  // CHECK-NEXT: %[[ADD:.+]] = net.add %a, %b, %[[C]] : i8
  %0 = net.add %a, %b, %c : i8
  // CHECK-NEXT: %[[SUB:.+]] = net.sub %a, %b : i8
  %1 = net.sub %a, %b : i8
  // CHECK-NEXT: %[[MUL:.+]] = net.mul %a, %[[C]] : i8
  %2 = net.mul %a, %c : i8
  // CHECK-NEXT: net.output %[[ADD]], %[[SUB]], %[[MUL]] : i8, i8, i8
  net.output %0, %1, %2 : i8, i8, i8
}

// CHECK-LABEL: net.module @logic(in %a : i4, in %b : i4, out y : i4)
net.module @logic(in %a : i4, in %b : i4, out y : i4) {
  // CHECK-NEXT: %[[AND:.+]] = net.and %a, %b : i4
  %0 = net.and %a, %b : i4
  // CHECK-NEXT: %[[OR:.+]] = net.or %[[AND]], %b, %a : i4
  %1 = net.or %0, %b, %a : i4
  // CHECK-NEXT: %[[XOR:.+]] = net.xor %[[OR]] : i4
  %2 = net.xor %1 : i4
  // CHECK-NEXT: %[[SHL:.+]] = net.shl %[[XOR]], %b : i4
  %3 = net.shl %2, %b : i4
  // CHECK-NEXT: %[[SHRU:.+]] = net.shru %[[SHL]], %b : i4
  %4 = net.shru %3, %b : i4
  // CHECK-NEXT: %[[SHRS:.+]] = net.shrs %[[SHRU]], %b : i4
  %5 = net.shrs %4, %b : i4
  // CHECK-NEXT: net.output %[[SHRS]] : i4
  net.output %5 : i4
}

// CHECK-LABEL: net.module @compare
net.module @compare(in %a : i4, in %b : i4, out y : i10) {
  // CHECK: net.icmp eq %a, %b : i4
  // CHECK: net.icmp ne %a, %b : i4
  // CHECK: net.icmp slt %a, %b : i4
  // CHECK: net.icmp sle %a, %b : i4
  // CHECK: net.icmp sgt %a, %b : i4
  // CHECK: net.icmp sge %a, %b : i4
  // CHECK: net.icmp ult %a, %b : i4
  // CHECK: net.icmp ule %a, %b : i4
  // CHECK: net.icmp ugt %a, %b : i4
  // CHECK: net.icmp uge %a, %b : i4
  %0 = net.icmp eq %a, %b : i4
  %1 = net.icmp ne %a, %b : i4
  %2 = net.icmp slt %a, %b : i4
  %3 = net.icmp sle %a, %b : i4
  %4 = net.icmp sgt %a, %b : i4
  %5 = net.icmp sge %a, %b : i4
  %6 = net.icmp ult %a, %b : i4
  %7 = net.icmp ule %a, %b : i4
  %8 = net.icmp ugt %a, %b : i4
  %9 = net.icmp uge %a, %b : i4
  // CHECK: net.concat %{{.+}} : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
  %y = net.concat %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
  net.output %y : i10
}

// CHECK-LABEL: net.module @widths(in %x : i8, in %s : i1, out y : i16)
net.module @widths(in %x : i8, in %s : i1, out y : i16) {
  // CHECK-NEXT: %[[E:.+]] = net.extract %x from 3 : (i8) -> i2
  %0 = net.extract %x from 3 : (i8) -> i2
  // CHECK-NEXT: %[[R:.+]] = net.replicate %[[E]] : (i2) -> i6
  %1 = net.replicate %0 : (i2) -> i6
  // CHECK-NEXT: %[[C:.+]] = net.concat %[[R]], %x, %[[E]] : i6, i8, i2
  %2 = net.concat %1, %x, %0 : i6, i8, i2
  // CHECK-NEXT: %[[SX:.+]] = net.sext %x : (i8) -> i16
  %3 = net.sext %x : (i8) -> i16
  // CHECK-NEXT: %[[ZX:.+]] = net.zext %x : (i8) -> i16
  %4 = net.zext %x : (i8) -> i16
  // CHECK-NEXT: %[[M:.+]] = net.mux %s, %[[SX]], %[[ZX]] : i16
  %5 = net.mux %s, %3, %4 : i16
  // CHECK-NEXT: net.xor %[[M]], %[[C]] : i16
  %6 = net.xor %5, %2 : i16
  net.output %6 : i16
}

// A counter: the register uses a value defined after it (graph region).
// CHECK-LABEL: net.module @counter(in %clk : i1, in %rst : i1, out count : i4)
net.module @counter(in %clk : i1, in %rst : i1, out count : i4) {
  // CHECK-NEXT: %[[ZERO:.+]] = net.constant 0 : i4
  %zero = net.constant 0 : i4
  // CHECK-NEXT: %[[ONE:.+]] = net.constant 1 : i4
  %one = net.constant 1 : i4
  // CHECK-NEXT: %[[Q:.+]] = net.reg %[[NEXT:.+]], %clk reset %rst, %[[ZERO]] : i4
  %q = net.reg %next, %clk reset %rst, %zero : i4
  // CHECK-NEXT: %[[NEXT]] = net.add %[[Q]], %[[ONE]] : i4
  %next = net.add %q, %one : i4
  // CHECK-NEXT: %{{.+}} = net.reg %[[Q]], %clk : i4
  %delayed = net.reg %q, %clk : i4
  net.output %delayed : i4
}

// Constants print signless; i1 constants print as booleans.
// CHECK-LABEL: net.module @constants(out a : i8, out b : i1, out c : i70, out d : i70)
net.module @constants(out a : i8, out b : i1, out c : i70, out d : i70) {
  // CHECK-NEXT: net.constant -1 : i8
  %a = net.constant 255 : i8
  // CHECK-NEXT: net.constant true
  %b = net.constant true
  // 2^68 fits; 2^69 sets the top bit of an i70 and prints as -2^69.
  // CHECK-NEXT: net.constant 295147905179352825856 : i70
  %c = net.constant 295147905179352825856 : i70
  // CHECK-NEXT: net.constant -590295810358705651712 : i70
  %d = net.constant 590295810358705651712 : i70
  net.output %a, %b, %c, %d : i8, i1, i70, i70
}

// Port names that are not SSA names print as strings, and survive.
// CHECK-LABEL: net.module @names(in %a_b "a b" : i1, in %_1x "1x" : i1, in %c.d : i1, out "x y" : i1, out in : i1)
net.module @names(in %a "a b" : i1, in %b "1x" : i1, in %c.d : i1, out "x y" : i1, out in : i1) {
  // CHECK-NEXT: net.and %a_b, %_1x, %c.d : i1
  %0 = net.and %a, %b, %c.d : i1
  net.output %0, %b : i1, i1
}

// CHECK-LABEL: net.module @empty()
// CHECK-NEXT: net.output
net.module @empty() {
  net.output
}

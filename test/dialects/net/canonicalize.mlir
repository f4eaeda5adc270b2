// RUN: axon-opt %s --canonicalize --split-input-file | FileCheck %s
// Folders: constant evaluation (expected values computed by hand) and the
// algebraic identities; `negative_` cases must not fold.

// 200 + 100 = 300 = 44 (mod 256); 3 - 5 = -2; 100 * 3 = 300 = 44.
// CHECK-LABEL: net.module @fold_constant_arith
net.module @fold_constant_arith(out a : i8, out s : i8, out m : i8) {
  // CHECK-DAG: %[[A:.+]] = net.constant 44 : i8
  // CHECK-DAG: %[[S:.+]] = net.constant -2 : i8
  // CHECK-NOT: net.add
  // CHECK-NOT: net.sub
  // CHECK-NOT: net.mul
  // CHECK: net.output %[[A]], %[[S]], %[[A]] : i8, i8, i8
  %c200 = net.constant 200 : i8
  %c100 = net.constant 100 : i8
  %c3 = net.constant 3 : i8
  %c5 = net.constant 5 : i8
  %a = net.add %c200, %c100 : i8
  %s = net.sub %c3, %c5 : i8
  %m = net.mul %c100, %c3 : i8
  net.output %a, %s, %m : i8, i8, i8
}

// -----

// 12 & 10 = 8; 12 | 10 = 14 (-2 as i4); 12 ^ 10 = 6.
// CHECK-LABEL: net.module @fold_constant_logic
net.module @fold_constant_logic(out a : i4, out o : i4, out x : i4) {
  // CHECK-DAG: %[[A:.+]] = net.constant -8 : i4
  // CHECK-DAG: %[[O:.+]] = net.constant -2 : i4
  // CHECK-DAG: %[[X:.+]] = net.constant 6 : i4
  // CHECK: net.output %[[A]], %[[O]], %[[X]] : i4, i4, i4
  %c12 = net.constant 12 : i4
  %c10 = net.constant 10 : i4
  %a = net.and %c12, %c10 : i4
  %o = net.or %c12, %c10 : i4
  %x = net.xor %c12, %c10 : i4
  net.output %a, %o, %x : i4, i4, i4
}

// -----

// CHECK-LABEL: net.module @fold_identities
net.module @fold_identities(in %x : i8, out a : i8, out b : i8, out c : i8, out d : i8, out e : i8, out f : i8, out g : i8, out h : i8) {
  // CHECK-NOT: net.add
  // CHECK-NOT: net.and
  // CHECK-NOT: net.or
  // CHECK-NOT: net.xor
  // CHECK-NOT: net.sub
  // CHECK-NOT: net.mul
  // CHECK: net.output %x, %x, %x, %x, %x, %x, %x, %x : i8, i8, i8, i8, i8, i8, i8, i8
  %zero = net.constant 0 : i8
  %ones = net.constant -1 : i8
  %one = net.constant 1 : i8
  %a = net.add %x, %zero, %zero : i8
  %b = net.and %ones, %x : i8
  %c = net.or %x, %zero : i8
  %d = net.xor %zero, %x : i8
  %e = net.sub %x, %zero : i8
  %f = net.mul %one, %x : i8
  %g = net.and %x, %x : i8
  %h = net.or %x, %x, %x : i8
  net.output %a, %b, %c, %d, %e, %f, %g, %h : i8, i8, i8, i8, i8, i8, i8, i8
}

// -----

// CHECK-LABEL: net.module @fold_absorbing
net.module @fold_absorbing(in %x : i8, out a : i8, out b : i8, out c : i8, out d : i8, out e : i8) {
  // CHECK-DAG: %[[ZERO:.+]] = net.constant 0 : i8
  // CHECK-DAG: %[[ONES:.+]] = net.constant -1 : i8
  // CHECK: net.output %[[ZERO]], %[[ONES]], %[[ZERO]], %[[ZERO]], %[[ZERO]] : i8, i8, i8, i8, i8
  %zero = net.constant 0 : i8
  %ones = net.constant -1 : i8
  %a = net.and %x, %zero : i8
  %b = net.or %ones, %x : i8
  %c = net.mul %x, %zero : i8
  %d = net.xor %x, %x : i8
  %e = net.sub %x, %x : i8
  net.output %a, %b, %c, %d, %e : i8, i8, i8, i8, i8
}

// -----

// CHECK-LABEL: net.module @negative_fold_non_identity
net.module @negative_fold_non_identity(in %x : i8, out a : i8, out b : i8, out c : i8, out d : i8, out e : i8) {
  %zero = net.constant 0 : i8
  %two = net.constant 2 : i8
  // CHECK: net.add %x, %{{.+}} : i8
  %a = net.add %x, %two : i8
  // CHECK: net.sub %{{.+}}, %x : i8
  %b = net.sub %zero, %x : i8
  // CHECK: net.mul %x, %{{.+}} : i8
  %c = net.mul %x, %two : i8
  // x ^ x ^ x is x, not 0.
  // CHECK: net.xor %x, %x, %x : i8
  %d = net.xor %x, %x, %x : i8
  // CHECK: net.and %x, %{{.+}} : i8
  %e = net.and %x, %two : i8
  net.output %a, %b, %c, %d, %e : i8, i8, i8, i8, i8
}

// -----

// 3 << 2 = 12; 9 << 1 = 18 = 2 (i4); 8 >>u 3 = 1; -8 >>s 1 = -4;
// -8 >>s 7 = -1 (all sign bits).
// CHECK-LABEL: net.module @fold_constant_shifts
net.module @fold_constant_shifts(out a : i4, out b : i4, out c : i4, out d : i4, out e : i4) {
  // CHECK-DAG: %[[A:.+]] = net.constant -4 : i4
  // CHECK-DAG: %[[B:.+]] = net.constant 2 : i4
  // CHECK-DAG: %[[C:.+]] = net.constant 1 : i4
  // CHECK-DAG: %[[E:.+]] = net.constant -1 : i4
  // CHECK: net.output %[[A]], %[[B]], %[[C]], %[[A]], %[[E]] : i4, i4, i4, i4, i4
  %c1 = net.constant 1 : i4
  %c2 = net.constant 2 : i4
  %c3 = net.constant 3 : i4
  %c7 = net.constant 7 : i4
  %c8 = net.constant 8 : i4
  %c9 = net.constant 9 : i4
  %a = net.shl %c3, %c2 : i4
  %b = net.shl %c9, %c1 : i4
  %c = net.shru %c8, %c3 : i4
  %d = net.shrs %c8, %c1 : i4
  %e = net.shrs %c8, %c7 : i4
  net.output %a, %b, %c, %d, %e : i4, i4, i4, i4, i4
}

// -----

// CHECK-LABEL: net.module @fold_shift_amounts
net.module @fold_shift_amounts(in %x : i4, out a : i4, out b : i4, out c : i4, out d : i4, out e : i4) {
  // CHECK-DAG: %[[ZERO:.+]] = net.constant 0 : i4
  // CHECK-DAG: %[[FOUR:.+]] = net.constant 4 : i4
  // Shifting an i4 by 4 or more: shl and shru give 0, shrs keeps sign bits.
  // CHECK: %[[S:.+]] = net.shrs %x, %[[FOUR]] : i4
  // CHECK: net.output %x, %x, %[[ZERO]], %[[ZERO]], %[[S]] : i4, i4, i4, i4, i4
  %zero = net.constant 0 : i4
  %four = net.constant 4 : i4
  %a = net.shl %x, %zero : i4
  %b = net.shrs %x, %zero : i4
  %c = net.shl %x, %four : i4
  %d = net.shru %x, %four : i4
  %e = net.shrs %x, %four : i4
  net.output %a, %b, %c, %d, %e : i4, i4, i4, i4, i4
}

// -----

// -1 <s 1 holds, 15 <u 1 does not.
// CHECK-LABEL: net.module @fold_icmp
net.module @fold_icmp(in %x : i4, out a : i1, out b : i1, out c : i1, out d : i1, out e : i1, out f : i1) {
  // CHECK-DAG: %[[T:.+]] = net.constant true
  // CHECK-DAG: %[[F:.+]] = net.constant false
  // CHECK-NOT: net.icmp
  // CHECK: net.output %[[T]], %[[F]], %[[T]], %[[F]], %[[T]], %[[F]] : i1, i1, i1, i1, i1, i1
  %m1 = net.constant -1 : i4
  %p1 = net.constant 1 : i4
  %a = net.icmp slt %m1, %p1 : i4
  %b = net.icmp ult %m1, %p1 : i4
  %c = net.icmp eq %x, %x : i4
  %d = net.icmp ne %x, %x : i4
  %e = net.icmp sle %x, %x : i4
  %f = net.icmp ugt %x, %x : i4
  net.output %a, %b, %c, %d, %e, %f : i1, i1, i1, i1, i1, i1
}

// -----

// CHECK-LABEL: net.module @fold_mux
net.module @fold_mux(in %a : i4, in %b : i4, in %c : i1, out x : i4, out y : i4, out z : i4, out w : i4) {
  // CHECK: %[[M:.+]] = net.mux %c, %a, %b : i4
  // CHECK: net.output %a, %b, %a, %[[M]] : i4, i4, i4, i4
  %t = net.constant true
  %f = net.constant false
  %x = net.mux %t, %a, %b : i4
  %y = net.mux %f, %a, %b : i4
  %z = net.mux %c, %a, %a : i4
  %w = net.mux %c, %a, %b : i4
  net.output %x, %y, %z, %w : i4, i4, i4, i4
}

// -----

// 180 = 0b10110100: bits [2, 6) = 0b1101 = 13 (-3 as i4).  concat(3, 5) =
// 0x35 = 53.  replicate(0b10, 3) = 0b101010 = 42.  sext(-3 : i4) = -3 : i8,
// zext(13 : i4) = 13 : i8.
// CHECK-LABEL: net.module @fold_constant_widths
net.module @fold_constant_widths(out e : i4, out c : i8, out r : i6, out s : i8, out z : i8) {
  // CHECK-DAG: %[[E:.+]] = net.constant -3 : i4
  // CHECK-DAG: %[[C:.+]] = net.constant 53 : i8
  // CHECK-DAG: %[[R:.+]] = net.constant -22 : i6
  // CHECK-DAG: %[[S:.+]] = net.constant -3 : i8
  // CHECK-DAG: %[[Z:.+]] = net.constant 13 : i8
  // CHECK: net.output %[[E]], %[[C]], %[[R]], %[[S]], %[[Z]] : i4, i8, i6, i8, i8
  %c180 = net.constant 180 : i8
  %c3 = net.constant 3 : i4
  %c5 = net.constant 5 : i4
  %c2 = net.constant 2 : i2
  %e = net.extract %c180 from 2 : (i8) -> i4
  %c = net.concat %c3, %c5 : i4, i4
  %r = net.replicate %c2 : (i2) -> i6
  %s = net.sext %e : (i4) -> i8
  %z = net.zext %e : (i4) -> i8
  net.output %e, %c, %r, %s, %z : i4, i8, i6, i8, i8
}

// -----

// CHECK-LABEL: net.module @fold_width_identities
net.module @fold_width_identities(in %x : i4, out a : i4, out b : i4, out c : i4, out d : i4, out e : i4) {
  // CHECK-NOT: net.extract
  // CHECK-NOT: net.concat
  // CHECK-NOT: net.replicate
  // CHECK-NOT: net.sext
  // CHECK-NOT: net.zext
  // CHECK: net.output %x, %x, %x, %x, %x : i4, i4, i4, i4, i4
  %a = net.extract %x from 0 : (i4) -> i4
  %b = net.concat %x : i4
  %c = net.replicate %x : (i4) -> i4
  %d = net.sext %x : (i4) -> i4
  %e = net.zext %x : (i4) -> i4
  net.output %a, %b, %c, %d, %e : i4, i4, i4, i4, i4
}

// -----

// CHECK-LABEL: net.module @negative_fold_widths
net.module @negative_fold_widths(in %x : i4, out a : i2, out b : i8) {
  // CHECK: net.extract %x from 1 : (i4) -> i2
  %a = net.extract %x from 1 : (i4) -> i2
  // CHECK: net.sext %x : (i4) -> i8
  %b = net.sext %x : (i4) -> i8
  net.output %a, %b : i2, i8
}

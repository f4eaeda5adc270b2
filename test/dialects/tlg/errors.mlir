// RUN: axon-opt %s -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// One case per verifier message of the tlg dialect.

net.module @weight_count(in %a : i1, in %b : i1, out y : i1) {
  // expected-error @below {{has 1 weights for 2 inputs; expected one weight per input}}
  %y = tlg.gate %a, %b {weights = array<i64: 1>, threshold = 1 : i64} : i1
  net.output %y : i1
}

// -----

net.module @weight_overflow(in %a : i1, in %b : i1, out y : i1) {
  // expected-error @below {{the sum of the absolute weights does not fit in 64 bits}}
  %y = tlg.gate %a, %b {weights = array<i64: 9223372036854775807, -1>, threshold = 1 : i64} : i1
  net.output %y : i1
}

// -----

net.module @weight_min(in %a : i1, out y : i1) {
  // expected-error @below {{the sum of the absolute weights does not fit in 64 bits}}
  %y = tlg.gate %a {weights = array<i64: -9223372036854775808>, threshold = 1 : i64} : i1
  net.output %y : i1
}

// -----

net.module @wide_input(in %a : i2, out y : i1) {
  // expected-error @below {{operand #0 must be variadic of 1-bit signless integer, but got 'i2'}}
  %y = "tlg.gate"(%a) <{weights = array<i64: 1>, threshold = 1 : i64}> : (i2) -> i1
  net.output %y : i1
}

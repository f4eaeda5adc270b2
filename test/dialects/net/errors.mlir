// RUN: axon-opt %s -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// One case per verifier message of the net dialect.

net.module @variadic_needs_operands(out y : i4) {
  // expected-error @below {{'net.add' op expected 1 or more operands, but found 0}}
  %0 = net.add : i4
  net.output %0 : i4
}

// -----

// expected-error @below {{port names must not be empty}}
net.module @empty_port_name(in %a "" : i1) {
  net.output
}

// -----

// expected-error @below {{port name 'a' is used more than once}}
net.module @duplicate_port(in %a : i1, out a : i1) {
  net.output %a : i1
}

// -----

// expected-error @below {{port 'a' has type 'f32', expected a signless integer of non-zero width}}
net.module @float_port(in %a : f32) {
  net.output
}

// -----

// expected-error @below {{expected 'in' or 'out', got 'inout'}}
net.module @bad_direction(inout %a : i1) {
  net.output
}

// -----

// expected-error @below {{has 1 input names for 2 inputs}}
"net.module"() <{function_type = (i1, i1) -> (), input_names = ["a"], output_names = [], sym_name = "input_names"}> ({
^bb0(%a: i1, %b: i1):
  "net.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @below {{has 0 output names for 1 outputs}}
"net.module"() <{function_type = (i1) -> (i1), input_names = ["a"], output_names = [], sym_name = "output_names"}> ({
^bb0(%a: i1):
  "net.output"(%a) : (i1) -> ()
}) : () -> ()

// -----

// expected-error @below {{body has 1 arguments, expected 2 (one per input port)}}
"net.module"() <{function_type = (i1, i1) -> (), input_names = ["a", "b"], output_names = [], sym_name = "arg_count"}> ({
^bb0(%a: i1):
  "net.output"() : () -> ()
}) : () -> ()

// -----

// expected-error @below {{body argument #0 has type 'i2' but input port 'a' is 'i1'}}
"net.module"() <{function_type = (i1) -> (), input_names = ["a"], output_names = [], sym_name = "arg_type"}> ({
^bb0(%a: i2):
  "net.output"() : () -> ()
}) : () -> ()

// -----

net.module @output_count(in %a : i3, out y : i3, out z : i3) {
  // expected-error @below {{has 1 operands but '@output_count' has 2 output ports}}
  net.output %a : i3
}

// -----

net.module @output_type(in %a : i4, out y : i3) {
  // expected-error @below {{operand #0 has type 'i4' but output port 'y' is 'i3'}}
  net.output %a : i4
}

// -----

// expected-error @below {{'net.output' op expects parent op 'net.module'}}
"net.output"() : () -> ()

// -----

net.module @mul_by_variable(in %a : i8, in %b : i8, out y : i8) {
  // expected-error @below {{multiplies by a constant only: one operand must be defined by net.constant}}
  %0 = net.mul %a, %b : i8
  net.output %0 : i8
}

// -----

net.module @extract_out_of_range(in %x : i8, out y : i3) {
  // expected-error @below {{extracts bits [6, 9) but the input has only 8 bits}}
  %0 = net.extract %x from 6 : (i8) -> i3
  net.output %0 : i3
}

// -----

net.module @extract_negative(in %x : i8, out y : i3) {
  // expected-error @below {{attribute 'lowBit' failed to satisfy constraint: 32-bit signless integer attribute whose value is non-negative}}
  %0 = net.extract %x from -1 : (i8) -> i3
  net.output %0 : i3
}

// -----

net.module @concat_nothing(out y : i1) {
  // expected-error @below {{'net.concat' op expects at least one operand}}
  // expected-error @below {{failed to infer returned types}}
  %0 = "net.concat"() : () -> i1
  net.output %0 : i1
}

// -----

net.module @concat_too_wide(in %x : i16777215, out y : i1) {
  // expected-error @below {{'net.concat' op result width 33554430 exceeds the largest integer type}}
  // expected-error @below {{failed to infer returned types}}
  %0 = "net.concat"(%x, %x) : (i16777215, i16777215) -> i1
  net.output %0 : i1
}

// -----

net.module @replicate_not_multiple(in %x : i2, out y : i7) {
  // expected-error @below {{result width 7 is not a multiple of the input width 2}}
  %0 = net.replicate %x : (i2) -> i7
  net.output %0 : i7
}

// -----

net.module @sext_narrows(in %x : i8, out y : i4) {
  // expected-error @below {{result width 4 is narrower than the input width 8}}
  %0 = net.sext %x : (i8) -> i4
  net.output %0 : i4
}

// -----

net.module @reg_reset_without_value(in %d : i4, in %clk : i1, in %rst : i1, out q : i4) {
  // expected-error @below {{needs both a reset signal and a reset value, or neither}}
  %0 = "net.reg"(%d, %clk, %rst) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> : (i4, i1, i1) -> i4
  net.output %0 : i4
}

// -----

net.module @signed_type() {
  // expected-error @below {{result #0 must be signless integer of non-zero width, but got 'si8'}}
  %c = net.constant 1 : si8
  net.output
}

// RUN: axon-translate --export-verilog %s -split-input-file -verify-diagnostics -mlir-print-op-on-diagnostic=false
// One case per diagnostic of the Verilog exporter.

// expected-error @below {{no net.module to export to Verilog}}
module {
}

// -----

net.module @too_heavy(in %a : i1, in %b : i1, out y : i1) {
  // expected-error @below {{weights and threshold must fit the 32-bit integer parameters of the TLG cell (sum of |weights| and |threshold| at most 2147483647)}}
  %y = tlg.gate %a, %b {weights = array<i64: 2147483647, 1>, threshold = 1 : i64} : i1
  net.output %y : i1
}

// -----

net.module @unknown_op(in %a : i4, out y : i4) {
  // expected-error @below {{cannot be exported to Verilog}}
  %0 = builtin.unrealized_conversion_cast %a : i4 to i4
  net.output %0 : i4
}

// -----

net.module @two_results(in %a : i4, out y : i4) {
  // expected-error @below {{cannot be exported to Verilog: expected one result}}
  %0:2 = builtin.unrealized_conversion_cast %a : i4 to i4, i4
  net.output %0#0 : i4
}

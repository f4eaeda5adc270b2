// RUN: axon-opt %s --tlg-legalize-fanin -verify-diagnostics -mlir-print-op-on-diagnostic=false
// A module mixing threshold gates with other logic is not a threshold
// netlist; the op to blame is named.

net.module @mixed(in %a : i1, in %b : i1, out y : i1) {
  %g = tlg.gate %a, %b {weights = array<i64: 1, 1>, threshold = 2 : i64} : i1
  // expected-error @below {{is not a threshold gate; a threshold netlist holds only tlg.gate and 1-bit net.constant ops}}
  %y = net.xor %g, %a : i1
  net.output %y : i1
}

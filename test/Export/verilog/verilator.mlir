// REQUIRES: verilator
// RUN: axon-translate --export-verilog --verilog-tlg-cells %S/Inputs/all-ops.mlir -o %t.v
// RUN: verilator --lint-only -Wall -Wno-DECLFILENAME --top-module top %t.v 2>&1 | count 0
// Verilator's full lint (-Wall; DECLFILENAME is off because one file holds
// the design and its cells) accepts every construct the exporter prints:
// no width mismatch anywhere, and no unused or undriven signal in this
// design.

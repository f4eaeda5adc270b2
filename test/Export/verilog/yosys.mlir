// REQUIRES: yosys
// RUN: axon-translate --export-verilog --verilog-tlg-cells %S/Inputs/all-ops.mlir -o %t.v
// RUN: yosys -q -e '.*' -p 'read_verilog %t.v; synth -top top; check -assert' 2>&1 | count 0
// yosys reads and synthesizes every construct the exporter prints without a
// single warning (-e '.*' turns any warning into an error) and finds no
// undriven or multiply driven net.

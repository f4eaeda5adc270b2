//===- Verilog.h - Verilog-2005 emission of threshold netlists --*- C++ -*-===//
//
// Structural Verilog for threshold-logic ASIC flows: one instance of the cell
// TLG_<n> (n = fan-in) per gate, weights and threshold passed as integer
// parameters W0..W<n-1> and T, plus a behavioural model of each cell used
// (y = [sum_i Wi xi >= T]) that iverilog and verilator accept, so the
// netlist can be simulated before real cells exist.  Emission is read-only
// and deterministic: wires are named after signal ids, ports after the
// netlist's names (made legal and unique).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_VERILOG_H
#define AXON_TARGETS_THRESHOLD_CORE_VERILOG_H

#include "targets/threshold/Core/Netlist.h"

#include "llvm/Support/raw_ostream.h"

namespace axon::threshold {

/// The module name writeStructuralVerilog uses for `netlist`.
std::string verilogModuleName(const Netlist &netlist);

/// Port names in port order (inputs, then outputs) as emitted.
std::vector<std::string> verilogPortNames(const Netlist &netlist);

/// Writes the netlist as one module of TLG_<n> instances.  Fails if a weight,
/// a threshold or a gate's weight sum does not fit a 32-bit integer
/// parameter.
llvm::Error writeStructuralVerilog(const Netlist &netlist,
                                   llvm::raw_ostream &os);

/// Writes the behavioural model of TLG_<fanIn>.
void writeCellModel(unsigned fanIn, llvm::raw_ostream &os);

/// Writes the models of every cell the netlist instantiates, by fan-in.
void writeCellModels(const Netlist &netlist, llvm::raw_ostream &os);

/// Writes a testbench module `tb` that applies every input vector
/// (1 <= inputs <= 20) in increasing order and prints one line per vector:
/// the inputs then the outputs, each as a binary number whose most
/// significant digit is the last input/output.
llvm::Error writeExhaustiveTestbench(const Netlist &netlist,
                                     llvm::raw_ostream &os);

/// Writes a testbench module `tb` that reads `numVectors` input vectors from
/// `vectorFile` ($readmemb; see writeVectorFile) and prints one line per
/// vector, "<index>,<outputs as an unsigned decimal>" (output o is bit o, so
/// a class index read out as class_b0, class_b1, ... prints as the class).
llvm::Error writeVectorTestbench(const Netlist &netlist, size_t numVectors,
                                 llvm::StringRef vectorFile,
                                 llvm::raw_ostream &os);

/// Writes one line per vector for $readmemb: input i is the character i
/// places from the right.
void writeVectorFile(llvm::ArrayRef<std::vector<uint8_t>> vectors,
                     llvm::raw_ostream &os);

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_VERILOG_H

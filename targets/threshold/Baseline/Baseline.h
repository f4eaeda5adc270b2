//===- Baseline.h - Conventional CMOS XNOR-popcount baseline ----*- C++ -*-===//
//
// The yardstick a threshold-logic mapping is compared with: the same
// binarized network as a conventional digital circuit.  Each neuron is an
// XNOR of its input bits with the constant weight bits, a popcount adder tree
// and a comparator against the folded threshold, emitted as a `net.module`
// (word-level add/icmp ops, as an RTL designer would write it) and
// synthesized with yosys + ABC to a fixed set of two-input standard cells.
//
// I/O conventions are those of the threshold netlist (buildNetlist): one i1
// input per (expanded) input bit, x<i> or x<i>_b<b>, in model order; one i1
// output y<j> per neuron of the last layer, or, when the network ends in an
// ArgMax readout (BinarizedNetwork::argMaxReadout), the bits class_b0 (least
// significant), class_b1, ... of the index of the first maximal last-layer
// score (readoutScore in ArgMaxReadout.h).  The real scores are not computed
// in hardware: each class's popcount indexes a lookup table holding the rank
// of its score among all reachable scores of all classes, and an integer
// comparator tree picks the class (ties to the lowest index), which is
// exact for the double-precision scores.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_BASELINE_BASELINE_H
#define AXON_TARGETS_THRESHOLD_BASELINE_BASELINE_H

#include "targets/threshold/Core/ArgMaxReadout.h"
#include "targets/threshold/Core/BinarizedNetwork.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>

namespace axon::threshold {

/// How a popcount is written in the RTL.
enum class PopcountStyle {
  /// A balanced tree of two-operand adds, each just wide enough.
  AdderTree,
  /// One multi-operand add of all terms (yosys maps it to a carry-save
  /// compressor tree through $macc).
  MultiOperand,
};

struct BaselineOptions {
  /// Name of the emitted net.module.
  std::string moduleName = "bnn_xnor_popcount";
  PopcountStyle popcount = PopcountStyle::AdderTree;
};

/// Builds the XNOR-popcount-compare netlist of `network` as one net.module
/// inside a new builtin module.  Returns null after a diagnostic on `context`
/// when the layer shapes are inconsistent or a neuron's parameters cannot be
/// folded (foldNeuron's checks).
mlir::OwningOpRef<mlir::ModuleOp>
buildXnorPopcountNet(const BinarizedNetwork &network,
                     mlir::MLIRContext *context,
                     const BaselineOptions &options = {});

struct CmosSynthesisOptions {
  /// Top module to synthesize; empty lets yosys pick (-auto-top).
  std::string topModule;
  /// The yosys executable (searched on PATH when not absolute).
  std::string yosys = "yosys";
  /// Cell set handed to `abc -g`; each mapped gate is one cell.
  std::string abcGates = "AND,NAND,OR,NOR,XOR,XNOR,ANDNOT,ORNOT,MUX";
  /// The ABC script (yosys's default for -g without SAT sweeping; see
  /// CmosSynthesis.cpp).
  std::string abcScript = "strash; dc2; &get -n; &dch -f; &nf; &put";
  /// Seconds before the yosys run is killed (0: no limit).
  unsigned timeoutSeconds = 600;
  /// Where to keep yosys's log (empty: a temporary file that is removed
  /// afterwards).
  std::string logPath;
};

struct CmosSynthesis {
  /// Logic cells after ABC mapping (inverters included; constant drivers and
  /// plain wires are not cells).
  unsigned cells = 0;
  /// Cells by yosys type name without the `$_` decoration (AND, NOT, ...).
  std::map<std::string, unsigned> cellsByType;
  /// Longest input-to-output path in cells (inverters count as a level), or
  /// -1 when it could not be determined.
  int depth = -1;
};

/// Runs yosys (`synth -noabc` + `abc -g <cells>`) on the Verilog file
/// (whose path must not contain blanks, quotes or ';') and returns
/// the mapped cell counts.  Fails with a clear error when yosys is missing,
/// times out, or its statistics cannot be parsed.
llvm::Expected<CmosSynthesis>
synthesizeCmos(llvm::StringRef verilogPath,
               const CmosSynthesisOptions &options = {});

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_BASELINE_BASELINE_H

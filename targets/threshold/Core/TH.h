//===- TH.h - threABC .th threshold-network format --------------*- C++ -*-===//
//
// The text format of threABC (threshold logic inside ABC, Lee et al.,
// "Analytic approaches to the collapse operation and equivalence
// verification of threshold logic circuits", TCAD), so that netlists can be
// collapsed and equivalence-checked there.  The exact grammar written and
// accepted is in docs/targets/threshold.md; in short:
//
//   <header line>                       (free text, ignored)
//   .model <name>
//   .input <id> ...
//   .output <id> ...
//   .threshold <fanin-id> ... <out-id>  (then, on the next line:)
//   <w_1> ... <w_n> <T>                 out = [sum w_i fanin_i >= T]
//   .end
//
// Ids are tokens; CONST1 is the constant-1 signal.  As threABC requires,
// every primary output is a buffer gate ("<id> <po>" / "1 1") written before
// the other gates; the parser folds such buffers back into plain outputs.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_THRESHOLD_CORE_TH_H
#define AXON_TARGETS_THRESHOLD_CORE_TH_H

#include "targets/threshold/Core/Netlist.h"

#include "llvm/Support/raw_ostream.h"

namespace axon::threshold {

/// Writes `netlist` in .th form.  Primary inputs get ids 1..n, gates n+1..,
/// output buffers follow; CONST1 carries constants.
void writeTH(const Netlist &netlist, llvm::raw_ostream &os);

/// Parses .th text.  Gates may be listed in any order (they are sorted
/// topologically); errors name the line: "<bufferName>:<line>: <message>".
/// Inputs and outputs are named by their ids; logic no output depends on is
/// dropped.
llvm::Expected<Netlist> parseTH(llvm::StringRef text,
                                llvm::StringRef bufferName = "<th>");

} // namespace axon::threshold

#endif // AXON_TARGETS_THRESHOLD_CORE_TH_H

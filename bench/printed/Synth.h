//===- Synth.h - Bench-only Verilog, synthesis and simulation ---*- C++ -*-===//
//
// The project's Verilog emitter comes later through the `net` dialect; until
// then the bench needs a quick behavioural Verilog of an integer MLP to (1)
// calibrate the analytic area model against yosys + ABC on the EGFET cells and
// (2) check with iverilog that a straightforward circuit reading of the rules
// in IntMLP.h reproduces the reference model bit for bit.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_BENCH_PRINTED_SYNTH_H
#define AXON_BENCH_PRINTED_SYNTH_H

#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/IntMLP.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace axon::printed::bench {

/// Behavioural Verilog-2005: `module top(inp, out)`, feature f at
/// inp[inputBits*f +: inputBits], out = class index.
void writeVerilog(const IntMLP &model, llvm::raw_ostream &os);

/// Bits of the class-index output.
unsigned classIndexBits(const IntMLP &model);

struct SynthResult {
  double areaUm2 = 0;
  unsigned cells = 0;
  std::string mappedNetlist; // path of the mapped Verilog
};

/// Writes `<dir>/<name>.v` and runs `<pdkDir>/area.sh --out ... FILE top`.
llvm::Expected<SynthResult> synthesize(const IntMLP &model,
                                       llvm::StringRef pdkDir,
                                       llvm::StringRef dir,
                                       llvm::StringRef name);

/// Simulates `verilogFiles` (defining `top`) with iverilog on every row of
/// `data` and returns how many outputs differ from predictInt.
llvm::Expected<unsigned> simulate(const IntMLP &model,
                                  llvm::ArrayRef<std::string> verilogFiles,
                                  const QuantizedData &data,
                                  llvm::StringRef dir, llvm::StringRef name);

} // namespace axon::printed::bench

#endif // AXON_BENCH_PRINTED_SYNTH_H

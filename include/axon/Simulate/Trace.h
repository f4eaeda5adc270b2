//===- Trace.h - CSV input traces for the simulator -------------*- C++ -*-===//
//
// Simulation inputs come from files other tools write (NIR fixtures, dataset
// exports), so readers report the file and line of every problem instead of
// guessing.  Probe output is written by ProbeRecorder::writeCSV (Engine.h).
//
//   dense CSV:  one row per step, comma-separated numbers; an optional first
//               line of names (a line with any non-numeric field).
//   event CSV:  lines `step,index` (an optional header line); any order;
//               the trace spans steps 0 .. max(step).
//   Blank lines and lines starting with '#' are ignored in both.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SIMULATE_TRACE_H
#define AXON_SIMULATE_TRACE_H

#include "axon/Simulate/Engine.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace axon::sim {

/// Reads a dense trace; `header` receives the column names if present.
llvm::Expected<InputTrace>
readDenseCSV(llvm::StringRef path, std::vector<std::string> *header = nullptr);
/// Same, from text in memory (`name` is used in messages).
llvm::Expected<InputTrace>
parseDenseCSV(llvm::StringRef text, llvm::StringRef name,
              std::vector<std::string> *header = nullptr);

/// Reads an event trace; `size` (if non-zero) bounds the indices.
llvm::Expected<InputTrace> readEventCSV(llvm::StringRef path,
                                        uint32_t size = 0);
llvm::Expected<InputTrace>
parseEventCSV(llvm::StringRef text, llvm::StringRef name, uint32_t size = 0);

/// The given columns of a dense trace, in that order.
llvm::Expected<InputTrace> selectColumns(const InputTrace &trace,
                                         llvm::ArrayRef<unsigned> columns);

} // namespace axon::sim

#endif // AXON_SIMULATE_TRACE_H

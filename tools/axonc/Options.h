//===- Options.h - Command-line options shared by axonc's files -*- C++ -*-===//
//
// axonc's options live in one category so `axonc <command> --help` lists
// only them.  Options used by more than one command (or by the per-target
// compile files) are declared here and defined in axonc.cpp; options of one
// target live in that target's Compile<Target>.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TOOLS_AXONC_OPTIONS_H
#define AXON_TOOLS_AXONC_OPTIONS_H

#include "llvm/Support/CommandLine.h"

#include <cstdint>
#include <string>

namespace axonc {

/// The category of every axonc option.
llvm::cl::OptionCategory &category();

extern llvm::cl::opt<std::string> inputFilename;  ///< MODEL
extern llvm::cl::opt<std::string> outputFilename; ///< -o (a folder for compile)
extern llvm::cl::opt<std::string> targetName;     ///< --target
extern llvm::cl::opt<std::string> datasetPath;    ///< --dataset
extern llvm::cl::opt<bool> emitJSON;              ///< --json
extern llvm::cl::opt<bool> quiet;                 ///< --quiet (no progress)
/// --seed (simulate: rate encoder; compile --target printed: the search).
extern llvm::cl::opt<uint64_t> seed;

} // namespace axonc

#endif // AXON_TOOLS_AXONC_OPTIONS_H

//===- RandomNetlist.h - seeded random net.modules for tests ----*- C++ -*-===//
//
// Builds random but valid net.modules (every op kind, random widths, threshold
// gates, optionally registers with feedback) so the Verilog tests can compare
// the interpreter and iverilog on designs nobody wrote by hand.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_TEST_UNIT_DIALECTS_NET_RANDOMNETLIST_H
#define AXON_TEST_UNIT_DIALECTS_NET_RANDOMNETLIST_H

#include "dialects/net/NetOps.h"

#include "mlir/IR/BuiltinOps.h"

#include <random>

namespace axon {
namespace net {
namespace nettest {

struct RandomNetlistOptions {
  unsigned numInputs = 3;
  unsigned numOps = 40;
  unsigned numOutputs = 6;
  /// Adds `clk` and `rst` inputs and registers (all reset by `rst`, some
  /// fed back from values computed after them).
  bool sequential = false;
};

/// Appends a random net.module named `name` to `top`.
NetModuleOp buildRandomNetlist(mlir::ModuleOp top, llvm::StringRef name,
                               unsigned seed,
                               const RandomNetlistOptions &options);

} // namespace nettest
} // namespace net
} // namespace axon

#endif // AXON_TEST_UNIT_DIALECTS_NET_RANDOMNETLIST_H

//===- Sandbox.h - run untrusted-input parsing in a child process -*- C++
//-*-===//
//
// HDF5 1.10 (Debian's libhdf5) can crash on corrupt files, e.g. inside
// H5HG_read on a damaged global heap.  The NIR reader therefore parses the
// file in a forked child and receives a plain serialized result over a
// pipe; a crash, abort or hang of the child becomes an error in the parent.
//
//===----------------------------------------------------------------------===//
#ifndef LIB_IMPORT_NIR_SANDBOX_H
#define LIB_IMPORT_NIR_SANDBOX_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace axon {
namespace nir {

/// Whether runIsolated can use a child process on this platform.
bool isolationAvailable();

/// Runs `work` in a child process and returns the bytes it produced.  Fails
/// with the reason if the child crashes, exits abnormally or runs longer
/// than `timeoutSeconds`.  The child's address space may grow by at most
/// `memoryBudget` bytes (allocations beyond fail, as when memory is out).
/// Without isolation, runs `work` here.
llvm::Expected<std::string> runIsolated(llvm::function_ref<std::string()> work,
                                        unsigned timeoutSeconds,
                                        uint64_t memoryBudget);

} // namespace nir
} // namespace axon

#endif // LIB_IMPORT_NIR_SANDBOX_H

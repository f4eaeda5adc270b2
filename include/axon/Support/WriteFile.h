//===- WriteFile.h - Atomic output files with diagnostics -------*- C++ -*-===//
//
// Every back end writes its outputs the same way: DIR/NAME through
// llvm::writeToOutput (a temporary file in DIR, renamed into place), so a
// failed run never leaves half a file, and an I/O failure becomes one
// diagnostic at the model's location.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SUPPORT_WRITEFILE_H
#define AXON_SUPPORT_WRITEFILE_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace axon {

/// Writes DIR/NAME atomically.  `emit` writes the contents; when it fails it
/// has reported its own diagnostic and nothing is written.  An I/O failure is
/// reported at `loc` as "cannot write 'PATH': REASON".
inline mlir::LogicalResult writeFileAtomically(
    mlir::Location loc, llvm::StringRef dir, llvm::StringRef name,
    llvm::function_ref<mlir::LogicalResult(llvm::raw_ostream &)> emit) {
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  mlir::LogicalResult emitted = mlir::success();
  llvm::Error err =
      llvm::writeToOutput(path, [&](llvm::raw_ostream &os) -> llvm::Error {
        emitted = emit(os);
        if (mlir::failed(emitted))
          return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                         "emission failed");
        return llvm::Error::success();
      });
  if (!err)
    return mlir::success();
  std::string reason = llvm::toString(std::move(err));
  if (mlir::succeeded(emitted))
    mlir::emitError(loc) << "cannot write '" << path << "': " << reason;
  return mlir::failure();
}

/// writeFileAtomically for contents that cannot fail.
inline mlir::LogicalResult
writeTextFile(mlir::Location loc, llvm::StringRef dir, llvm::StringRef name,
              llvm::function_ref<void(llvm::raw_ostream &)> write) {
  return writeFileAtomically(loc, dir, name, [&](llvm::raw_ostream &os) {
    write(os);
    return mlir::success();
  });
}

} // namespace axon

#endif // AXON_SUPPORT_WRITEFILE_H

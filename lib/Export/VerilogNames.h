//===- VerilogNames.h - Verilog identifiers for net values ------*- C++ -*-===//
//
// Shared by the prepare step (which chooses names) and the emitter (which
// reads them): the attribute names, what a legal identifier is, and a
// per-scope table that makes names unique.  Keywords of SystemVerilog are
// avoided too, because Verilator parses .v files as SystemVerilog.
//
//===----------------------------------------------------------------------===//
#ifndef AXON_LIB_EXPORT_VERILOGNAMES_H
#define AXON_LIB_EXPORT_VERILOGNAMES_H

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

namespace axon {
namespace verilog {

/// Discardable attribute holding the Verilog name of an op's result.
inline constexpr llvm::StringLiteral kNameAttr = "net.name";
/// Discardable attribute holding the instance name of a tlg.gate.
inline constexpr llvm::StringLiteral kInstanceAttr = "net.instance";

/// True for reserved words of Verilog-2005 and SystemVerilog-2017.
bool isKeyword(llvm::StringRef name);

/// [A-Za-z_][A-Za-z0-9_$]* and not a keyword.
bool isLegalIdentifier(llvm::StringRef name);

/// `name` with illegal characters replaced by '_', a '_' prefix when it
/// would start with a digit or '$' (or be empty), a '_' suffix on keywords.
std::string legalizeIdentifier(llvm::StringRef name);

/// The name of the threshold cell with `numInputs` inputs: "TLG_<n>".
std::string getCellName(unsigned numInputs);

/// True for names of the form TLG_<digits> (reserved for cells).
bool isCellName(llvm::StringRef name);

/// The first NameLoc name inside `loc`, or "".
llvm::StringRef getLocName(mlir::Location loc);

/// True if the (single) result of `op` is referred to by name: every op but
/// a constant, and a constant some use of which cannot take a literal (a
/// part-select by net.extract or net.sext, a register's clock).
bool needsName(mlir::Operation *op);

/// The identifiers of one Verilog scope.
class NameTable {
public:
  /// Reserves and returns `legalizeIdentifier(base)`, or, if taken, the
  /// first free `<base>_<k>` for k = 1, 2, ...
  std::string claim(llvm::StringRef base);

  /// Reserves and returns the first free `_<k>` with k >= `counter`,
  /// advancing `counter` past it.
  std::string claimAnonymous(unsigned &counter);

  bool contains(llvm::StringRef name) const { return used.contains(name); }

private:
  llvm::StringSet<> used;
};

} // namespace verilog
} // namespace axon

#endif // AXON_LIB_EXPORT_VERILOGNAMES_H

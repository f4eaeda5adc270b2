//===- VerilogNames.cpp - Verilog identifiers for net values ----*- C++ -*-===//
//
// Legal, unique, deterministic identifiers.  The keyword list is IEEE
// 1364-2005 Annex B plus the IEEE 1800-2017 additions.
//
//===----------------------------------------------------------------------===//

#include "VerilogNames.h"

#include "dialects/net/NetOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <iterator>

using namespace mlir;
using namespace axon::net;
using namespace axon::verilog;

/// Sorted, for binary search.
// clang-format off
static const char *const keywords[] = {
    "accept_on", "alias", "always", "always_comb", "always_ff",
    "always_latch", "and", "assert", "assign", "assume", "automatic",
    "before", "begin", "bind", "bins", "binsof", "bit", "break", "buf",
    "bufif0", "bufif1", "byte", "case", "casex", "casez", "cell", "chandle",
    "checker", "class", "clocking", "cmos", "config", "const", "constraint",
    "context", "continue", "cover", "covergroup", "coverpoint", "cross",
    "deassign", "default", "defparam", "design", "disable", "dist", "do",
    "edge", "else", "end", "endcase", "endchecker", "endclass",
    "endclocking", "endconfig", "endfunction", "endgenerate", "endgroup",
    "endinterface", "endmodule", "endpackage", "endprimitive", "endprogram",
    "endproperty", "endsequence", "endspecify", "endtable", "endtask",
    "enum", "event", "eventually", "expect", "export", "extends", "extern",
    "final", "first_match", "for", "force", "foreach", "forever", "fork",
    "forkjoin", "function", "generate", "genvar", "global", "highz0",
    "highz1", "if", "iff", "ifnone", "ignore_bins", "illegal_bins",
    "implements", "implies", "import", "incdir", "include", "initial",
    "inout", "input", "inside", "instance", "int", "integer",
    "interconnect", "interface", "intersect", "join", "join_any",
    "join_none", "large", "let", "liblist", "library", "local",
    "localparam", "logic", "longint", "macromodule", "matches", "medium",
    "modport", "module", "nand", "negedge", "nettype", "new", "nexttime",
    "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "null",
    "or", "output", "package", "packed", "parameter", "pmos", "posedge",
    "primitive", "priority", "program", "property", "protected", "pull0",
    "pull1", "pulldown", "pullup", "pulsestyle_ondetect",
    "pulsestyle_onevent", "pure", "rand", "randc", "randcase",
    "randsequence", "rcmos", "real", "realtime", "ref", "reg", "reject_on",
    "release", "repeat", "restrict", "return", "rnmos", "rpmos", "rtran",
    "rtranif0", "rtranif1", "s_always", "s_eventually", "s_nexttime",
    "s_until", "s_until_with", "scalared", "sequence", "shortint",
    "shortreal", "showcancelled", "signed", "small", "soft", "solve",
    "specify", "specparam", "static", "string", "strong", "strong0",
    "strong1", "struct", "super", "supply0", "supply1", "sync_accept_on",
    "sync_reject_on", "table", "tagged", "task", "this", "throughout",
    "time", "timeprecision", "timeunit", "tran", "tranif0", "tranif1",
    "tri", "tri0", "tri1", "triand", "trior", "trireg", "type", "typedef",
    "union", "unique", "unique0", "unsigned", "until", "until_with",
    "untyped", "use", "uwire", "var", "vectored", "virtual", "void", "wait",
    "wait_order", "wand", "weak", "weak0", "weak1", "while", "wildcard",
    "wire", "with", "within", "wor", "xnor", "xor"};
// clang-format on

bool axon::verilog::isKeyword(StringRef name) {
  auto less = [](const char *a, StringRef b) { return StringRef(a) < b; };
  const char *const *it =
      std::lower_bound(std::begin(keywords), std::end(keywords), name, less);
  return it != std::end(keywords) && name == *it;
}

static bool isIdentifierChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$';
}

bool axon::verilog::isLegalIdentifier(StringRef name) {
  return !name.empty() && (llvm::isAlpha(name[0]) || name[0] == '_') &&
         llvm::all_of(name, isIdentifierChar) && !isKeyword(name);
}

std::string axon::verilog::legalizeIdentifier(StringRef name) {
  std::string out;
  if (name.empty() || !(llvm::isAlpha(name[0]) || name[0] == '_'))
    out.push_back('_');
  for (char c : name)
    out.push_back(isIdentifierChar(c) ? c : '_');
  if (isKeyword(out))
    out.push_back('_');
  return out;
}

std::string axon::verilog::getCellName(unsigned numInputs) {
  return "TLG_" + std::to_string(numInputs);
}

bool axon::verilog::isCellName(StringRef name) {
  return name.consume_front("TLG_") && !name.empty() &&
         llvm::all_of(name, llvm::isDigit);
}

StringRef axon::verilog::getLocName(Location loc) {
  StringRef name;
  loc->walk([&](Location inner) {
    if (auto nameLoc = llvm::dyn_cast<NameLoc>(inner)) {
      name = nameLoc.getName().strref();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

bool axon::verilog::needsName(Operation *op) {
  if (!llvm::isa<ConstantOp>(op))
    return true;
  for (OpOperand &use : op->getUses()) {
    Operation *user = use.getOwner();
    if (llvm::isa<ExtractOp, SExtOp>(user))
      return true;
    if (auto reg = llvm::dyn_cast<RegOp>(user))
      if (use.get() == reg.getClk())
        return true;
  }
  return false;
}

std::string NameTable::claim(StringRef base) {
  std::string legal = legalizeIdentifier(base);
  if (used.insert(legal).second)
    return legal;
  for (unsigned k = 1;; ++k) {
    std::string candidate = legal + "_" + std::to_string(k);
    if (used.insert(candidate).second)
      return candidate;
  }
}

std::string NameTable::claimAnonymous(unsigned &counter) {
  for (;; ++counter) {
    std::string candidate = "_" + std::to_string(counter);
    if (used.insert(candidate).second) {
      ++counter;
      return candidate;
    }
  }
}

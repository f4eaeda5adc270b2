//===- SpinnAttrs.cpp - spinn attributes ------------------------*- C++ -*-===//
//
// Key/mask pairs and routing entries have hand-written syntax so that keys,
// masks and routes print in hexadecimal (`0x00010000`), the way SpiNNaker
// tables are read, and the verifiers reject pairs that could never match.
//
//===----------------------------------------------------------------------===//

#include "dialects/spinn/SpinnAttrs.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

using namespace mlir;
using namespace axon::spinn;

#define GET_ATTRDEF_CLASSES
#include "dialects/spinn/SpinnAttrs.cpp.inc"

/// Route words use 6 link bits and 18 core bits.
static constexpr uint64_t RouteWordLimit = 1ull << 24;

/// "0x0001abcd": zero-padded hex, for messages.
static std::string hexString(uint32_t value, unsigned digits) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << llvm::format_hex(value, digits + 2);
  return s;
}

static void printHex(AsmPrinter &printer, uint32_t value, unsigned digits) {
  printer.getStream() << llvm::format_hex(value, digits + 2);
}

/// Parses an unsigned 32-bit integer (decimal or 0x-hex) naming it on error.
static ParseResult parseU32(AsmParser &parser, uint32_t &out, StringRef what) {
  SMLoc loc = parser.getCurrentLocation();
  uint64_t value = 0;
  if (parser.parseInteger(value))
    return failure();
  if (value > 0xFFFFFFFFull)
    return parser.emitError(loc)
           << "'" << what << "' must fit in 32 bits, got " << value;
  out = (uint32_t)value;
  return success();
}

static LogicalResult verifyKeyMask(function_ref<InFlightDiagnostic()> emitError,
                                   uint32_t key, uint32_t mask) {
  if (key & ~mask)
    return emitError() << "key " << hexString(key, 8)
                       << " has bits outside mask " << hexString(mask, 8)
                       << " (key & ~mask must be 0)";
  return success();
}

//===----------------------------------------------------------------------===//
// KeyMaskAttr
//===----------------------------------------------------------------------===//

LogicalResult KeyMaskAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                  uint32_t key, uint32_t mask) {
  return verifyKeyMask(emitError, key, mask);
}

Attribute KeyMaskAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  uint32_t key = 0, mask = 0;
  if (parser.parseLess() || parseU32(parser, key, "key") ||
      parser.parseComma() || parseU32(parser, mask, "mask") ||
      parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    key, mask);
}

void KeyMaskAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printHex(printer, getKey(), 8);
  printer << ", ";
  printHex(printer, getMask(), 8);
  printer << ">";
}

//===----------------------------------------------------------------------===//
// EntryAttr
//===----------------------------------------------------------------------===//

LogicalResult EntryAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                uint32_t key, uint32_t mask, uint32_t route,
                                bool defaultable) {
  if (failed(verifyKeyMask(emitError, key, mask)))
    return failure();
  if (route >= RouteWordLimit)
    return emitError() << "route " << hexString(route, 6)
                       << " uses bits above 24 (6 links + 18 cores)";
  return success();
}

Attribute EntryAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  uint32_t key = 0, mask = 0, route = 0;
  if (parser.parseLess() || parseU32(parser, key, "key") ||
      parser.parseComma() || parseU32(parser, mask, "mask") ||
      parser.parseArrow() || parseU32(parser, route, "route"))
    return {};
  bool defaultable = false;
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("defaultable"))
      return {};
    defaultable = true;
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    key, mask, route, defaultable);
}

void EntryAttr::print(AsmPrinter &printer) const {
  printer << "<";
  printHex(printer, getKey(), 8);
  printer << ", ";
  printHex(printer, getMask(), 8);
  printer << " -> ";
  printHex(printer, getRoute(), 6);
  if (getDefaultable())
    printer << ", defaultable";
  printer << ">";
}

void SpinnDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/spinn/SpinnAttrs.cpp.inc"
      >();
}

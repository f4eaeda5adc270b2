//===- SNNAttrs.cpp - snn attributes ----------------------------*- C++ -*-===//
//
// The discretization attribute has a hand-written syntax so that `dt` prints
// as a plain number (`dt = 1.0e-04`) rather than a typed FloatAttr.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNAttrs.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace axon::snn;

#include "dialects/snn/SNNEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/snn/SNNAttrs.cpp.inc"

LogicalResult
DiscretizationAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                           APFloat dtValue, DiscretizationMethod method,
                           ResetMode reset) {
  double dt = dtValue.convertToDouble();
  if (!(dt > 0.0) || !std::isfinite(dt))
    return emitError() << "'dt' must be a positive time step in seconds, got "
                       << dt;
  return success();
}

Attribute DiscretizationAttr::parse(AsmParser &parser, Type) {
  double dt = 0;
  std::string method, reset;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() || parser.parseKeyword("dt") || parser.parseEqual() ||
      parser.parseFloat(dt) || parser.parseComma() ||
      parser.parseKeyword("method") || parser.parseEqual() ||
      parser.parseKeywordOrString(&method) || parser.parseComma() ||
      parser.parseKeyword("reset") || parser.parseEqual() ||
      parser.parseKeywordOrString(&reset) || parser.parseGreater())
    return {};
  std::optional<DiscretizationMethod> m = symbolizeDiscretizationMethod(method);
  if (!m) {
    parser.emitError(loc) << "unknown discretization method '" << method
                          << "', expected 'exact' or 'euler'";
    return {};
  }
  std::optional<ResetMode> r = symbolizeResetMode(reset);
  if (!r) {
    parser.emitError(loc) << "unknown reset mode '" << reset
                          << "', expected 'zero', 'subtract' or 'to_v_reset'";
    return {};
  }
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    APFloat(dt), *m, *r);
}

void DiscretizationAttr::print(AsmPrinter &printer) const {
  printer << "<dt = ";
  printer.printFloat(getDt());
  printer << ", method = " << stringifyDiscretizationMethod(getMethod())
          << ", reset = " << stringifyResetMode(getReset()) << ">";
}

void SNNDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dialects/snn/SNNAttrs.cpp.inc"
      >();
}

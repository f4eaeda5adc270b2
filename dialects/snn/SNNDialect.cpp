//===- SNNDialect.cpp - snn dialect registration ----------------*- C++ -*-===//
//
// Registers the snn ops and attributes.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNAttrs.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace axon::snn;

#include "dialects/snn/SNNDialect.cpp.inc"

void SNNDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/snn/SNNOps.cpp.inc"
      >();
  registerAttributes();
}

//===- SpinnDialect.cpp - spinn dialect registration ------------*- C++ -*-===//
//
// Registers the spinn ops and attributes.
//
//===----------------------------------------------------------------------===//

#include "dialects/spinn/SpinnDialect.h"
#include "dialects/spinn/SpinnAttrs.h"
#include "dialects/spinn/SpinnOps.h"

#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace axon::spinn;

#include "dialects/spinn/SpinnDialect.cpp.inc"

void SpinnDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/spinn/SpinnOps.cpp.inc"
      >();
  registerAttributes();
}

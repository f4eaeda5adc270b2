//===- SNNAttrsTest.cpp - discretization attribute builders -----*- C++ -*-===//

#include "dialects/snn/SNNAttrs.h"
#include "dialects/snn/SNNDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon::snn;

namespace {

TEST(SNNAttrsTest, DiscretizationBuildAndPrint) {
  MLIRContext context;
  context.loadDialect<SNNDialect>();
  auto attr =
      DiscretizationAttr::get(&context, llvm::APFloat(1.0e-4),
                              DiscretizationMethod::euler, ResetMode::subtract);
  EXPECT_DOUBLE_EQ(attr.getDt().convertToDouble(), 1.0e-4);
  EXPECT_EQ(attr.getMethod(), DiscretizationMethod::euler);
  EXPECT_EQ(attr.getReset(), ResetMode::subtract);
  std::string text;
  llvm::raw_string_ostream os(text);
  os << Attribute(attr);
  EXPECT_EQ(text, "#snn.discretization<dt = 1.000000e-04, method = euler, "
                  "reset = subtract>");
  // Uniqued: same parameters, same attribute.
  EXPECT_EQ(attr, DiscretizationAttr::get(&context, llvm::APFloat(1.0e-4),
                                          DiscretizationMethod::euler,
                                          ResetMode::subtract));
}

TEST(SNNAttrsTest, DiscretizationRejectsNonPositiveStep) {
  MLIRContext context;
  context.loadDialect<SNNDialect>();
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  auto attr = DiscretizationAttr::getChecked(
      [&] { return emitError(UnknownLoc::get(&context)); }, &context,
      llvm::APFloat(0.0), DiscretizationMethod::exact, ResetMode::zero);
  EXPECT_FALSE(attr);
  EXPECT_EQ(message,
            "'dt' must be a positive time step in seconds, got 0.000000e+00");
}

} // namespace

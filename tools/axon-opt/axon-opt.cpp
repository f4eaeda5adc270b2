//===- axon-opt.cpp - Axon's mlir-opt ---------------------------*- C++ -*-===//
//
// mlir-opt with every Axon dialect, pass and pipeline registered.
//
//===----------------------------------------------------------------------===//

#include "axon/InitAllDialects.h"
#include "axon/InitAllPasses.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  axon::registerAllDialects(registry);
  axon::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Axon optimizer driver\n", registry));
}

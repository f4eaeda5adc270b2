//===- SynthesisTest.cpp - yosys + ABC cell counts and errors -------------===//
//
// synthesizeCmos on designs whose minimal mapping to the two-input gate set
// is known by hand, on the baseline of a tiny network, and on the failure
// paths (no yosys, bad Verilog, missing file).
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"

#include "axon/Export/Verilog.h"
#include "dialects/net/NetDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

namespace {

/// A Verilog file in a fresh temporary folder, removed afterwards.
class TempVerilog {
public:
  explicit TempVerilog(llvm::StringRef text) {
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("axon-cmos", dir));
    path = (dir + "/design.v").str();
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    EXPECT_FALSE(ec);
    os << text;
  }
  ~TempVerilog() { llvm::sys::fs::remove_directories(dir); }
  llvm::SmallString<128> dir;
  std::string path;
};

void requireYosys() {
  ASSERT_TRUE(bool(llvm::sys::findProgramByName("yosys")))
      << "yosys is part of the setup";
}

TEST(CmosSynthesis, SingleGates) {
  requireYosys();
  TempVerilog v("module top(input a, input b, input c, input d,\n"
                "           output y, output z);\n"
                "  assign y = ~(a ^ b);\n"
                "  assign z = a & b & c & d;\n"
                "endmodule\n");
  auto r = synthesizeCmos(v.path);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  // One XNOR, and a 4-input AND as a balanced tree of three AND2.
  EXPECT_EQ(r->cells, 4u);
  EXPECT_EQ(r->cellsByType["XNOR"], 1u);
  EXPECT_EQ(r->cellsByType["AND"], 3u);
  EXPECT_EQ(r->depth, 2);
}

TEST(CmosSynthesis, ConstantWeightXnorIsAnInverterOrWire) {
  requireYosys();
  // y = XNOR(x, 0) = ~x and z = XNOR(x, 1) = x: one inverter, no other cell.
  MLIRContext context;
  BinarizedNetwork net;
  BinaryLayer layer;
  layer.numInputs = 1;
  layer.numOutputs = 2;
  layer.weights = {-1, 1};
  net.layers.push_back(layer);
  OwningOpRef<ModuleOp> top = buildXnorPopcountNet(net, &context);
  ASSERT_TRUE(top);
  std::string text;
  llvm::raw_string_ostream os(text);
  ASSERT_TRUE(succeeded(exportVerilog(*top, os)));
  TempVerilog v(text);
  auto r = synthesizeCmos(v.path);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->cells, 1u);
  EXPECT_EQ(r->cellsByType["NOT"], 1u);
}

TEST(CmosSynthesis, MissingYosysIsAClearError) {
  TempVerilog v("module top(input a, output y); assign y = a; endmodule\n");
  CmosSynthesisOptions options;
  options.yosys = "axon-no-such-yosys";
  auto r = synthesizeCmos(v.path, options);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("yosys not found"),
            std::string::npos);
}

TEST(CmosSynthesis, MissingAbsoluteYosysIsAClearError) {
  TempVerilog v("module top(input a, output y); assign y = a; endmodule\n");
  CmosSynthesisOptions options;
  options.yosys = "/nonexistent/axon/yosys";
  auto r = synthesizeCmos(v.path, options);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("yosys not found"),
            std::string::npos);
}

TEST(CmosSynthesis, TimeoutIsAClearError) {
  // A stand-in for yosys that never finishes.
  TempVerilog v("module top(input a, output y); assign y = a; endmodule\n");
  std::string fake = (v.dir + "/slow-yosys").str();
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(fake, ec);
    ASSERT_FALSE(ec);
    os << "#!/bin/sh\nsleep 30\n";
  }
  ASSERT_FALSE(llvm::sys::fs::setPermissions(
      fake, llvm::sys::fs::all_read | llvm::sys::fs::all_exe |
                llvm::sys::fs::owner_write));
  CmosSynthesisOptions options;
  options.yosys = fake;
  options.timeoutSeconds = 1;
  auto r = synthesizeCmos(v.path, options);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("timed out after 1 s"),
            std::string::npos);
}

TEST(CmosSynthesis, BadVerilogIsAClearError) {
  requireYosys();
  TempVerilog v("module top(input a, output y); assign y = ; endmodule\n");
  auto r = synthesizeCmos(v.path);
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("yosys failed"),
            std::string::npos);
}

TEST(CmosSynthesis, MissingFileIsAClearError) {
  auto r = synthesizeCmos("/nonexistent/axon/design.v");
  ASSERT_FALSE(bool(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("no Verilog file"),
            std::string::npos);
}

} // namespace

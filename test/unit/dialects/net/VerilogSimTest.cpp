//===- VerilogSimTest.cpp - exported Verilog vs the interpreter -*- C++ -*-===//
//
// Differential test of the two independent semantics of a netlist: the C++
// interpreter (APInt) and iverilog simulating the exported Verilog.  Random
// seeded netlists exercise every op at random widths, threshold gates through
// the cell models, and registers with feedback; a testbench generated here
// applies random vectors and compares with the interpreter's outputs.  Also
// checks the export contract: prepare is idempotent, emission is read-only,
// deterministic, and refuses IR that was not prepared.
//
//===----------------------------------------------------------------------===//

#include "RandomNetlist.h"

#include "axon/Export/Verilog.h"
#include "dialects/net/Interpreter.h"
#include "dialects/net/NetDialect.h"
#include "dialects/tlg/TLGDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <random>

using namespace mlir;
using namespace axon;
using namespace axon::net;
using llvm::APInt;

namespace {

std::string literal(const APInt &v) {
  llvm::SmallString<24> digits;
  v.toStringUnsigned(digits, 10);
  return std::to_string(v.getBitWidth()) + "'d" + digits.str().str();
}

std::string declaration(StringRef kind, StringRef name, unsigned width) {
  std::string range =
      width > 1 ? "[" + std::to_string(width - 1) + ":0] " : std::string();
  return ("  " + kind + " " + range + name + ";\n").str();
}

/// Random input vectors, with `rst` (input 1 of a sequential module) set in
/// the first vector and rarely after.
std::vector<SmallVector<APInt>> makeVectors(NetModuleOp m, unsigned count,
                                            bool sequential, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<SmallVector<APInt>> vectors;
  for (unsigned i = 0; i < count; ++i) {
    SmallVector<APInt> v;
    for (Type t : m.getFunctionType().getInputs())
      v.push_back(APInt(64, rng()).trunc(t.getIntOrFloatBitWidth()));
    if (sequential) {
      v[0] = APInt(1, 0); // The clock is driven by the testbench.
      v[1] = APInt(1, i == 0 || rng() % 8 == 0);
    }
    vectors.push_back(v);
  }
  return vectors;
}

/// A self-checking testbench.  Sequential modules get a clock pulse after
/// each vector; their first vector is not checked (registers start as X).
std::string makeTestbench(NetModuleOp m,
                          const std::vector<SmallVector<APInt>> &vectors,
                          const std::vector<SmallVector<APInt>> &expected,
                          bool sequential) {
  std::string tb = "`timescale 1ns/1ps\nmodule tb;\n";
  FunctionType type = m.getFunctionType();
  std::string ports;
  for (unsigned i = 0; i < type.getNumInputs(); ++i) {
    tb += declaration("reg", m.getInputName(i),
                      type.getInput(i).getIntOrFloatBitWidth());
    ports += (i ? ", ." : ".") + m.getInputName(i).str() + "(" +
             m.getInputName(i).str() + ")";
  }
  for (unsigned i = 0; i < type.getNumResults(); ++i) {
    tb += declaration("wire", m.getOutputName(i),
                      type.getResult(i).getIntOrFloatBitWidth());
    ports +=
        ", ." + m.getOutputName(i).str() + "(" + m.getOutputName(i).str() + ")";
  }
  tb += "  " + m.getSymName().str() + " dut(" + ports + ");\n";
  tb += "  integer errors;\n  initial begin\n    errors = 0;\n";
  for (size_t v = 0; v < vectors.size(); ++v) {
    for (unsigned i = 0; i < type.getNumInputs(); ++i)
      tb += "    " + m.getInputName(i).str() + " = " + literal(vectors[v][i]) +
            ";\n";
    tb += "    #1;\n";
    for (unsigned o = 0; o < type.getNumResults() && !(sequential && v == 0);
         ++o) {
      std::string name = m.getOutputName(o).str();
      std::string want = literal(expected[v][o]);
      tb += "    if (" + name + " !== " + want +
            ") begin errors = errors + 1; $display(\"MISMATCH vector " +
            std::to_string(v) + ": " + name + " = %0d, expected " + want +
            "\", " + name + "); end\n";
    }
    if (sequential)
      tb += "    clk = 1'b1; #1; clk = 1'b0; #1;\n";
  }
  tb += "    $display(\"%0d mismatches\", errors);\n    $finish;\n  end\n"
        "endmodule\n";
  return tb;
}

bool writeFile(const llvm::Twine &path, StringRef text) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path.str(), ec);
  if (ec)
    return false;
  os << text;
  return true;
}

class VerilogSimTest : public ::testing::TestWithParam<unsigned> {
protected:
  VerilogSimTest() {
    context.loadDialect<NetDialect, tlg::TLGDialect>();
    top = ModuleOp::create(UnknownLoc::get(&context));
  }
  ~VerilogSimTest() override {
    if (!dir.empty())
      llvm::sys::fs::remove_directories(dir);
  }

  /// Simulates `m` (already in `top`) with iverilog on random vectors and
  /// compares every output with the interpreter.
  void simulateAgainstInterpreter(NetModuleOp m, bool sequential,
                                  unsigned seed);

  MLIRContext context;
  OwningOpRef<ModuleOp> top;
  llvm::SmallString<128> dir;
};

void VerilogSimTest::simulateAgainstInterpreter(NetModuleOp m, bool sequential,
                                                unsigned seed) {
  ASSERT_TRUE(succeeded(verify(*top)));
  std::string design;
  llvm::raw_string_ostream designStream(design);
  VerilogExportOptions options;
  options.emitCellModels = true;
  ASSERT_TRUE(succeeded(exportVerilog(*top, designStream, options)));

  FailureOr<Interpreter> interp = Interpreter::create(m);
  ASSERT_TRUE(succeeded(interp));
  auto vectors = makeVectors(m, 150, sequential, seed);
  std::vector<SmallVector<APInt>> expected;
  for (const auto &v : vectors) {
    auto out = sequential ? interp->step(v) : interp->evaluate(v);
    ASSERT_TRUE(succeeded(out));
    expected.push_back(*out);
  }

  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("axon-net-sim", dir));
  ASSERT_TRUE(writeFile(dir + "/design.v", design));
  ASSERT_TRUE(writeFile(dir + "/tb.v",
                        makeTestbench(m, vectors, expected, sequential)));
  std::string d = dir.str().str();
  std::string cmd = "iverilog -g2005 -o " + d + "/sim.vvp " + d + "/design.v " +
                    d + "/tb.v > " + d + "/out.txt 2>&1 && " + "vvp -n " + d +
                    "/sim.vvp >> " + d + "/out.txt 2>&1";
  int status = std::system(cmd.c_str());
  auto out = llvm::MemoryBuffer::getFile(d + "/out.txt");
  ASSERT_TRUE(bool(out));
  StringRef log = (*out)->getBuffer();
  EXPECT_EQ(status, 0) << log.str() << "\n" << design;
  EXPECT_TRUE(log.contains("\n0 mismatches") || log.starts_with("0 mismatches"))
      << log.str() << "\n"
      << design;
}

bool haveIverilog() {
  return bool(llvm::sys::findProgramByName("iverilog")) &&
         bool(llvm::sys::findProgramByName("vvp"));
}

TEST_P(VerilogSimTest, CombinationalNetlistMatchesInterpreter) {
  if (!haveIverilog())
    GTEST_SKIP() << "iverilog not installed";
  nettest::RandomNetlistOptions options;
  NetModuleOp m =
      nettest::buildRandomNetlist(*top, "rand_comb", GetParam(), options);
  simulateAgainstInterpreter(m, /*sequential=*/false, GetParam());
}

TEST_P(VerilogSimTest, SequentialNetlistMatchesInterpreter) {
  if (!haveIverilog())
    GTEST_SKIP() << "iverilog not installed";
  nettest::RandomNetlistOptions options;
  options.sequential = true;
  NetModuleOp m =
      nettest::buildRandomNetlist(*top, "rand_seq", 1000 + GetParam(), options);
  simulateAgainstInterpreter(m, /*sequential=*/true, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Seeds, VerilogSimTest, ::testing::Range(1u, 6u));

//===----------------------------------------------------------------------===//
// The prepare/emit contract
//===----------------------------------------------------------------------===//

std::string print(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  op->print(os);
  return text;
}

TEST(VerilogExportTest, PrepareIsIdempotentAndEmitIsReadOnly) {
  MLIRContext context;
  context.loadDialect<NetDialect, tlg::TLGDialect>();
  OwningOpRef<ModuleOp> top = ModuleOp::create(UnknownLoc::get(&context));
  nettest::RandomNetlistOptions options;
  options.sequential = true;
  nettest::buildRandomNetlist(*top, "m", 7, options);
  ASSERT_TRUE(succeeded(prepareForVerilog(*top)));
  std::string prepared = print(*top);
  ASSERT_TRUE(succeeded(prepareForVerilog(*top)));
  EXPECT_EQ(print(*top), prepared);

  std::string first, second;
  llvm::raw_string_ostream os1(first), os2(second);
  ASSERT_TRUE(succeeded(emitVerilog(*top, os1)));
  EXPECT_EQ(print(*top), prepared);
  ASSERT_TRUE(succeeded(emitVerilog(*top, os2)));
  EXPECT_EQ(first, second);
  EXPECT_NE(first.find("module m("), std::string::npos);
}

TEST(VerilogExportTest, EmitRefusesUnpreparedIR) {
  MLIRContext context;
  context.loadDialect<NetDialect, tlg::TLGDialect>();
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> top = parseSourceString<ModuleOp>(R"mlir(
    net.module @m(in %a : i4, out y : i4) {
      %0 = net.add %a, %a : i4
      net.output %0 : i4
    })mlir",
                                                          &context);
  ASSERT_TRUE(top);
  std::string text;
  llvm::raw_string_ostream os(text);
  EXPECT_TRUE(failed(emitVerilog(*top, os)));
  EXPECT_EQ(message,
            "has no Verilog name; run prepareForVerilog before emitVerilog");
  EXPECT_TRUE(text.empty());
}

} // namespace

//===- VerilogTest.cpp - Verilog emission checked by iverilog ---*- C++ -*-===//
//
// The emitted structural netlist, the behavioural cell models and an
// exhaustive testbench are simulated with iverilog; every printed vector
// must match the C++ evaluation of the netlist.  iverilog is part of the
// project's setup, so a missing simulator fails the test.  Verilator is used
// as a linter for the design files when it is installed.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Core/Verilog.h"
#include "targets/threshold/Core/BinarizedNetwork.h"
#include "targets/threshold/Core/Legalize.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <random>

using namespace axon::threshold;

namespace {

constexpr const char *kIverilog = "/usr/bin/iverilog";
constexpr const char *kVvp = "/usr/bin/vvp";
constexpr const char *kVerilator = "/usr/bin/verilator";

bool writeFile(const std::string &path, const std::string &text) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return false;
  os << text;
  return true;
}

/// A small legalized BNN: 7 inputs, 5 hidden, 3 outputs, 3-input cells with
/// weights up to 2, so the netlist has several cell sizes and negative
/// parameters.
Netlist smallNetlist() {
  std::mt19937 rng(9);
  std::uniform_int_distribution<int> ternary(-1, 1);
  BinarizedNetwork bnn;
  bnn.name = "bnn small";
  BinaryLayer l0{"fc0", 7, 5, {}, {}}, l1{"fc1", 5, 3, {}, {}};
  for (unsigned i = 0; i != 35; ++i)
    l0.weights.push_back(ternary(rng));
  for (unsigned i = 0; i != 15; ++i)
    l1.weights.push_back(i % 4 ? 1 : -1);
  bnn.layers = {l0, l1};
  llvm::Expected<Netlist> net = buildNetlist(bnn);
  EXPECT_TRUE(bool(net));
  CellLibrary lib;
  lib.maxFanIn = 3;
  lib.maxWeight = 2;
  llvm::Expected<Netlist> legal = legalize(*net, lib);
  EXPECT_TRUE(bool(legal));
  return *legal;
}

} // namespace

TEST(Verilog, IverilogMatchesTheCppEvaluation) {
  ASSERT_TRUE(llvm::sys::fs::can_execute(kIverilog))
      << "iverilog is required (scripts/setup installs it)";
  ASSERT_TRUE(llvm::sys::fs::can_execute(kVvp));
  Netlist net = smallNetlist();
  ASSERT_GT(net.gates.size(), 3u);

  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("axon-tlg", dir));
  std::string cells = (dir + "/cells.v").str(), top = (dir + "/top.v").str(),
              tb = (dir + "/tb.v").str(), vvp = (dir + "/sim.vvp").str(),
              out = (dir + "/out.txt").str();
  std::string text;
  llvm::raw_string_ostream os(text);
  writeCellModels(net, os);
  ASSERT_TRUE(writeFile(cells, text));
  text.clear();
  llvm::Error err = writeStructuralVerilog(net, os);
  ASSERT_FALSE(bool(err)) << llvm::toString(std::move(err));
  EXPECT_NE(text.find("module bnn_small ("), std::string::npos);
  EXPECT_NE(text.find("TLG_3 #(.W0("), std::string::npos);
  ASSERT_TRUE(writeFile(top, text));
  text.clear();
  err = writeExhaustiveTestbench(net, os);
  ASSERT_FALSE(bool(err)) << llvm::toString(std::move(err));
  ASSERT_TRUE(writeFile(tb, text));

  std::string compile = std::string(kIverilog) + " -g2005 -Wall -o " + vvp +
                        " " + cells + " " + top + " " + tb + " 2>&1";
  ASSERT_EQ(std::system(compile.c_str()), 0) << compile;
  std::string run = std::string(kVvp) + " -n " + vvp + " > " + out;
  ASSERT_EQ(std::system(run.c_str()), 0) << run;

  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buf =
      llvm::MemoryBuffer::getFile(out);
  ASSERT_TRUE(bool(buf));
  llvm::SmallVector<llvm::StringRef, 0> lines;
  (*buf)->getBuffer().split(lines, '\n', -1, false);
  unsigned n = net.numInputs(), m = net.outputs.size(), seen = 0;
  for (llvm::StringRef line : lines) {
    auto [in, outBits] = line.trim().split(' ');
    if (in.size() != n || outBits.size() != m)
      continue; // e.g. $finish chatter
    std::vector<uint8_t> vec(n);
    for (unsigned i = 0; i != n; ++i)
      vec[i] = in[n - 1 - i] == '1';
    std::vector<uint8_t> expected = net.evaluate(vec);
    for (unsigned o = 0; o != m; ++o)
      EXPECT_EQ(outBits[m - 1 - o] == '1', bool(expected[o]))
          << "vector " << in.str() << " output " << o;
    ++seen;
  }
  EXPECT_EQ(seen, 1u << n);

  if (llvm::sys::fs::can_execute(kVerilator)) {
    std::string lint = std::string(kVerilator) +
                       " --lint-only -Wall -Wno-DECLFILENAME -Wno-MULTITOP "
                       "--top-module " +
                       verilogModuleName(net) + " " + cells + " " + top +
                       " 2>&1";
    EXPECT_EQ(std::system(lint.c_str()), 0) << lint;
  }
  llvm::sys::fs::remove_directories(dir);
}

TEST(Verilog, CellModelText) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeCellModel(2, os);
  EXPECT_EQ(text, "// TLG_2: y = [W0*x0 + W1*x1 >= T]\n"
                  "module TLG_2 #(\n"
                  "    parameter integer W0 = 0,\n"
                  "    parameter integer W1 = 0,\n"
                  "    parameter integer T = 0\n"
                  ") (\n"
                  "    input wire x0,\n"
                  "    input wire x1,\n"
                  "    output wire y\n"
                  ");\n"
                  "  wire signed [31:0] sum = (x0 ? W0 : 0) + (x1 ? W1 : 0);\n"
                  "  assign y = (sum >= T);\n"
                  "endmodule\n\n");
}

TEST(Verilog, PortNamesAreLegalAndUnique) {
  Netlist net("module");
  net.addInput("in[0]");
  net.addInput("in_0_");
  net.addInput("wire");
  net.addInput("tlg_n3");
  net.addOutput("3out", 0);
  std::vector<std::string> names = verilogPortNames(net);
  EXPECT_EQ(names, (std::vector<std::string>{"in_0_", "in_0__1", "in_wire",
                                             "in_tlg_n3", "out_3out"}));
  EXPECT_EQ(verilogModuleName(net), "m_module");
}

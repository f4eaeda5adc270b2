//===- CompileTest.cpp - compileForSpinnaker end to end ---------*- C++ -*-===//
//
// The driver's entry point: files appear complete (and only them) on
// success, nothing is written on failure, and the files say what the IR
// says.  Expected placements are worked out by hand in comments.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Compile.h"
#include "targets/spinnaker/coremap.pb.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace axon::spinnaker;

namespace {

/// input (300) -> linear -> lif (300) -> linear -> lif (10).
const char *Network = R"mlir(
snn.network @n {
  %in = snn.input : tensor<300xi1> loc("in")
  %w = snn.linear %in {weight = dense<0.5> : tensor<300x300xf32>} : (tensor<300xi1>) -> tensor<300xf32> loc("w")
  %h = snn.lif %w {tau = dense<0.01> : tensor<300xf32>, r = dense<1.0> : tensor<300xf32>, v_leak = dense<0.0> : tensor<300xf32>, v_threshold = dense<1.0> : tensor<300xf32>, v_reset = dense<0.0> : tensor<300xf32>} : (tensor<300xf32>) -> tensor<300xi1> loc("hidden")
  %w2 = snn.linear %h {weight = dense<0.5> : tensor<10x300xf32>} : (tensor<300xi1>) -> tensor<10xf32> loc("w2")
  %o = snn.lif %w2 {tau = dense<0.01> : tensor<10xf32>, r = dense<1.0> : tensor<10xf32>, v_leak = dense<0.0> : tensor<10xf32>, v_threshold = dense<1.0> : tensor<10xf32>, v_reset = dense<0.0> : tensor<10xf32>} : (tensor<10xf32>) -> tensor<10xi1> loc("out")
}
)mlir";

struct CompileTest : public ::testing::Test {
  void SetUp() override {
    ctx.loadDialect<axon::snn::SNNDialect, axon::spinn::SpinnDialect>();
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("spinn-compile", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(StringRef name) {
    SmallString<256> p(dir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }
  std::vector<std::string> listDir() {
    std::vector<std::string> names;
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec))
      names.push_back(llvm::sys::path::filename(it->path()).str());
    std::sort(names.begin(), names.end());
    return names;
  }

  MLIRContext ctx;
  SmallString<256> dir;
};

} // namespace

TEST_F(CompileTest, WritesAllFilesAndNothingElse) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(Network, &ctx);
  ASSERT_TRUE(module);
  std::string summary;
  llvm::raw_string_ostream os(summary);
  SpinnakerOptions options;
  std::string out = path("out");
  ASSERT_TRUE(succeeded(compileForSpinnaker(*module, options, out, os)));
  dir = out; // list the output folder itself
  EXPECT_EQ(listDir(), (std::vector<std::string>{
                           "coremap.pb", "coremap.svg", "placements.json",
                           "routing_tables.json", "spinn.mlir", "summary.json",
                           "summary.txt"}));
  // in: 2 slices, hidden: 2 slices, out: 1 -> 5 cores.
  EXPECT_NE(summary.find("cores             5\n"), std::string::npos)
      << summary;
  EXPECT_NE(summary.find("time spinn-partition"), std::string::npos);

  // Placements in BFS order in -> hidden -> out on chip (0,0), cores 1..5.
  auto buffer = llvm::MemoryBuffer::getFile(path("placements.json"));
  ASSERT_TRUE(buffer);
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  ASSERT_TRUE(bool(json));
  const llvm::json::Array *placements = json->getAsArray();
  ASSERT_TRUE(placements);
  ASSERT_EQ(placements->size(), 5u);
  const char *labels[] = {"in_0", "in_1", "hidden_0", "hidden_1", "out_0"};
  for (int i = 0; i < 5; ++i) {
    const llvm::json::Object *o = (*placements)[i].getAsObject();
    ASSERT_TRUE(o);
    EXPECT_EQ(o->getString("vertex_label").value_or(""), labels[i]);
    EXPECT_EQ(o->getInteger("x").value_or(-1), 0);
    EXPECT_EQ(o->getInteger("p").value_or(-1), i + 1);
  }

  // The core map round-trips through protobuf with the same vertices.
  auto pb = llvm::MemoryBuffer::getFile(path("coremap.pb"));
  ASSERT_TRUE(pb);
  coremap::CoreMap map;
  ASSERT_TRUE(
      map.ParseFromArray((*pb)->getBufferStart(), (int)(*pb)->getBufferSize()));
  ASSERT_EQ(map.vertices_size(), 5);
  EXPECT_EQ(map.vertices(2).name(), "hidden_0");
  EXPECT_EQ(map.vertices(2).hi(), 256u);
  EXPECT_EQ(map.vertices(3).lo(), 256u);
  EXPECT_EQ(map.vertices(3).hi(), 300u);
  // Both hidden slices receive from both input slices.
  ASSERT_EQ(map.vertices(0).targets_size(), 2);
  EXPECT_EQ(map.tables_size(), 1);
}

TEST_F(CompileTest, FailureWritesNothing) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(Network, &ctx);
  ASSERT_TRUE(module);
  std::string diagnostics;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &d) {
    diagnostics += d.str();
    return success();
  });
  std::string summary;
  llvm::raw_string_ostream os(summary);
  SpinnakerOptions options;
  options.machine = "no-such-machine";
  std::string out = path("out");
  EXPECT_TRUE(failed(compileForSpinnaker(*module, options, out, os)));
  EXPECT_FALSE(llvm::sys::fs::exists(out));
  EXPECT_NE(diagnostics.find("unknown machine profile 'no-such-machine'"),
            std::string::npos)
      << diagnostics;
}

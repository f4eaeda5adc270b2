//===- ConnectionsTest.cpp - Fast synapse enumeration -----------*- C++ -*-===//
//
// forEachConnection / countConnections read dense f32 weights in place (a
// chunked scan) instead of going through SynapticOpInterface.  The generic
// interface is the oracle: same connections, same order, same count, for
// random sparse matrices (row lengths not multiples of the 16-wide chunk,
// -0.0 and negative weights), splats, and inputs with leading dimensions.  And
// the parallel partition gives byte-identical outputs with and without
// threads.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Compile.h"
#include "targets/spinnaker/NetworkGraph.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

/// A network with one linear op `w` of the given weight attribute text and
/// input shape.
std::string linearNetwork(const std::string &weight, const std::string &in,
                          const std::string &out) {
  return "snn.network @n {\n  %in = snn.input : tensor<" + in +
         "xi1>\n  %w = snn.linear %in {weight = " + weight + "} : (tensor<" +
         in + "xi1>) -> tensor<" + out + "xf32> loc(\"w\")\n}\n";
}

/// Dense weight text [out x in] with the given values.
std::string denseText(const std::vector<float> &v, int64_t out, int64_t in) {
  std::string s = "dense<[";
  for (int64_t j = 0; j < out; ++j) {
    s += j ? ", [" : "[";
    for (int64_t k = 0; k < in; ++k) {
      float x = v[j * in + k];
      std::string t;
      if (x == 0 && std::signbit(x))
        t = "-0.0";
      else
        t = std::to_string(x);
      s += (k ? ", " : "") + t;
    }
    s += "]";
  }
  return s + "]> : tensor<" + std::to_string(out) + "x" + std::to_string(in) +
         "xf32>";
}

/// Parameters of a LIF population of n neurons.
std::string lifAttrs(int n) {
  std::string t = "tensor<" + std::to_string(n) + "xf32>";
  return "{tau = dense<0.02> : " + t + ", r = dense<1.0> : " + t +
         ", v_leak = dense<0.0> : " + t + ", v_threshold = dense<1.0> : " + t +
         ", v_reset = dense<0.0> : " + t + "}";
}

struct Connections {
  std::vector<std::pair<int64_t, int64_t>> fast, generic;
  int64_t count = 0;
};

Connections enumerate(MLIRContext &ctx, const std::string &text) {
  Connections c;
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &ctx);
  EXPECT_TRUE(module);
  if (!module)
    return c;
  Operation *w = nullptr;
  module->walk([&](snn::LinearOp op) { w = op; });
  int64_t posts = cast<ShapedType>(w->getResult(0).getType()).getNumElements();
  forEachConnection(w, posts,
                    [&](int64_t p, int64_t q) { c.fast.push_back({p, q}); });
  cast<snn::SynapticOpInterface>(w).forEachSynapse(
      [&](int64_t p, int64_t q, double) { c.generic.push_back({p, q}); });
  c.count = countConnections(w, posts);
  return c;
}

struct ConnectionsTest : public ::testing::Test {
  void SetUp() override {
    ctx.loadDialect<snn::SNNDialect, spinn::SpinnDialect>();
  }
  MLIRContext ctx;
};

} // namespace

TEST_F(ConnectionsTest, RandomSparseMatchesTheInterface) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    int64_t out = 1 + rng() % 23, in = 1 + rng() % 53;
    std::vector<float> v((size_t)(out * in), 0.0f);
    for (float &x : v) {
      unsigned r = rng() % 100;
      if (r < 8)
        x = 0.25f * (1 + rng() % 7);
      else if (r < 10)
        x = -0.0f; // zero: no connection
      else if (r == 10)
        x = -1.5f;
    }
    Connections c =
        enumerate(ctx, linearNetwork(denseText(v, out, in), std::to_string(in),
                                     std::to_string(out)));
    EXPECT_EQ(c.fast, c.generic) << "trial " << trial;
    EXPECT_EQ(c.count, (int64_t)c.generic.size()) << "trial " << trial;
  }
}

TEST_F(ConnectionsTest, SplatsAndLeadingDimensions) {
  // Splat non-zero: all 5 x 40 pairs; splat zero: none.
  Connections all =
      enumerate(ctx, linearNetwork("dense<0.5> : tensor<5x40xf32>", "40", "5"));
  EXPECT_EQ(all.fast, all.generic);
  EXPECT_EQ(all.count, 200);
  Connections none =
      enumerate(ctx, linearNetwork("dense<0.0> : tensor<5x40xf32>", "40", "5"));
  EXPECT_TRUE(none.fast.empty());
  EXPECT_EQ(none.count, 0);
  // W [3 x 2] applied at 4 leading positions of a 4x2 input: block diagonal.
  std::string text = "snn.network @n {\n  %in = snn.input : tensor<4x2xi1>\n"
                     "  %w = snn.linear %in {weight = dense<[[1.0, 0.0], "
                     "[0.0, 2.0], [3.0, 4.0]]> : tensor<3x2xf32>} : "
                     "(tensor<4x2xi1>) -> tensor<4x3xf32>\n}\n";
  Connections blocks = enumerate(ctx, text);
  EXPECT_EQ(blocks.fast, blocks.generic);
  EXPECT_EQ(blocks.count, 16); // 4 non-zeros x 4 positions
}

TEST_F(ConnectionsTest, ThreadsDoNotChangeTheOutputs) {
  // 3 populations, 40 vertices at 16 per core, random sparse projections.
  std::mt19937 rng(3);
  std::vector<float> v1(200 * 300, 0.0f), v2(250 * 200, 0.0f);
  for (float &x : v1)
    x = rng() % 10 == 0 ? 0.5f : 0.0f;
  for (float &x : v2)
    x = rng() % 20 == 0 ? 0.25f : 0.0f;
  std::string lif = lifAttrs(200), lif2 = lifAttrs(250);
  std::string text =
      "snn.network @n {\n  %in = snn.input : tensor<300xi1> loc(\"in\")\n"
      "  %w1 = snn.linear %in {weight = " +
      denseText(v1, 200, 300) +
      "} : (tensor<300xi1>) -> tensor<200xf32> loc(\"w1\")\n"
      "  %a = snn.lif %w1 " +
      lif +
      " : (tensor<200xf32>) -> tensor<200xi1> loc(\"a\")\n"
      "  %w2 = snn.linear %a {weight = " +
      denseText(v2, 250, 200) +
      "} : (tensor<200xi1>) -> tensor<250xf32> loc(\"w2\")\n"
      "  %b = snn.lif %w2 " +
      lif2 + " : (tensor<250xf32>) -> tensor<250xi1> loc(\"b\")\n}\n";

  SmallString<256> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("spinn-threads", dir));
  std::string files[2];
  for (int threaded = 0; threaded < 2; ++threaded) {
    MLIRContext c;
    c.loadDialect<snn::SNNDialect, spinn::SpinnDialect>();
    c.enableMultithreading(threaded == 1);
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &c);
    ASSERT_TRUE(module);
    SpinnakerOptions options;
    options.neuronsPerCore = 16;
    std::string summary;
    llvm::raw_string_ostream os(summary);
    SmallString<256> out(dir);
    llvm::sys::path::append(out, threaded ? "mt" : "st");
    ASSERT_TRUE(succeeded(compileForSpinnaker(*module, options, out, os)));
    for (const char *name : {"placements.json", "routing_tables.json",
                             "coremap.pb", "coremap.svg"}) {
      SmallString<256> p(out);
      llvm::sys::path::append(p, name);
      auto buffer = llvm::MemoryBuffer::getFile(p);
      ASSERT_TRUE(buffer);
      files[threaded] += (*buffer)->getBuffer().str();
    }
  }
  llvm::sys::fs::remove_directories(dir);
  EXPECT_FALSE(files[0].empty());
  EXPECT_EQ(files[0], files[1]);
}

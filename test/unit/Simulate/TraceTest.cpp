//===- TraceTest.cpp - CSV traces, probe CSV, verifier ----------*- C++ -*-===//
//
// File formats and messages are user-facing: the tests pin exact text.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Trace.h"
#include "SimTestUtil.h"

#include "llvm/Support/raw_ostream.h"

using namespace axon::sim;
using namespace axon::sim::test;

TEST(Trace, DenseWithHeaderAndComments) {
  std::vector<std::string> header;
  auto t = parseDenseCSV("a, b\n# comment\n1, 2\n\n3,4.5\n", "x.csv", &header);
  ASSERT_TRUE(bool(t));
  EXPECT_EQ(header, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(t->rows, (std::vector<std::vector<double>>{{1, 2}, {3, 4.5}}));
  EXPECT_FALSE(t->isEvents);
  auto col = selectColumns(*t, {1});
  ASSERT_TRUE(bool(col));
  EXPECT_EQ(col->rows, (std::vector<std::vector<double>>{{2}, {4.5}}));
}

TEST(Trace, DenseErrorsNameFileAndLine) {
  EXPECT_EQ(errorOf(parseDenseCSV("1,2\n3,x\n", "in.csv")),
            "in.csv:2: expected numbers separated by commas");
  EXPECT_EQ(errorOf(parseDenseCSV("1,2\n\n3\n", "in.csv")),
            "in.csv:3: 1 columns, expected 2");
  std::string missing = errorOf(readDenseCSV("/nonexistent/trace.csv"));
  EXPECT_NE(missing.find("cannot read '/nonexistent/trace.csv'"),
            std::string::npos);
}

TEST(Trace, Events) {
  auto t = parseEventCSV("step,index\n2,5\n0,1\n2,3\n", "ev.csv");
  ASSERT_TRUE(bool(t));
  EXPECT_TRUE(t->isEvents);
  EXPECT_EQ(t->events, (std::vector<std::vector<uint32_t>>{{1}, {}, {3, 5}}));
  EXPECT_EQ(errorOf(parseEventCSV("0,1\n1,-2\n", "ev.csv")),
            "ev.csv:2: expected 'step,index' (two non-negative integers)");
  EXPECT_EQ(errorOf(parseEventCSV("0,1\n1,9\n", "ev.csv", 4)),
            "ev.csv:2: index 9 out of range");
}

TEST(Trace, RunWithEventsAndWriteProbeCSV) {
  // in(2) -> I(r = 1000): v += input each step.
  Network net;
  NodeId in = net.addInput("in", {2});
  NodeId acc = net.addNode(NodeKind::Integrator, "acc", {{"r", 1000.0}});
  NodeId out = net.addOutput("sum");
  NodeId am = net.addNode(NodeKind::ArgMax, "am");
  net.connect(in, acc);
  net.connect(acc, out);
  net.connect(acc, am);
  EngineOptions o;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->addProbe("acc.v"));
  ASSERT_FALSE(e->addProbe("am"));
  auto trace = parseEventCSV("0,1\n0,1\n2,0\n", "ev.csv", 2);
  ASSERT_TRUE(bool(trace));
  // Step 0: index 1 twice -> +2; step 2: index 0 -> +1; step 3: none.
  ASSERT_FALSE(e->run("in", *trace, 4));
  std::string csv;
  llvm::raw_string_ostream os(csv);
  e->getRecorder().writeCSV(os);
  EXPECT_EQ(os.str(), "acc.v[0],acc.v[1],am.out\n"
                      "0,2,1\n"
                      "0,2,1\n"
                      "1,2,1\n"
                      "1,2,1\n");
  EXPECT_EQ(read(*e, "sum"), (std::vector<double>{1, 2}));
}

TEST(Network, FinalizeInfersShapesThroughCycles) {
  // The recurrent Linear learns its input shape from the LIF (which learns
  // it from the Affine's weight).
  Network net;
  NodeId in = net.addInput("in", {3});
  NodeId aff = net.addAffine("aff", 4, 3, std::vector<double>(12, 0.1), {0});
  NodeId lif =
      net.addNode(NodeKind::LIF, "lif", {{"tau", 0.02}, {"v_threshold", 1.0}});
  NodeId rec =
      net.addNode(NodeKind::Linear, "rec",
                  {{"weight", Tensor({4, 4}, std::vector<double>(16, 0))}});
  NodeId flat = net.addNode(NodeKind::Flatten, "flat");
  net.connect(in, aff);
  net.connect(aff, lif);
  net.connect(rec, lif);
  net.connect(lif, rec);
  net.connect(lif, flat);
  ASSERT_FALSE(net.finalize());
  EXPECT_EQ(net.node(lif).outputShape, (std::vector<int64_t>{4}));
  EXPECT_EQ(net.node(rec).inputShape, (std::vector<int64_t>{4}));
  EXPECT_EQ(net.node(flat).outputShape, (std::vector<int64_t>{4}));
}

TEST(Network, VerifierMessages) {
  auto finalizeError = [](Network net) { return errorOf(net.finalize()); };
  {
    Network net;
    net.addNode(NodeKind::LIF, "lif",
                {{"tau", Tensor(std::vector<double>{0.02, -0.5})},
                 {"v_threshold", 1.0}});
    EXPECT_EQ(finalizeError(net), "node 'lif' (LIF): 'tau' must be positive "
                                  "and finite, got -0.5 at index 1");
  }
  {
    Network net;
    net.addNode(NodeKind::LIF, "lif", {{"tau", 0.02}});
    EXPECT_EQ(finalizeError(net), "node 'lif' (LIF): missing 'v_threshold'");
  }
  {
    Network net;
    NodeId in = net.addInput("in", {3});
    NodeId aff = net.addAffine("aff", 2, 4, std::vector<double>(8, 1), {0});
    net.connect(in, aff);
    EXPECT_EQ(finalizeError(net), "node 'aff' (Affine): input 'in' has 3 "
                                  "elements, expected 4");
  }
  {
    Network net;
    net.addInput("x", {1});
    net.addInput("x", {1});
    EXPECT_EQ(finalizeError(net), "node 'x' (Input): duplicate node name");
  }
  {
    Network net;
    NodeId in = net.addInput("in", {2});
    NodeId lif = net.addNode(
        NodeKind::LIF, "lif",
        {{"tau", Tensor(std::vector<double>{1, 1, 1})}, {"v_threshold", 1.0}});
    net.connect(in, lif);
    EXPECT_EQ(finalizeError(net), "node 'lif' (LIF): 'tau' has 3 values, "
                                  "expected 1 or 2");
  }
  {
    Network net;
    NodeId in = net.addInput("in", {1, 3, 3});
    NodeId conv = net.addNode(
        NodeKind::Conv2d, "conv",
        {{"weight", Tensor({1, 1, 5, 5}, std::vector<double>(25, 1))}});
    net.connect(in, conv);
    EXPECT_EQ(finalizeError(net), "node 'conv' (Conv2d): kernel 5x5 larger "
                                  "than padded input 3x3");
  }
  EXPECT_EQ(parseKind("I"), NodeKind::Integrator);
  EXPECT_EQ(parseKind("CubaLIF"), NodeKind::CubaLIF);
  EXPECT_EQ(kindName(NodeKind::Integrator), "I");
  EXPECT_EQ(parseProfile("spinnaker"), Profile::Spinnaker);
  EXPECT_EQ(profileName(Profile::FloatEuler), "float-euler");
}

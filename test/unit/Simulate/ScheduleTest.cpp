//===- ScheduleTest.cpp - Evaluation order, recurrent edges -----*- C++ -*-===//
//
// The schedule rule (Schedule.h) decides which edges of a cycle read the
// previous step; these cases pin it on graphs small enough to check by eye,
// then check the consequence on simulated values.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Schedule.h"
#include "SimTestUtil.h"

using namespace axon::sim;
using namespace axon::sim::test;

TEST(Schedule, ChainFollowsEdgesNotIds) {
  // Ids in reverse: out(0) <- b(1) <- a(2) <- in(3).
  Network net;
  NodeId out = net.addOutput("out");
  NodeId b = net.addNode(NodeKind::ReLU, "b");
  NodeId a = net.addNode(NodeKind::ReLU, "a");
  NodeId in = net.addInput("in", {2});
  net.connect(b, out);
  net.connect(a, b);
  net.connect(in, a);
  Schedule s = computeSchedule(net);
  EXPECT_EQ(s.order, (std::vector<NodeId>{in, a, b, out}));
  for (NodeId v = 0; v < 4; ++v)
    for (uint8_t back : s.backEdge[v])
      EXPECT_FALSE(back);
}

TEST(Schedule, IndependentBranchesBySmallestId) {
  // Two sources; SCCs ready together go by smallest id.
  Network net;
  NodeId x = net.addInput("x", {1});             // 0
  NodeId y = net.addInput("y", {1});             // 1
  NodeId fy = net.addNode(NodeKind::ReLU, "fy"); // 2
  NodeId fx = net.addNode(NodeKind::ReLU, "fx"); // 3
  net.connect(y, fy);
  net.connect(x, fx);
  Schedule s = computeSchedule(net);
  // Ready {x, y}: x; then ready {y, fx}: y (id 1); then fy (2), fx (3).
  EXPECT_EQ(s.order, (std::vector<NodeId>{x, y, fy, fx}));
}

TEST(Schedule, RecurrentProjectionIsTheBackEdge) {
  // in(0) -> lif(1) -> rec(2) -> lif: the cycle {lif, rec} is entered at lif;
  // DFS order lif, rec; rec -> lif is the back edge.
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId lif =
      net.addNode(NodeKind::LIF, "lif", {{"tau", 0.01}, {"v_threshold", 1.0}});
  NodeId rec = net.addAffine("rec", 1, 1, {0.5}, {0.0});
  net.connect(in, lif);
  net.connect(rec, lif);
  net.connect(lif, rec);
  Schedule s = computeSchedule(net);
  EXPECT_EQ(s.order, (std::vector<NodeId>{in, lif, rec}));
  EXPECT_EQ(s.backEdge[lif], (std::vector<uint8_t>{0, 1})); // in, rec
  EXPECT_EQ(s.backEdge[rec], (std::vector<uint8_t>{0}));
  EXPECT_EQ(s.scc[lif], s.scc[rec]);
  EXPECT_NE(s.scc[in], s.scc[lif]);
}

TEST(Schedule, EntryIsTheNodeFedFromOutsideNotTheSmallestId) {
  // rec gets the smaller id, but lif is where the cycle is entered.
  Network net;
  NodeId in = net.addInput("in", {1});                   // 0
  NodeId rec = net.addAffine("rec", 1, 1, {0.5}, {0.0}); // 1
  NodeId lif = net.addNode(NodeKind::LIF, "lif",
                           {{"tau", 0.01}, {"v_threshold", 1.0}}); // 2
  net.connect(lif, rec);
  net.connect(in, lif);
  net.connect(rec, lif);
  Schedule s = computeSchedule(net);
  EXPECT_EQ(s.order, (std::vector<NodeId>{in, lif, rec}));
  EXPECT_EQ(s.backEdge[lif], (std::vector<uint8_t>{0, 1}));
}

TEST(Schedule, ClosedCycleStartsAtSmallestIdAndSelfLoopIsBack) {
  Network net;
  NodeId a = net.addNode(NodeKind::ReLU, "a");
  NodeId b = net.addNode(NodeKind::ReLU, "b");
  NodeId c = net.addNode(NodeKind::ReLU, "c");
  net.connect(c, a); // a <- c
  net.connect(a, b); // b <- a
  net.connect(b, c); // c <- b
  net.connect(b, b); // self loop
  Schedule s = computeSchedule(net);
  EXPECT_EQ(s.order, (std::vector<NodeId>{a, b, c}));
  EXPECT_EQ(s.backEdge[a], (std::vector<uint8_t>{1}));    // c -> a
  EXPECT_EQ(s.backEdge[b], (std::vector<uint8_t>{0, 1})); // a -> b, b -> b
  EXPECT_EQ(s.backEdge[c], (std::vector<uint8_t>{0}));
}

TEST(Schedule, RecurrentSelfLoopReadsPreviousStep) {
  // in -> acc (Integrator, r = 1000: v += I), acc -> scale(0.5) -> acc.
  // The scale -> acc edge is the back edge, so acc at step t sees
  // 0.5 * v(t - 1):
  //   t0: v = 0 + 1 (input)              = 1
  //   t1: v = 1 + 0.5 * 1                = 1.5
  //   t2: v = 1.5 + 0.5 * 1.5            = 2.25
  // A direct self loop on acc2 behaves the same with gain 1: 1, 2, 4.
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId acc = net.addNode(NodeKind::Integrator, "acc", {{"r", 1000.0}});
  NodeId half = net.addNode(NodeKind::Scale, "half", {{"scale", 0.5}});
  NodeId acc2 = net.addNode(NodeKind::Integrator, "acc2", {{"r", 1000.0}});
  net.connect(in, acc);
  net.connect(half, acc);
  net.connect(acc, half);
  net.connect(in, acc2);
  net.connect(acc2, acc2);
  EngineOptions o;
  o.dt = 1e-3;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->addProbe("acc.v"));
  ASSERT_FALSE(e->addProbe("acc2.v"));
  ASSERT_FALSE(e->addProbe("half"));
  feed(*e, "in", {1.0});
  for (int t = 0; t < 3; ++t)
    e->step();
  const ProbeRecorder &r = e->getRecorder();
  std::vector<double> v = *r.column("acc.v"), v2 = *r.column("acc2.v"),
                      h = *r.column("half.out");
  EXPECT_EQ(v, (std::vector<double>{1.0, 1.5, 2.25}));
  EXPECT_EQ(v2, (std::vector<double>{1.0, 2.0, 4.0}));
  // half is evaluated after acc in the same step: it shows 0.5 * v(t).
  EXPECT_EQ(h, (std::vector<double>{0.5, 0.75, 1.125}));
}

TEST(Schedule, MinimumSynapticDelayDoesNotStackOnBackEdges) {
  // With min delay 1 the recurrent spike edge still takes exactly one step.
  // in -> IF(r = 1000, th = 0.5) -> rec(w = 0.6) -> IF: input 1 at t0 makes
  // it spike when the input arrives (t1); the recurrent 0.6 arrives at t2
  // and crosses again (0.6 > 0.5), and so on every step.
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId ifn =
      net.addNode(NodeKind::IF, "if", {{"r", 1000.0}, {"v_threshold", 0.5}});
  NodeId rec = net.addAffine("rec", 1, 1, {0.6}, {0.0});
  net.connect(in, ifn);
  net.connect(rec, ifn);
  net.connect(ifn, rec);
  EngineOptions o;
  o.dt = 1e-3;
  o.profile = Profile::FloatEuler;
  o.minSynapticDelaySteps = 1;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  ASSERT_FALSE(e->addProbe("if.spikes"));
  feed(*e, "in", {1.0});
  for (int t = 0; t < 4; ++t)
    e->step();
  EXPECT_EQ(*e->getRecorder().column("if.spikes"),
            (std::vector<double>{0, 1, 1, 1}));
}

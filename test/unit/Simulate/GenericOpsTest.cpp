//===- GenericOpsTest.cpp - Delay, conv/pool geometry, ANN ops --*- C++ -*-===//
//
// Convolutions and pools are checked against a naive nested-loop oracle
// written here from the PyTorch/NIR definition; the integer and binary
// profiles against hand-evaluated MLPs.
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

#include <cmath>

using namespace axon::sim;
using namespace axon::sim::test;

TEST(GenericOps, DelayRingBuffer) {
  // delay = [0, 2 ms, 3.1 ms] at dt = 1 ms -> [0, 2, 3] steps (rounded).
  // Input x(t) = t + 1 everywhere, so y_i(t) = t + 1 - d_i once t >= d_i.
  Network net;
  NodeId in = net.addInput("in", {3});
  NodeId d =
      net.addNode(NodeKind::Delay, "d",
                  {{"delay", Tensor(std::vector<double>{0, 2e-3, 3.1e-3})}});
  net.connect(in, d);
  EngineOptions o;
  o.dt = 1e-3;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  for (int t = 0; t < 7; ++t) { // 7 > ring depth 4: wraps twice
    double x = t + 1;
    feed(*e, "in", {x, x, x});
    e->step();
    std::vector<double> y = read(*e, "d");
    EXPECT_EQ(y[0], t + 1.0) << "t=" << t;
    EXPECT_EQ(y[1], t >= 2 ? t - 1.0 : 0.0) << "t=" << t;
    EXPECT_EQ(y[2], t >= 3 ? t - 2.0 : 0.0) << "t=" << t;
  }
}

namespace {

struct ConvCase {
  int64_t cin, cout, groups, h, w, kh, kw, sh, sw, ph, pw, dh, dw;
};

/// Naive grouped convolution, straight from the definition.
std::vector<double> naiveConv(const ConvCase &c, const std::vector<double> &x,
                              const std::vector<double> &wt,
                              const std::vector<double> &bias, int64_t oh,
                              int64_t ow) {
  std::vector<double> y(c.cout * oh * ow);
  int64_t cinG = c.cin / c.groups, coutG = c.cout / c.groups;
  for (int64_t o = 0; o < c.cout; ++o)
    for (int64_t i = 0; i < oh; ++i)
      for (int64_t j = 0; j < ow; ++j) {
        double s = bias[o];
        for (int64_t ci = 0; ci < cinG; ++ci)
          for (int64_t a = 0; a < c.kh; ++a)
            for (int64_t b = 0; b < c.kw; ++b) {
              int64_t r = i * c.sh - c.ph + a * c.dh;
              int64_t q = j * c.sw - c.pw + b * c.dw;
              if (r < 0 || r >= c.h || q < 0 || q >= c.w)
                continue;
              int64_t cIn = (o / coutG) * cinG + ci;
              s += wt[((o * cinG + ci) * c.kh + a) * c.kw + b] *
                   x[(cIn * c.h + r) * c.w + q];
            }
        y[(o * oh + i) * ow + j] = s;
      }
  return y;
}

} // namespace

TEST(GenericOps, Conv2dMatchesNaiveOracle) {
  ConvCase cases[] = {
      // cin cout g  h  w kh kw sh sw ph pw dh dw
      {4, 6, 2, 7, 6, 3, 2, 2, 1, 1, 0, 1, 2},
      {3, 2, 1, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1},
      {2, 4, 2, 1, 9, 1, 3, 1, 2, 0, 2, 1, 1}, // a Conv1d-shaped case
  };
  SplitMix rng(7);
  for (const ConvCase &c : cases) {
    // Output size = floor((in + 2p - d(k - 1) - 1) / s) + 1.
    int64_t oh = (c.h + 2 * c.ph - c.dh * (c.kh - 1) - 1) / c.sh + 1;
    int64_t ow = (c.w + 2 * c.pw - c.dw * (c.kw - 1) - 1) / c.sw + 1;
    std::vector<double> x(c.cin * c.h * c.w),
        wt(c.cout * (c.cin / c.groups) * c.kh * c.kw), bias(c.cout);
    // Small integers so that the integer profile must match exactly too.
    for (double &v : x)
      v = double(int(rng.next() % 9) - 4);
    for (double &v : wt)
      v = double(int(rng.next() % 7) - 3);
    for (double &v : bias)
      v = double(int(rng.next() % 5) - 2);
    std::vector<double> expect = naiveConv(c, x, wt, bias, oh, ow);
    for (Profile p : {Profile::FloatExact, Profile::Integer}) {
      Network net;
      NodeId in = net.addInput("in", {c.cin, c.h, c.w});
      NodeId conv = net.addNode(
          NodeKind::Conv2d, "conv",
          {{"weight", Tensor({c.cout, c.cin / c.groups, c.kh, c.kw}, wt)},
           {"bias", Tensor(bias)},
           {"stride", Tensor(std::vector<double>{double(c.sh), double(c.sw)})},
           {"padding", Tensor(std::vector<double>{double(c.ph), double(c.pw)})},
           {"dilation",
            Tensor(std::vector<double>{double(c.dh), double(c.dw)})},
           {"groups", double(c.groups)}});
      net.connect(in, conv);
      EngineOptions o;
      o.profile = p;
      auto e = makeEngine(net, o);
      ASSERT_TRUE(e);
      EXPECT_EQ(net.node(conv).outputShape,
                (std::vector<int64_t>{c.cout, oh, ow}));
      feed(*e, "in", x);
      e->step();
      EXPECT_EQ(read(*e, "conv"), expect) << profileName(p).str();
    }
  }
}

TEST(GenericOps, Conv1dShapes) {
  // [2, 10] input, k = 3, stride 2, padding 1: (10 + 2 - 2 - 1) / 2 + 1 = 5.
  Network net;
  NodeId in = net.addInput("in", {2, 10});
  NodeId conv =
      net.addNode(NodeKind::Conv1d, "conv",
                  {{"weight", Tensor({3, 2, 3}, std::vector<double>(18, 1.0))},
                   {"stride", 2.0},
                   {"padding", 1.0}});
  net.connect(in, conv);
  ASSERT_FALSE(net.finalize());
  EXPECT_EQ(net.node(conv).outputShape, (std::vector<int64_t>{3, 5}));
  EngineOptions o;
  auto e = Engine::create(net, o);
  ASSERT_TRUE(bool(e));
  feed(**e, "in", std::vector<double>(20, 1.0));
  (*e)->step();
  // Output 0 sees padding on the left: 2 channels x 2 taps = 4; the others
  // see 2 x 3 = 6; the last one (centre 8, taps 7..9) 6 as well.
  std::vector<double> y = read(**e, "conv");
  EXPECT_EQ(y[0], 4.0);
  EXPECT_EQ(y[1], 6.0);
  EXPECT_EQ(y[4], 6.0);
}

TEST(GenericOps, PoolingMatchesNaiveOracle) {
  // [2, 5, 5], kernel 2 x 2, stride 2 (NIR default = kernel), padding 1:
  // out = (5 + 2 - 2) / 2 + 1 = 3 per dimension.  Average divides by 4
  // always (padding counts).
  std::vector<double> x(50);
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = double(i % 7) - 2.0;
  for (NodeKind kind : {NodeKind::SumPool2d, NodeKind::AvgPool2d}) {
    Network net;
    NodeId in = net.addInput("in", {2, 5, 5});
    NodeId pool =
        net.addNode(kind, "pool", {{"kernel_size", 2.0}, {"padding", 1.0}});
    net.connect(in, pool);
    EngineOptions o;
    auto e = makeEngine(net, o);
    ASSERT_TRUE(e);
    EXPECT_EQ(net.node(pool).outputShape, (std::vector<int64_t>{2, 3, 3}));
    feed(*e, "in", x);
    e->step();
    std::vector<double> y = read(*e, "pool");
    for (int c = 0; c < 2; ++c)
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
          double s = 0;
          for (int a = 0; a < 2; ++a)
            for (int b = 0; b < 2; ++b) {
              int r = 2 * i - 1 + a, q = 2 * j - 1 + b;
              if (r >= 0 && r < 5 && q >= 0 && q < 5)
                s += x[(c * 5 + r) * 5 + q];
            }
          if (kind == NodeKind::AvgPool2d)
            s /= 4;
          EXPECT_EQ(y[(c * 3 + i) * 3 + j], s);
        }
  }
}

TEST(GenericOps, IntegerMLPAndArgMaxTies) {
  // x = [1, 2]; h = ReLU(W1 x + b1) with W1 = [[1,-1],[2,0],[-3,1]],
  // b1 = [0,1,0]: [1-2, 2+1, -3+2] = [-1, 3, -1] -> [0, 3, 0].
  // y = W2 h with W2 = [[1,0,0],[0,1,0],[0,1,0]] = [0, 3, 3]: argmax ties
  // between 1 and 2 -> lowest index 1.
  Network net;
  NodeId in = net.addInput("in", {2});
  NodeId l1 = net.addAffine("l1", 3, 2, {1, -1, 2, 0, -3, 1}, {0, 1, 0});
  NodeId relu = net.addNode(NodeKind::ReLU, "relu");
  NodeId l2 = net.addAffine("l2", 3, 3, {1, 0, 0, 0, 1, 0, 0, 1, 0}, {0});
  NodeId am = net.addNode(NodeKind::ArgMax, "argmax");
  net.connect(in, l1);
  net.connect(l1, relu);
  net.connect(relu, l2);
  net.connect(l2, am);
  EngineOptions o;
  o.profile = Profile::Integer;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  feed(*e, "in", {1, 2});
  e->step();
  EXPECT_EQ(read(*e, "relu"), (std::vector<double>{0, 3, 0}));
  EXPECT_EQ(read(*e, "l2"), (std::vector<double>{0, 3, 3}));
  EXPECT_EQ(read(*e, "argmax"), (std::vector<double>{1}));
  // x = [-1, 0]: h = ReLU([-1, -1, 3]) = [0, 0, 3]; y = [0, 0, 0]: all
  // equal -> index 0.
  feed(*e, "in", {-1, 0});
  e->step();
  EXPECT_EQ(read(*e, "argmax"), (std::vector<double>{0}));
  // Integer inputs only.
  EXPECT_NE(errorOf(e->setInput("in", {0.5, 1})).find("not representable"),
            std::string::npos);
}

TEST(GenericOps, IntegerProfileRejectsFractionalWeights) {
  Network net;
  NodeId in = net.addInput("in", {1});
  NodeId l1 = net.addAffine("l1", 1, 1, {0.5}, {0});
  net.connect(in, l1);
  ASSERT_FALSE(net.finalize());
  EngineOptions o;
  o.profile = Profile::Integer;
  EXPECT_EQ(errorOf(Engine::create(net, o)),
            "profile 'integer': node 'l1' (Affine): parameter 0.5 is not an "
            "integer");
}

TEST(GenericOps, SignOfZeroIsPlusOne) {
  // Integer profile: sign([-2, 0, 5]) = [-1, +1, +1].
  Network net;
  NodeId in = net.addInput("in", {3});
  NodeId sg = net.addNode(NodeKind::Sign, "sign");
  net.connect(in, sg);
  EngineOptions o;
  o.profile = Profile::Integer;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  feed(*e, "in", {-2, 0, 5});
  e->step();
  EXPECT_EQ(read(*e, "sign"), (std::vector<double>{-1, 1, 1}));
}

TEST(GenericOps, BinaryProfile) {
  // Bits [1, 0, 1] encode [+1, -1, +1].  W = [[1, 1, 0], [1, -1, 1]]:
  // [1 - 1 + 0, 1 + 1 + 1] = [0, 3] -> sign -> [+1, +1].
  Network net;
  NodeId in = net.addInput("in", {3});
  NodeId lin = net.addNode(NodeKind::Linear, "lin",
                           {{"weight", Tensor({2, 3}, {1, 1, 0, 1, -1, 1})}});
  NodeId sg = net.addNode(NodeKind::Sign, "sign");
  net.connect(in, lin);
  net.connect(lin, sg);
  EngineOptions o;
  o.profile = Profile::Binary;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  feed(*e, "in", {1, 0, 1});
  e->step();
  EXPECT_EQ(read(*e, "in"), (std::vector<double>{1, -1, 1}));
  EXPECT_EQ(read(*e, "lin"), (std::vector<double>{0, 3}));
  EXPECT_EQ(read(*e, "sign"), (std::vector<double>{1, 1}));
  EXPECT_NE(errorOf(e->setInput("in", {1, 0.5, 1})), "<no error>");
  // Weights must be -1, 0 or +1.
  Network bad;
  NodeId bin = bad.addInput("in", {1});
  NodeId bl =
      bad.addNode(NodeKind::Linear, "lin", {{"weight", Tensor({1, 1}, {2})}});
  bad.connect(bin, bl);
  ASSERT_FALSE(bad.finalize());
  EXPECT_NE(errorOf(Engine::create(bad, o)).find("binary weights"),
            std::string::npos);
}

TEST(GenericOps, ThresholdClampScaleBatchNorm) {
  Network net;
  NodeId in = net.addInput("in", {2, 2});
  NodeId th = net.addNode(NodeKind::Threshold, "th", {{"threshold", 0.5}});
  NodeId cl =
      net.addNode(NodeKind::Clamp, "clamp", {{"min", -1.0}, {"max", 2.0}});
  NodeId sc = net.addNode(NodeKind::Scale, "scale",
                          {{"scale", Tensor(std::vector<double>{1, 2, 3, 4})}});
  // Per channel (dim 0): c0: gamma 2, mean 1, var 3, eps 1 -> 2 (x - 1) / 2;
  // c1: gamma 1, beta 10, mean 0, var 0, eps 1 -> x + 10.
  NodeId bn = net.addNode(NodeKind::BatchNorm, "bn",
                          {{"gamma", Tensor(std::vector<double>{2, 1})},
                           {"beta", Tensor(std::vector<double>{0, 10})},
                           {"mean", Tensor(std::vector<double>{1, 0})},
                           {"var", Tensor(std::vector<double>{3, 0})},
                           {"eps", 1.0}});
  for (NodeId n : {th, cl, sc, bn})
    net.connect(in, n);
  EngineOptions o;
  auto e = makeEngine(net, o);
  ASSERT_TRUE(e);
  feed(*e, "in", {0.5, 0.75, -3, 5});
  e->step();
  EXPECT_EQ(read(*e, "th"), (std::vector<double>{0, 1, 0, 1})); // strict >
  EXPECT_EQ(read(*e, "th.spikes"), (std::vector<double>{0, 1, 0, 1}));
  EXPECT_EQ(read(*e, "clamp"), (std::vector<double>{0.5, 0.75, -1, 2}));
  EXPECT_EQ(read(*e, "scale"), (std::vector<double>{0.5, 1.5, -9, 20}));
  EXPECT_EQ(read(*e, "bn"), (std::vector<double>{-0.5, -0.25, 7, 15}));
}

//===- SNNInterfacesTest.cpp - neuron and synaptic interfaces ---*- C++ -*-===//
//
// Checks the interfaces back ends rely on against independent oracles: the
// synapse enumeration of convolutions and pooling against a direct nested-loop
// evaluation, and the neuron parameter/state views against the op definitions.
//
//===----------------------------------------------------------------------===//

#include "axon/Analysis/NetworkSummary.h"
#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <random>

using namespace mlir;
using namespace axon::snn;

namespace {

class SNNInterfacesTest : public ::testing::Test {
protected:
  SNNInterfacesTest() { context.loadDialect<SNNDialect>(); }

  /// Parses `body` as the body of one network and returns its op number
  /// `index` (0-based, in block order).
  Operation *parseOp(StringRef body, unsigned index) {
    source = ("snn.network @n {\n" + body + "\n}").str();
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    auto network = *module->getOps<NetworkOp>().begin();
    auto it = network.getBodyBlock()->begin();
    std::advance(it, index);
    return &*it;
  }

  MLIRContext context;
  std::string source;
  OwningOpRef<ModuleOp> module;
};

/// Output of y = M x computed through forEachSynapse (+ bias).
std::vector<double> applyMatrix(SynapticOpInterface op,
                                const std::vector<double> &x) {
  std::vector<double> y(op.getNumPost());
  for (int64_t j = 0; j < op.getNumPost(); ++j)
    y[j] = op.getBiasValue(j);
  op.forEachSynapse(
      [&](int64_t pre, int64_t post, double w) { y[post] += w * x[pre]; });
  return y;
}

std::vector<double> randomVector(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<double> dist(-1.0, 1.0);
  std::vector<double> v(n);
  for (double &x : v)
    x = dist(gen);
  return v;
}

TEST_F(SNNInterfacesTest, Conv2dMatchesDirectConvolution) {
  // 4 input channels, 2 groups, 6 output channels, 3x2 kernel, stride (2,1),
  // padding (1,0), dilation (1,2) on a 5x7 image.
  const int C = 4, H = 5, W = 7, CO = 6, G = 2, KH = 3, KW = 2;
  const int SH = 2, SW = 1, PH = 1, PW = 0, DH = 1, DW = 2;
  const int HO = (H + 2 * PH - DH * (KH - 1) - 1) / SH + 1;
  const int WO = (W + 2 * PW - DW * (KW - 1) - 1) / SW + 1;
  std::vector<double> w = randomVector(CO * (C / G) * KH * KW, 1);
  std::vector<double> b = randomVector(CO, 2);
  // Weight literal nested as [C_out][C_in/groups][K_h][K_w].
  std::string nested = "[";
  size_t k = 0;
  for (int co = 0; co < CO; ++co) {
    nested += co ? ", [" : "[";
    for (int ci = 0; ci < C / G; ++ci) {
      nested += ci ? ", [" : "[";
      for (int ky = 0; ky < KH; ++ky) {
        nested += ky ? ", [" : "[";
        for (int kx = 0; kx < KW; ++kx)
          nested += (kx ? ", " : "") + std::to_string(w[k++]);
        nested += "]";
      }
      nested += "]";
    }
    nested += "]";
  }
  nested += "]";
  std::string bs;
  for (size_t i = 0; i < b.size(); ++i)
    bs += (i ? ", " : "") + std::to_string(b[i]);
  std::string body =
      "%x = snn.input : tensor<4x5x7xf32>\n"
      "%y = snn.conv2d %x {weight = dense<" +
      nested + "> : tensor<6x2x3x2xf64>, bias = dense<[" + bs +
      "]> : tensor<6xf64>, stride = array<i64: 2, 1>, padding = "
      "array<i64: 1, 0>, dilation = array<i64: 1, 2>, groups = 2 : i64} : "
      "(tensor<4x5x7xf32>) -> tensor<6x" +
      std::to_string(HO) + "x" + std::to_string(WO) + "xf32>\n";
  Operation *op = parseOp(body, 1);
  ASSERT_TRUE(op);
  auto syn = dyn_cast<SynapticOpInterface>(op);
  ASSERT_TRUE(syn);
  ASSERT_EQ(syn.getNumPre(), C * H * W);
  ASSERT_EQ(syn.getNumPost(), CO * HO * WO);

  // The oracle reads the stored (decimal-rounded) weights back.
  auto conv = cast<Conv2dOp>(op);
  SmallVector<double> wAttr = getElementsAsDouble(conv.getWeight());
  SmallVector<double> bAttr = getElementsAsDouble(conv.getBias());

  std::vector<double> x = randomVector(C * H * W, 3);
  std::vector<double> got = applyMatrix(syn, x);
  // Direct convolution (independent oracle).
  for (int co = 0; co < CO; ++co) {
    int g = co / (CO / G);
    for (int oy = 0; oy < HO; ++oy)
      for (int ox = 0; ox < WO; ++ox) {
        double acc = bAttr[co];
        for (int ci = 0; ci < C / G; ++ci)
          for (int ky = 0; ky < KH; ++ky)
            for (int kx = 0; kx < KW; ++kx) {
              int iy = oy * SH - PH + ky * DH, ix = ox * SW - PW + kx * DW;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                continue;
              int c = g * (C / G) + ci;
              acc += wAttr[((co * (C / G) + ci) * KH + ky) * KW + kx] *
                     x[(c * H + iy) * W + ix];
            }
        EXPECT_NEAR(got[(co * HO + oy) * WO + ox], acc, 1e-12)
            << "at co=" << co << " oy=" << oy << " ox=" << ox;
      }
  }
}

TEST_F(SNNInterfacesTest, AvgPoolCountsPaddingAsZeros) {
  Operation *op = parseOp(
      "%x = snn.input : tensor<1x3x3xf32>\n"
      "%y = snn.avg_pool2d %x {kernel_size = array<i64: 2, 2>, stride = "
      "array<i64: 2, 2>, padding = array<i64: 1, 1>} : (tensor<1x3x3xf32>) -> "
      "tensor<1x2x2xf32>\n",
      1);
  ASSERT_TRUE(op);
  std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  std::vector<double> y = applyMatrix(cast<SynapticOpInterface>(op), x);
  // Windows (padded by one): {pad,pad,pad,1} {pad,pad,2,3} {pad,4,pad,7}
  // {5,6,8,9}; divisor is always 4.
  EXPECT_DOUBLE_EQ(y[0], 1.0 / 4);
  EXPECT_DOUBLE_EQ(y[1], 5.0 / 4);
  EXPECT_DOUBLE_EQ(y[2], 11.0 / 4);
  EXPECT_DOUBLE_EQ(y[3], 28.0 / 4);
}

TEST_F(SNNInterfacesTest, AffineOverLeadingDimensionsAndOrder) {
  Operation *op = parseOp(
      "%x = snn.input : tensor<2x3xf32>\n"
      "%y = snn.affine %x {weight = dense<[[1.0, 0.0, 2.0], [0.0, -1.0, "
      "0.0]]> : tensor<2x3xf32>, bias = dense<[10.0, 20.0]> : "
      "tensor<2xf32>} : (tensor<2x3xf32>) -> tensor<2x2xf32>\n",
      1);
  ASSERT_TRUE(op);
  auto syn = cast<SynapticOpInterface>(op);
  std::vector<std::tuple<int64_t, int64_t, double>> seen;
  syn.forEachSynapse([&](int64_t pre, int64_t post, double w) {
    seen.emplace_back(pre, post, w);
  });
  // Zeros skipped; ascending (post, pre); row b uses inputs 3b..3b+2.
  std::vector<std::tuple<int64_t, int64_t, double>> expected = {
      {0, 0, 1.0}, {2, 0, 2.0}, {1, 1, -1.0},
      {3, 2, 1.0}, {5, 2, 2.0}, {4, 3, -1.0}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(syn.getBiasValue(2), 10.0);
  EXPECT_EQ(syn.getBiasValue(3), 20.0);
}

TEST_F(SNNInterfacesTest, NeuronStateAndParameterViews) {
  Operation *op = parseOp(
      "%x = snn.input : tensor<3xf32>\n"
      "%y = snn.cuba_lif %x {tau_syn = dense<0.005> : tensor<1xf32>, tau_mem "
      "= dense<[0.01, 0.02, 0.03]> : tensor<3xf64>, r = dense<1.0> : "
      "tensor<3xf32>, v_leak = dense<0.0> : tensor<3xf32>, v_threshold = "
      "dense<1.0> : tensor<3xf32>, v_reset = dense<0.0> : tensor<3xf32>, w_in "
      "= dense<2.0> : tensor<3xf32>} : (tensor<3xf32>) -> tensor<3xi1>\n",
      1);
  ASSERT_TRUE(op);
  auto neuron = cast<NeuronOpInterface>(op);
  EXPECT_TRUE(neuron.isSpiking());
  EXPECT_EQ(neuron.getNumNeurons(), 3);
  std::vector<std::string> states(neuron.getStateNames().begin(),
                                  neuron.getStateNames().end());
  EXPECT_EQ(states, (std::vector<std::string>{"i", "v"}));
  std::vector<std::string> params(neuron.getParameterNames().begin(),
                                  neuron.getParameterNames().end());
  std::sort(params.begin(), params.end());
  EXPECT_EQ(params,
            (std::vector<std::string>{"r", "tau_mem", "tau_syn", "v_leak",
                                      "v_reset", "v_threshold", "w_in"}));
  // A single value broadcasts to every neuron; per-neuron values index.
  EXPECT_DOUBLE_EQ(neuron.getParameterValue("tau_syn", 2), 0.005f);
  EXPECT_DOUBLE_EQ(neuron.getParameterValue("tau_mem", 1), 0.02);
  EXPECT_FALSE(neuron.getParameter("tau"));
}

TEST_F(SNNInterfacesTest, StatelessAndAdaptiveNeurons) {
  Operation *thr = parseOp("%x = snn.input : tensor<2xf32>\n"
                           "%y = snn.threshold %x {threshold = dense<1.0> : "
                           "tensor<2xf32>} : (tensor<2xf32>) -> tensor<2xi1>\n",
                           1);
  ASSERT_TRUE(thr);
  EXPECT_TRUE(cast<NeuronOpInterface>(thr).getStateNames().empty());
  Operation *li = parseOp(
      "%x = snn.input : tensor<2xf32>\n"
      "%y = snn.li %x {tau = dense<1.0> : tensor<2xf32>, r = dense<1.0> : "
      "tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>} : (tensor<2xf32>) "
      "-> tensor<2xf32>\n",
      1);
  ASSERT_TRUE(li);
  EXPECT_FALSE(cast<NeuronOpInterface>(li).isSpiking());
  ASSERT_EQ(cast<NeuronOpInterface>(li).getStateNames().size(), 1u);
  EXPECT_EQ(cast<NeuronOpInterface>(li).getStateNames()[0], "v");
}

TEST_F(SNNInterfacesTest, NodeNamesComeFromNameLocations) {
  Operation *op =
      parseOp("%x = snn.input : tensor<2xf32> loc(fused[\"file.nir\":0:0, "
              "\"G.inner\"])\n",
              0);
  ASSERT_TRUE(op);
  EXPECT_EQ(getNodeName(op), "G.inner");
}

} // namespace

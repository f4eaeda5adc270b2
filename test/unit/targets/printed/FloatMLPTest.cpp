//===- FloatMLPTest.cpp - Float MLP inference and JSON weights --*- C++ -*-===//
//
// Logits are computed by hand for a 2-2-2 network; the JSON reader is checked
// on a round trip and on each malformed shape it must reject.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/FloatMLP.h"

#include "gtest/gtest.h"

using namespace axon::printed;

namespace {

FloatMLP handModel() {
  FloatMLP m;
  // Hidden: h0 = relu(x0 - x1), h1 = relu(x0 + x1 - 1).
  m.layers.push_back({2, 2, {1, -1, 1, 1}, {0, -1}});
  // Output: y0 = h0, y1 = 2 h1 + 0.25.
  m.layers.push_back({2, 2, {1, 0, 0, 2}, {0, 0.25}});
  return m;
}

TEST(FloatMLP, LogitsByHand) {
  FloatMLP m = handModel();
  ASSERT_FALSE(bool(m.verify()));
  std::vector<double> y = m.logits({0.75, 0.5});
  // h = (0.25, 0.25) -> y = (0.25, 0.75).
  EXPECT_DOUBLE_EQ(y[0], 0.25);
  EXPECT_DOUBLE_EQ(y[1], 0.75);
  EXPECT_EQ(m.predict({0.75, 0.5}), 1u);
  // h = (1, 0) -> y = (1, 0.25).
  EXPECT_EQ(m.predict({1.0, 0.0}), 0u);
}

TEST(FloatMLP, ArgmaxTieGoesToLowestIndex) {
  FloatMLP m;
  m.layers.push_back({1, 3, {0, 1, 1}, {0, 0, 0}});
  EXPECT_EQ(m.predict({0.0}), 0u); // all equal
  EXPECT_EQ(m.predict({1.0}), 1u); // 1 and 2 tie
}

TEST(FloatMLP, JSONRoundTrip) {
  FloatMLP m = handModel();
  auto back = parseFloatMLPJSON(writeFloatMLPJSON(m));
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  ASSERT_EQ(back->layers.size(), 2u);
  EXPECT_EQ(back->layers[0].weights, m.layers[0].weights);
  EXPECT_EQ(back->layers[1].biases, m.layers[1].biases);
  EXPECT_EQ(back->numInputs(), 2u);
  EXPECT_EQ(back->numClasses(), 2u);
}

TEST(FloatMLP, JSONErrors) {
  struct Case {
    const char *text, *message;
  } cases[] = {
      {"{}", "expected an object with an array 'layers'"},
      {"{\"layers\":[{\"weight\":[[1,2],[3]],\"bias\":[0,0]}]}",
       "rows differ in length"},
      {"{\"layers\":[{\"weight\":[[1,2]],\"bias\":[0,0]}]}",
       "has 2 biases, expected 1"},
      {"{\"layers\":[{\"weight\":[[1,2]],\"bias\":[0]},"
       "{\"weight\":[[1,2]],\"bias\":[0]}]}",
       "layer 1 takes 2 inputs but layer 0 produces 1"},
      {"{\"layers\":[{\"weight\":[[1,\"a\"]],\"bias\":[0]}]}",
       "contains a non-number"},
      {"{\"layers\":[{\"bias\":[0]}]}", "needs arrays 'weight' and 'bias'"},
      {"[", "Unexpected EOF"},
  };
  for (const Case &c : cases) {
    auto m = parseFloatMLPJSON(c.text);
    ASSERT_FALSE(bool(m)) << c.text;
    std::string msg = llvm::toString(m.takeError());
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
  }
}

TEST(FloatMLP, Accuracy) {
  FloatMLP m = handModel();
  std::vector<double> inputs = {0.75, 0.5, 1.0, 0.0, 0.0, 0.0};
  // Predictions 1, 0, 1 (all-zero input: y = (0, 0.25)).
  EXPECT_DOUBLE_EQ(floatAccuracy(m, inputs, {1, 0, 0}), 2.0 / 3.0);
}

} // namespace

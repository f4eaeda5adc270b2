//===- DatasetTest.cpp - CSV reading, scaling and input codes ---*- C++ -*-===//
//
// Expected codes are worked out by hand from the formulas in
// docs/targets/printed.md; the real UCI splits are checked against the row
// and class counts published in shared/datasets/uci/README.md.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Dataset.h"
#include "targets/printed/Core/InputScaling.h"

#include "gtest/gtest.h"

#include "llvm/Support/FileSystem.h"

using namespace axon::printed;

namespace {

std::string errorText(llvm::Error err) {
  return llvm::toString(std::move(err));
}

TEST(Dataset, ParsesHeaderRowsAndLabels) {
  auto d = parseDatasetCSV("f0,f1,label\n1.5,-2,0\n3,4e1,2\r\n\n", "t.csv");
  ASSERT_TRUE(bool(d)) << errorText(d.takeError());
  EXPECT_EQ(d->numFeatures, 2u);
  EXPECT_EQ(d->numRows(), 2u);
  EXPECT_EQ(d->numClasses(), 3u);
  EXPECT_DOUBLE_EQ(d->row(1)[1], 40.0);
  EXPECT_DOUBLE_EQ(d->row(0)[1], -2.0);
}

TEST(Dataset, ErrorsNameFileAndLine) {
  struct Case {
    const char *text, *message;
  } cases[] = {
      {"f0,f1,label\n1,2,0\n1,2\n", "bad.csv:3: expected 3 fields, got 2"},
      {"f0,f1,label\n1,x,0\n", "bad.csv:2: feature f1 is not a finite number"},
      {"f0,label\n1,-1\n", "bad.csv:2: label is not a non-negative integer"},
      {"f0,f2,label\n1,2,0\n", "bad.csv:1: header column 2 is 'f2'"},
      {"f0,f1\n", "bad.csv:1: expected a header"},
      {"f0,label\n", "bad.csv:1: no data rows"},
      {"", "bad.csv:1: empty file"},
      {"f0,label\n1,0\nnan,1\n", "bad.csv:3: feature f0 is not a finite"},
  };
  for (const Case &c : cases) {
    auto d = parseDatasetCSV(c.text, "bad.csv");
    ASSERT_FALSE(bool(d)) << c.text;
    std::string msg = errorText(d.takeError());
    EXPECT_NE(msg.find(c.message), std::string::npos) << msg;
  }
}

TEST(Dataset, MissingFileIsAnError) {
  auto d = readDatasetCSV("/nonexistent/printed/train.csv");
  ASSERT_FALSE(bool(d));
  EXPECT_NE(errorText(d.takeError()).find("/nonexistent/printed/train.csv"),
            std::string::npos);
}

Dataset makeData(std::vector<std::vector<double>> rows) {
  Dataset d;
  d.numFeatures = static_cast<unsigned>(rows.front().size());
  for (auto &r : rows) {
    d.features.insert(d.features.end(), r.begin(), r.end());
    d.labels.push_back(0);
  }
  return d;
}

TEST(InputScaling, NearestRoundingOnTrainingRange) {
  // Column 0 spans [10, 40]: t = (x - 10) / 30, code = floor(15 t + 0.5).
  InputScaler s = fitInputScaler(makeData({{10}, {40}, {25}}));
  EXPECT_EQ(s.quantize(0, 10), 0u);
  EXPECT_EQ(s.quantize(0, 40), 15u);
  EXPECT_EQ(s.quantize(0, 25), 8u);   // 7.5 rounds up
  EXPECT_EQ(s.quantize(0, 12), 1u);   // 1.0
  EXPECT_EQ(s.quantize(0, 10.9), 0u); // 0.45
  EXPECT_DOUBLE_EQ(s.scaled(0, 25), 0.5);
  EXPECT_DOUBLE_EQ(s.codeStep(), 1.0 / 15.0);
}

TEST(InputScaling, OutOfRangeTestValuesClip) {
  InputScaler s = fitInputScaler(makeData({{10}, {40}}));
  EXPECT_EQ(s.quantize(0, -1000), 0u);
  EXPECT_EQ(s.quantize(0, 41), 15u);
  EXPECT_EQ(s.quantize(0, 1e9), 15u);
  // The float model's input is not clipped.
  EXPECT_DOUBLE_EQ(s.scaled(0, 70), 2.0);
  EXPECT_DOUBLE_EQ(s.scaled(0, -20), -1.0);
}

TEST(InputScaling, ConstantColumnMapsToZero) {
  InputScaler s = fitInputScaler(makeData({{5, 1}, {5, 2}}));
  EXPECT_EQ(s.quantize(0, 5), 0u);
  EXPECT_EQ(s.quantize(0, 6), 0u);
  EXPECT_EQ(s.quantize(0, -3), 0u);
  EXPECT_DOUBLE_EQ(s.scaled(0, 6), 0.0);
  EXPECT_EQ(s.quantize(1, 2), 15u);
}

TEST(InputScaling, LiteratureTruncation) {
  // floor(16 * 0.9 * t) = floor(14.4 t): codes 0..14 on the training range.
  InputScaler s =
      fitInputScaler(makeData({{0}, {100}}), InputQuantOptions::literature());
  EXPECT_EQ(s.quantize(0, 0), 0u);
  EXPECT_EQ(s.quantize(0, 100), 14u);
  EXPECT_EQ(s.quantize(0, 50), 7u);     // 7.2
  EXPECT_EQ(s.quantize(0, 34), 4u);     // 4.896
  EXPECT_EQ(s.quantize(0, 104.2), 15u); // 15.0048
  EXPECT_EQ(s.quantize(0, 130), 15u);   // 18.72 clipped
  EXPECT_DOUBLE_EQ(s.codeStep(), 1.0 / 16.0);
  EXPECT_DOUBLE_EQ(s.scaled(0, 100), 0.9);
}

TEST(InputScaling, QuantizeDatasetKeepsRowOrder) {
  Dataset d = makeData({{0, 10}, {3, 20}, {1.5, 15}});
  d.labels = {2, 0, 1};
  InputScaler s = fitInputScaler(d);
  QuantizedData q = quantizeDataset(s, d);
  ASSERT_EQ(q.numRows(), 3u);
  EXPECT_EQ(std::vector<uint8_t>(q.row(0).begin(), q.row(0).end()),
            (std::vector<uint8_t>{0, 0}));
  EXPECT_EQ(std::vector<uint8_t>(q.row(1).begin(), q.row(1).end()),
            (std::vector<uint8_t>{15, 15}));
  EXPECT_EQ(std::vector<uint8_t>(q.row(2).begin(), q.row(2).end()),
            (std::vector<uint8_t>{8, 8}));
  EXPECT_EQ(q.labels, (std::vector<unsigned>{2, 0, 1}));
}

#ifndef AXON_SHARED_DIR
#error "AXON_SHARED_DIR must point at the shared folder"
#endif

TEST(UCIData, SplitsHaveThePublishedShapes) {
  struct Shape {
    const char *name;
    unsigned features, classes, train, test, trainClass0;
  } shapes[] = {{"breast_cancer", 9, 2, 478, 205, 317},
                {"cardio", 21, 3, 1488, 638, 1159},
                {"seeds", 7, 3, 147, 63, 50},
                {"vertebral", 6, 3, 217, 93, 42},
                {"redwine", 11, 6, 1119, 480, 7},
                {"whitewine", 11, 7, 3428, 1470, 14},
                {"balance", 4, 3, 437, 188, 201}};
  std::string dir = std::string(AXON_SHARED_DIR) + "/datasets/uci";
  ASSERT_TRUE(llvm::sys::fs::is_directory(dir)) << dir << " is missing";
  for (const Shape &s : shapes) {
    auto split = loadDatasetSplit(dir, s.name);
    ASSERT_TRUE(bool(split)) << errorText(split.takeError());
    EXPECT_EQ(split->train.numFeatures, s.features) << s.name;
    EXPECT_EQ(split->train.numRows(), s.train) << s.name;
    EXPECT_EQ(split->test.numRows(), s.test) << s.name;
    EXPECT_EQ(split->train.numClasses(), s.classes) << s.name;
    unsigned zeros = 0;
    for (unsigned l : split->train.labels)
      zeros += l == 0;
    EXPECT_EQ(zeros, s.trainClass0) << s.name;
  }
}

} // namespace

//===- Dataset.cpp - CSV reader for the UCI splits ------------------------===//
//
// Strict on purpose: a dataset that silently loses a column or a row makes
// every accuracy figure downstream wrong, so the header must be exactly
// `f0..f{N-1},label`, every row must have N+1 finite numbers and labels must
// be non-negative integers.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Dataset.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace axon::printed;
using llvm::StringRef;

unsigned Dataset::numClasses() const {
  unsigned n = 0;
  for (unsigned l : labels)
    n = std::max(n, l + 1);
  return n;
}

static llvm::Error lineError(StringRef name, unsigned line,
                             const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 name + ":" + llvm::Twine(line) + ": " + msg);
}

static bool parseDouble(StringRef field, double &out) {
  field = field.trim();
  if (field.empty())
    return false;
  std::string buf = field.str();
  char *end = nullptr;
  out = std::strtod(buf.c_str(), &end);
  return end == buf.c_str() + buf.size() && std::isfinite(out);
}

/// Checks the header and returns the feature count.
static llvm::Expected<unsigned> parseHeader(StringRef line, StringRef name) {
  llvm::SmallVector<StringRef, 32> cols;
  line.split(cols, ',');
  if (cols.size() < 2 || cols.back().trim() != "label")
    return lineError(
        name, 1, "expected a header 'f0,...,f{N-1},label', got '" + line + "'");
  for (unsigned i = 0; i + 1 < cols.size(); ++i)
    if (cols[i].trim() != ("f" + llvm::Twine(i)).str())
      return lineError(name, 1,
                       "header column " + llvm::Twine(i + 1) + " is '" +
                           cols[i].trim() + "', expected 'f" + llvm::Twine(i) +
                           "'");
  return static_cast<unsigned>(cols.size() - 1);
}

static llvm::Error parseRow(StringRef line, unsigned lineNo, StringRef name,
                            Dataset &data) {
  llvm::SmallVector<StringRef, 32> cols;
  line.split(cols, ',');
  if (cols.size() != data.numFeatures + 1)
    return lineError(name, lineNo,
                     "expected " + llvm::Twine(data.numFeatures + 1) +
                         " fields, got " + llvm::Twine(cols.size()));
  for (unsigned i = 0; i < data.numFeatures; ++i) {
    double v;
    if (!parseDouble(cols[i], v))
      return lineError(name, lineNo,
                       "feature f" + llvm::Twine(i) +
                           " is not a finite number: '" + cols[i].trim() + "'");
    data.features.push_back(v);
  }
  unsigned label;
  if (cols.back().trim().getAsInteger(10, label))
    return lineError(name, lineNo,
                     "label is not a non-negative integer: '" +
                         cols.back().trim() + "'");
  data.labels.push_back(label);
  return llvm::Error::success();
}

llvm::Expected<Dataset> axon::printed::parseDatasetCSV(StringRef text,
                                                       StringRef name) {
  Dataset data;
  unsigned lineNo = 0;
  bool haveHeader = false;
  while (!text.empty()) {
    auto [line, rest] = text.split('\n');
    text = rest;
    ++lineNo;
    line = line.rtrim("\r");
    if (line.trim().empty())
      continue;
    if (!haveHeader) {
      llvm::Expected<unsigned> n = parseHeader(line, name);
      if (!n)
        return n.takeError();
      data.numFeatures = *n;
      haveHeader = true;
      continue;
    }
    if (llvm::Error err = parseRow(line, lineNo, name, data))
      return std::move(err);
  }
  if (!haveHeader)
    return lineError(name, std::max(lineNo, 1u), "empty file, no header");
  if (data.numRows() == 0)
    return lineError(name, lineNo, "no data rows after the header");
  return data;
}

llvm::Expected<Dataset> axon::printed::readDatasetCSV(StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return llvm::createStringError(buf.getError(),
                                   "cannot read '" + path +
                                       "': " + buf.getError().message());
  return parseDatasetCSV((*buf)->getBuffer(), path);
}

llvm::Expected<DatasetSplit> axon::printed::loadDatasetSplit(StringRef dir,
                                                             StringRef name,
                                                             StringRef prefix) {
  std::string base = (dir + "/" + name + "/" + prefix).str();
  llvm::Expected<Dataset> train = readDatasetCSV(base + "train.csv");
  if (!train)
    return train.takeError();
  llvm::Expected<Dataset> test = readDatasetCSV(base + "test.csv");
  if (!test)
    return test.takeError();
  if (train->numFeatures != test->numFeatures)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        base + "test.csv: has " + llvm::Twine(test->numFeatures) +
            " features but " + base + "train.csv has " +
            llvm::Twine(train->numFeatures));
  return DatasetSplit{std::move(*train), std::move(*test)};
}

//===- Dataset.h - Tabular datasets for printed-MLP work --------*- C++ -*-===//
//
// The printed flow evaluates every candidate circuit on a labelled table (the
// UCI splits in shared/datasets/uci), so reading them is part of the core:
// CSV with the header `f0,...,f{N-1},label`, raw feature values, 0-based
// integer labels.  Malformed input is reported as `file:line: message`.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_DATASET_H
#define AXON_TARGETS_PRINTED_CORE_DATASET_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace axon::printed {

/// A labelled table, features row-major.
struct Dataset {
  unsigned numFeatures = 0;
  std::vector<double> features;
  std::vector<unsigned> labels;

  unsigned numRows() const { return static_cast<unsigned>(labels.size()); }
  /// One more than the largest label (0 when empty).
  unsigned numClasses() const;
  llvm::ArrayRef<double> row(unsigned r) const {
    return llvm::ArrayRef<double>(features).slice(size_t(r) * numFeatures,
                                                  numFeatures);
  }
};

/// Parses CSV text; `name` prefixes the error messages (`name:line: ...`).
llvm::Expected<Dataset> parseDatasetCSV(llvm::StringRef text,
                                        llvm::StringRef name);

/// Reads and parses a CSV file.
llvm::Expected<Dataset> readDatasetCSV(llvm::StringRef path);

/// A train/test pair with the same feature count.
struct DatasetSplit {
  Dataset train;
  Dataset test;
};

/// Reads `<dir>/<name>/<prefix>train.csv` and `<prefix>test.csv` (prefix is
/// "" for the ICCAD'23 splits or "esl24_"), checking they agree on features.
llvm::Expected<DatasetSplit> loadDatasetSplit(llvm::StringRef dir,
                                              llvm::StringRef name,
                                              llvm::StringRef prefix = "");

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_DATASET_H

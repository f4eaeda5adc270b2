//===- Evaluate.h - Fast accuracy of integer MLPs on a dataset --*- C++ -*-===//
//
// The search scores tens of thousands of candidate circuits, each on the whole
// training set, so this is the hot loop.  Two tricks keep it cheap while
// staying bit-exact with predictInt: rows with identical input codes are
// merged (4-bit inputs repeat a lot) and every pruned constant product is
// looked up in a per-(neuron, input) table built once per candidate.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_PRINTED_CORE_EVALUATE_H
#define AXON_TARGETS_PRINTED_CORE_EVALUATE_H

#include "targets/printed/Core/InputScaling.h"
#include "targets/printed/Core/IntMLP.h"

#include <cstdint>
#include <vector>

namespace axon::printed {

/// A quantized dataset with duplicate rows merged: each distinct code row
/// keeps how many original rows of each class it stands for.
struct EvalSet {
  unsigned numFeatures = 0;
  unsigned numClasses = 0;
  unsigned totalRows = 0;
  std::vector<uint8_t> codes;        // [distinct row][feature]
  std::vector<uint32_t> classCounts; // [distinct row][class]

  unsigned numDistinct() const {
    return numFeatures ? static_cast<unsigned>(codes.size() / numFeatures) : 0;
  }
  static EvalSet build(const QuantizedData &data, unsigned numClasses);
};

/// Scores candidates on one EvalSet; keeps scratch buffers, so use one per
/// thread.
class Evaluator {
public:
  explicit Evaluator(const EvalSet &set) : set(set) {}

  /// Number of original rows the model classifies correctly (rows whose
  /// label is >= numClasses of the model never count as correct).
  unsigned countCorrect(const IntMLP &model);
  double accuracy(const IntMLP &model) {
    return set.totalRows ? double(countCorrect(model)) / set.totalRows : 0.0;
  }
  /// Prediction per distinct row (for tests and reports).
  std::vector<unsigned> predictDistinct(const IntMLP &model);

private:
  void buildTables(const IntMLP &model);
  unsigned predictRow(const IntMLP &model, const uint8_t *row);

  const EvalSet &set;
  // Per layer: table offset per (neuron, input); entries are pruned products.
  std::vector<std::vector<uint32_t>> offsets;
  std::vector<int64_t> table;
  std::vector<std::vector<int64_t>> bias;
  std::vector<int64_t> acc;
  std::vector<uint32_t> act, nextAct;
};

} // namespace axon::printed

#endif // AXON_TARGETS_PRINTED_CORE_EVALUATE_H

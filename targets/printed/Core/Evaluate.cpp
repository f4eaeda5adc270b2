//===- Evaluate.cpp - Fast accuracy of integer MLPs on a dataset ----------===//
//
// Tables hold splitProduct(w, a, k).value() for a in [0, inputMax]; without
// pruning that is just w * a, so only pruned neurons pay for the CSD walk.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/Evaluate.h"

#include "targets/printed/Core/CSD.h"

#include <algorithm>
#include <numeric>

using namespace axon::printed;

EvalSet EvalSet::build(const QuantizedData &data, unsigned numClasses) {
  EvalSet set;
  set.numFeatures = data.numFeatures;
  set.numClasses = numClasses;
  set.totalRows = data.numRows();
  unsigned n = data.numFeatures;
  std::vector<unsigned> order(data.numRows());
  std::iota(order.begin(), order.end(), 0u);
  auto rowLess = [&](unsigned a, unsigned b) {
    return std::lexicographical_compare(data.codes.begin() + size_t(a) * n,
                                        data.codes.begin() + size_t(a + 1) * n,
                                        data.codes.begin() + size_t(b) * n,
                                        data.codes.begin() + size_t(b + 1) * n);
  };
  std::stable_sort(order.begin(), order.end(), rowLess);
  for (size_t i = 0; i < order.size(); ++i) {
    unsigned r = order[i];
    bool fresh = i == 0 || rowLess(order[i - 1], r);
    if (fresh) {
      llvm::ArrayRef<uint8_t> row = data.row(r);
      set.codes.insert(set.codes.end(), row.begin(), row.end());
      set.classCounts.resize(set.classCounts.size() + numClasses, 0);
    }
    if (data.labels[r] < numClasses)
      ++set.classCounts[set.classCounts.size() - numClasses + data.labels[r]];
  }
  return set;
}

/// Largest input value of every layer (primary inputs, then activations).
static std::vector<std::vector<uint64_t>> inputMaxima(const IntMLP &model) {
  std::vector<std::vector<uint64_t>> maxima;
  std::vector<uint64_t> cur(model.numInputs(),
                            (uint64_t(1) << model.inputBits) - 1);
  for (const IntLayer &layer : model.layers) {
    maxima.push_back(cur);
    cur.assign(layer.numOutputs, (uint64_t(1) << layer.actBits) - 1);
  }
  return maxima;
}

void Evaluator::buildTables(const IntMLP &model) {
  std::vector<std::vector<uint64_t>> maxima = inputMaxima(model);
  offsets.resize(model.layers.size());
  bias.resize(model.layers.size());
  table.clear();
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    offsets[l].clear();
    bias[l].clear();
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      unsigned k = layer.pruneBits[o];
      bias[l].push_back(prunedBias(layer.biases[o], k));
      for (unsigned i = 0; i < layer.numInputs; ++i) {
        offsets[l].push_back(static_cast<uint32_t>(table.size()));
        int32_t w = layer.weight(o, i);
        uint64_t top = maxima[l][i];
        if (k == 0) {
          for (uint64_t a = 0; a <= top; ++a)
            table.push_back(int64_t(w) * int64_t(a));
          continue;
        }
        llvm::SmallVector<CSDDigit, 8> digits = toCSD(w);
        for (uint64_t a = 0; a <= top; ++a) {
          int64_t v = 0;
          for (const CSDDigit &d : digits) {
            int64_t t = static_cast<int64_t>(dropLowBits(a << d.shift, k));
            v += d.sign > 0 ? t : -t;
          }
          table.push_back(v);
        }
      }
    }
  }
}

unsigned Evaluator::predictRow(const IntMLP &model, const uint8_t *row) {
  act.assign(row, row + model.numInputs());
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    const uint32_t *off = offsets[l].data();
    acc.resize(layer.numOutputs);
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      int64_t sum = bias[l][o];
      const uint32_t *rowOff = off + size_t(o) * layer.numInputs;
      for (unsigned i = 0; i < layer.numInputs; ++i)
        sum += table[rowOff[i] + act[i]];
      acc[o] = sum;
    }
    if (l + 1 == model.layers.size())
      break;
    nextAct.resize(layer.numOutputs);
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      nextAct[o] = static_cast<uint32_t>(
          activate(acc[o], layer.actShift, layer.actBits));
    act.swap(nextAct);
  }
  unsigned best = 0;
  for (unsigned c = 1; c < acc.size(); ++c)
    if (acc[c] > acc[best])
      best = c;
  return best;
}

unsigned Evaluator::countCorrect(const IntMLP &model) {
  buildTables(model);
  unsigned correct = 0, nc = set.numClasses;
  for (unsigned r = 0, e = set.numDistinct(); r < e; ++r) {
    unsigned pred = predictRow(model, &set.codes[size_t(r) * set.numFeatures]);
    if (pred < nc)
      correct += set.classCounts[size_t(r) * nc + pred];
  }
  return correct;
}

std::vector<unsigned> Evaluator::predictDistinct(const IntMLP &model) {
  buildTables(model);
  std::vector<unsigned> out;
  for (unsigned r = 0, e = set.numDistinct(); r < e; ++r)
    out.push_back(predictRow(model, &set.codes[size_t(r) * set.numFeatures]));
  return out;
}

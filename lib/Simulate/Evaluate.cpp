//===- Evaluate.cpp - classification accuracy through the simulator -------===//
//
// Drives the engine sample by sample (reset between samples) so the numbers
// in conversion and quantization tables come from exactly the arithmetic the
// back ends are checked against.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Evaluate.h"

#include "axon/Support/SplitMix64.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace axon::sim;

Expected<Dataset> axon::sim::readLabeledCSV(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer = MemoryBuffer::getFile(path);
  if (!buffer)
    return createStringError(buffer.getError(), "%s: cannot open dataset: %s",
                             path.str().c_str(),
                             buffer.getError().message().c_str());
  Dataset data;
  SmallVector<StringRef> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, /*KeepEmpty=*/false);
  if (lines.empty())
    return createStringError(inconvertibleErrorCode(), "%s: empty dataset",
                             path.str().c_str());
  size_t columns = lines[0].count(',') + 1;
  if (columns < 2)
    return createStringError(inconvertibleErrorCode(),
                             "%s:1: expected a header 'f0,...,label'",
                             path.str().c_str());
  for (size_t n = 1; n < lines.size(); ++n) {
    SmallVector<StringRef> cells;
    lines[n].trim().split(cells, ',');
    if (cells.size() != columns)
      return createStringError(
          inconvertibleErrorCode(), "%s:%zu: expected %zu columns, got %zu",
          path.str().c_str(), n + 1, columns, cells.size());
    std::vector<double> row;
    for (size_t c = 0; c + 1 < columns; ++c) {
      double v;
      if (cells[c].trim().getAsDouble(v))
        return createStringError(inconvertibleErrorCode(),
                                 "%s:%zu: column %zu is not a number: '%s'",
                                 path.str().c_str(), n + 1, c + 1,
                                 cells[c].str().c_str());
      row.push_back(v);
    }
    int64_t label;
    if (cells.back().trim().getAsInteger(10, label))
      return createStringError(
          inconvertibleErrorCode(), "%s:%zu: label is not an integer: '%s'",
          path.str().c_str(), n + 1, cells.back().str().c_str());
    data.features.push_back(std::move(row));
    data.labels.push_back(label);
  }
  return data;
}

double RateEncoder::draw(uint64_t sample, uint64_t step, uint64_t index) const {
  uint64_t h = SplitMix64::hash(
      SplitMix64::hash(SplitMix64::hash(seed ^ sample) ^ step) ^ index);
  return double(h >> 11) * 0x1.0p-53;
}

void RateEncoder::encode(ArrayRef<double> x, uint64_t sample, uint64_t step,
                         std::vector<uint32_t> &events) const {
  events.clear();
  for (size_t i = 0; i < x.size(); ++i)
    if (draw(sample, step, i) < x[i])
      events.push_back(uint32_t(i));
}

/// The single node of `kind`, or an error.
static Expected<NodeId> uniqueNode(const Network &net, NodeKind kind) {
  std::optional<NodeId> found;
  for (NodeId id = 0; id < net.size(); ++id) {
    if (net.node(id).kind != kind)
      continue;
    if (found)
      return createStringError(inconvertibleErrorCode(),
                               "the classifier must have exactly one %s node",
                               kindName(kind).str().c_str());
    found = id;
  }
  if (!found)
    return createStringError(inconvertibleErrorCode(),
                             "the classifier has no %s node",
                             kindName(kind).str().c_str());
  return *found;
}

Expected<EvalResult> axon::sim::evaluateClassifier(const Network &net,
                                                   const EngineOptions &options,
                                                   const Dataset &data,
                                                   const EvalOptions &eval) {
  Expected<NodeId> input = uniqueNode(net, NodeKind::Input);
  if (!input)
    return input.takeError();
  Expected<NodeId> output = uniqueNode(net, NodeKind::Output);
  if (!output)
    return output.takeError();
  const Node &in = net.node(*input);
  const Node &out = net.node(*output);
  // A class index, or a membrane readout, is read at the last step; spikes
  // and currents are summed over the steps.
  NodeKind source =
      out.inputs.empty() ? NodeKind::Output : net.node(out.inputs[0]).kind;
  bool indexOutput = source == NodeKind::ArgMax;
  bool lastStepOutput = indexOutput || (isNeuron(source) && !isSpiking(source));
  Expected<std::unique_ptr<Engine>> engine = Engine::create(net, options);
  if (!engine)
    return engine.takeError();
  std::string outName = out.name + ".out";

  EvalResult result;
  size_t n = eval.limit ? std::min(eval.limit, data.size()) : data.size();
  int64_t inSize = numElements(in.outputShape);
  for (size_t s = 0; s < n; ++s) {
    const std::vector<double> &x = data.features[s];
    if (int64_t(x.size()) != inSize)
      return createStringError(inconvertibleErrorCode(),
                               "row %zu has %zu features but input '%s' "
                               "takes %lld",
                               s + 1, x.size(), in.name.c_str(),
                               (long long)inSize);
    (*engine)->reset();
    std::vector<double> sum;
    std::vector<uint32_t> events;
    RateEncoder encoder(eval.seed);
    for (uint64_t t = 0; t < eval.steps; ++t) {
      if (eval.encoding == Encoding::Direct) {
        if (Error err = (*engine)->setInput(*input, x))
          return std::move(err);
      } else {
        encoder.encode(x, s, t, events);
        if (Error err = (*engine)->setInputEvents(*input, events))
          return std::move(err);
      }
      (*engine)->step();
      Expected<std::vector<double>> y = (*engine)->read(outName);
      if (!y)
        return y.takeError();
      if (lastStepOutput || sum.empty())
        sum = *y;
      else
        for (size_t i = 0; i < sum.size(); ++i)
          sum[i] += (*y)[i];
    }
    int64_t predicted =
        indexOutput
            ? int64_t(sum.at(0))
            : int64_t(std::max_element(sum.begin(), sum.end()) - sum.begin());
    result.predictions.push_back(predicted);
    result.correct += predicted == data.labels[s];
    ++result.total;
  }
  return result;
}

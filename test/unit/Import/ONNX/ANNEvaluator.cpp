//===- ANNEvaluator.cpp - test-only evaluator of imported ANNs --*- C++ -*-===//
//
// One pass over the network block in order (imported ANNs are acyclic and
// built in topological order), with every value held as a flat row-major
// vector of doubles.  Formulas follow the snn op documentation, which is what
// the importer promises to produce.
//
//===----------------------------------------------------------------------===//

#include "test/unit/Import/ONNX/ANNEvaluator.h"

#include "llvm/ADT/DenseMap.h"

#include <cmath>

using namespace mlir;
using namespace axon;
using namespace axon::snn;

static llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

static std::vector<double> applySynapses(SynapticOpInterface syn,
                                         const std::vector<double> &x) {
  std::vector<double> y(syn.getNumPost());
  for (int64_t post = 0; post < syn.getNumPost(); ++post)
    y[post] = syn.getBiasValue(post);
  syn.forEachSynapse(
      [&](int64_t pre, int64_t post, double w) { y[post] += w * x[pre]; });
  return y;
}

static std::vector<double> applyBatchNorm(BatchNormOp bn,
                                          const std::vector<double> &x) {
  int64_t channels = llvm::cast<ShapedType>(bn.getType()).getShape().front();
  int64_t perChannel = static_cast<int64_t>(x.size()) / channels;
  std::vector<double> y(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    int64_t c = static_cast<int64_t>(i) / perChannel;
    double gamma = getElementAsDouble(bn.getGamma(), c);
    double beta = getElementAsDouble(bn.getBeta(), c);
    double mean = getElementAsDouble(bn.getMean(), c);
    double var = getElementAsDouble(bn.getVar(), c);
    double eps = bn.getEpsilon().convertToDouble();
    y[i] = gamma * (x[i] - mean) / std::sqrt(var + eps) + beta;
  }
  return y;
}

/// Applies one non-port op to its summed input `x`.
static llvm::Expected<std::vector<double>> applyOp(Operation &op,
                                                   std::vector<double> x) {
  if (auto syn = llvm::dyn_cast<SynapticOpInterface>(op))
    return applySynapses(syn, x);
  if (llvm::isa<ReLUOp>(op)) {
    for (double &v : x)
      v = std::max(v, 0.0);
    return x;
  }
  if (auto clamp = llvm::dyn_cast<ClampOp>(op)) {
    double lo = clamp.getMin().convertToDouble();
    double hi = clamp.getMax().convertToDouble();
    for (double &v : x)
      v = std::min(std::max(v, lo), hi);
    return x;
  }
  if (llvm::isa<SignOp>(op)) {
    for (double &v : x)
      v = v >= 0 ? 1.0 : -1.0;
    return x;
  }
  if (auto bn = llvm::dyn_cast<BatchNormOp>(op))
    return applyBatchNorm(bn, x);
  if (llvm::isa<ArgMaxOp>(op)) {
    size_t best = 0;
    for (size_t i = 1; i < x.size(); ++i)
      if (x[i] > x[best])
        best = i;
    return std::vector<double>{static_cast<double>(best)};
  }
  if (llvm::isa<FlattenOp>(op))
    return x;
  return fail("the test evaluator does not support " +
              op.getName().getStringRef());
}

llvm::Expected<test::Values> axon::test::evaluateANN(NetworkOp net,
                                                     const Values &inputs) {
  llvm::DenseMap<Value, std::vector<double>> values;
  Values outputs;
  for (Operation &op : net.getBodyBlock()->getOperations()) {
    StringRef name = getNodeName(&op);
    if (auto in = llvm::dyn_cast<InputOp>(op)) {
      auto it = inputs.find(name);
      int64_t n = llvm::cast<ShapedType>(in.getType()).getNumElements();
      if (it == inputs.end() || static_cast<int64_t>(it->second.size()) != n)
        return fail("no input of " + llvm::Twine(n) + " values for '" + name +
                    "'");
      values[in.getResult()] = it->second;
      continue;
    }
    // Every op sums its inputs.
    std::vector<double> x;
    for (Value operand : op.getOperands()) {
      auto it = values.find(operand);
      if (it == values.end())
        return fail("operand of " + op.getName().getStringRef() +
                    " is used before it is computed");
      if (x.empty())
        x.assign(it->second.size(), 0.0);
      for (size_t i = 0; i < x.size(); ++i)
        x[i] += it->second[i];
    }
    if (llvm::isa<OutputOp>(op)) {
      outputs[name] = x;
      continue;
    }
    llvm::Expected<std::vector<double>> y = applyOp(op, std::move(x));
    if (!y)
      return y.takeError();
    values[op.getResult(0)] = std::move(*y);
  }
  return outputs;
}

//===- SNNReader.cpp - Read a binarized snn.network as layers -------------===//
//
// Walks the single chain input -> (linear|affine [batch_norm] sign)* ->
// (linear|affine [batch_norm] (sign|argmax)) -> output of an snn.network.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/SNNReader.h"

#include "dialects/snn/SNNInterfaces.h"

#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

/// A parameter value as the user wrote it (%g).
static std::string formatValue(double v) {
  return llvm::formatv("{0}", llvm::format("%g", v)).str();
}

/// Number of elements of a rank-1 static tensor signal, or failure.
static FailureOr<unsigned> vectorSize(Operation *op, Value v) {
  auto type = dyn_cast<RankedTensorType>(v.getType());
  if (!type || type.getRank() != 1)
    return op->emitError("the threshold target needs rank-1 signals, got ")
           << v.getType();
  return unsigned(type.getDimSize(0));
}

/// Splits each weight row into a per-neuron scale alpha and integers in
/// {-1, 0, +1} (or integers when the row is integral and alpha = 1).
static LogicalResult readWeights(Operation *op, DenseElementsAttr attr,
                                 unsigned inputs, unsigned outputs,
                                 BinaryLayer &layer) {
  auto type = cast<ShapedType>(attr.getType());
  if (type.getRank() != 2 || type.getDimSize(0) != outputs ||
      type.getDimSize(1) != inputs)
    return op->emitError("expected a ")
           << outputs << "x" << inputs << " weight matrix, got " << type;
  SmallVector<double> w = snn::getElementsAsDouble(attr);
  layer.weights.resize(w.size());
  layer.neurons.resize(outputs);
  for (unsigned o = 0; o != outputs; ++o) {
    double alpha = 0;
    for (unsigned i = 0; i != inputs; ++i) {
      double v = w[size_t(o) * inputs + i];
      if (!std::isfinite(v))
        return op->emitError("weight [") << o << ", " << i << "] is not finite";
      if (v == 0)
        continue;
      if (alpha == 0)
        alpha = std::fabs(v);
      else if (std::fabs(v) != alpha)
        return op->emitError("weights of neuron ")
               << o << " are not binary: |w| takes the values "
               << formatValue(alpha) << " and " << formatValue(std::fabs(v))
               << " (the threshold target needs +-alpha or 0 per neuron)";
      layer.weights[size_t(o) * inputs + i] = v > 0 ? 1 : -1;
    }
    layer.neurons[o].alpha = alpha == 0 ? 1.0 : alpha;
  }
  return success();
}

static LogicalResult readBatchNorm(snn::BatchNormOp bn, BinaryLayer &layer) {
  for (unsigned o = 0; o != layer.numOutputs; ++o) {
    BatchNormParams p;
    p.gamma = snn::getElementAsDouble(bn.getGamma(), o);
    p.beta = snn::getElementAsDouble(bn.getBeta(), o);
    p.mean = snn::getElementAsDouble(bn.getMean(), o);
    p.var = snn::getElementAsDouble(bn.getVar(), o);
    p.eps = bn.getEpsilon().convertToDouble();
    layer.neurons[o].batchNorm = p;
  }
  return success();
}

/// The one op reading `v`, or an error at `op`.
static FailureOr<Operation *> singleUser(Operation *op, Value v) {
  if (!v.hasOneUse())
    return op->emitError("the threshold target needs a chain of layers; "
                         "this value has ")
           << std::distance(v.use_begin(), v.use_end()) << " users";
  Operation *user = *v.user_begin();
  if (user->getNumOperands() != 1)
    return user->emitError("the threshold target needs single-input ops");
  return user;
}

FailureOr<SNNBinarizedNetwork>
axon::threshold::readBinarizedNetwork(snn::NetworkOp network,
                                      unsigned inputBits) {
  SNNBinarizedNetwork result;
  result.network.name = network.getSymName().str();
  result.network.inputBits = inputBits;
  auto inputs = network.getBodyBlock()->getOps<snn::InputOp>();
  if (inputs.empty() || std::next(inputs.begin()) != inputs.end())
    return network.emitError("the threshold target needs exactly one "
                             "snn.input");
  snn::InputOp input = *inputs.begin();
  FailureOr<unsigned> width = vectorSize(input, input.getResult());
  if (failed(width))
    return failure();
  Value current = input.getResult();
  Operation *prev = input;
  enum { AfterSign, AfterSynapse, AfterBatchNorm, Done } state = AfterSign;
  while (state != Done) {
    FailureOr<Operation *> next = singleUser(prev, current);
    if (failed(next))
      return failure();
    Operation *op = *next;
    LogicalResult ok = success();
    bool isSynapse = isa<snn::LinearOp, snn::AffineOp>(op);
    if (isSynapse && state == AfterSign) {
      FailureOr<unsigned> outs = vectorSize(op, op->getResult(0));
      if (failed(outs))
        return failure();
      BinaryLayer layer;
      layer.name = snn::getNodeName(op).str();
      layer.numInputs = *width;
      layer.numOutputs = *outs;
      auto weight = op->getAttrOfType<DenseElementsAttr>("weight");
      if (failed(readWeights(op, weight, *width, *outs, layer)))
        return failure();
      if (auto affine = dyn_cast<snn::AffineOp>(op))
        for (unsigned o = 0; o != *outs; ++o)
          layer.neurons[o].bias = snn::getElementAsDouble(affine.getBias(), o);
      result.network.layers.push_back(std::move(layer));
      result.layerLocs.push_back(op->getLoc());
      width = *outs;
      state = AfterSynapse;
    } else if (auto bn = dyn_cast<snn::BatchNormOp>(op);
               bn && state == AfterSynapse) {
      ok = readBatchNorm(bn, result.network.layers.back());
      state = AfterBatchNorm;
    } else if (isa<snn::SignOp>(op) && state != AfterSign) {
      state = AfterSign;
    } else if (isa<snn::ArgMaxOp>(op) && state != AfterSign) {
      result.network.argMaxReadout = true;
      result.layerLocs.push_back(op->getLoc());
      FailureOr<Operation *> out = singleUser(op, op->getResult(0));
      if (failed(out))
        return failure();
      if (!isa<snn::OutputOp>(*out))
        return (*out)->emitError("the threshold target needs snn.argmax to "
                                 "feed the snn.output");
      state = Done;
    } else if (isa<snn::OutputOp>(op) && state == AfterSign &&
               !result.network.layers.empty()) {
      state = Done;
    } else {
      const char *expected =
          state == AfterSign      ? "snn.linear or snn.affine (a binarized "
                                    "layer) or snn.output"
          : state == AfterSynapse ? "snn.batch_norm, snn.sign or "
                                    "snn.argmax"
                                  : "snn.sign or snn.argmax";
      return op->emitError("is not supported here by the threshold target; "
                           "expected ")
             << expected;
    }
    if (failed(ok))
      return failure();
    if (state != Done) {
      current = op->getResult(0);
      prev = op;
    }
  }
  return result;
}

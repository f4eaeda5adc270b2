//===- ExtractMLP.cpp - Read a dense classifier out of snn IR -------------===//
//
// The network is a graph region, so the chain is found by walking back from
// the single output to the single input; every op met must be one the
// printed circuit has (dense layers, ReLU, argmax, a leading flatten), and
// every op of the network must be met (no side branches, no recurrence).
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Flow/ExtractMLP.h"

#include "dialects/snn/SNNInterfaces.h"

#include "mlir/IR/Diagnostics.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

/// Ops the printed circuit can implement.
static bool isSupported(Operation *op) {
  return isa<snn::InputOp, snn::OutputOp, snn::AffineOp, snn::LinearOp,
             snn::ReLUOp, snn::ArgMaxOp, snn::FlattenOp>(op);
}

static InFlightDiagnostic unsupported(Operation *op) {
  InFlightDiagnostic diag = emitError(op->getLoc());
  diag << "'" << op->getName()
       << "' is not supported by the printed target, which builds MLP "
          "classifiers: snn.affine/snn.linear layers with snn.relu between "
          "them and an optional snn.argmax";
  if (isa<snn::BatchNormOp>(op))
    diag << " (fold it into the layer first: --snn-fold-batch-norm)";
  return diag;
}

/// The ops from the input to the output, in order (both ends excluded).
static FailureOr<SmallVector<Operation *>>
findChain(snn::NetworkOp network, snn::InputOp input, snn::OutputOp output) {
  SmallVector<Operation *> chain;
  SmallPtrSet<Operation *, 16> seen;
  if (output.getInputs().size() != 1)
    return emitError(output.getLoc())
           << "the printed target needs one value at the output, got "
           << output.getInputs().size();
  Operation *op = output.getInputs().front().getDefiningOp();
  while (op != input.getOperation()) {
    if (!op)
      return emitError(output.getLoc(), "the output does not come from an op");
    if (!seen.insert(op).second)
      return emitError(op->getLoc())
             << "the network is recurrent; the printed target needs a "
                "feed-forward chain";
    if (op->getNumOperands() != 1)
      return emitError(op->getLoc())
             << "'" << op->getName() << "' sums " << op->getNumOperands()
             << " inputs; the printed target needs a single chain from the "
                "input to the output";
    chain.push_back(op);
    op = op->getOperand(0).getDefiningOp();
  }
  std::reverse(chain.begin(), chain.end());
  for (Operation &other : network.getBodyBlock()->getOperations())
    if (&other != input.getOperation() && &other != output.getOperation() &&
        !seen.contains(&other))
      return emitError(other.getLoc())
             << "'" << other.getName()
             << "' is not on the path from the input to the output; the "
                "printed target needs a single chain";
  return chain;
}

/// One dense layer from an affine or linear op (weight [out, in]).
static FloatLayer readLayer(Operation *op) {
  FloatLayer layer;
  DenseElementsAttr weight = isa<snn::AffineOp>(op)
                                 ? cast<snn::AffineOp>(op).getWeight()
                                 : cast<snn::LinearOp>(op).getWeight();
  ArrayRef<int64_t> shape = weight.getType().getShape();
  layer.numOutputs = static_cast<unsigned>(shape[0]);
  layer.numInputs = static_cast<unsigned>(shape[1]);
  for (double w : snn::getElementsAsDouble(weight))
    layer.weights.push_back(w);
  layer.biases.assign(layer.numOutputs, 0.0);
  if (auto affine = dyn_cast<snn::AffineOp>(op))
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      layer.biases[o] = affine.getBiasValue(o);
  return layer;
}

static bool isLayer(Operation *op) {
  return isa<snn::AffineOp, snn::LinearOp>(op);
}

/// Checks that a value entering a layer is a vector.
static LogicalResult checkVector(Operation *op, Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (type && type.getRank() == 1)
    return success();
  return emitError(op->getLoc())
         << "the printed target takes vectors (rank 1) between layers, got "
         << value.getType() << "; flatten the input first";
}

/// Reads the layers of `chain` (flatten* (layer relu)* layer argmax?).
static FailureOr<FloatMLP> readChain(ArrayRef<Operation *> chain,
                                     snn::OutputOp output) {
  FloatMLP model;
  size_t i = 0;
  while (i < chain.size() && isa<snn::FlattenOp>(chain[i]))
    ++i;
  for (; i < chain.size(); ++i) {
    Operation *op = chain[i];
    if (!isLayer(op))
      return emitError(op->getLoc())
             << "expected snn.affine or snn.linear here, got '" << op->getName()
             << "' (layers alternate with snn.relu)";
    if (failed(checkVector(op, op->getOperand(0))))
      return failure();
    model.layers.push_back(readLayer(op));
    if (i + 1 == chain.size())
      break;
    Operation *next = chain[i + 1];
    if (isa<snn::ArgMaxOp>(next)) {
      if (i + 2 != chain.size())
        return emitError(next->getLoc())
               << "snn.argmax must be the last op before the output";
      break;
    }
    if (!isa<snn::ReLUOp>(next))
      return emitError(next->getLoc())
             << "expected snn.relu or snn.argmax after a layer, got '"
             << next->getName() << "'";
    if (i + 2 == chain.size() || isa<snn::ArgMaxOp>(chain[i + 2]))
      return emitError(next->getLoc())
             << "a ReLU after the last layer is not supported: the circuit "
                "takes the argmax of the last layer's sums";
    ++i;
  }
  if (model.layers.empty())
    return emitError(output.getLoc())
           << "the network has no snn.affine or snn.linear layer";
  return model;
}

FailureOr<FloatMLP> axon::printed::extractMLP(snn::NetworkOp network) {
  SmallVector<snn::InputOp> inputs;
  SmallVector<snn::OutputOp> outputs;
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    if (!isSupported(&op))
      return unsupported(&op);
    if (auto input = dyn_cast<snn::InputOp>(op))
      inputs.push_back(input);
    if (auto output = dyn_cast<snn::OutputOp>(op))
      outputs.push_back(output);
  }
  if (inputs.size() != 1 || outputs.size() != 1)
    return emitError(network.getLoc())
           << "the printed target needs one snn.input and one snn.output, "
              "got "
           << inputs.size() << " and " << outputs.size();
  FailureOr<SmallVector<Operation *>> chain =
      findChain(network, inputs.front(), outputs.front());
  if (failed(chain))
    return failure();
  FailureOr<FloatMLP> model = readChain(*chain, outputs.front());
  if (failed(model))
    return failure();
  if (llvm::Error err = model->verify())
    return emitError(network.getLoc())
           << "invalid MLP: " << llvm::toString(std::move(err));
  return model;
}

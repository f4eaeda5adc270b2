//===- SNNOps.cpp - snn network, port, neuron and ANN ops -------*- C++ -*-===//
//
// Verifiers and builders of the snn ops other than the synaptic ones (those
// are in SNNSynapses.cpp).  Every rule a later pass relies on (shapes agree,
// time constants positive, spiking populations produce i1) is checked here
// so passes can assume it.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SNNVerify.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace mlir;
using namespace axon::snn;
using namespace axon::snn::verify;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

bool axon::snn::isParameterAttr(Attribute attr) {
  auto dense = llvm::dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!dense)
    return false;
  Type elt = dense.getElementType();
  return llvm::isa<FloatType>(elt) || llvm::isa<IntegerType>(elt);
}

double axon::snn::getElementAsDouble(DenseElementsAttr attr, int64_t index) {
  if (!attr)
    return 0.0;
  int64_t n = attr.getNumElements();
  int64_t i = (attr.isSplat() || n == 1) ? 0 : index;
  if (llvm::isa<FloatType>(attr.getElementType()))
    return (*(attr.value_begin<APFloat>() + i)).convertToDouble();
  return static_cast<double>((*(attr.value_begin<APInt>() + i)).getSExtValue());
}

SmallVector<double> axon::snn::getElementsAsDouble(DenseElementsAttr attr) {
  SmallVector<double> out;
  if (!attr)
    return out;
  out.reserve(attr.getNumElements());
  // f32 and f64 are read in place; APFloat costs ~40 ns per element.
  if (attr.getElementType().isF32()) {
    for (float v : attr.getValues<float>())
      out.push_back(v);
  } else if (attr.getElementType().isF64()) {
    for (double v : attr.getValues<double>())
      out.push_back(v);
  } else if (llvm::isa<FloatType>(attr.getElementType())) {
    for (APFloat v : attr.getValues<APFloat>())
      out.push_back(v.convertToDouble());
  } else {
    for (APInt v : attr.getValues<APInt>())
      out.push_back(static_cast<double>(v.getSExtValue()));
  }
  return out;
}

StringRef axon::snn::getNodeName(Operation *op) {
  StringRef name;
  op->getLoc()->walk([&](Location loc) {
    if (auto nameLoc = llvm::dyn_cast<NameLoc>(loc)) {
      name = nameLoc.getName().strref();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

std::string verify::formatShape(ArrayRef<int64_t> shape) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << "[";
  llvm::interleaveComma(shape, os);
  os << "]";
  return s;
}

ArrayRef<int64_t> verify::shapeOf(Value value) {
  return llvm::cast<ShapedType>(value.getType()).getShape();
}

LogicalResult verify::verifySummedInputs(Operation *op,
                                         SmallVectorImpl<int64_t> &shape) {
  if (op->getNumOperands() == 0)
    return op->emitOpError("expects at least one input");
  ArrayRef<int64_t> first = shapeOf(op->getOperand(0));
  for (auto [i, v] : llvm::enumerate(op->getOperands())) {
    if (shapeOf(v) != first)
      return op->emitOpError("input #")
             << i << " has shape " << formatShape(shapeOf(v))
             << " but input #0 has shape " << formatShape(first)
             << "; summed inputs must have the same shape";
  }
  shape.assign(first.begin(), first.end());
  return success();
}

LogicalResult verify::verifyParameter(Operation *op, StringRef name,
                                      DenseElementsAttr attr,
                                      ArrayRef<int64_t> shape, bool positive,
                                      bool nonNegative) {
  if (!attr)
    return op->emitOpError("requires parameter '") << name << "'";
  ArrayRef<int64_t> attrShape = attr.getType().getShape();
  if (attr.getNumElements() != 1 && attrShape != shape)
    return op->emitOpError("'")
           << name << "' has shape " << formatShape(attrShape) << ", expected "
           << formatShape(shape) << " (one value per neuron) or a single value";
  SmallVector<double> values = getElementsAsDouble(attr);
  for (auto [i, v] : llvm::enumerate(values)) {
    if (!std::isfinite(v))
      return op->emitOpError("'")
             << name << "' must be finite, got " << v << " at index " << i;
    if (positive && !(v > 0))
      return op->emitOpError("'")
             << name << "' must be positive, got " << v << " at index " << i;
    if (nonNegative && v < 0)
      return op->emitOpError("'") << name << "' must be non-negative, got " << v
                                  << " at index " << i;
  }
  return success();
}

LogicalResult verify::verifyResultShape(Operation *op,
                                        ArrayRef<int64_t> expected,
                                        StringRef what) {
  ArrayRef<int64_t> actual = shapeOf(op->getResult(0));
  if (actual != expected)
    return op->emitOpError("result shape ")
           << formatShape(actual) << " does not match " << what << ", expected "
           << formatShape(expected);
  return success();
}

LogicalResult verify::verifyFloatResult(Operation *op) {
  Type elt =
      llvm::cast<ShapedType>(op->getResult(0).getType()).getElementType();
  if (!llvm::isa<FloatType>(elt))
    return op->emitOpError("result must have a float element type, got ")
           << elt;
  return success();
}

//===----------------------------------------------------------------------===//
// NetworkOp
//===----------------------------------------------------------------------===//

void NetworkOp::build(OpBuilder &builder, OperationState &state,
                      StringRef name) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  Region *body = state.addRegion();
  body->push_back(new Block());
}

RegionKind NetworkOp::getRegionKind(unsigned index) {
  return RegionKind::Graph;
}

LogicalResult NetworkOp::verify() {
  if (getBody().empty())
    return emitOpError("requires a body block");
  if (getBodyBlock()->getNumArguments() != 0)
    return emitOpError("body block must not have arguments; use snn.input");
  return success();
}

//===----------------------------------------------------------------------===//
// Ports
//===----------------------------------------------------------------------===//

LogicalResult OutputOp::verify() {
  SmallVector<int64_t> shape;
  return verifySummedInputs(*this, shape);
}

//===----------------------------------------------------------------------===//
// Neurons
//===----------------------------------------------------------------------===//

/// Common verifier of all neuron populations: summed inputs shaped like the
/// result, i1 results for spiking populations and float for the others, and
/// every parameter shaped like the population (or a single value).
static LogicalResult verifyNeuron(NeuronOpInterface neuron, bool spiking,
                                  ArrayRef<StringRef> positive) {
  Operation *op = neuron.getOperation();
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(op, shape)))
    return failure();
  if (failed(verifyResultShape(op, shape, "the input shape")))
    return failure();
  Type elt =
      llvm::cast<ShapedType>(op->getResult(0).getType()).getElementType();
  if (spiking && !elt.isInteger(1))
    return op->emitOpError("is a spiking population and must produce i1 "
                           "spikes, got element type ")
           << elt;
  if (!spiking && !llvm::isa<FloatType>(elt))
    return op->emitOpError("is a non-spiking population and must produce a "
                           "float signal, got element type ")
           << elt;
  for (StringRef name : neuron.getParameterNames()) {
    bool mustBePositive = llvm::is_contained(positive, name);
    if (failed(verifyParameter(op, name, neuron.getParameter(name), shape,
                               mustBePositive)))
      return failure();
  }
  return success();
}

#define AXON_NEURON_VERIFIER(OP, SPIKING)                                      \
  LogicalResult OP::verify() {                                                 \
    return verifyNeuron(*this, SPIKING, getPositiveParameterNames());          \
  }
AXON_NEURON_VERIFIER(ThresholdOp, true)
AXON_NEURON_VERIFIER(IntegratorOp, false)
AXON_NEURON_VERIFIER(IFOp, true)
AXON_NEURON_VERIFIER(LIOp, false)
AXON_NEURON_VERIFIER(LIFOp, true)
AXON_NEURON_VERIFIER(CubaLIOp, false)
AXON_NEURON_VERIFIER(CubaLIFOp, true)
AXON_NEURON_VERIFIER(ALIFOp, true)
#undef AXON_NEURON_VERIFIER

//===----------------------------------------------------------------------===//
// Flatten and delay
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(*this, shape)))
    return failure();
  int64_t rank = shape.size();
  int64_t start = getStartDim(), end = getEndDim();
  if (start < -rank || start >= std::max<int64_t>(rank, 1))
    return emitOpError("'start_dim' (")
           << start << ") is out of range for an input of rank " << rank;
  if (end < -rank || end >= std::max<int64_t>(rank, 1))
    return emitOpError("'end_dim' (")
           << end << ") is out of range for an input of rank " << rank;
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  if (start > end)
    return emitOpError("'start_dim' (")
           << getStartDim() << ") must not come after 'end_dim' ("
           << getEndDim() << ")";
  SmallVector<int64_t> expected(shape.begin(), shape.begin() + start);
  int64_t merged = 1;
  for (int64_t d = start; d <= end && d < rank; ++d)
    merged *= shape[d];
  expected.push_back(merged);
  expected.append(shape.begin() + std::min(end + 1, rank), shape.end());
  if (rank == 0)
    expected = {1};
  if (failed(verifyResultShape(*this, expected, "the flattened input")))
    return failure();
  Type inElt =
      llvm::cast<ShapedType>(getInputs()[0].getType()).getElementType();
  if (llvm::cast<ShapedType>(getType()).getElementType() != inElt)
    return emitOpError("result element type must equal the input's (")
           << inElt << ")";
  return success();
}

LogicalResult DelayOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(*this, shape)))
    return failure();
  if (getType() != getInputs()[0].getType())
    return emitOpError("result type ")
           << getType() << " must equal the input type "
           << getInputs()[0].getType();
  return verifyParameter(*this, "delay", getDelay(), shape,
                         /*positive=*/false, /*nonNegative=*/true);
}

//===----------------------------------------------------------------------===//
// ANN ops
//===----------------------------------------------------------------------===//

/// Element-wise activations: result shaped like the summed inputs, float.
static LogicalResult verifyElementwise(Operation *op,
                                       SmallVectorImpl<int64_t> &shape) {
  if (failed(verifySummedInputs(op, shape)) ||
      failed(verifyResultShape(op, shape, "the input shape")) ||
      failed(verifyFloatResult(op)))
    return failure();
  return success();
}

LogicalResult ReLUOp::verify() {
  SmallVector<int64_t> shape;
  return verifyElementwise(*this, shape);
}

LogicalResult SignOp::verify() {
  SmallVector<int64_t> shape;
  return verifyElementwise(*this, shape);
}

LogicalResult ClampOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifyElementwise(*this, shape)))
    return failure();
  double lo = getMin().convertToDouble(), hi = getMax().convertToDouble();
  if (std::isnan(lo) || std::isnan(hi) || lo > hi)
    return emitOpError("'min' (")
           << lo << ") must not be greater than 'max' (" << hi << ")";
  return success();
}

LogicalResult BatchNormOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifyElementwise(*this, shape)))
    return failure();
  if (shape.empty())
    return emitOpError("input must have rank >= 1 (dimension 0 is the "
                       "normalized channel)");
  SmallVector<int64_t> channels = {shape[0]};
  if (failed(verifyParameter(*this, "gamma", getGamma(), channels, false)) ||
      failed(verifyParameter(*this, "beta", getBeta(), channels, false)) ||
      failed(verifyParameter(*this, "mean", getMean(), channels, false)) ||
      failed(verifyParameter(*this, "var", getVar(), channels, false,
                             /*nonNegative=*/true)))
    return failure();
  double eps = getEpsilon().convertToDouble();
  if (!(eps > 0) || !std::isfinite(eps))
    return emitOpError("'epsilon' must be positive, got ") << eps;
  return success();
}

LogicalResult ArgMaxOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(*this, shape)))
    return failure();
  if (shape.size() != 1)
    return emitOpError("input must have rank 1, got shape ")
           << formatShape(shape);
  auto type = llvm::cast<ShapedType>(getType());
  if (type.getShape() != ArrayRef<int64_t>{1} ||
      !type.getElementType().isSignlessInteger(64))
    return emitOpError("result must be tensor<1xi64>, got ") << type;
  return success();
}

#define GET_OP_CLASSES
#include "dialects/snn/SNNOps.cpp.inc"

#include "dialects/snn/SNNInterfaces.cpp.inc"

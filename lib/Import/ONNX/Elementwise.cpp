//===- Elementwise.cpp - ONNX activations, shapes, constants ----*- C++ -*-===//
//
// The converters that do not own weights matrices: activations (Relu, Clip,
// Sign, BatchNormalization), shape ops (Flatten, Reshape) that snn only
// supports as flattening to [1, N], the ArgMax readout, forwarding ops
// (Identity, inference-mode Dropout) and Constant nodes.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/ONNX/Importer.h"

#include "dialects/snn/SNNOps.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace axon;
using namespace axon::onnximport;

static ArrayRef<int64_t> shapeOf(Value value) {
  return llvm::cast<ShapedType>(value.getType()).getShape();
}

/// The ONNX shape of a signal: the batch dimension 1 and the snn shape.
static SmallVector<int64_t> onnxShape(Value value) {
  SmallVector<int64_t> dims = {1};
  llvm::append_range(dims, shapeOf(value));
  return dims;
}

LogicalResult axon::onnximport::convertRelu(Importer &imp,
                                            const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  auto op = imp.getBuilder().create<snn::ReLUOp>(imp.getLoc(node), x->getType(),
                                                 ValueRange{*x});
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertSign(Importer &imp,
                                            const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  imp.noteSignOnce(node);
  auto op = imp.getBuilder().create<snn::SignOp>(imp.getLoc(node), x->getType(),
                                                 ValueRange{*x});
  return imp.setSignal(node, 0, op.getResult());
}

/// Reads Clip's bound from input #index (opset >= 11) or attribute `name`
/// (older opsets); keeps `bound` when neither is given.
static LogicalResult readClipBound(Importer &imp, const onnx::NodeProto &node,
                                   int index, StringRef name, double &bound) {
  if (imp.findAttr(node, name)) {
    FailureOr<double> v = imp.getFloatAttr(node, name, bound);
    if (failed(v))
      return failure();
    bound = *v;
  }
  if (!Importer::hasInput(node, index))
    return success();
  FailureOr<const ConstTensor *> c = imp.getConstant(node, index);
  if (failed(c))
    return failure();
  if ((*c)->numElements() != 1)
    return imp.emitNodeError(node)
           << "'" << name << "' must be a single value, got shape "
           << formatDims((*c)->dims);
  bound = (*c)->values[0];
  return success();
}

LogicalResult axon::onnximport::convertClip(Importer &imp,
                                            const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  if (failed(readClipBound(imp, node, 1, "min", lo)) ||
      failed(readClipBound(imp, node, 2, "max", hi)))
    return failure();
  if (std::isnan(lo) || std::isnan(hi) || lo > hi)
    return imp.emitNodeError(node)
           << "min (" << lo << ") must not be greater than max (" << hi << ")";
  auto op = imp.getBuilder().create<snn::ClampOp>(
      imp.getLoc(node), x->getType(), ValueRange{*x}, APFloat(lo), APFloat(hi));
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertBatchNorm(Importer &imp,
                                                 const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  FailureOr<double> eps = imp.getFloatAttr(node, "epsilon", 1e-5);
  FailureOr<int64_t> training = failed(eps)
                                    ? FailureOr<int64_t>()
                                    : imp.getIntAttr(node, "training_mode", 0);
  if (failed(training))
    return failure();
  if (*training != 0)
    return imp.emitNodeError(node)
           << "training_mode = " << *training
           << " is not supported; export the model in inference mode";
  int64_t channels = shapeOf(*x)[0];
  static const char *const names[] = {"scale", "B", "input_mean", "input_var"};
  SmallVector<DenseElementsAttr, 4> params;
  for (int i = 0; i < 4; ++i) {
    FailureOr<const ConstTensor *> c = imp.getConstant(node, i + 1);
    if (failed(c))
      return failure();
    if ((*c)->numElements() != channels || (*c)->dims.size() != 1)
      return imp.emitNodeError(node)
             << "'" << names[i] << "' has shape " << formatDims((*c)->dims)
             << "; expected [" << channels << "] (one value per channel)";
    params.push_back(imp.f32Attr({channels}, (*c)->values));
  }
  auto op = imp.getBuilder().create<snn::BatchNormOp>(
      imp.getLoc(node), x->getType(), ValueRange{*x}, params[0], params[1],
      params[2], params[3], APFloat(*eps));
  return imp.setSignal(node, 0, op.getResult());
}

/// Replaces `x` by its flattening to rank 1 (a no-op for rank-1 signals).
static LogicalResult flattenTo1D(Importer &imp, const onnx::NodeProto &node,
                                 Value x) {
  if (shapeOf(x).size() == 1)
    return imp.setSignal(node, 0, x);
  auto type = llvm::cast<RankedTensorType>(x.getType());
  auto resultType =
      RankedTensorType::get({type.getNumElements()}, type.getElementType());
  OpBuilder &b = imp.getBuilder();
  auto op =
      b.create<snn::FlattenOp>(imp.getLoc(node), resultType, ValueRange{x},
                               b.getI64IntegerAttr(0), b.getI64IntegerAttr(-1));
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertFlatten(Importer &imp,
                                               const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  FailureOr<int64_t> axis = imp.getIntAttr(node, "axis", 1);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims = onnxShape(*x);
  int64_t rank = dims.size();
  int64_t a = *axis < 0 ? *axis + rank : *axis;
  if (a < 0 || a > rank)
    return imp.emitNodeError(node)
           << "axis " << *axis << " is out of range for rank " << rank;
  // Flatten gives [prod(dims[:a]), prod(dims[a:])]; keeping batch 1 means
  // every dimension before `a` is 1.
  int64_t outer = 1;
  for (int64_t i = 0; i < a; ++i)
    outer *= dims[i];
  if (outer != 1)
    return imp.emitNodeError(node)
           << "axis " << *axis << " on shape " << formatDims(dims)
           << " would give " << outer
           << " rows; only flattening to [1, N] is supported";
  return flattenTo1D(imp, node, *x);
}

/// Resolves a Reshape target (0 = copy, -1 = infer) against `in`.
static FailureOr<SmallVector<int64_t>>
resolveReshape(Importer &imp, const onnx::NodeProto &node, ArrayRef<int64_t> in,
               const ConstTensor &shape, bool allowZero) {
  if (!shape.isInteger || shape.dims.size() != 1)
    return imp.emitNodeError(node)
           << "the target shape must be a 1-D int64 constant";
  int64_t total = *checkedNumElements(in), known = 1, inferAt = -1;
  SmallVector<int64_t> out;
  for (size_t i = 0; i < shape.ints.size(); ++i) {
    int64_t v = shape.ints[i];
    if (v == 0 && !allowZero && i < in.size())
      v = in[i];
    if (v == -1 && inferAt < 0) {
      inferAt = static_cast<int64_t>(i);
    } else if (v < 1 || v > kMaxElements) {
      return imp.emitNodeError(node)
             << "invalid target shape " << formatDims(shape.ints);
    } else {
      known *= v;
      if (known > total)
        break;
    }
    out.push_back(v);
  }
  if (inferAt >= 0 && known <= total && total % known == 0)
    out[inferAt] = total / known, known = total;
  if (known != total || out.size() != shape.ints.size())
    return imp.emitNodeError(node)
           << "target shape " << formatDims(shape.ints) << " does not hold the "
           << total << " elements of " << formatDims(in);
  return out;
}

LogicalResult axon::onnximport::convertReshape(Importer &imp,
                                               const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  FailureOr<const ConstTensor *> shape = imp.getConstant(node, 1);
  if (failed(shape))
    return failure();
  FailureOr<int64_t> allowZero = imp.getIntAttr(node, "allowzero", 0);
  if (failed(allowZero))
    return failure();
  SmallVector<int64_t> in = onnxShape(*x);
  FailureOr<SmallVector<int64_t>> out =
      resolveReshape(imp, node, in, **shape, *allowZero != 0);
  if (failed(out))
    return failure();
  if (*out == in)
    return imp.setSignal(node, 0, *x);
  if (out->size() == 2 && (*out)[0] == 1)
    return flattenTo1D(imp, node, *x);
  return imp.emitNodeError(node)
         << "reshaping " << formatDims(in) << " to " << formatDims(*out)
         << " is not supported; only flattening to [1, N] is";
}

LogicalResult axon::onnximport::convertArgMax(Importer &imp,
                                              const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  FailureOr<int64_t> axis = imp.getIntAttr(node, "axis", 0);
  FailureOr<int64_t> keepDims =
      failed(axis) ? FailureOr<int64_t>() : imp.getIntAttr(node, "keepdims", 1);
  FailureOr<int64_t> lastIndex =
      failed(keepDims) ? FailureOr<int64_t>()
                       : imp.getIntAttr(node, "select_last_index", 0);
  if (failed(lastIndex))
    return failure();
  if (shapeOf(*x).size() != 1 || (*axis != 1 && *axis != -1))
    return imp.emitNodeError(node)
           << "only ArgMax over the features of [1, N] is supported (axis 1), "
              "got axis "
           << *axis << " on shape " << formatDims(onnxShape(*x));
  if (*lastIndex != 0)
    return imp.emitNodeError(node)
           << "select_last_index = 1 is not supported (snn.argmax picks the "
              "lowest index on ties)";
  if (*keepDims != 0 && *keepDims != 1)
    return imp.emitNodeError(node) << "keepdims must be 0 or 1";
  auto type = RankedTensorType::get({1}, imp.getBuilder().getI64Type());
  auto op = imp.getBuilder().create<snn::ArgMaxOp>(imp.getLoc(node), type,
                                                   ValueRange{*x});
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertIdentity(Importer &imp,
                                                const onnx::NodeProto &node) {
  return imp.forwardInput(node);
}

LogicalResult axon::onnximport::convertDropout(Importer &imp,
                                               const onnx::NodeProto &node) {
  // Input #2 (opset >= 12) switches training on; inference is the identity.
  if (Importer::hasInput(node, 2)) {
    FailureOr<const ConstTensor *> training = imp.getConstant(node, 2);
    if (failed(training))
      return failure();
    if (llvm::any_of((*training)->values, [](double v) { return v != 0; }))
      return imp.emitNodeError(node)
             << "training_mode is true; export the model in inference mode";
  }
  return imp.forwardInput(node);
}

/// Builds a 0-d or 1-d constant from a Constant node's value_* attribute.
static ConstTensor listConstant(const onnx::AttributeProto &attr) {
  ConstTensor c;
  using A = onnx::AttributeProto;
  c.isInteger = attr.type() == A::INT || attr.type() == A::INTS;
  if (attr.type() == A::FLOAT)
    c.values.push_back(attr.f());
  for (float f : attr.floats())
    c.values.push_back(f);
  if (attr.type() == A::INT)
    c.ints.push_back(attr.i());
  for (int64_t v : attr.ints())
    c.ints.push_back(v);
  for (int64_t v : c.ints)
    c.values.push_back(static_cast<double>(v));
  if (attr.type() == A::FLOATS || attr.type() == A::INTS)
    c.dims.push_back(c.numElements());
  return c;
}

LogicalResult axon::onnximport::convertConstant(Importer &imp,
                                                const onnx::NodeProto &node) {
  if (node.attribute_size() != 1)
    return imp.emitNodeError(node) << "expects exactly one value attribute";
  const onnx::AttributeProto &attr = node.attribute(0);
  using A = onnx::AttributeProto;
  StringRef name = attr.name();
  if (name == "value") {
    if (attr.type() != A::TENSOR)
      return imp.emitNodeError(node) << "'value' must be a tensor";
    std::string error;
    std::optional<ConstTensor> c = decodeTensor(attr.t(), error);
    if (!c)
      return imp.emitNodeError(node) << "the value tensor " << error;
    return imp.setConstant(node, 0, std::move(*c));
  }
  bool ok = (name == "value_float" && attr.type() == A::FLOAT) ||
            (name == "value_floats" && attr.type() == A::FLOATS) ||
            (name == "value_int" && attr.type() == A::INT) ||
            (name == "value_ints" && attr.type() == A::INTS);
  if (!ok)
    return imp.emitNodeError(node)
           << "attribute '" << name
           << "' is not supported (use value, value_float(s) or value_int(s))";
  if (attr.floats_size() > kMaxElements || attr.ints_size() > kMaxElements)
    return imp.emitNodeError(node) << "the value is too large";
  return imp.setConstant(node, 0, listConstant(attr));
}

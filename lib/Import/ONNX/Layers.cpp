//===- Layers.cpp - ONNX dense, conv and pooling layers ---------*- C++ -*-===//
//
// The converters that produce synaptic ops.  ONNX keeps the batch dimension
// and stores MatMul weights as [in, out]; snn drops the batch and stores
// weights as [out, in], so the transposes and the bias broadcasts happen
// here.  Window geometry (pads, auto_pad, ceil_mode) is resolved to snn's
// symmetric padding or rejected with the reason.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/ONNX/Importer.h"

#include "dialects/snn/SNNOps.h"

using namespace mlir;
using namespace axon;
using namespace axon::onnximport;

static ArrayRef<int64_t> shapeOf(Value value) {
  return llvm::cast<ShapedType>(value.getType()).getShape();
}

/// A bias of `n` values from `c`: shape [n], [1, n] or a single value.
static FailureOr<SmallVector<double>> biasVector(Importer &imp,
                                                 const onnx::NodeProto &node,
                                                 const ConstTensor &c,
                                                 int64_t n, StringRef what) {
  SmallVector<int64_t> nonUnit;
  for (int64_t d : c.dims)
    if (d != 1)
      nonUnit.push_back(d);
  if (c.numElements() == 1)
    return SmallVector<double>(n, c.values[0]);
  if (c.numElements() == n && nonUnit.size() == 1 && c.dims.back() == n)
    return SmallVector<double>(c.values.begin(), c.values.end());
  return imp.emitNodeError(node)
         << what << " has shape " << formatDims(c.dims) << "; expected [" << n
         << "], [1, " << n << "] or a single value";
}

/// A rank-2 constant weight of the node's input #index; fails on other ranks
/// and on empty dimensions.
static FailureOr<const ConstTensor *>
getMatrix(Importer &imp, const onnx::NodeProto &node, int index) {
  FailureOr<const ConstTensor *> w = imp.getConstant(node, index);
  if (failed(w))
    return failure();
  if ((*w)->dims.size() != 2 || (*w)->numElements() == 0)
    return imp.emitNodeError(node)
           << "weight '" << node.input(index) << "' has shape "
           << formatDims((*w)->dims) << "; expected a non-empty matrix";
  return w;
}

/// The signal input #0 as [1, K] in ONNX terms (rank 1 in snn).
static FailureOr<Value> getVector(Importer &imp, const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  if (shapeOf(*x).size() != 1) {
    SmallVector<int64_t> dims = {1};
    llvm::append_range(dims, shapeOf(*x));
    return imp.emitNodeError(node)
           << "input A has shape " << formatDims(dims)
           << "; expected [1, K] (flatten convolutional features first)";
  }
  return x;
}

LogicalResult axon::onnximport::convertGemm(Importer &imp,
                                            const onnx::NodeProto &node) {
  FailureOr<Value> x = getVector(imp, node);
  if (failed(x))
    return failure();
  FailureOr<const ConstTensor *> b = getMatrix(imp, node, 1);
  if (failed(b))
    return failure();
  FailureOr<double> alpha = imp.getFloatAttr(node, "alpha", 1.0);
  FailureOr<double> beta =
      failed(alpha) ? FailureOr<double>() : imp.getFloatAttr(node, "beta", 1.0);
  FailureOr<int64_t> transA =
      failed(beta) ? FailureOr<int64_t>() : imp.getIntAttr(node, "transA", 0);
  FailureOr<int64_t> transB =
      failed(transA) ? FailureOr<int64_t>() : imp.getIntAttr(node, "transB", 0);
  if (failed(transB))
    return failure();
  if (*transA != 0)
    return imp.emitNodeError(node)
           << "transA = " << *transA << " is not supported (A must be [1, K])";
  if (*transB != 0 && *transB != 1)
    return imp.emitNodeError(node) << "transB must be 0 or 1, got " << *transB;
  const ConstTensor &w = **b;
  int64_t k = shapeOf(*x)[0];
  int64_t n = *transB ? w.dims[0] : w.dims[1];
  if ((*transB ? w.dims[1] : w.dims[0]) != k)
    return imp.emitNodeError(node)
           << "B has shape " << formatDims(w.dims) << " (transB = " << *transB
           << ") but A has " << k << " columns";
  SmallVector<double> weight(n * k);
  for (int64_t o = 0; o < n; ++o)
    for (int64_t i = 0; i < k; ++i)
      weight[o * k + i] = *alpha * w.values[*transB ? o * k + i : i * n + o];
  SmallVector<double> bias(n, 0.0);
  if (Importer::hasInput(node, 2)) {
    FailureOr<const ConstTensor *> c = imp.getConstant(node, 2);
    if (failed(c))
      return failure();
    FailureOr<SmallVector<double>> cv = biasVector(imp, node, **c, n, "C");
    if (failed(cv))
      return failure();
    for (int64_t o = 0; o < n; ++o)
      bias[o] = *beta * (*cv)[o];
  }
  auto op = imp.getBuilder().create<snn::AffineOp>(
      imp.getLoc(node), imp.f32Type({n}), ValueRange{*x},
      imp.f32Attr({n, k}, weight), imp.f32Attr({n}, bias));
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertMatMul(Importer &imp,
                                              const onnx::NodeProto &node) {
  FailureOr<Value> x = getVector(imp, node);
  if (failed(x))
    return failure();
  if (!Importer::hasInput(node, 1) || !imp.isConstant(node.input(1))) {
    if (failed(imp.getSignal(node, 1)))
      return failure(); // missing: already reported
    return imp.emitNodeError(node)
           << "B ('" << node.input(1)
           << "') is computed from the inputs; only constant weights "
              "(initializers) are supported";
  }
  FailureOr<const ConstTensor *> b = getMatrix(imp, node, 1);
  if (failed(b))
    return failure();
  const ConstTensor &w = **b;
  int64_t k = shapeOf(*x)[0], n = w.dims[1];
  if (w.dims[0] != k)
    return imp.emitNodeError(node) << "B has shape " << formatDims(w.dims)
                                   << " but A has " << k << " columns";
  SmallVector<double> weight(n * k);
  for (int64_t o = 0; o < n; ++o)
    for (int64_t i = 0; i < k; ++i)
      weight[o * k + i] = w.values[i * n + o];
  auto op = imp.getBuilder().create<snn::LinearOp>(
      imp.getLoc(node), imp.f32Type({n}), ValueRange{*x},
      imp.f32Attr({n, k}, weight));
  return imp.setSignal(node, 0, op.getResult());
}

/// Add(MatMul(x, W), b) (either operand order): the constant becomes the
/// bias of an affine op with the MatMul's (or Gemm's) weight.  When nothing
/// else reads the MatMul result it is replaced; otherwise the affine op is a
/// copy and the MatMul stays for its other readers.
LogicalResult axon::onnximport::convertAdd(Importer &imp,
                                           const onnx::NodeProto &node) {
  if (!Importer::hasInput(node, 0) || !Importer::hasInput(node, 1))
    return imp.emitNodeError(node) << "expects two inputs";
  int sig = imp.isConstant(node.input(0)) ? 1 : 0;
  if (!imp.isConstant(node.input(1 - sig)))
    return imp.emitNodeError(node)
           << "Add is imported only as the bias of a MatMul or Gemm; here "
              "neither input is a constant";
  FailureOr<Value> x = imp.getSignal(node, sig);
  if (failed(x))
    return failure();
  Operation *def = x->getDefiningOp();
  if (!def || !llvm::isa<snn::LinearOp, snn::AffineOp>(def))
    return imp.emitNodeError(node)
           << "Add is imported only as the bias of a MatMul or Gemm, but '"
           << node.input(sig) << "' is not computed by one";
  FailureOr<const ConstTensor *> c = imp.getConstant(node, 1 - sig);
  if (failed(c))
    return failure();
  int64_t n = shapeOf(*x)[0];
  FailureOr<SmallVector<double>> add = biasVector(imp, node, **c, n, "bias");
  if (failed(add))
    return failure();
  auto weight = def->getAttrOfType<DenseElementsAttr>("weight");
  SmallVector<double> bias(n, 0.0);
  if (auto affine = llvm::dyn_cast<snn::AffineOp>(def))
    bias = snn::getElementsAsDouble(affine.getBias());
  for (int64_t o = 0; o < n; ++o)
    bias[o] += (*add)[o];
  Location loc =
      FusedLoc::get(imp.getContext(), {def->getLoc(), imp.getLoc(node)});
  auto op = imp.getBuilder().create<snn::AffineOp>(
      loc, x->getType(), def->getOperands(), weight, imp.f32Attr({n}, bias));
  // Replace the MatMul only if no op built so far nor any later node (under
  // any of its names) reads its result.
  if (x->use_empty() && imp.getUseCount(*x) == 1) {
    imp.retireValue(*x);
    def->erase();
  }
  return imp.setSignal(node, 0, op.getResult());
}

//===----------------------------------------------------------------------===//
// Windows: convolution and pooling geometry
//===----------------------------------------------------------------------===//

namespace {
/// Resolved geometry of an N-d window op (N = 1 or 2).
struct Window {
  SmallVector<int64_t> kernel, stride, pad, dilation, out;
};
} // namespace

/// Checks that `values` has `n` entries in [lo, kMaxGeometry] (or is absent
/// and then fills it with `dflt`).
static LogicalResult checkGeometry(Importer &imp, const onnx::NodeProto &node,
                                   StringRef name, SmallVector<int64_t> &values,
                                   bool present, size_t n, int64_t lo,
                                   int64_t dflt) {
  if (!present)
    values.assign(n, dflt);
  if (values.size() != n)
    return imp.emitNodeError(node) << "'" << name << "' must have " << n
                                   << " values, got " << formatDims(values);
  for (int64_t v : values)
    if (v < lo || v > kMaxGeometry)
      return imp.emitNodeError(node)
             << "'" << name << "' values must be in [" << lo << ", "
             << kMaxGeometry << "], got " << formatDims(values);
  return success();
}

/// Resolves strides/pads/dilations/auto_pad of a window op over the spatial
/// dims `in` with the given kernel; pads must be symmetric.
static LogicalResult resolveWindow(Importer &imp, const onnx::NodeProto &node,
                                   ArrayRef<int64_t> in, Window &w) {
  size_t nd = in.size();
  bool hasStrides, hasPads, hasDilations;
  FailureOr<SmallVector<int64_t>> strides =
      imp.getIntsAttr(node, "strides", &hasStrides);
  FailureOr<SmallVector<int64_t>> pads =
      imp.getIntsAttr(node, "pads", &hasPads);
  FailureOr<SmallVector<int64_t>> dilations =
      imp.getIntsAttr(node, "dilations", &hasDilations);
  FailureOr<std::string> autoPad =
      imp.getStringAttr(node, "auto_pad", "NOTSET");
  if (failed(strides) || failed(pads) || failed(dilations) || failed(autoPad))
    return failure();
  w.stride = *strides, w.dilation = *dilations;
  SmallVector<int64_t> p = *pads;
  if (failed(
          checkGeometry(imp, node, "kernel_shape", w.kernel, true, nd, 1, 1)) ||
      failed(checkGeometry(imp, node, "strides", w.stride, hasStrides, nd, 1,
                           1)) ||
      failed(checkGeometry(imp, node, "dilations", w.dilation, hasDilations, nd,
                           1, 1)) ||
      failed(checkGeometry(imp, node, "pads", p, hasPads, 2 * nd, 0, 0)))
    return failure();
  w.pad.assign(nd, 0);
  w.out.assign(nd, 0);
  bool same = *autoPad == "SAME_UPPER" || *autoPad == "SAME_LOWER";
  if (!same && *autoPad != "NOTSET" && *autoPad != "VALID")
    return imp.emitNodeError(node) << "unknown auto_pad '" << *autoPad << "'";
  for (size_t i = 0; i < nd; ++i) {
    int64_t span = w.dilation[i] * (w.kernel[i] - 1) + 1;
    int64_t total = *autoPad == "NOTSET" ? p[i] + p[i + nd] : 0;
    if (same) {
      int64_t out = (in[i] + w.stride[i] - 1) / w.stride[i];
      total = std::max<int64_t>(0, (out - 1) * w.stride[i] + span - in[i]);
    }
    bool asymmetric = *autoPad == "NOTSET" ? p[i] != p[i + nd] : total % 2;
    if (asymmetric)
      return imp.emitNodeError(node)
             << "padding along spatial dimension " << i
             << " is asymmetric (pads " << formatDims(p) << ", auto_pad "
             << *autoPad << "); snn convolutions and pools pad symmetrically";
    w.pad[i] = total / 2;
    int64_t padded = in[i] + total;
    if (padded < span)
      return imp.emitNodeError(node)
             << "the window (" << span << ") is larger than the padded input ("
             << padded << ") along spatial dimension " << i;
    w.out[i] = (padded - span) / w.stride[i] + 1;
  }
  return success();
}

LogicalResult axon::onnximport::convertConv(Importer &imp,
                                            const onnx::NodeProto &node) {
  FailureOr<Value> x = imp.getSignal(node, 0);
  if (failed(x))
    return failure();
  FailureOr<const ConstTensor *> wt = imp.getConstant(node, 1);
  if (failed(wt))
    return failure();
  FailureOr<int64_t> group = imp.getIntAttr(node, "group", 1);
  bool hasKernel = false;
  FailureOr<SmallVector<int64_t>> kernelAttr =
      failed(group) ? FailureOr<SmallVector<int64_t>>()
                    : imp.getIntsAttr(node, "kernel_shape", &hasKernel);
  if (failed(kernelAttr))
    return failure();
  ArrayRef<int64_t> in = shapeOf(*x);
  const ConstTensor &w = **wt;
  if (in.size() != 2 && in.size() != 3)
    return imp.emitNodeError(node)
           << "only 1-D and 2-D convolutions are supported; the input has "
           << in.size() - 1 << " spatial dimension(s)";
  size_t nd = in.size() - 1;
  if (w.dims.size() != nd + 2 || w.numElements() == 0)
    return imp.emitNodeError(node)
           << "weight has shape " << formatDims(w.dims) << "; expected rank "
           << nd + 2 << " [M, C/group, kernel...] without empty dimensions";
  int64_t m = w.dims[0];
  if (*group < 1 || *group > in[0] || in[0] % *group || m % *group ||
      w.dims[1] * *group != in[0])
    return imp.emitNodeError(node)
           << "group " << *group << " does not fit " << in[0]
           << " input channels and weight shape " << formatDims(w.dims);
  Window win;
  win.kernel.assign(w.dims.begin() + 2, w.dims.end());
  if (hasKernel && ArrayRef<int64_t>(*kernelAttr) != ArrayRef(win.kernel))
    return imp.emitNodeError(node)
           << "kernel_shape " << formatDims(*kernelAttr)
           << " does not match the weight shape " << formatDims(w.dims);
  if (failed(resolveWindow(imp, node, in.drop_front(), win)))
    return failure();
  SmallVector<double> bias(m, 0.0);
  if (Importer::hasInput(node, 2)) {
    FailureOr<const ConstTensor *> b = imp.getConstant(node, 2);
    if (failed(b))
      return failure();
    if ((*b)->numElements() != m)
      return imp.emitNodeError(node)
             << "bias has shape " << formatDims((*b)->dims) << "; expected ["
             << m << "]";
    bias.assign((*b)->values.begin(), (*b)->values.end());
  }
  SmallVector<int64_t> outDims = {m};
  llvm::append_range(outDims, win.out);
  if (!checkedNumElements(outDims))
    return imp.emitNodeError(node)
           << "output " << formatDims(outDims) << " is too large";
  OpBuilder &b = imp.getBuilder();
  Location loc = imp.getLoc(node);
  DenseElementsAttr wAttr = imp.f32Attr(w.dims, w.values);
  DenseElementsAttr bAttr = imp.f32Attr({m}, bias);
  Value result;
  if (nd == 2)
    result = b.create<snn::Conv2dOp>(loc, imp.f32Type(outDims), ValueRange{*x},
                                     wAttr, bAttr, win.stride, win.pad,
                                     win.dilation, *group);
  else
    result = b.create<snn::Conv1dOp>(loc, imp.f32Type(outDims), ValueRange{*x},
                                     wAttr, bAttr, win.stride, win.pad,
                                     win.dilation, *group);
  return imp.setSignal(node, 0, result);
}

/// Reads a pooling op's input ([C, H, W] in snn) and kernel_shape.
static LogicalResult getPoolInput(Importer &imp, const onnx::NodeProto &node,
                                  Value &x, Window &win) {
  FailureOr<Value> in = imp.getSignal(node, 0);
  if (failed(in))
    return failure();
  bool hasKernel = false;
  FailureOr<SmallVector<int64_t>> kernel =
      imp.getIntsAttr(node, "kernel_shape", &hasKernel);
  if (failed(kernel))
    return failure();
  if (shapeOf(*in).size() != 3)
    return imp.emitNodeError(node)
           << "only 2-D pooling over [1, C, H, W] is supported; the input has "
           << shapeOf(*in).size() - 1 << " spatial dimension(s)";
  if (!hasKernel)
    return imp.emitNodeError(node) << "requires the 'kernel_shape' attribute";
  x = *in;
  win.kernel = *kernel;
  return resolveWindow(imp, node, shapeOf(x).drop_front(), win);
}

LogicalResult
axon::onnximport::convertAveragePool(Importer &imp,
                                     const onnx::NodeProto &node) {
  Value x;
  Window win;
  FailureOr<int64_t> countPad = imp.getIntAttr(node, "count_include_pad", 0);
  FailureOr<int64_t> ceilMode = imp.getIntAttr(node, "ceil_mode", 0);
  if (failed(countPad) || failed(ceilMode) ||
      failed(getPoolInput(imp, node, x, win)))
    return failure();
  if (llvm::any_of(win.dilation, [](int64_t d) { return d != 1; }))
    return imp.emitNodeError(node) << "dilated pooling is not supported";
  bool padded = llvm::any_of(win.pad, [](int64_t p) { return p != 0; });
  if (padded && *countPad == 0)
    return imp.emitNodeError(node)
           << "count_include_pad = 0 with padding " << formatDims(win.pad)
           << " averages border windows over fewer elements, but snn's "
              "avg_pool2d always divides by the kernel area; export with "
              "count_include_pad = 1 or without padding";
  ArrayRef<int64_t> in = shapeOf(x);
  for (size_t i = 0; i < 2 && *ceilMode; ++i)
    if ((in[i + 1] + 2 * win.pad[i] - win.kernel[i]) % win.stride[i] != 0)
      return imp.emitNodeError(node)
             << "ceil_mode = 1 adds a partial window along spatial dimension "
             << i << "; snn's avg_pool2d rounds down (export with ceil_mode "
             << "= 0)";
  SmallVector<int64_t> outDims = {in[0], win.out[0], win.out[1]};
  auto op = imp.getBuilder().create<snn::AvgPool2dOp>(
      imp.getLoc(node), imp.f32Type(outDims), ValueRange{x}, win.kernel,
      win.stride, win.pad);
  return imp.setSignal(node, 0, op.getResult());
}

LogicalResult axon::onnximport::convertMaxPool(Importer &imp,
                                               const onnx::NodeProto &node) {
  Value x;
  Window win;
  if (failed(getPoolInput(imp, node, x, win)))
    return failure();
  auto isOne = [](int64_t v) { return v == 1; };
  bool identity = llvm::all_of(win.kernel, isOne) &&
                  llvm::all_of(win.stride, isOne) &&
                  llvm::all_of(win.pad, [](int64_t p) { return p == 0; });
  if (!identity)
    return imp.emitNodeError(node)
           << "max pooling (kernel " << formatDims(win.kernel) << ", stride "
           << formatDims(win.stride)
           << ") is not supported: snn has no max pooling op (only a 1x1, "
              "stride-1 MaxPool, which is the identity, imports); export "
              "with AveragePool instead";
  return imp.setSignal(node, 0, x);
}

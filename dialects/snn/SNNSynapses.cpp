//===- SNNSynapses.cpp - snn synaptic ops -----------------------*- C++ -*-===//
//
// Verifiers and the weight-matrix view (SynapticOpInterface) of the synaptic
// ops.  Convolutions and pooling are expanded to the sparse matrix they
// compute, in ascending (post, pre) order, so the simulator and the SpiNNaker
// partitioner see every synaptic op the same way.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SNNVerify.h"

using namespace mlir;
using namespace axon::snn;
using namespace axon::snn::verify;

//===----------------------------------------------------------------------===//
// Affine, linear, scale
//===----------------------------------------------------------------------===//

/// Verifies y = W x (+ b) applied over the last dimension of the input.
static LogicalResult verifyDense(Operation *op, DenseElementsAttr weight,
                                 DenseElementsAttr bias) {
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(op, shape)) || failed(verifyFloatResult(op)))
    return failure();
  if (shape.empty())
    return op->emitOpError("input must have rank >= 1");
  ArrayRef<int64_t> w = weight.getType().getShape();
  if (w.size() != 2)
    return op->emitOpError("'weight' must have rank 2 ([out, in]), got shape ")
           << formatShape(w);
  if (w[1] != shape.back())
    return op->emitOpError("'weight' has ")
           << w[1] << " columns but the input's last dimension is "
           << shape.back();
  SmallVector<int64_t> expected(shape);
  expected.back() = w[0];
  if (failed(verifyResultShape(op, expected, "the weight's output size")))
    return failure();
  // f32 weights are checked in place (large networks hold 10^8 of them).
  bool finite = true;
  if (weight.getElementType().isF32() && !weight.isSplat()) {
    const float *data =
        reinterpret_cast<const float *>(weight.getRawData().data());
    for (int64_t i = 0, e = weight.getNumElements(); i < e; ++i)
      finite &= std::isfinite(data[i]);
  } else {
    for (double v : getElementsAsDouble(weight))
      finite &= std::isfinite(v);
  }
  if (!finite)
    return op->emitOpError("'weight' must be finite");
  if (bias && failed(verifyParameter(op, "bias", bias, {w[0]}, false)))
    return failure();
  return success();
}

/// Enumerates W (rows = outputs) applied to every leading position.
static void
forEachDenseSynapse(Operation *op, DenseElementsAttr weight,
                    function_ref<void(int64_t, int64_t, double)> fn) {
  ArrayRef<int64_t> w = weight.getType().getShape();
  int64_t out = w[0], in = w[1];
  int64_t outer =
      llvm::cast<ShapedType>(op->getOperand(0).getType()).getNumElements() /
      std::max<int64_t>(in, 1);
  SmallVector<double> values = getElementsAsDouble(weight);
  bool splat = values.size() == 1;
  for (int64_t b = 0; b < outer; ++b)
    for (int64_t j = 0; j < out; ++j)
      for (int64_t k = 0; k < in; ++k) {
        double v = splat ? values[0] : values[j * in + k];
        if (v != 0.0)
          fn(b * in + k, b * out + j, v);
      }
}

LogicalResult AffineOp::verify() {
  return verifyDense(*this, getWeight(), getBias());
}
void AffineOp::forEachSynapse(function_ref<void(int64_t, int64_t, double)> fn) {
  forEachDenseSynapse(*this, getWeight(), fn);
}
double AffineOp::getBiasValue(int64_t post) {
  int64_t out = getWeight().getType().getShape()[0];
  return getElementAsDouble(getBias(), post % out);
}

LogicalResult LinearOp::verify() {
  return verifyDense(*this, getWeight(), nullptr);
}
void LinearOp::forEachSynapse(function_ref<void(int64_t, int64_t, double)> fn) {
  forEachDenseSynapse(*this, getWeight(), fn);
}

LogicalResult ScaleOp::verify() {
  SmallVector<int64_t> shape;
  if (failed(verifySummedInputs(*this, shape)) ||
      failed(verifyResultShape(*this, shape, "the input shape")) ||
      failed(verifyFloatResult(*this)))
    return failure();
  return verifyParameter(*this, "scale", getScale(), shape, false);
}
void ScaleOp::forEachSynapse(function_ref<void(int64_t, int64_t, double)> fn) {
  int64_t n = getNumPre();
  for (int64_t i = 0; i < n; ++i) {
    double v = getElementAsDouble(getScale(), i);
    if (v != 0.0)
      fn(i, i, v);
  }
}

//===----------------------------------------------------------------------===//
// Convolution and pooling geometry
//===----------------------------------------------------------------------===//

namespace {
/// 2-D geometry; 1-D ops use H = 1, kernel height 1.
struct Geometry {
  int64_t c = 0, h = 1, w = 0;    // input
  int64_t co = 0, kh = 1, kw = 0; // output channels, kernel
  int64_t sh = 1, sw = 1, ph = 0, pw = 0, dh = 1, dw = 1, groups = 1;
  int64_t ho = 1, wo = 0; // output

  static int64_t outDim(int64_t in, int64_t k, int64_t s, int64_t p,
                        int64_t d) {
    int64_t span = d * (k - 1) + 1;
    int64_t padded = in + 2 * p;
    if (padded < span)
      return 0;
    return (padded - span) / s + 1;
  }
};
} // namespace

/// Checks a per-dimension geometry array (stride/padding/dilation/kernel).
static LogicalResult verifyGeometryArray(Operation *op, StringRef name,
                                         ArrayRef<int64_t> values, size_t nd,
                                         int64_t minValue) {
  if (values.size() != nd)
    return op->emitOpError("'")
           << name << "' must have " << nd << " values, got " << values.size();
  for (int64_t v : values)
    if (v < minValue)
      return op->emitOpError("'")
             << name << "' values must be " << (minValue > 0 ? ">= 1" : ">= 0")
             << ", got " << formatShape(values);
  return success();
}

static LogicalResult verifyConv(Operation *op, size_t nd,
                                DenseElementsAttr weight,
                                DenseElementsAttr bias,
                                ArrayRef<int64_t> stride,
                                ArrayRef<int64_t> padding,
                                ArrayRef<int64_t> dilation, int64_t groups) {
  SmallVector<int64_t> in;
  if (failed(verifySummedInputs(op, in)) || failed(verifyFloatResult(op)))
    return failure();
  StringRef layout = nd == 1 ? "[C, L]" : "[C, H, W]";
  if (in.size() != nd + 1)
    return op->emitOpError("input must have rank ")
           << nd + 1 << " (" << layout << "), got shape " << formatShape(in);
  ArrayRef<int64_t> w = weight.getType().getShape();
  if (w.size() != nd + 2)
    return op->emitOpError("'weight' must have rank ")
           << nd + 2 << " ([C_out, C_in/groups, "
           << (nd == 1 ? "K" : "K_h, K_w") << "]), got shape "
           << formatShape(w);
  if (failed(verifyGeometryArray(op, "stride", stride, nd, 1)) ||
      failed(verifyGeometryArray(op, "padding", padding, nd, 0)) ||
      failed(verifyGeometryArray(op, "dilation", dilation, nd, 1)))
    return failure();
  if (groups < 1 || in[0] % groups != 0 || w[0] % groups != 0)
    return op->emitOpError("'groups' (")
           << groups << ") must be positive and divide the input channels ("
           << in[0] << ") and the output channels (" << w[0] << ")";
  if (w[1] * groups != in[0])
    return op->emitOpError("'weight' expects ")
           << w[1] << " input channels per group, but the input has " << in[0]
           << " channels in " << groups << " group(s)";
  SmallVector<int64_t> expected = {w[0]};
  for (size_t i = 0; i < nd; ++i) {
    int64_t o = Geometry::outDim(in[1 + i], w[2 + i], stride[i], padding[i],
                                 dilation[i]);
    if (o < 1)
      return op->emitOpError("the dilated kernel (")
             << dilation[i] * (w[2 + i] - 1) + 1
             << ") is larger than the padded input ("
             << in[1 + i] + 2 * padding[i] << ") along spatial dimension " << i;
    expected.push_back(o);
  }
  if (failed(verifyResultShape(op, expected, "the convolution geometry")))
    return failure();
  return verifyParameter(op, "bias", bias, {w[0]}, false);
}

static LogicalResult verifyPool(Operation *op, ArrayRef<int64_t> kernel,
                                ArrayRef<int64_t> stride,
                                ArrayRef<int64_t> padding) {
  SmallVector<int64_t> in;
  if (failed(verifySummedInputs(op, in)) || failed(verifyFloatResult(op)))
    return failure();
  if (in.size() != 3)
    return op->emitOpError("input must have rank 3 ([C, H, W]), got shape ")
           << formatShape(in);
  if (failed(verifyGeometryArray(op, "kernel_size", kernel, 2, 1)) ||
      failed(verifyGeometryArray(op, "stride", stride, 2, 1)) ||
      failed(verifyGeometryArray(op, "padding", padding, 2, 0)))
    return failure();
  SmallVector<int64_t> expected = {in[0]};
  for (int i = 0; i < 2; ++i) {
    int64_t o =
        Geometry::outDim(in[1 + i], kernel[i], stride[i], padding[i], 1);
    if (o < 1)
      return op->emitOpError("the kernel (")
             << kernel[i] << ") is larger than the padded input ("
             << in[1 + i] + 2 * padding[i] << ") along spatial dimension " << i;
    expected.push_back(o);
  }
  return verifyResultShape(op, expected, "the pooling geometry");
}

/// Geometry of a verified conv op (nd = 1 or 2).
static Geometry convGeometry(Operation *op, DenseElementsAttr weight,
                             ArrayRef<int64_t> stride,
                             ArrayRef<int64_t> padding,
                             ArrayRef<int64_t> dilation, int64_t groups) {
  Geometry g;
  ArrayRef<int64_t> in = shapeOf(op->getOperand(0));
  ArrayRef<int64_t> out = shapeOf(op->getResult(0));
  ArrayRef<int64_t> w = weight.getType().getShape();
  g.c = in[0];
  g.co = w[0];
  g.groups = groups;
  if (in.size() == 2) {
    g.w = in[1], g.kw = w[2], g.sw = stride[0], g.pw = padding[0],
    g.dw = dilation[0], g.wo = out[1];
  } else {
    g.h = in[1], g.w = in[2], g.kh = w[2], g.kw = w[3];
    g.sh = stride[0], g.sw = stride[1], g.ph = padding[0], g.pw = padding[1];
    g.dh = dilation[0], g.dw = dilation[1], g.ho = out[1], g.wo = out[2];
  }
  return g;
}

/// Enumerates the synapses of a convolution (weights given) or a pooling
/// window (every weight `poolWeight`, one group per channel).
static void
forEachWindowSynapse(const Geometry &g, ArrayRef<double> weights,
                     double poolWeight,
                     function_ref<void(int64_t, int64_t, double)> fn) {
  bool pooling = weights.empty();
  int64_t cinPerGroup = pooling ? 1 : g.c / g.groups;
  int64_t coutPerGroup = pooling ? 1 : g.co / g.groups;
  for (int64_t co = 0; co < g.co; ++co) {
    int64_t group = co / coutPerGroup;
    for (int64_t oy = 0; oy < g.ho; ++oy)
      for (int64_t ox = 0; ox < g.wo; ++ox) {
        int64_t post = (co * g.ho + oy) * g.wo + ox;
        for (int64_t ci = 0; ci < cinPerGroup; ++ci) {
          int64_t cin = pooling ? co : group * cinPerGroup + ci;
          for (int64_t ky = 0; ky < g.kh; ++ky) {
            int64_t iy = oy * g.sh - g.ph + ky * g.dh;
            if (iy < 0 || iy >= g.h)
              continue;
            for (int64_t kx = 0; kx < g.kw; ++kx) {
              int64_t ix = ox * g.sw - g.pw + kx * g.dw;
              if (ix < 0 || ix >= g.w)
                continue;
              double v =
                  pooling
                      ? poolWeight
                      : weights[((co * cinPerGroup + ci) * g.kh + ky) * g.kw +
                                kx];
              if (v != 0.0)
                fn((cin * g.h + iy) * g.w + ix, post, v);
            }
          }
        }
      }
  }
}

LogicalResult Conv1dOp::verify() {
  return verifyConv(*this, 1, getWeight(), getBias(), getStride(), getPadding(),
                    getDilation(), getGroups());
}
void Conv1dOp::forEachSynapse(function_ref<void(int64_t, int64_t, double)> fn) {
  Geometry g = convGeometry(*this, getWeight(), getStride(), getPadding(),
                            getDilation(), getGroups());
  forEachWindowSynapse(g, getElementsAsDouble(getWeight()), 0.0, fn);
}
double Conv1dOp::getBiasValue(int64_t post) {
  int64_t perChannel = shapeOf(getResult())[1];
  return getElementAsDouble(getBias(), post / perChannel);
}

LogicalResult Conv2dOp::verify() {
  return verifyConv(*this, 2, getWeight(), getBias(), getStride(), getPadding(),
                    getDilation(), getGroups());
}
void Conv2dOp::forEachSynapse(function_ref<void(int64_t, int64_t, double)> fn) {
  Geometry g = convGeometry(*this, getWeight(), getStride(), getPadding(),
                            getDilation(), getGroups());
  forEachWindowSynapse(g, getElementsAsDouble(getWeight()), 0.0, fn);
}
double Conv2dOp::getBiasValue(int64_t post) {
  ArrayRef<int64_t> out = shapeOf(getResult());
  return getElementAsDouble(getBias(), post / (out[1] * out[2]));
}

/// Pooling geometry of a verified pool op.
static Geometry poolGeometry(Operation *op, ArrayRef<int64_t> kernel,
                             ArrayRef<int64_t> stride,
                             ArrayRef<int64_t> padding) {
  Geometry g;
  ArrayRef<int64_t> in = shapeOf(op->getOperand(0));
  ArrayRef<int64_t> out = shapeOf(op->getResult(0));
  g.c = g.co = g.groups = in[0];
  g.h = in[1], g.w = in[2], g.kh = kernel[0], g.kw = kernel[1];
  g.sh = stride[0], g.sw = stride[1], g.ph = padding[0], g.pw = padding[1];
  g.ho = out[1], g.wo = out[2];
  return g;
}

LogicalResult SumPool2dOp::verify() {
  return verifyPool(*this, getKernelSize(), getStride(), getPadding());
}
void SumPool2dOp::forEachSynapse(
    function_ref<void(int64_t, int64_t, double)> fn) {
  Geometry g = poolGeometry(*this, getKernelSize(), getStride(), getPadding());
  forEachWindowSynapse(g, {}, 1.0, fn);
}

LogicalResult AvgPool2dOp::verify() {
  return verifyPool(*this, getKernelSize(), getStride(), getPadding());
}
void AvgPool2dOp::forEachSynapse(
    function_ref<void(int64_t, int64_t, double)> fn) {
  Geometry g = poolGeometry(*this, getKernelSize(), getStride(), getPadding());
  forEachWindowSynapse(g, {}, 1.0 / double(g.kh * g.kw), fn);
}

//===- Geometry.cpp - Convolution and pooling geometry ----------*- C++ -*-===//
//
// Output size per spatial dimension is PyTorch's (and NIR's):
//   out = floor((in + 2*pad - dil*(k - 1) - 1) / stride) + 1.
// Geometry parameters are splats or one value per spatial dimension.
//
//===----------------------------------------------------------------------===//

#include "Geometry.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::sim;
using llvm::Expected;

static llvm::Error geomError(const Node &node, const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "node '" + node.name + "' (" +
                                     kindName(node.kind) + "): " + msg);
}

/// Value of a per-dimension geometry parameter for spatial dimension `dim` of
/// `dims`, or `dflt`.
static int64_t geomParam(const Node &node, llvm::StringRef key, unsigned dim,
                         unsigned dims, int64_t dflt) {
  const Tensor *t = node.param(key);
  if (!t || t->data.empty())
    return dflt;
  if (t->isSplat())
    return static_cast<int64_t>(t->data[0]);
  size_t idx = t->size() == dims ? dim : t->size() - dims + dim;
  return static_cast<int64_t>(t->data[idx]);
}

static llvm::Error finishSpatial(const Node &node, ConvGeometry &g) {
  if (g.strideH < 1 || g.strideW < 1 || g.dilH < 1 || g.dilW < 1 ||
      g.padH < 0 || g.padW < 0 || g.kH < 1 || g.kW < 1)
    return geomError(node, "stride, dilation and kernel size must be >= 1 and "
                           "padding >= 0");
  int64_t effH = g.dilH * (g.kH - 1) + 1, effW = g.dilW * (g.kW - 1) + 1;
  if (g.inH + 2 * g.padH < effH || g.inW + 2 * g.padW < effW)
    return geomError(node, llvm::formatv("kernel {0}x{1} larger than padded "
                                         "input {2}x{3}",
                                         effH, effW, g.inH + 2 * g.padH,
                                         g.inW + 2 * g.padW));
  g.outH = (g.inH + 2 * g.padH - effH) / g.strideH + 1;
  g.outW = (g.inW + 2 * g.padW - effW) / g.strideW + 1;
  return llvm::Error::success();
}

Expected<ConvGeometry>
axon::sim::convGeometry(const Node &node, llvm::ArrayRef<int64_t> inShape) {
  unsigned dims = node.kind == NodeKind::Conv1d ? 1 : 2;
  const Tensor *w = node.param("weight");
  if (!w || w->shape.size() != dims + 2)
    return geomError(node,
                     llvm::formatv("'weight' must have rank {0}", dims + 2));
  if (inShape.size() != dims + 1)
    return geomError(node, llvm::formatv("input must have rank {0}, got {1}",
                                         dims + 1, inShape.size()));
  ConvGeometry g;
  g.inC = inShape[0];
  g.outC = w->shape[0];
  g.groups = static_cast<int64_t>(node.get("groups", 0, 1));
  if (g.groups < 1 || g.inC % g.groups || g.outC % g.groups)
    return geomError(node, llvm::formatv("groups {0} must divide in ({1}) and "
                                         "out ({2}) channels",
                                         g.groups, g.inC, g.outC));
  if (w->shape[1] != g.inC / g.groups)
    return geomError(node, llvm::formatv("'weight' dim 1 is {0}, expected "
                                         "in_channels/groups = {1}",
                                         w->shape[1], g.inC / g.groups));
  if (dims == 2) {
    g.inH = inShape[1];
    g.kH = w->shape[2];
  }
  g.inW = inShape[dims];
  g.kW = w->shape[dims + 1];
  unsigned h = 0, wd = dims - 1;
  if (dims == 2) {
    g.strideH = geomParam(node, "stride", h, dims, 1);
    g.padH = geomParam(node, "padding", h, dims, 0);
    g.dilH = geomParam(node, "dilation", h, dims, 1);
  }
  g.strideW = geomParam(node, "stride", wd, dims, 1);
  g.padW = geomParam(node, "padding", wd, dims, 0);
  g.dilW = geomParam(node, "dilation", wd, dims, 1);
  if (auto err = finishSpatial(node, g))
    return std::move(err);
  return g;
}

Expected<ConvGeometry>
axon::sim::poolGeometry(const Node &node, llvm::ArrayRef<int64_t> inShape) {
  if (inShape.size() != 3)
    return geomError(node, llvm::formatv("input must have rank 3 [C, H, W], "
                                         "got rank {0}",
                                         inShape.size()));
  if (!node.hasParam("kernel_size"))
    return geomError(node, "missing 'kernel_size'");
  ConvGeometry g;
  g.inC = g.outC = g.groups = inShape[0];
  g.inH = inShape[1];
  g.inW = inShape[2];
  g.kH = geomParam(node, "kernel_size", 0, 2, 1);
  g.kW = geomParam(node, "kernel_size", 1, 2, 1);
  // NIR: stride defaults to the kernel size.
  g.strideH = geomParam(node, "stride", 0, 2, g.kH);
  g.strideW = geomParam(node, "stride", 1, 2, g.kW);
  g.padH = geomParam(node, "padding", 0, 2, 0);
  g.padW = geomParam(node, "padding", 1, 2, 0);
  if (auto err = finishSpatial(node, g))
    return std::move(err);
  return g;
}

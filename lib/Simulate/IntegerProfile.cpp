//===- IntegerProfile.cpp - int64 ANNs: printed MLPs and BNNs ---*- C++ -*-===//
//
// The "integer" and "binary" profiles evaluate quantized ANNs exactly as the
// printed and threshold back ends build them in hardware: int64 accumulators,
// no rounding anywhere.  Parameters must already be integers (the
// quantization pass chose the scales); a fractional weight is an error, not
// something to round silently.  "binary" additionally requires weights in
// {-1, 0, +1} and inputs in {-1, +1} or bits {0, 1} (0 encodes -1); Sign maps
// 0 to +1 in both.  A BatchNorm whose only consumers are Sign or ArgMax nodes
// (the BNN pattern) is evaluated in double and passed on as an
// order-preserving integer key, so BNNs run without folding.
//
//===----------------------------------------------------------------------===//

#include "EngineCore.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

#include <cstring>

using namespace axon::sim;

static bool integerInput(double x, int64_t &v) {
  auto i = fixed::exactInteger(x);
  v = i.value_or(0);
  return i.has_value();
}

/// An int64 with the order and sign of `y`: keyOf(a) < keyOf(b) iff a < b,
/// keyOf(y) >= 0 iff y >= 0 (-0 and +0 both map to 0).
static int64_t orderKey(double y) {
  uint64_t bits;
  std::memcpy(&bits, &y, sizeof bits);
  uint64_t magnitude = bits & 0x7FFFFFFFFFFFFFFFull;
  return (bits >> 63) ? -int64_t(magnitude) : int64_t(magnitude);
}

/// A BatchNorm feeding only Sign and ArgMax nodes: y = (x - mean) * gamma /
/// sqrt(var + eps) + beta in double, exactly as the float profiles compute it,
/// passed on as orderKey(y).  Sign and ArgMax depend only on the order and
/// sign of their inputs, so they see exactly what they would see in double;
/// any other consumer needs the real value, so it is an error.
static llvm::Expected<KernelPtr<IntArith>>
buildOrderBatchNorm(const Network &net, NodeId id) {
  const Node &node = net.node(id);
  bool anyConsumer = false;
  for (NodeId c = 0; c < net.size(); ++c) {
    const Node &user = net.node(c);
    if (!llvm::is_contained(user.inputs, id))
      continue;
    anyConsumer = true;
    if (user.kind != NodeKind::Sign && user.kind != NodeKind::ArgMax)
      return kernelError(
          node, llvm::formatv("the integer profiles evaluate BatchNorm only "
                              "before Sign or ArgMax, but it feeds '{0}'; "
                              "fold it into the neighbouring op first",
                              user.name));
  }
  if (!anyConsumer)
    return kernelError(node, "the integer profiles evaluate BatchNorm only "
                             "before Sign or ArgMax; this one feeds nothing");
  KernelPtr<IntArith> k = makeMap<IntArith>(
      node.numOutputs(),
      [bn = batchNormAffine(node)](size_t i, int64_t x) -> int64_t {
        return orderKey(bn(i, double(x)));
      });
  k->outUnit = IntArith::unit();
  return k;
}

static bool binaryInput(double x, int64_t &v) {
  if (x != 1.0 && x != -1.0 && x != 0.0)
    return false;
  v = x == 1.0 ? 1 : -1;
  return true;
}

llvm::Expected<std::unique_ptr<EngineCore>>
axon::sim::createIntegerCore(const BuildContext &ctx, bool binary) {
  std::vector<KernelPtr<IntArith>> kernels(ctx.net.size());
  for (NodeId id = 0; id < ctx.net.size(); ++id) {
    const Node &node = ctx.net.node(id);
    if (node.kind == NodeKind::Input)
      continue;
    if (isNeuron(node.kind))
      return kernelError(node, "this profile runs ANN nodes only (no "
                               "neuron state)");
    if (node.kind == NodeKind::BatchNorm) {
      auto k = buildOrderBatchNorm(ctx.net, id);
      if (!k)
        return k.takeError();
      kernels[id] = std::move(*k);
      continue;
    }
    bool strictBinary = binary && isSynaptic(node.kind);
    auto weight = [&](double w) -> llvm::Expected<int64_t> {
      auto i = fixed::exactInteger(w);
      if (!i)
        return kernelError(node, llvm::formatv("parameter {0} is not an "
                                               "integer",
                                               llvm::format("%g", w)));
      if (strictBinary && (*i < -1 || *i > 1))
        return kernelError(node, llvm::formatv("binary weights must be -1, 0 "
                                               "or +1, got {0}",
                                               llvm::format("%g", w)));
      return *i;
    };
    auto bias = [&](double b) -> llvm::Expected<int64_t> {
      auto i = fixed::exactInteger(b);
      if (!i)
        return kernelError(node, llvm::formatv("bias {0} is not an integer",
                                               llvm::format("%g", b)));
      return *i;
    };
    GenericContext<IntArith> g;
    g.dt = ctx.opts.dt;
    g.sparse = ctx.useSparse(node);
    g.integerParams = true;
    g.weight = weight;
    g.bias = bias;
    auto k = buildGeneric(node, g);
    if (!k)
      return k.takeError();
    if (!*k)
      return kernelError(node, "not supported by this profile");
    kernels[id] = std::move(*k);
  }
  return std::make_unique<EngineImpl<IntArith>>(
      ctx, std::move(kernels), binary ? &binaryInput : &integerInput);
}

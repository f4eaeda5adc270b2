//===- IntegerProfile.cpp - int64 ANNs: printed MLPs and BNNs ---*- C++ -*-===//
//
// The "integer" and "binary" profiles evaluate quantized ANNs exactly as the
// printed and threshold back ends build them in hardware: int64 accumulators,
// no rounding anywhere.  Parameters must already be integers (the
// quantization pass chose the scales); a fractional weight is an error, not
// something to round silently.  "binary" additionally requires weights in
// {-1, 0, +1} and inputs in {-1, +1} or bits {0, 1} (0 encodes -1); Sign maps
// 0 to +1 in both.
//
//===----------------------------------------------------------------------===//

#include "EngineCore.h"

#include "llvm/Support/Format.h"

using namespace axon::sim;

static bool integerInput(double x, int64_t &v) {
  auto i = fixed::exactInteger(x);
  v = i.value_or(0);
  return i.has_value();
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

//===- GenericBuild.h - Kernels for profile-independent nodes ---*- C++ -*-===//
//
// Turns a Node into one of the generic kernels.  The profile supplies how a
// real weight / bias becomes its integer (or double) form; everything else
// (CSR construction, geometry, per-element parameters, delays in steps) is
// shared so that profiles cannot drift apart on structure.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_GENERICBUILD_H
#define AXON_LIB_SIMULATE_GENERICBUILD_H

#include "GenericKernels.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <memory>
#include <type_traits>

namespace axon::sim {

inline llvm::Error kernelError(const Node &node, const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "node '" + node.name + "' (" +
                                     kindName(node.kind) + "): " + msg);
}

template <class A> struct GenericContext {
  using W = typename A::W;
  using Acc = typename A::Acc;
  double dt = 1e-3;
  /// Use the CSR (event-driven) form for Affine/Linear.
  bool sparse = false;
  /// Whether Clamp bounds must be integers (integer and binary profiles).
  bool integerParams = false;
  llvm::function_ref<llvm::Expected<W>(double)> weight;
  llvm::function_ref<llvm::Expected<Acc>(double)> bias;
};

template <class A> using KernelPtr = std::unique_ptr<Kernel<typename A::V>>;

/// Fills the dense or CSR weights and the bias of a LinearKernel-like object.
template <class A, class K>
llvm::Error fillLinear(const Node &node, const GenericContext<A> &ctx, K &k) {
  k.nIn = uint32_t(node.numInputs());
  k.nOut = uint32_t(node.numOutputs());
  k.sparse = ctx.sparse;
  const Tensor *w = node.param("weight");
  if (ctx.sparse) {
    SparseWeights local;
    const SparseWeights *s = node.sparse.get();
    if (!s) {
      local = SparseWeights::fromDense(w->data, k.nOut, k.nIn);
      s = &local;
    }
    k.rowStart = s->rowStart;
    k.post = s->post;
    k.weight.reserve(s->weight.size());
    for (double v : s->weight) {
      auto q = ctx.weight(v);
      if (!q)
        return q.takeError();
      k.weight.push_back(*q);
    }
  } else {
    if (!w && uint64_t(k.nIn) * k.nOut > (uint64_t(1) << 28))
      return kernelError(node, "too large for the dense synapse mode");
    std::vector<double> d = w ? w->data : node.sparse->toDense();
    k.dense.reserve(d.size());
    for (double v : d) {
      auto q = ctx.weight(v);
      if (!q)
        return q.takeError();
      k.dense.push_back(*q);
    }
  }
  k.init.resize(k.nOut);
  for (uint32_t o = 0; o < k.nOut; ++o) {
    auto b = ctx.bias(node.get("bias", o, 0.0));
    if (!b)
      return b.takeError();
    k.init[o] = *b;
  }
  return llvm::Error::success();
}

template <class A>
llvm::Expected<KernelPtr<A>> buildConvLike(const Node &node,
                                           const GenericContext<A> &ctx) {
  auto k = std::make_unique<ConvKernel<A>>();
  bool pool =
      node.kind == NodeKind::SumPool2d || node.kind == NodeKind::AvgPool2d;
  auto g = pool ? poolGeometry(node, node.inputShape)
                : convGeometry(node, node.inputShape);
  if (!g)
    return g.takeError();
  k->g = *g;
  if (node.kind == NodeKind::AvgPool2d)
    k->averageOver = g->kH * g->kW;
  if (!pool) {
    for (double v : node.param("weight")->data) {
      auto q = ctx.weight(v);
      if (!q)
        return q.takeError();
      k->weight.push_back(*q);
    }
    for (int64_t c = 0; c < g->outC; ++c) {
      auto b = ctx.bias(node.get("bias", c, 0.0));
      if (!b)
        return b.takeError();
      k->init.push_back(*b);
    }
  }
  k->outUnit = A::unit();
  return KernelPtr<A>(std::move(k));
}

/// ArgMax: index of the first maximum (ties -> lowest index).
template <class A> class ArgMaxKernel : public Kernel<typename A::V> {
  using V = typename A::V;

public:
  explicit ArgMaxKernel(size_t n) : n(n) {}
  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    out.values.assign(1, A::fromIndex(0));
    out.hasEvents = false;
    if (in.empty())
      return;
    const std::vector<V> &x = merger.get(in, n)->values;
    size_t best = 0;
    for (size_t i = 1; i < n; ++i)
      if (x[i] > x[best])
        best = i;
    out.values[0] = A::fromIndex(int64_t(best));
  }

private:
  size_t n;
  InputMerger<A> merger;
};

template <class A>
llvm::Expected<KernelPtr<A>> buildElementwise(const Node &node,
                                              const GenericContext<A> &ctx) {
  using V = typename A::V;
  size_t n = node.numOutputs();
  std::vector<V> p0(n), p1(n);
  switch (node.kind) {
  case NodeKind::ReLU:
    return makeMap<A>(n, [](size_t, V x) { return x > V(0) ? x : V(0); });
  case NodeKind::Sign: // sign(0) = +1
    return makeMap<A>(
        n, [](size_t, V x) { return x >= V(0) ? A::one() : V(-A::one()); });
  case NodeKind::Threshold:
    for (size_t i = 0; i < n; ++i)
      p0[i] = A::param(node.get("threshold", i, 0));
    return makeMap<A>(
        n, [p0](size_t i, V x) { return x > p0[i] ? A::one() : V(0); },
        /*spikes=*/true);
  case NodeKind::Clamp:
    for (size_t i = 0; i < n; ++i) {
      double lo = node.get("min", i, -1e300), hi = node.get("max", i, 1e300);
      if (ctx.integerParams &&
          ((node.hasParam("min") && !fixed::exactInteger(lo)) ||
           (node.hasParam("max") && !fixed::exactInteger(hi))))
        return kernelError(node, "this profile needs integer clamp bounds");
      p0[i] = A::param(std::max(lo, -9e18));
      p1[i] = A::param(std::min(hi, 9e18));
    }
    return makeMap<A>(n, [p0, p1](size_t i, V x) {
      return x < p0[i] ? p0[i] : (x > p1[i] ? p1[i] : x);
    });
  case NodeKind::Scale: {
    std::vector<typename A::W> s(n);
    for (size_t i = 0; i < n; ++i) {
      auto q = ctx.weight(node.get("scale", i, 1.0));
      if (!q)
        return q.takeError();
      s[i] = *q;
    }
    return makeMap<A>(n, [s](size_t i, V x) {
      return A::finish(A::mac(typename A::Acc(0), s[i], x));
    });
  }
  default:
    return KernelPtr<A>();
  }
}

/// BatchNorm per element: y[i] = (x[i] - mean[i]) * mul[i] + add[i] with
/// mul = gamma / sqrt(var + eps), add = beta (parameters per channel, the
/// first dimension).  Every profile that evaluates BatchNorm uses this.
struct BatchNormAffine {
  std::vector<double> mul, add, mean;
  double operator()(size_t i, double x) const {
    return (x - mean[i]) * mul[i] + add[i];
  }
};

inline BatchNormAffine batchNormAffine(const Node &node) {
  size_t n = node.numOutputs();
  size_t perChannel = n / size_t(node.outputShape[0]);
  double eps = node.get("eps", 0, 1e-5);
  BatchNormAffine bn{std::vector<double>(n), std::vector<double>(n),
                     std::vector<double>(n)};
  for (size_t i = 0; i < n; ++i) {
    size_t c = i / perChannel;
    bn.mul[i] =
        node.get("gamma", c, 1.0) / std::sqrt(node.get("var", c, 1.0) + eps);
    bn.add[i] = node.get("beta", c, 0.0);
    bn.mean[i] = node.get("mean", c, 0.0);
  }
  return bn;
}

template <class A>
llvm::Expected<KernelPtr<A>> buildBatchNorm(const Node &node) {
  if constexpr (!std::is_same_v<A, FloatArith>) {
    return kernelError(node, "only the float profiles evaluate BatchNorm; "
                             "fold it into the neighbouring op first");
  } else {
    return makeMap<A>(
        node.numOutputs(),
        [bn = batchNormAffine(node)](size_t i, double x) { return bn(i, x); });
  }
}

/// Kernel for any non-neuron kind (except Input, which the engine owns);
/// a null pointer for kinds the profile must build itself.
template <class A>
llvm::Expected<KernelPtr<A>> buildGeneric(const Node &node,
                                          const GenericContext<A> &ctx) {
  switch (node.kind) {
  case NodeKind::Affine:
  case NodeKind::Linear: {
    auto k = std::make_unique<LinearKernel<A>>();
    if (auto err = fillLinear(node, ctx, *k))
      return std::move(err);
    k->outUnit = A::unit();
    return KernelPtr<A>(std::move(k));
  }
  case NodeKind::Conv1d:
  case NodeKind::Conv2d:
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d:
    return buildConvLike(node, ctx);
  case NodeKind::Output:
  case NodeKind::Flatten:
    return KernelPtr<A>(std::make_unique<PassKernel<A>>(node.numOutputs()));
  case NodeKind::Delay: {
    std::vector<int64_t> steps(node.numOutputs());
    int64_t maxSteps = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
      double d = node.get("delay", i, 0) / ctx.dt;
      if (!(d < 1e9))
        return kernelError(node, "delay too long for dt");
      steps[i] = std::llround(d);
      maxSteps = std::max(maxSteps, steps[i]);
    }
    if (uint64_t(maxSteps + 1) * steps.size() > (uint64_t(1) << 28))
      return kernelError(node, llvm::formatv("a delay of {0} steps over {1} "
                                             "elements needs too large a ring "
                                             "buffer",
                                             maxSteps, steps.size()));
    return KernelPtr<A>(std::make_unique<DelayKernel<A>>(std::move(steps)));
  }
  case NodeKind::ArgMax: {
    auto k = std::make_unique<ArgMaxKernel<A>>(node.numInputs());
    k->outUnit = A::unit();
    return KernelPtr<A>(std::move(k));
  }
  case NodeKind::BatchNorm:
    return buildBatchNorm<A>(node);
  default: {
    auto k = buildElementwise(node, ctx);
    if (k && *k)
      (*k)->outUnit = A::unit();
    return k;
  }
  }
}

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_GENERICBUILD_H

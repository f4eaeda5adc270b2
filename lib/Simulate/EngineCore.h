//===- EngineCore.h - The step loop, templated on the profile ---*- C++ -*-===//
//
// EngineImpl owns the kernels, the per-node output signals and the history
// rings of delayed edges.  It is the only place that knows about edge delays:
// kernels receive the already-delayed source signals.  Profiles only build
// kernels (one factory per profile, declared at the bottom).
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_ENGINECORE_H
#define AXON_LIB_SIMULATE_ENGINECORE_H

#include "GenericBuild.h"
#include "Kernel.h"
#include "axon/Simulate/Engine.h"

#include <algorithm>

namespace axon::sim {

class EngineCore {
public:
  virtual ~EngineCore() = default;
  virtual llvm::Error setInput(NodeId node, llvm::ArrayRef<double> values) = 0;
  virtual llvm::Error setInputEvents(NodeId node,
                                     llvm::ArrayRef<uint32_t> indices) = 0;
  virtual void step() = 0;
  virtual void reset() = 0;
  virtual bool probe(NodeId node, ProbeField field,
                     std::vector<double> &dst) const = 0;
  virtual uint64_t now() const = 0;
};

struct BuildContext {
  const Network &net;
  const EngineOptions &opts;
  const Schedule &sched;

  /// The synapse form of an Affine/Linear node under the options.
  bool useSparse(const Node &node) const {
    if (opts.synapses != SynapseMode::Auto)
      return opts.synapses == SynapseMode::Sparse;
    if (node.sparse)
      return true;
    for (NodeId src : node.inputs)
      if (isSpiking(net.node(src).kind) ||
          net.node(src).kind == NodeKind::Input)
        return true;
    return false;
  }
};

/// Converts one real input value to the profile's value type, or fails.
template <class V> using InputConv = bool (*)(double, V &);

template <class A> class EngineImpl final : public EngineCore {
  using V = typename A::V;

public:
  EngineImpl(const BuildContext &ctx, std::vector<KernelPtr<A>> kernels,
             InputConv<V> conv);
  llvm::Error setInput(NodeId node, llvm::ArrayRef<double> values) override;
  llvm::Error setInputEvents(NodeId node,
                             llvm::ArrayRef<uint32_t> indices) override;
  void step() override;
  void reset() override;
  bool probe(NodeId node, ProbeField field,
             std::vector<double> &dst) const override;
  uint64_t now() const override { return t; }

private:
  struct InEdge {
    NodeId src;
    unsigned delay;
  };
  enum class Pending : uint8_t { None, Dense, Events };
  struct InputState {
    std::vector<V> dense;
    std::vector<uint32_t> events;
    Pending pending = Pending::None;
  };
  void applyInput(NodeId node);
  const Signal<V> *source(const InEdge &e) const {
    if (e.delay == 0)
      return &out[e.src];
    if (t < e.delay)
      return &zeros[e.src];
    return &hist[e.src][(t - e.delay) % hist[e.src].size()];
  }

  std::vector<KernelPtr<A>> kernels; ///< null for Input nodes
  std::vector<Signal<V>> out;
  std::vector<std::vector<InEdge>> inEdges;
  std::vector<std::vector<Signal<V>>> hist; ///< ring of past outputs
  std::vector<Signal<V>> zeros;             ///< output before step 0
  std::vector<NodeId> order;
  std::vector<InputState> inputs;
  std::vector<uint8_t> isInput;
  std::vector<size_t> sizes;
  std::vector<const Signal<V> *> ins;
  InputConv<V> conv;
  uint64_t t = 0;
};

template <class A>
EngineImpl<A>::EngineImpl(const BuildContext &ctx,
                          std::vector<KernelPtr<A>> kernelList,
                          InputConv<V> conv)
    : kernels(std::move(kernelList)), order(ctx.sched.order), conv(conv) {
  const Network &net = ctx.net;
  size_t n = net.size();
  out.resize(n);
  inEdges.resize(n);
  hist.resize(n);
  zeros.resize(n);
  inputs.resize(n);
  isInput.assign(n, 0);
  sizes.resize(n);
  std::vector<unsigned> depth(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    const Node &node = net.node(v);
    isInput[v] = node.kind == NodeKind::Input;
    sizes[v] = node.numOutputs();
    for (size_t k = 0; k < node.inputs.size(); ++k) {
      NodeId src = node.inputs[k];
      unsigned d = ctx.sched.delay[v][k];
      inEdges[v].push_back({src, d});
      depth[src] = std::max(depth[src], d);
    }
  }
  for (NodeId v = 0; v < n; ++v) {
    hist[v].resize(depth[v]);
    if (depth[v])
      zeros[v].resize(net.node(v).numOutputs());
  }
  // Pass-through kinds report in the unit of what they pass.
  for (NodeId v : order) {
    NodeKind k = net.node(v).kind;
    if ((k == NodeKind::Output || k == NodeKind::Flatten ||
         k == NodeKind::Delay) &&
        !net.node(v).inputs.empty()) {
      NodeId src = net.node(v).inputs[0];
      kernels[v]->outUnit = kernels[src] ? kernels[src]->outUnit : A::unit();
    }
  }
  reset();
}

template <class A> void EngineImpl<A>::reset() {
  t = 0;
  for (size_t v = 0; v < out.size(); ++v) {
    out[v].resize(sizes[v]);
    if (kernels[v])
      kernels[v]->reset();
    inputs[v].pending = Pending::None;
  }
}

template <class A>
llvm::Error EngineImpl<A>::setInput(NodeId node,
                                    llvm::ArrayRef<double> values) {
  InputState &s = inputs[node];
  s.dense.resize(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    if (!conv(values[i], s.dense[i]))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "input value %g at index %zu is not representable in this profile",
          values[i], i);
  s.pending = Pending::Dense;
  return llvm::Error::success();
}

template <class A>
llvm::Error EngineImpl<A>::setInputEvents(NodeId node,
                                          llvm::ArrayRef<uint32_t> indices) {
  InputState &s = inputs[node];
  s.events.assign(indices.begin(), indices.end());
  std::sort(s.events.begin(), s.events.end());
  s.pending = Pending::Events;
  return llvm::Error::success();
}

template <class A> void EngineImpl<A>::applyInput(NodeId node) {
  Signal<V> &o = out[node];
  InputState &s = inputs[node];
  if (o.hasEvents)
    for (uint32_t i : o.events)
      o.values[i] = V(0);
  else
    std::fill(o.values.begin(), o.values.end(), V(0));
  o.events.clear();
  o.hasEvents = s.pending != Pending::Dense;
  if (s.pending == Pending::Dense) {
    o.values.assign(s.dense.begin(), s.dense.end());
  } else if (s.pending == Pending::Events) {
    for (uint32_t i : s.events) {
      if (o.values[i] == V(0))
        o.events.push_back(i);
      o.values[i] += A::one();
    }
  }
  s.pending = Pending::None;
}

template <class A> void EngineImpl<A>::step() {
  if (t > 0)
    for (size_t v = 0; v < hist.size(); ++v)
      if (!hist[v].empty())
        hist[v][(t - 1) % hist[v].size()].copyFrom(out[v]);
  for (NodeId v : order) {
    if (isInput[v]) {
      applyInput(v);
      continue;
    }
    ins.clear();
    for (const InEdge &e : inEdges[v])
      ins.push_back(source(e));
    kernels[v]->step(ins, out[v]);
  }
  ++t;
}

template <class A>
bool EngineImpl<A>::probe(NodeId node, ProbeField field,
                          std::vector<double> &dst) const {
  if (kernels[node])
    return kernels[node]->probe(field, out[node], dst);
  if (field != ProbeField::Out)
    return false;
  for (V v : out[node].values)
    dst.push_back(double(v) * A::unit());
  return true;
}

//===----------------------------------------------------------------------===//
// Profile factories (one per profile file)
//===----------------------------------------------------------------------===//

llvm::Expected<std::unique_ptr<EngineCore>>
createFloatCore(const BuildContext &ctx);
llvm::Expected<std::unique_ptr<EngineCore>>
createSpinnakerCore(const BuildContext &ctx);
llvm::Expected<std::unique_ptr<EngineCore>>
createLoihiCore(const BuildContext &ctx);
llvm::Expected<std::unique_ptr<EngineCore>>
createIntegerCore(const BuildContext &ctx, bool binary);

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_ENGINECORE_H

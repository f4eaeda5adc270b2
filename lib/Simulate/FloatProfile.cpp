//===- FloatProfile.cpp - float-exact and float-euler neurons ---*- C++ -*-===//
//
// The double-precision profiles.  Each expression below is written exactly as
// docs/simulator.md states it (operand order included), so that another
// implementation can reproduce the traces bit for bit:
//
//   input     I    = sum of the node's inputs (spikes count 1, not 1/dt)
//   synapse   Cuba: ain = w_in * I
//             exact: i' = ain + (i - ain) * ks        ks = exp(-dt/tau_syn)
//             euler: i' = i + hs * (ain - i)          hs = dt/tau_syn
//             the membrane then uses I := i' (same step)
//   membrane  a = v_leak + r * I
//             exact: v' = a + (v - a) * k             k = exp(-dt/tau)
//             euler: v' = v + h * (a - v)             h = dt/tau
//             IF, I: v' = v + dtr * I                 dtr = dt * r
//   ALIF      b' = b * ka (ka = exp(-dt/tau_adapt), euler 1 - dt/tau_adapt),
//             threshold = v_threshold + b', on a spike b' += beta
//
// The hot loops are templated on the kind and the method; the dispatch is
// one switch per node per step.
//
//===----------------------------------------------------------------------===//

#include "EngineCore.h"

#include <cmath>

using namespace axon::sim;

namespace {

class FloatNeuronKernel final : public Kernel<double> {
public:
  FloatNeuronKernel(const Node &node, const EngineOptions &opts);
  void step(llvm::ArrayRef<const Signal<double> *> in,
            Signal<double> &out) override;
  void reset() override;
  bool probe(ProbeField field, const Signal<double> &out,
             std::vector<double> &dst) const override;

private:
  template <NodeKind K, bool Exact, bool InStep> void run(Signal<double> &out);
  double resetValue(size_t i, double vCross, double th) const {
    switch (resetMode) {
    case ResetMode::Zero:
      return 0.0;
    case ResetMode::Subtract:
      return vCross - th;
    case ResetMode::ToVReset:
      break;
    }
    return vReset[i];
  }

  NodeKind kind;
  bool exact, inStep;
  ResetMode resetMode;
  size_t n;
  // Per-neuron constants.
  std::vector<double> r, vLeak, th, vReset, k, dtr, wIn, ks, ka, beta;
  // State.
  std::vector<double> v, isyn, cur, b;
};

} // namespace

FloatNeuronKernel::FloatNeuronKernel(const Node &node,
                                     const EngineOptions &opts)
    : kind(node.kind), exact(opts.profile == Profile::FloatExact),
      inStep(exact && opts.spikeTiming == SpikeTiming::InStep &&
             node.kind != NodeKind::ALIF),
      resetMode(opts.reset), n(node.numOutputs()) {
  spiking = isSpiking(kind);
  bool cuba = kind == NodeKind::CubaLI || kind == NodeKind::CubaLIF;
  const char *tauKey = cuba ? "tau_mem" : "tau";
  auto decay = [&](double tau) {
    return exact ? std::exp(-opts.dt / tau) : opts.dt / tau;
  };
  for (size_t i = 0; i < n; ++i) {
    r.push_back(node.get("r", i, 1.0));
    vLeak.push_back(node.get("v_leak", i, 0.0));
    th.push_back(node.get("v_threshold", i, 0.0));
    vReset.push_back(node.get("v_reset", i, 0.0));
    k.push_back(node.hasParam(tauKey) ? decay(node.get(tauKey, i, 1.0)) : 0);
    dtr.push_back(opts.dt * r.back());
    wIn.push_back(node.get("w_in", i, 1.0));
    ks.push_back(cuba ? decay(node.get("tau_syn", i, 1.0)) : 0);
    double tauA = node.get("tau_adapt", i, 1.0);
    ka.push_back(exact ? std::exp(-opts.dt / tauA) : 1.0 - opts.dt / tauA);
    beta.push_back(node.get("beta", i, 0.0));
  }
  reset();
}

void FloatNeuronKernel::reset() {
  v.assign(n, 0.0);
  isyn.assign(n, 0.0);
  cur.assign(n, 0.0);
  b.assign(n, 0.0);
}

template <NodeKind K, bool Exact, bool InStep>
void FloatNeuronKernel::run(Signal<double> &out) {
  constexpr bool kCuba = K == NodeKind::CubaLI || K == NodeKind::CubaLIF;
  constexpr bool kLeaky = K != NodeKind::IF && K != NodeKind::Integrator;
  constexpr bool kSpiking = K == NodeKind::LIF || K == NodeKind::IF ||
                            K == NodeKind::CubaLIF || K == NodeKind::ALIF;
  constexpr bool kAdaptive = K == NodeKind::ALIF;
  for (size_t i = 0; i < n; ++i) {
    double in = cur[i];
    if constexpr (kCuba) {
      double ain = wIn[i] * in;
      isyn[i] = Exact ? ain + (isyn[i] - ain) * ks[i]
                      : isyn[i] + ks[i] * (ain - isyn[i]);
      in = isyn[i];
    }
    double v0 = v[i], a = 0, vNew;
    if constexpr (kLeaky) {
      a = vLeak[i] + r[i] * in;
      vNew = Exact ? a + (v0 - a) * k[i] : v0 + k[i] * (a - v0);
    } else {
      vNew = v0 + dtr[i] * in;
    }
    if constexpr (!kSpiking) {
      v[i] = vNew;
      out.values[i] = vNew;
      continue;
    }
    double thr = th[i];
    if constexpr (kAdaptive) {
      b[i] = b[i] * ka[i];
      thr = th[i] + b[i];
    }
    out.values[i] = 0.0;
    // In-step: a crossing carried over from the last step (v0 > thr) fires
    // at the start of this one even if v has decayed below by its end.
    if (!(vNew > thr) && !(InStep && v0 > thr)) {
      v[i] = vNew;
      continue;
    }
    out.values[i] = 1.0;
    out.events.push_back(uint32_t(i));
    double vCross = v0 > thr ? v0 : thr;
    double vr = resetValue(i, InStep ? vCross : vNew, thr);
    if constexpr (InStep && kLeaky) {
      // Remaining decay exp(-(dt - t*)/tau) = k * (a - v0) / (a - th).
      double ratio = v0 > thr ? 1.0 : (a - v0) / (a - thr);
      vNew = a + (vr - a) * (k[i] * ratio);
    } else if constexpr (InStep) {
      vNew = vr + (vNew - vCross);
    } else {
      vNew = vr;
    }
    v[i] = vNew;
    if constexpr (kAdaptive)
      b[i] += beta[i];
  }
}

void FloatNeuronKernel::step(llvm::ArrayRef<const Signal<double> *> in,
                             Signal<double> &out) {
  sumInputs(in, n, cur);
  out.values.resize(n);
  out.events.clear();
  out.hasEvents = spiking;
#define AXON_DISPATCH(K)                                                       \
  case K:                                                                      \
    if (!exact)                                                                \
      return run<K, false, false>(out);                                        \
    return inStep ? run<K, true, true>(out) : run<K, true, false>(out);
  switch (kind) {
    AXON_DISPATCH(NodeKind::LI)
    AXON_DISPATCH(NodeKind::LIF)
    AXON_DISPATCH(NodeKind::IF)
    AXON_DISPATCH(NodeKind::Integrator)
    AXON_DISPATCH(NodeKind::CubaLI)
    AXON_DISPATCH(NodeKind::CubaLIF)
    AXON_DISPATCH(NodeKind::ALIF)
  default:
    return;
  }
#undef AXON_DISPATCH
}

bool FloatNeuronKernel::probe(ProbeField field, const Signal<double> &out,
                              std::vector<double> &dst) const {
  switch (field) {
  case ProbeField::V:
    dst.insert(dst.end(), v.begin(), v.end());
    return true;
  case ProbeField::I: {
    bool cuba = kind == NodeKind::CubaLI || kind == NodeKind::CubaLIF;
    const std::vector<double> &src = cuba ? isyn : cur;
    dst.insert(dst.end(), src.begin(), src.end());
    return true;
  }
  case ProbeField::Threshold:
    if (kind != NodeKind::ALIF)
      return false;
    for (size_t i = 0; i < n; ++i)
      dst.push_back(th[i] + b[i]);
    return true;
  default:
    return Kernel<double>::probe(field, out, dst);
  }
}

static bool floatInput(double x, double &v) {
  v = x;
  return std::isfinite(x);
}

llvm::Expected<std::unique_ptr<EngineCore>>
axon::sim::createFloatCore(const BuildContext &ctx) {
  std::vector<KernelPtr<FloatArith>> kernels(ctx.net.size());
  auto weight = [](double w) -> llvm::Expected<double> { return w; };
  for (NodeId id = 0; id < ctx.net.size(); ++id) {
    const Node &node = ctx.net.node(id);
    if (node.kind == NodeKind::Input)
      continue;
    if (isNeuron(node.kind)) {
      kernels[id] = std::make_unique<FloatNeuronKernel>(node, ctx.opts);
      continue;
    }
    GenericContext<FloatArith> g;
    g.dt = ctx.opts.dt;
    g.sparse = ctx.useSparse(node);
    g.weight = weight;
    g.bias = weight;
    auto k = buildGeneric(node, g);
    if (!k)
      return k.takeError();
    kernels[id] = std::move(*k);
  }
  return std::make_unique<EngineImpl<FloatArith>>(ctx, std::move(kernels),
                                                  &floatInput);
}

//===- SpinnakerProfile.cpp - s16.15 neurons as sPyNNaker -------*- C++ -*-===//
//
// The "spinnaker" profile: state and signals are s16.15 accums, every
// parameter is converted once with FixedPoint.h (round half to even), every
// on-core multiply is fixed::mulS1615 (floor, saturating) and every add/sub
// saturates.  The update follows sPyNNaker's closed-form LIF
// (neuron_model_lif_impl: V = alpha - exp_TC * (alpha - V_prev)):
//
//   I   = sat32(sum of inputs)              (int64 sum, one saturation)
//   Cuba: ain = mul(w_in, I); i' = sub(ain, mul(ks, sub(ain, i))); I := i'
//   leaky: a = add(v_leak, mul(r, I)); v' = sub(a, mul(k, sub(a, v)))
//   IF, I: v' = add(v, mul(dtr, I))         dtr = toS1615(dt * r)
//   ALIF:  b' = mul(ka, b); thr = add(v_threshold, b'); spike: b' = add(b',
//   beta) spike: v' > thr (strict, as NIR; sPyNNaker's static threshold uses
//   >=);
//          reset: 0 | v_reset | sub(v', thr)
//
// k = decayS1615(dt, tau) etc.  Synaptic weights are 16-bit with the
// per-population shift of fixed::spinnakerWeightShifts.
//
//===----------------------------------------------------------------------===//

#include "EngineCore.h"

#include <cmath>

using namespace axon::sim;
using namespace axon::sim::fixed;

namespace {

class SpinnakerNeuronKernel final : public Kernel<int32_t> {
public:
  SpinnakerNeuronKernel(const Node &node, const EngineOptions &opts);
  void step(llvm::ArrayRef<const Signal<int32_t> *> in,
            Signal<int32_t> &out) override;
  void reset() override;
  bool probe(ProbeField field, const Signal<int32_t> &out,
             std::vector<double> &dst) const override;

private:
  template <NodeKind K> void run(Signal<int32_t> &out);

  NodeKind kind;
  ResetMode resetMode;
  size_t n;
  std::vector<int32_t> r, vLeak, th, vReset, k, dtr, wIn, ks, ka, beta;
  std::vector<int32_t> v, isyn, cur, b;
  std::vector<int64_t> sum;
};

} // namespace

SpinnakerNeuronKernel::SpinnakerNeuronKernel(const Node &node,
                                             const EngineOptions &opts)
    : kind(node.kind), resetMode(opts.reset), n(node.numOutputs()) {
  spiking = isSpiking(kind);
  outUnit = 1.0 / kAccumOne;
  bool cuba = kind == NodeKind::CubaLI || kind == NodeKind::CubaLIF;
  const char *tauKey = cuba ? "tau_mem" : "tau";
  for (size_t i = 0; i < n; ++i) {
    double ri = node.get("r", i, 1.0);
    r.push_back(toS1615(ri));
    vLeak.push_back(toS1615(node.get("v_leak", i, 0.0)));
    th.push_back(toS1615(node.get("v_threshold", i, 0.0)));
    vReset.push_back(toS1615(node.get("v_reset", i, 0.0)));
    k.push_back(node.hasParam(tauKey)
                    ? decayS1615(opts.dt, node.get(tauKey, i, 1.0))
                    : 0);
    dtr.push_back(toS1615(opts.dt * ri));
    wIn.push_back(toS1615(node.get("w_in", i, 1.0)));
    ks.push_back(cuba ? decayS1615(opts.dt, node.get("tau_syn", i, 1.0)) : 0);
    ka.push_back(decayS1615(opts.dt, node.get("tau_adapt", i, 1.0)));
    beta.push_back(toS1615(node.get("beta", i, 0.0)));
  }
  reset();
}

void SpinnakerNeuronKernel::reset() {
  v.assign(n, 0);
  isyn.assign(n, 0);
  cur.assign(n, 0);
  b.assign(n, 0);
}

template <NodeKind K> void SpinnakerNeuronKernel::run(Signal<int32_t> &out) {
  constexpr bool kCuba = K == NodeKind::CubaLI || K == NodeKind::CubaLIF;
  constexpr bool kLeaky = K != NodeKind::IF && K != NodeKind::Integrator;
  constexpr bool kSpiking = K == NodeKind::LIF || K == NodeKind::IF ||
                            K == NodeKind::CubaLIF || K == NodeKind::ALIF;
  for (size_t i = 0; i < n; ++i) {
    int32_t in = cur[i] = saturate32(sum[i]);
    if constexpr (kCuba) {
      int32_t ain = mulS1615(wIn[i], in);
      isyn[i] = subS1615(ain, mulS1615(ks[i], subS1615(ain, isyn[i])));
      in = isyn[i];
    }
    int32_t vNew;
    if constexpr (kLeaky) {
      int32_t a = addS1615(vLeak[i], mulS1615(r[i], in));
      vNew = subS1615(a, mulS1615(k[i], subS1615(a, v[i])));
    } else {
      vNew = addS1615(v[i], mulS1615(dtr[i], in));
    }
    if constexpr (!kSpiking) {
      v[i] = out.values[i] = vNew;
      continue;
    }
    int32_t thr = th[i];
    if constexpr (K == NodeKind::ALIF) {
      b[i] = mulS1615(ka[i], b[i]);
      thr = addS1615(th[i], b[i]);
    }
    out.values[i] = 0;
    if (vNew > thr) {
      out.values[i] = kAccumOne;
      out.events.push_back(uint32_t(i));
      vNew = resetMode == ResetMode::Zero       ? 0
             : resetMode == ResetMode::Subtract ? subS1615(vNew, thr)
                                                : vReset[i];
      if constexpr (K == NodeKind::ALIF)
        b[i] = addS1615(b[i], beta[i]);
    }
    v[i] = vNew;
  }
}

void SpinnakerNeuronKernel::step(llvm::ArrayRef<const Signal<int32_t> *> in,
                                 Signal<int32_t> &out) {
  sumInputs(in, n, sum);
  out.values.resize(n);
  out.events.clear();
  out.hasEvents = spiking;
  switch (kind) {
  case NodeKind::LI:
    return run<NodeKind::LI>(out);
  case NodeKind::LIF:
    return run<NodeKind::LIF>(out);
  case NodeKind::IF:
    return run<NodeKind::IF>(out);
  case NodeKind::Integrator:
    return run<NodeKind::Integrator>(out);
  case NodeKind::CubaLI:
    return run<NodeKind::CubaLI>(out);
  case NodeKind::CubaLIF:
    return run<NodeKind::CubaLIF>(out);
  case NodeKind::ALIF:
    return run<NodeKind::ALIF>(out);
  default:
    return;
  }
}

bool SpinnakerNeuronKernel::probe(ProbeField field, const Signal<int32_t> &out,
                                  std::vector<double> &dst) const {
  const std::vector<int32_t> *src = nullptr;
  std::vector<int32_t> tmp;
  switch (field) {
  case ProbeField::V:
    src = &v;
    break;
  case ProbeField::I:
    src =
        (kind == NodeKind::CubaLI || kind == NodeKind::CubaLIF) ? &isyn : &cur;
    break;
  case ProbeField::Threshold:
    if (kind != NodeKind::ALIF)
      return false;
    for (size_t i = 0; i < n; ++i)
      tmp.push_back(addS1615(th[i], b[i]));
    src = &tmp;
    break;
  default:
    return Kernel<int32_t>::probe(field, out, dst);
  }
  for (int32_t x : *src)
    dst.push_back(fromS1615(x));
  return true;
}

static bool spinnakerInput(double x, int32_t &v) {
  v = toS1615(x);
  return std::isfinite(x);
}

llvm::Expected<std::unique_ptr<EngineCore>>
axon::sim::createSpinnakerCore(const BuildContext &ctx) {
  std::vector<int> shifts = spinnakerWeightShifts(ctx.net);
  std::vector<KernelPtr<SpinnakerArith>> kernels(ctx.net.size());
  for (NodeId id = 0; id < ctx.net.size(); ++id) {
    const Node &node = ctx.net.node(id);
    if (node.kind == NodeKind::Input)
      continue;
    if (isNeuron(node.kind)) {
      kernels[id] = std::make_unique<SpinnakerNeuronKernel>(node, ctx.opts);
      continue;
    }
    unsigned shift = shifts[id] < 0 ? 0 : unsigned(shifts[id]);
    // Synaptic weights are 16-bit with the population shift; a Scale factor
    // is an s16.15 multiplier.
    auto weight = [&](double w) -> llvm::Expected<int32_t> {
      return isSynaptic(node.kind)
                 ? weightToInput(quantizeWeight(w, shift), shift)
                 : toS1615(w);
    };
    auto bias = [](double x) -> llvm::Expected<int64_t> { return toS1615(x); };
    GenericContext<SpinnakerArith> g;
    g.dt = ctx.opts.dt;
    g.sparse = ctx.useSparse(node);
    g.weight = weight;
    g.bias = bias;
    auto k = buildGeneric(node, g);
    if (!k)
      return k.takeError();
    kernels[id] = std::move(*k);
  }
  return std::make_unique<EngineImpl<SpinnakerArith>>(ctx, std::move(kernels),
                                                      &spinnakerInput);
}

//===- LoihiProfile.cpp - CUBA neurons as Loihi computes them ---*- C++ -*-===//
//
// The "loihi" profile mirrors Lava's bit-accurate LIF (PyLifModelBitAcc):
//
//   u' = wrap24(decay(u, du) + act)          act: synaptic input (below)
//   v' = sat24(decay(v, dv) + u' + bias_v)
//   spike: v' > vth_mant << 6, then v' = 0   (u keeps its value)
//   decay(x, d) = sign(x) * ((|x| * (4096 - d)) >> 12)
//
// Mapping a NIR neuron population (real = int / 2^q, q from
// fixed::loihiStateFracBits(max |v_threshold|), 16 for non-spiking kinds):
//   dv = loihiDecayConstant(dt, tau | tau_mem)  (IF, I: dv = 0)
//   du = loihiDecayConstant(dt, tau_syn)        (non-Cuba kinds: du = 4096)
//   gain = r * dv/4096 [* w_in * du/4096 for Cuba]; IF, I: gain = r * dt
//   bias_v = round(v_leak * dv/4096 * 2^q); vth_mant = round(v_th * 2^q / 64)
// A synaptic op (Affine/Linear) must feed exactly one such population; its
// weights in state units w_u = w * gain_post * 2^q get one exponent e
// (fixed::chooseLoihiWeightExponent) and 8-bit mantissas, and
//   act = loihiActivation(sum_i m_i * s_i, e) + round(b * gain_post * 2^q).
// ResetMode is ignored: Loihi resets v to 0.
//
//===----------------------------------------------------------------------===//

#include "EngineCore.h"

#include <cmath>

using namespace axon::sim;
using namespace axon::sim::fixed;

namespace {

/// Integer parameters of one neuron population.
struct LoihiPopulation {
  int q = 16;
  std::vector<int32_t> du, dv, vth, biasV;
  std::vector<double> gain; ///< real input -> state units, before 2^q
};

struct LoihiPost {
  int exponent = 0;
  std::vector<int64_t> biasU;
  int32_t operator()(int64_t acc, size_t o) const {
    return saturate32(loihiActivation(acc, exponent) + biasU[o]);
  }
};

class LoihiNeuronKernel final : public Kernel<int32_t> {
public:
  LoihiNeuronKernel(NodeKind kind, LoihiPopulation pop)
      : pop(std::move(pop)), n(this->pop.dv.size()) {
    spiking = isSpiking(kind);
    outUnit = spiking ? 1.0 : std::ldexp(1.0, -this->pop.q);
    reset();
  }
  void reset() override {
    u.assign(n, 0);
    v.assign(n, 0);
  }
  void step(llvm::ArrayRef<const Signal<int32_t> *> in,
            Signal<int32_t> &out) override {
    sumInputs(in, n, act);
    out.values.resize(n);
    out.events.clear();
    out.hasEvents = spiking;
    for (size_t i = 0; i < n; ++i) {
      u[i] = wrap24(loihiDecay(u[i], pop.du[i]) + act[i]);
      v[i] = saturate24(loihiDecay(v[i], pop.dv[i]) + int64_t(u[i]) +
                        pop.biasV[i]);
      if (!spiking) {
        out.values[i] = v[i];
        continue;
      }
      out.values[i] = v[i] > pop.vth[i];
      if (out.values[i]) {
        v[i] = 0;
        out.events.push_back(uint32_t(i));
      }
    }
  }
  bool probe(ProbeField field, const Signal<int32_t> &out,
             std::vector<double> &dst) const override {
    if (field != ProbeField::V && field != ProbeField::I)
      return Kernel<int32_t>::probe(field, out, dst);
    for (int32_t x : field == ProbeField::V ? v : u)
      dst.push_back(std::ldexp(double(x), -pop.q));
    return true;
  }

private:
  LoihiPopulation pop;
  size_t n;
  std::vector<int32_t> u, v;
  std::vector<int64_t> act;
};

} // namespace

static LoihiPopulation makePopulation(const Node &node, double dt) {
  LoihiPopulation p;
  size_t n = node.numOutputs();
  bool cuba = node.kind == NodeKind::CubaLI || node.kind == NodeKind::CubaLIF;
  bool leaky = node.kind != NodeKind::IF && node.kind != NodeKind::Integrator;
  if (isSpiking(node.kind)) {
    double maxTh = 0;
    for (size_t i = 0; i < n; ++i)
      maxTh = std::max(maxTh, std::fabs(node.get("v_threshold", i, 0)));
    p.q = loihiStateFracBits(maxTh);
  }
  double scale = std::ldexp(1.0, p.q);
  for (size_t i = 0; i < n; ++i) {
    double tau = node.get(cuba ? "tau_mem" : "tau", i, 1.0);
    int32_t dv = leaky ? loihiDecayConstant(dt, tau) : 0;
    int32_t du = cuba ? loihiDecayConstant(dt, node.get("tau_syn", i, 1.0))
                      : kLoihiDecayOne;
    double r = node.get("r", i, 1.0);
    double gain = leaky ? r * dv / kLoihiDecayOne : r * dt;
    if (cuba)
      gain *= node.get("w_in", i, 1.0) * du / kLoihiDecayOne;
    p.dv.push_back(dv);
    p.du.push_back(du);
    p.gain.push_back(gain);
    double leak = leaky ? node.get("v_leak", i, 0.0) * dv / kLoihiDecayOne : 0;
    p.biasV.push_back(saturate24(roundHalfEven(leak * scale)));
    int64_t mant = roundHalfEven(node.get("v_threshold", i, 0.0) * scale / 64);
    p.vth.push_back(loihiThreshold(
        int32_t(std::clamp<int64_t>(mant, 0, kLoihiMaxThresholdMant))));
  }
  return p;
}

/// The LinearKernel of a synaptic op feeding population `pop`.
static llvm::Expected<KernelPtr<LoihiArith>>
makeLoihiSynapse(const BuildContext &ctx, const Node &node,
                 const LoihiPopulation &pop) {
  auto k = std::make_unique<LinearKernel<LoihiArith, LoihiPost>>();
  double scale = std::ldexp(1.0, pop.q);
  // Real weights in state units, per post neuron.
  auto toState = [&](size_t post, double w) {
    return w * pop.gain[post] * scale;
  };
  double maxAbs = 0;
  if (const Tensor *w = node.param("weight"))
    for (size_t e = 0; e < w->size(); ++e)
      maxAbs = std::max(maxAbs,
                        std::fabs(toState(e / node.numInputs(), w->data[e])));
  if (node.sparse)
    for (size_t s = 0; s < node.sparse->numSynapses(); ++s)
      maxAbs = std::max(maxAbs, std::fabs(toState(node.sparse->post[s],
                                                  node.sparse->weight[s])));
  int e = chooseLoihiWeightExponent(maxAbs);
  // fillLinear converts weights without knowing the post index, so convert
  // with a unit gain and rescale per post below via a scaled copy.
  Node scaled = node;
  if (Tensor *w =
          scaled.params.count("weight") ? &scaled.params["weight"] : nullptr)
    for (size_t idx = 0; idx < w->size(); ++idx)
      w->data[idx] = toState(idx / node.numInputs(), w->data[idx]);
  if (node.sparse) {
    auto s = std::make_shared<SparseWeights>(*node.sparse);
    for (size_t idx = 0; idx < s->numSynapses(); ++idx)
      s->weight[idx] = toState(s->post[idx], s->weight[idx]);
    scaled.sparse = std::move(s);
  }
  GenericContext<LoihiArith> g;
  g.dt = ctx.opts.dt;
  g.sparse = ctx.useSparse(node);
  auto weight = [e](double w) -> llvm::Expected<int32_t> {
    return loihiWeightMantissa(w, e);
  };
  auto noBias = [](double) -> llvm::Expected<int64_t> { return 0; };
  g.weight = weight;
  g.bias = noBias;
  if (auto err = fillLinear(scaled, g, *k))
    return std::move(err);
  k->postOp.exponent = e;
  for (size_t o = 0; o < k->nOut; ++o)
    k->postOp.biasU.push_back(
        roundHalfEven(toState(o, node.get("bias", o, 0.0))));
  return KernelPtr<LoihiArith>(std::move(k));
}

static bool loihiInput(double x, int32_t &v) {
  v = saturate32(roundHalfEven(x));
  return std::isfinite(x);
}

static bool loihiGenericKind(NodeKind k) {
  return k == NodeKind::Output || k == NodeKind::Flatten ||
         k == NodeKind::Delay;
}

llvm::Expected<std::unique_ptr<EngineCore>>
axon::sim::createLoihiCore(const BuildContext &ctx) {
  const Network &net = ctx.net;
  std::vector<std::vector<NodeId>> consumers(net.size());
  for (NodeId v = 0; v < net.size(); ++v)
    for (NodeId u : net.node(v).inputs)
      consumers[u].push_back(v);
  std::vector<LoihiPopulation> pops(net.size());
  std::vector<KernelPtr<LoihiArith>> kernels(net.size());
  for (NodeId id = 0; id < net.size(); ++id) {
    const Node &node = net.node(id);
    if (isNeuron(node.kind) && node.kind != NodeKind::ALIF) {
      pops[id] = makePopulation(node, ctx.opts.dt);
      for (NodeId src : node.inputs)
        if (net.node(src).kind != NodeKind::Affine &&
            net.node(src).kind != NodeKind::Linear)
          return kernelError(node, "on Loihi every input of a neuron must be "
                                   "an Affine or Linear node");
      kernels[id] = std::make_unique<LoihiNeuronKernel>(node.kind, pops[id]);
    }
  }
  for (NodeId id = 0; id < net.size(); ++id) {
    const Node &node = net.node(id);
    if (node.kind == NodeKind::Input || kernels[id])
      continue;
    if (node.kind == NodeKind::Affine || node.kind == NodeKind::Linear) {
      if (consumers[id].size() != 1 || !kernels[consumers[id][0]])
        return kernelError(node, "on Loihi a synaptic op must feed exactly "
                                 "one neuron population");
      auto k = makeLoihiSynapse(ctx, node, pops[consumers[id][0]]);
      if (!k)
        return k.takeError();
      kernels[id] = std::move(*k);
      continue;
    }
    if (!loihiGenericKind(node.kind))
      return kernelError(node, "not supported by the loihi profile");
    GenericContext<LoihiArith> g;
    auto k = buildGeneric(node, g);
    if (!k)
      return k.takeError();
    kernels[id] = std::move(*k);
  }
  return std::make_unique<EngineImpl<LoihiArith>>(ctx, std::move(kernels),
                                                  &loihiInput);
}

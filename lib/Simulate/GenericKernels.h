//===- GenericKernels.h - Profile-independent kernels -----------*- C++ -*-===//
//
// Synaptic ops, pooling, delays and ANN ops are the same algorithm in every
// profile; only the value type and its multiply-accumulate differ (Arith.h).
// Weight and bias conversion is done by the profile before construction, so
// these kernels never see a float parameter of a fixed-point profile.
//
// Accumulation order (it fixes float rounding): each output starts from its
// bias and adds input terms in ascending input index.  The dense and the
// event-driven (CSR) paths therefore give bit-identical results for one
// input source; several sources are summed element-wise first.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_GENERICKERNELS_H
#define AXON_LIB_SIMULATE_GENERICKERNELS_H

#include "Arith.h"
#include "Geometry.h"
#include "Kernel.h"

#include <algorithm>
#include <cmath>

namespace axon::sim {

/// Prefetches one cache line.  GCC deletes loops whose only statement is
/// __builtin_prefetch (no observable effect), so x86 gets an asm statement.
inline void prefetchLine(const char *p) {
#if defined(__GNUC__) && defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*p));
#else
  __builtin_prefetch(p);
#endif
}

/// Presents the element-wise sum of a node's sources as one signal.
template <class A> class InputMerger {
  using V = typename A::V;
  Signal<V> merged;
  std::vector<typename A::Acc> tmp;

public:
  const Signal<V> *get(llvm::ArrayRef<const Signal<V> *> in, size_t n) {
    if (in.size() == 1)
      return in[0];
    sumInputs(in, n, tmp);
    merged.values.resize(n);
    for (size_t i = 0; i < n; ++i)
      merged.values[i] = A::finish(tmp[i]);
    merged.hasEvents = false;
    return &merged;
  }
};

/// Post-processing of an accumulated synaptic sum.
template <class A> struct PlainPost {
  typename A::V operator()(typename A::Acc a, size_t) const {
    return A::finish(a);
  }
};

/// Affine / Linear: y = W x + b, dense [out][in] or CSR by presynaptic index.
template <class A, class Post = PlainPost<A>>
class LinearKernel : public Kernel<typename A::V> {
  using V = typename A::V;
  using W = typename A::W;
  using Acc = typename A::Acc;

public:
  uint32_t nIn = 0, nOut = 0;
  bool sparse = false;
  std::vector<W> dense;
  std::vector<uint64_t> rowStart;
  std::vector<uint32_t> post;
  std::vector<W> weight;
  std::vector<Acc> init; ///< per-output bias, as an accumulator
  Post postOp;

  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    acc.assign(init.begin(), init.end());
    if (!in.empty()) {
      const Signal<V> *x = merger.get(in, nIn);
      if (sparse && x->hasEvents)
        eventProduct(*x);
      else if (sparse)
        forEachActive(*x, [&](uint32_t i, V v) { addRow(i, v); });
      else
        denseProduct(x->values.data());
    }
    out.values.resize(nOut);
    for (uint32_t o = 0; o < nOut; ++o)
      out.values[o] = postOp(acc[o], o);
    out.hasEvents = false;
  }

private:
  /// Adds row i of the CSR times v.  A spike (v == one) adds the weights
  /// themselves: w * one == w exactly in every profile, so skipping the
  /// multiply changes no bit.
  void addRow(uint32_t i, V v) {
    Acc *a = acc.data();
    const uint32_t *p = post.data();
    const W *w = weight.data();
    uint64_t k = rowStart[i], e = rowStart[i + 1];
    if (v == A::one()) {
      for (; k < e; ++k)
        a[p[k]] = A::addWeight(a[p[k]], w[k]);
      return;
    }
    for (; k < e; ++k)
      a[p[k]] = A::mac(a[p[k]], w[k], v);
  }
  /// Rows start at random places, so the hardware prefetcher cannot follow
  /// from one spike to the next: prefetch the row two events ahead.
  void prefetchRow(uint32_t i) const {
    uint64_t k = rowStart[i], e = rowStart[i + 1];
    const char *p = reinterpret_cast<const char *>(post.data() + k);
    const char *pe = reinterpret_cast<const char *>(post.data() + e);
    for (; p < pe; p += 64)
      prefetchLine(p);
    const char *w = reinterpret_cast<const char *>(weight.data() + k);
    const char *we = reinterpret_cast<const char *>(weight.data() + e);
    for (; w < we; w += 64)
      prefetchLine(w);
  }
  void eventProduct(const Signal<V> &x) {
    const std::vector<uint32_t> &ev = x.events;
    const size_t ahead = 2;
    for (size_t j = 0; j < ev.size(); ++j) {
      if (j + ahead < ev.size())
        prefetchRow(ev[j + ahead]);
      addRow(ev[j], x.values[ev[j]]);
    }
  }
  void denseProduct(const V *x) {
    for (uint32_t o = 0; o < nOut; ++o) {
      Acc a = acc[o];
      const W *row = dense.data() + size_t(o) * nIn;
      for (uint32_t i = 0; i < nIn; ++i)
        a = A::mac(a, row[i], x[i]);
      acc[o] = a;
    }
  }
  InputMerger<A> merger;
  std::vector<Acc> acc;
};

/// Grouped 2-D convolution (1-D is H = 1); pooling is a depthwise
/// convolution with unit weights, averaged when `averageOver` > 0.
template <class A> class ConvKernel : public Kernel<typename A::V> {
  using V = typename A::V;
  using W = typename A::W;
  using Acc = typename A::Acc;

public:
  ConvGeometry g;
  std::vector<W> weight; ///< [outC][inC/groups][kH][kW]; empty for pools
  std::vector<Acc> init; ///< per output channel
  int64_t averageOver = 0;

  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    out.values.assign(g.numOut(), V(0));
    out.hasEvents = false;
    static const std::vector<V> none;
    const std::vector<V> &x =
        in.empty() ? none : merger.get(in, g.numIn())->values;
    for (int64_t oc = 0; oc < g.outC; ++oc)
      for (int64_t oh = 0; oh < g.outH; ++oh)
        for (int64_t ow = 0; ow < g.outW; ++ow)
          out.values[(oc * g.outH + oh) * g.outW + ow] =
              finishOne(outputAt(x, oc, oh, ow));
  }

private:
  Acc outputAt(const std::vector<V> &x, int64_t oc, int64_t oh,
               int64_t ow) const {
    Acc a = init.empty() ? Acc(0) : init[oc];
    if (x.empty())
      return a;
    int64_t perGroup = g.inPerGroup();
    int64_t firstIn = (oc / g.outPerGroup()) * perGroup;
    for (int64_t ic = 0; ic < perGroup; ++ic)
      for (int64_t kh = 0; kh < g.kH; ++kh) {
        int64_t ih = oh * g.strideH - g.padH + kh * g.dilH;
        if (ih < 0 || ih >= g.inH)
          continue;
        for (int64_t kw = 0; kw < g.kW; ++kw) {
          int64_t iw = ow * g.strideW - g.padW + kw * g.dilW;
          if (iw < 0 || iw >= g.inW)
            continue;
          W w = weight.empty()
                    ? A::unitWeight()
                    : weight[((oc * perGroup + ic) * g.kH + kh) * g.kW + kw];
          a = A::mac(a, w, x[((firstIn + ic) * g.inH + ih) * g.inW + iw]);
        }
      }
    return a;
  }
  V finishOne(Acc a) const {
    return averageOver > 0 ? A::average(a, averageOver) : A::finish(a);
  }
  InputMerger<A> merger;
};

/// Element-wise y = f(x) kernels sharing the input merge.
template <class A, class Fn> class MapKernel : public Kernel<typename A::V> {
  using V = typename A::V;

public:
  explicit MapKernel(size_t n, Fn fn, bool spikes = false)
      : n(n), fn(std::move(fn)) {
    this->spiking = spikes;
  }
  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    out.values.resize(n);
    out.events.clear();
    out.hasEvents = this->spiking;
    if (in.empty()) {
      std::fill(out.values.begin(), out.values.end(), V(0));
      for (size_t i = 0; i < n; ++i)
        emit(i, fn(i, V(0)), out);
      return;
    }
    const Signal<V> *x = merger.get(in, n);
    for (size_t i = 0; i < n; ++i)
      emit(i, fn(i, x->values[i]), out);
  }

private:
  void emit(size_t i, V y, Signal<V> &out) {
    out.values[i] = y;
    if (this->spiking && y != V(0))
      out.events.push_back(uint32_t(i));
  }
  size_t n;
  Fn fn;
  InputMerger<A> merger;
};

template <class A, class Fn>
std::unique_ptr<Kernel<typename A::V>> makeMap(size_t n, Fn fn,
                                               bool spikes = false) {
  return std::make_unique<MapKernel<A, Fn>>(n, std::move(fn), spikes);
}

/// Output, Flatten: the summed input unchanged (events kept).
template <class A> class PassKernel : public Kernel<typename A::V> {
  using V = typename A::V;

public:
  explicit PassKernel(size_t n) : n(n) {}
  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    if (in.size() == 1) {
      out.copyFrom(*in[0]);
      return;
    }
    if (in.empty()) {
      out.resize(n);
      return;
    }
    out.copyFrom(*merger.get(in, n));
  }

private:
  size_t n;
  InputMerger<A> merger;
};

/// y_i(t) = x_i(t - d_i) with d_i in steps, from a ring of depth max(d) + 1.
template <class A> class DelayKernel : public Kernel<typename A::V> {
  using V = typename A::V;

public:
  DelayKernel(std::vector<int64_t> steps) : steps(std::move(steps)) {
    depth = 1 + *std::max_element(this->steps.begin(), this->steps.end());
    reset();
  }
  void reset() override {
    ring.assign(size_t(depth) * steps.size(), V(0));
    t = 0;
  }
  void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) override {
    size_t n = steps.size();
    V *slot = ring.data() + size_t(t % depth) * n;
    if (in.empty())
      std::fill(slot, slot + n, V(0));
    else
      std::copy_n(merger.get(in, n)->values.begin(), n, slot);
    out.values.resize(n);
    out.hasEvents = false;
    for (size_t i = 0; i < n; ++i)
      out.values[i] =
          t >= steps[i] ? ring[size_t((t - steps[i]) % depth) * n + i] : V(0);
    ++t;
  }

private:
  std::vector<int64_t> steps;
  std::vector<V> ring;
  int64_t depth = 1, t = 0;
  InputMerger<A> merger;
};

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_GENERICKERNELS_H

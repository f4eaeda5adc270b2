//===- Kernel.h - Per-node kernels and signals ------------------*- C++ -*-===//
//
// The engine is one loop over the schedule calling one virtual `step` per
// node per step; all arithmetic happens inside kernels, which are templated on
// the value type of their profile (double, s16.15 int32, Loihi int32, int64).
// A Signal carries a node's output of one step plus, for spike trains, the
// ascending list of non-zero indices so that synaptic ops can be event driven.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_LIB_SIMULATE_KERNEL_H
#define AXON_LIB_SIMULATE_KERNEL_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <vector>

namespace axon::sim {

template <class V> struct Signal {
  std::vector<V> values;
  /// Ascending indices of the non-zero values; meaningful iff hasEvents.
  std::vector<uint32_t> events;
  bool hasEvents = false;

  void resize(size_t n) {
    values.assign(n, V(0));
    events.clear();
    hasEvents = true;
  }
  void copyFrom(const Signal &other) {
    values.assign(other.values.begin(), other.values.end());
    events.assign(other.events.begin(), other.events.end());
    hasEvents = other.hasEvents;
  }
};

/// Calls fn(index, value) for every non-zero element, in ascending index
/// order: through the event list when there is one, else by a scan.
template <class V, class Fn>
inline void forEachActive(const Signal<V> &s, Fn fn) {
  if (s.hasEvents) {
    for (uint32_t i : s.events)
      fn(i, s.values[i]);
    return;
  }
  for (size_t i = 0, e = s.values.size(); i < e; ++i)
    if (s.values[i] != V(0))
      fn(static_cast<uint32_t>(i), s.values[i]);
}

/// Sums the sources element-wise into `acc` (resized and zeroed first).
template <class V, class Acc>
inline void sumInputs(llvm::ArrayRef<const Signal<V> *> in, size_t n,
                      std::vector<Acc> &acc) {
  acc.assign(n, Acc(0));
  for (const Signal<V> *s : in)
    forEachActive(*s, [&](uint32_t i, V v) { acc[i] += Acc(v); });
}

/// Fields a probe can read (`NODE.out`, `NODE.v`, ...).
enum class ProbeField : uint8_t { Out, V, I, Spikes, Threshold };

template <class V> class Kernel {
public:
  virtual ~Kernel() = default;
  /// Computes this step's output from the (already delayed) input signals.
  virtual void step(llvm::ArrayRef<const Signal<V> *> in, Signal<V> &out) = 0;
  /// Returns the kernel to its initial state.
  virtual void reset() {}
  /// Appends the field as real numbers; false if the kernel has no such
  /// field.  The default serves Out (and Spikes for spiking kernels).
  virtual bool probe(ProbeField field, const Signal<V> &out,
                     std::vector<double> &dst) const {
    if (field != ProbeField::Out && !(field == ProbeField::Spikes && spiking))
      return false;
    for (V v : out.values)
      dst.push_back(double(v) * outUnit);
    return true;
  }

  /// Real value of one unit of the output (2^-15 for s16.15, 1 for spikes).
  double outUnit = 1.0;
  bool spiking = false;
};

} // namespace axon::sim

#endif // AXON_LIB_SIMULATE_KERNEL_H

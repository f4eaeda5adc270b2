//===- SimTestUtil.h - Helpers for the simulator tests ----------*- C++ -*-===//
//
// Building a network, an engine and reading a probe takes a dozen lines of
// error plumbing; the tests below want to state only the numbers.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H
#define AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H

#include "axon/Simulate/Engine.h"

#include "gtest/gtest.h"

#include <memory>

namespace axon::sim::test {

/// Finalizes `net` and builds an engine; fails the test on any error.
inline std::unique_ptr<Engine> makeEngine(Network &net,
                                          const EngineOptions &opts) {
  if (auto err = net.finalize()) {
    ADD_FAILURE() << llvm::toString(std::move(err));
    return nullptr;
  }
  auto engine = Engine::create(net, opts);
  if (!engine) {
    ADD_FAILURE() << llvm::toString(engine.takeError());
    return nullptr;
  }
  return std::move(*engine);
}

/// Current value of a probe spec (e.g. "lif.v").
inline std::vector<double> read(const Engine &engine, llvm::StringRef spec) {
  auto values = engine.read(spec);
  if (!values) {
    ADD_FAILURE() << llvm::toString(values.takeError());
    return {};
  }
  return *values;
}

/// Sets dense input values for the next step, failing the test on error.
inline void feed(Engine &engine, llvm::StringRef input,
                 std::vector<double> values) {
  if (auto err = engine.setInput(input, values))
    ADD_FAILURE() << llvm::toString(std::move(err));
}

/// Message of an error that must have happened.
template <class T> std::string errorOf(llvm::Expected<T> value) {
  if (value)
    return "<no error>";
  return llvm::toString(value.takeError());
}
inline std::string errorOf(llvm::Error err) {
  if (!err)
    return "<no error>";
  return llvm::toString(std::move(err));
}

/// Deterministic generator for test data (splitmix64).
struct SplitMix {
  uint64_t state;
  explicit SplitMix(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double uniform() { return (next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
};

} // namespace axon::sim::test

#endif // AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H

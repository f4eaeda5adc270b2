//===- SimTestUtil.h - Helpers for the simulator tests ----------*- C++ -*-===//
//
// Building a network, an engine and reading a probe takes a dozen lines of
// error plumbing; the tests below want to state only the numbers.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H
#define AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H

#include "axon/Simulate/Engine.h"

#include "axon/Support/SplitMix64.h"
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

using SplitMix = axon::SplitMix64;

} // namespace axon::sim::test

#endif // AXON_TEST_UNIT_SIMULATE_SIMTESTUTIL_H

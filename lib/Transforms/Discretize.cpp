//===- Discretize.cpp - fix the time step of a network ----------*- C++ -*-===//
//
// Imported networks are continuous-time (NIR semantics).  This pass records
// dt, the integration method and the reset mode on the network and stores the
// per-step decay factors on each population, so every consumer (simulator,
// quantizer, back ends) uses the same numbers.  It also tells the user when a
// population's parameters look like an exporter folded dt into them.
//
//===----------------------------------------------------------------------===//

#include "axon/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>

namespace axon {
#define GEN_PASS_DEF_SNNDISCRETIZE
#include "axon/Transforms/Passes.h.inc"
} // namespace axon

using namespace mlir;
using namespace axon;
using namespace axon::snn;

namespace {

/// Which decay attribute each time constant produces.
struct TimeConstant {
  llvm::StringLiteral tau;
  llvm::StringLiteral decay;
};
constexpr TimeConstant kTimeConstants[] = {{"tau", "snn.decay_v"},
                                           {"tau_mem", "snn.decay_v"},
                                           {"tau_syn", "snn.decay_i"},
                                           {"tau_adapt", "snn.decay_a"}};

/// True if a[i] == b[i] (relative tolerance for float32 parameters) for every
/// neuron, with both broadcast over `n` neurons.
bool allClose(NeuronOpInterface neuron, StringRef aName,
              llvm::function_ref<double(int64_t)> b, int64_t n) {
  if (!neuron.getParameter(aName))
    return false;
  for (int64_t i = 0; i < n; ++i) {
    double a = neuron.getParameterValue(aName, i), e = b(i);
    if (!(std::fabs(a - e) <= 1e-5 * std::max(std::fabs(e), 1e-12)))
      return false;
  }
  return true;
}

struct SNNDiscretizePass
    : public axon::impl::SNNDiscretizeBase<SNNDiscretizePass> {
  using SNNDiscretizeBase::SNNDiscretizeBase;

  void runOnOperation() override;
  void discretizePopulation(NeuronOpInterface neuron, DiscretizationMethod m);
  void reportConvention(NeuronOpInterface neuron);
};

} // namespace

void SNNDiscretizePass::discretizePopulation(NeuronOpInterface neuron,
                                             DiscretizationMethod m) {
  Operation *op = neuron.getOperation();
  OpBuilder builder(op->getContext());
  for (const TimeConstant &tc : kTimeConstants) {
    DenseElementsAttr tau = neuron.getParameter(tc.tau);
    if (!tau)
      continue;
    SmallVector<double> decay;
    double maxRatio = 0;
    for (double t : getElementsAsDouble(tau)) {
      double ratio = dt / t;
      maxRatio = std::max(maxRatio, ratio);
      decay.push_back(m == DiscretizationMethod::exact ? std::exp(-ratio)
                                                       : 1.0 - ratio);
    }
    if (m == DiscretizationMethod::euler && maxRatio > 1.0)
      op->emitWarning("forward Euler with dt/")
          << tc.tau << " = " << maxRatio
          << " > 1 overshoots (decay factor below 0); use method=exact or a "
             "smaller dt";
    auto type =
        RankedTensorType::get(tau.getType().getShape(), builder.getF64Type());
    op->setAttr(tc.decay, DenseElementsAttr::get(type, ArrayRef(decay)));
  }
}

void SNNDiscretizePass::reportConvention(NeuronOpInterface neuron) {
  int64_t n = neuron.getNumNeurons();
  StringRef tauName = neuron.getParameter("tau_mem") ? "tau_mem" : "tau";
  if (!neuron.getParameter(tauName) || !neuron.getParameter("r"))
    return;
  auto tauOverDt = [&](int64_t i) {
    return neuron.getParameterValue(tauName, i) / dt;
  };
  Operation *op = neuron.getOperation();
  if (allClose(neuron, "r", tauOverDt, n))
    op->emitRemark("r = ")
        << tauName
        << "/dt for every neuron: the exporter folded dt into r "
           "(Norse/snnTorch convention; a unit input step adds about 1 to v "
           "per time step)";
  else if (allClose(
               neuron, "r",
               [&](int64_t i) {
                 return tauOverDt(i) * std::exp(-1.0 / tauOverDt(i));
               },
               n))
    op->emitRemark("r = (")
        << tauName << "/dt) exp(-dt/" << tauName
        << ") for every neuron: the exporter folded dt into r (Rockpool "
           "convention)";
  if (neuron.getParameter("tau_syn") &&
      allClose(
          neuron, "w_in",
          [&](int64_t i) {
            return neuron.getParameterValue("tau_syn", i) / dt;
          },
          n))
    op->emitRemark("w_in = tau_syn/dt for every neuron: the exporter folded dt "
                   "into w_in");
}

void SNNDiscretizePass::runOnOperation() {
  NetworkOp network = getOperation();
  if (!(dt > 0) || !std::isfinite(dt)) {
    network.emitError("snn-discretize needs a positive time step: pass "
                      "dt=<seconds>, got ")
        << dt;
    return signalPassFailure();
  }
  std::optional<DiscretizationMethod> m = symbolizeDiscretizationMethod(method);
  if (!m) {
    network.emitError("unknown discretization method '")
        << method << "', expected 'exact' or 'euler'";
    return signalPassFailure();
  }
  std::optional<ResetMode> r =
      llvm::StringSwitch<std::optional<ResetMode>>(reset)
          .Case("zero", ResetMode::zero)
          .Case("subtract", ResetMode::subtract)
          .Cases("to-v-reset", "to_v_reset", ResetMode::to_v_reset)
          .Default(std::nullopt);
  if (!r) {
    network.emitError("unknown reset mode '")
        << reset << "', expected 'zero', 'subtract' or 'to-v-reset'";
    return signalPassFailure();
  }
  auto attr =
      DiscretizationAttr::get(&getContext(), APFloat(dt.getValue()), *m, *r);
  if (auto existing = network.getDiscretizationAttr()) {
    if (existing != attr) {
      network.emitError("network is already discretized as ")
          << existing << "; re-discretizing would silently change its "
          << "semantics";
      return signalPassFailure();
    }
  }
  network.setDiscretizationAttr(attr);
  network.getBodyBlock()->walk([&](NeuronOpInterface neuron) {
    discretizePopulation(neuron, *m);
    reportConvention(neuron);
  });
}

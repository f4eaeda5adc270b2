//===- ConvertANNToSNN.cpp - ReLU networks to IF networks -------*- C++ -*-===//
//
// Data-based threshold balancing: the thresholds come from the ANN's own
// activations on calibration data, measured with the reference simulator so
// that the converted network and its evaluation use one arithmetic.  Each
// ReLU becomes an IF population (reset by subtraction, threshold lambda)
// followed by scale(lambda): the spike rate times lambda approximates the
// ReLU's output, and later canonicalization can fold the scale into the next
// layer's weights.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Evaluate.h"
#include "axon/Simulate/FromSNN.h"
#include "axon/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

#include <algorithm>
#include <cmath>

namespace axon {
#define GEN_PASS_DEF_SNNANNTOSNN
#include "axon/Transforms/Passes.h.inc"
} // namespace axon

using namespace mlir;
using namespace axon;
using namespace axon::snn;

namespace {

constexpr double kStep = 1e-3; // seconds per step of the converted network

struct SNNANNToSNNPass : public axon::impl::SNNANNToSNNBase<SNNANNToSNNPass> {
  using SNNANNToSNNBase::SNNANNToSNNBase;
  void runOnOperation() override;

  LogicalResult checkConvertible(NetworkOp network);
  FailureOr<llvm::DenseMap<Operation *, double>>
  calibrate(NetworkOp network, ArrayRef<Operation *> layers);
};

/// A single-value f32 parameter (broadcast by the dialect).
DenseElementsAttr splatF32(MLIRContext *ctx, ArrayRef<int64_t> shape,
                           double value) {
  auto type = RankedTensorType::get(shape, Float32Type::get(ctx));
  return DenseElementsAttr::get(type, static_cast<float>(value));
}

} // namespace

LogicalResult SNNANNToSNNPass::checkConvertible(NetworkOp network) {
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    if (auto neuron = dyn_cast<NeuronOpInterface>(op))
      return op.emitError("the network already has a ")
             << (neuron.isSpiking() ? "spiking " : "")
             << "population; snn-ann-to-snn converts ANNs";
    if (isa<BatchNormOp>(op))
      return op.emitError("fold batch_norm into the preceding layer first "
                          "(--snn-fold-batch-norm)");
    if (isa<ClampOp, SignOp, DelayOp>(op))
      return op.emitError("'")
             << op.getName()
             << "' has no rate-coded equivalent in snn-ann-to-snn";
  }
  return success();
}

FailureOr<llvm::DenseMap<Operation *, double>>
SNNANNToSNNPass::calibrate(NetworkOp network, ArrayRef<Operation *> layers) {
  llvm::DenseMap<Operation *, sim::NodeId> ids;
  FailureOr<sim::Network> net = buildSimNetwork(network, &ids);
  if (failed(net))
    return failure();
  llvm::Expected<sim::Dataset> data = sim::readLabeledCSV(calibration);
  if (!data)
    return network.emitError("calibration: ")
           << llvm::toString(data.takeError());
  sim::EngineOptions options;
  options.dt = kStep;
  llvm::Expected<std::unique_ptr<sim::Engine>> engine =
      sim::Engine::create(*net, options);
  if (!engine)
    return network.emitError(llvm::toString(engine.takeError()));
  std::optional<sim::NodeId> input;
  for (sim::NodeId id = 0; id < net->size(); ++id)
    if (net->node(id).kind == sim::NodeKind::Input)
      input = id;
  if (!input)
    return network.emitError("the network has no input to calibrate");

  std::vector<std::vector<double>> samples(layers.size());
  size_t rows = limit ? std::min<size_t>(limit, data->size()) : data->size();
  for (size_t r = 0; r < rows; ++r) {
    (*engine)->reset();
    if (llvm::Error err = (*engine)->setInput(*input, data->features[r]))
      return network.emitError("calibration row ")
             << r + 1 << ": " << llvm::toString(std::move(err));
    (*engine)->step();
    for (auto [i, layer] : llvm::enumerate(layers)) {
      auto values = (*engine)->read(net->node(ids.lookup(layer)).name + ".out");
      if (!values)
        return network.emitError(llvm::toString(values.takeError()));
      for (double v : *values)
        if (v > 0)
          samples[i].push_back(v);
    }
  }
  llvm::DenseMap<Operation *, double> lambda;
  for (auto [i, layer] : llvm::enumerate(layers)) {
    std::vector<double> &s = samples[i];
    double value = 1.0;
    if (!s.empty()) {
      size_t k =
          static_cast<size_t>(std::ceil(percentile / 100.0 * double(s.size())));
      k = std::clamp<size_t>(k, 1, s.size()) - 1;
      std::nth_element(s.begin(), s.begin() + k, s.end());
      value = s[k];
    } else {
      layer->emitWarning("never active on the calibration data; using a "
                         "threshold of 1");
    }
    lambda[layer] = value;
  }
  return lambda;
}

void SNNANNToSNNPass::runOnOperation() {
  NetworkOp network = getOperation();
  MLIRContext *ctx = &getContext();
  if (encoding != "direct" && encoding != "rate") {
    network.emitError("unknown encoding '")
        << encoding << "'; expected direct or rate";
    return signalPassFailure();
  }
  if (readout != "membrane" && readout != "count") {
    network.emitError("unknown readout '")
        << readout << "'; expected membrane or count";
    return signalPassFailure();
  }
  if (calibration.empty()) {
    network.emitError("snn-ann-to-snn needs calibration data: pass "
                      "calibration=<labelled CSV>");
    return signalPassFailure();
  }
  if (failed(checkConvertible(network)))
    return signalPassFailure();

  // The layers to balance: every ReLU, and for a count readout the synaptic
  // op that feeds the output (or its argmax).
  SmallVector<Operation *> layers;
  Operation *lastLayer = nullptr;
  for (Operation &op : network.getBodyBlock()->getOperations())
    if (isa<ReLUOp>(op))
      layers.push_back(&op);
  for (OutputOp out : network.getBodyBlock()->getOps<OutputOp>()) {
    Operation *src = out.getInputs()[0].getDefiningOp();
    if (auto arg = dyn_cast<ArgMaxOp>(src))
      src = arg.getInputs()[0].getDefiningOp();
    if (isa<SynapticOpInterface>(src))
      lastLayer = src;
  }
  if (!lastLayer) {
    network.emitError("the output must be fed by a synaptic op (optionally "
                      "through argmax) to define the readout layer");
    return signalPassFailure();
  }
  if (readout == "count")
    layers.push_back(lastLayer);
  FailureOr<llvm::DenseMap<Operation *, double>> lambda =
      calibrate(network, layers);
  if (failed(lambda))
    return signalPassFailure();

  OpBuilder builder(ctx);
  auto makeIF = [&](Value in, Location loc, double threshold) {
    auto shape = cast<ShapedType>(in.getType()).getShape();
    auto spikes = RankedTensorType::get(shape, builder.getI1Type());
    return builder.create<IFOp>(
        loc, spikes, ValueRange{in}, splatF32(ctx, {1}, 1.0 / kStep),
        splatF32(ctx, {1}, threshold), splatF32(ctx, {1}, 0.0));
  };
  for (Operation *layer : layers) {
    double l = (*lambda)[layer];
    builder.setInsertionPointAfter(layer);
    if (auto relu = dyn_cast<ReLUOp>(layer)) {
      Value in = relu.getInputs()[0];
      auto spiking = makeIF(in, relu.getLoc(), l);
      if (relu.getInputs().size() > 1)
        spiking->setOperands(relu.getInputs());
      auto scaled =
          builder.create<ScaleOp>(relu.getLoc(), relu.getType(),
                                  spiking.getResult(), splatF32(ctx, {1}, l));
      relu.replaceAllUsesWith(scaled.getResult());
      relu.erase();
      continue;
    }
    // Count readout: the last layer spikes; argmax is left to the evaluator.
    Value current = layer->getResult(0);
    auto spiking = makeIF(current, layer->getLoc(), l);
    current.replaceAllUsesExcept(spiking.getResult(), spiking);
  }
  if (readout == "count") {
    for (ArgMaxOp arg :
         llvm::make_early_inc_range(network.getBodyBlock()->getOps<ArgMaxOp>()))
      if (arg.getResult().hasOneUse() &&
          isa<OutputOp>(*arg.getResult().getUsers().begin())) {
        OutputOp out = cast<OutputOp>(*arg.getResult().getUsers().begin());
        out->setOperands(arg.getInputs());
        arg.erase();
      }
  } else {
    Value current = lastLayer->getResult(0);
    builder.setInsertionPointAfter(lastLayer);
    auto membrane = builder.create<IntegratorOp>(
        lastLayer->getLoc(), current.getType(), ValueRange{current},
        splatF32(ctx, {1}, 1.0 / kStep));
    current.replaceAllUsesExcept(membrane.getResult(), membrane);
  }
  if (encoding == "rate")
    for (InputOp in : network.getBodyBlock()->getOps<InputOp>())
      in.getResult().setType(RankedTensorType::get(
          cast<ShapedType>(in.getType()).getShape(), builder.getI1Type()));
  network.setDiscretizationAttr(DiscretizationAttr::get(
      ctx, APFloat(kStep), DiscretizationMethod::exact, ResetMode::subtract));
  network->setAttr("snn.encoding", builder.getStringAttr(encoding));
  network->setAttr("snn.timesteps", builder.getI64IntegerAttr(timesteps));
}

//===- FromSNN.cpp - build a simulator network from snn IR ------*- C++ -*-===//
//
// Attributes are copied generically (dense arrays, i64 arrays, integers and
// floats all become sim::Tensor parameters under the attribute's name), so a
// new parameter on an op reaches the engine without touching this file.  The
// only per-op knowledge is the op -> NodeKind table.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/FromSNN.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace axon;
using namespace axon::snn;

static std::optional<sim::NodeKind> kindOf(Operation *op) {
  using K = sim::NodeKind;
  return llvm::TypeSwitch<Operation *, std::optional<K>>(op)
      .Case<InputOp>([](auto) { return K::Input; })
      .Case<OutputOp>([](auto) { return K::Output; })
      .Case<AffineOp>([](auto) { return K::Affine; })
      .Case<LinearOp>([](auto) { return K::Linear; })
      .Case<ScaleOp>([](auto) { return K::Scale; })
      .Case<Conv1dOp>([](auto) { return K::Conv1d; })
      .Case<Conv2dOp>([](auto) { return K::Conv2d; })
      .Case<SumPool2dOp>([](auto) { return K::SumPool2d; })
      .Case<AvgPool2dOp>([](auto) { return K::AvgPool2d; })
      .Case<FlattenOp>([](auto) { return K::Flatten; })
      .Case<DelayOp>([](auto) { return K::Delay; })
      .Case<ThresholdOp>([](auto) { return K::Threshold; })
      .Case<IntegratorOp>([](auto) { return K::Integrator; })
      .Case<IFOp>([](auto) { return K::IF; })
      .Case<LIOp>([](auto) { return K::LI; })
      .Case<LIFOp>([](auto) { return K::LIF; })
      .Case<CubaLIOp>([](auto) { return K::CubaLI; })
      .Case<CubaLIFOp>([](auto) { return K::CubaLIF; })
      .Case<ALIFOp>([](auto) { return K::ALIF; })
      .Case<ReLUOp>([](auto) { return K::ReLU; })
      .Case<ClampOp>([](auto) { return K::Clamp; })
      .Case<SignOp>([](auto) { return K::Sign; })
      .Case<ArgMaxOp>([](auto) { return K::ArgMax; })
      .Case<BatchNormOp>([](auto) { return K::BatchNorm; })
      .Default([](auto) { return std::nullopt; });
}

/// Copies every numeric attribute of `op` into `params`.
static void copyParameters(Operation *op,
                           std::map<std::string, sim::Tensor, std::less<>> &p) {
  for (NamedAttribute named : op->getAttrs()) {
    std::string key = named.getName().str();
    // Discardable attributes (snn.decay_v, ...) are derived, not parameters;
    // snn.weight_shift is a choice of snn-quantize the profile must honour.
    if (StringRef(key).contains('.') && key != "snn.weight_shift")
      continue;
    if (key == "epsilon")
      key = "eps";
    Attribute attr = named.getValue();
    if (auto dense = llvm::dyn_cast<DenseElementsAttr>(attr)) {
      auto shape = dense.getType().getShape();
      SmallVector<double> values = getElementsAsDouble(dense);
      p[key] = sim::Tensor(std::vector<int64_t>(shape.begin(), shape.end()),
                           std::vector<double>(values.begin(), values.end()));
    } else if (auto array = llvm::dyn_cast<DenseI64ArrayAttr>(attr)) {
      std::vector<double> values(array.asArrayRef().begin(),
                                 array.asArrayRef().end());
      p[key] = sim::Tensor(std::move(values));
    } else if (auto integer = llvm::dyn_cast<IntegerAttr>(attr)) {
      p[key] = sim::Tensor(double(integer.getValue().getSExtValue()));
    } else if (auto real = llvm::dyn_cast<FloatAttr>(attr)) {
      p[key] = sim::Tensor(real.getValueAsDouble());
    }
  }
}

static std::vector<int64_t> shapeOf(Type type) {
  auto shape = llvm::cast<ShapedType>(type).getShape();
  return std::vector<int64_t>(shape.begin(), shape.end());
}

FailureOr<sim::Network>
axon::buildSimNetwork(NetworkOp network,
                      llvm::DenseMap<Operation *, sim::NodeId> *idsOut) {
  sim::Network net;
  llvm::DenseMap<Operation *, sim::NodeId> ids;
  unsigned index = 0;
  for (Operation &op : network.getBodyBlock()->getOperations()) {
    std::optional<sim::NodeKind> kind = kindOf(&op);
    if (!kind)
      return op.emitError("the reference simulator cannot run '")
             << op.getName() << "'";
    std::string name = getNodeName(&op).str();
    if (name.empty() || net.lookup(name))
      name = op.getName().stripDialect().str() + std::to_string(index);
    std::map<std::string, sim::Tensor, std::less<>> params;
    copyParameters(&op, params);
    sim::NodeId id = net.addNode(*kind, name, std::move(params));
    sim::Node &node = net.node(id);
    if (op.getNumOperands())
      node.inputShape = shapeOf(op.getOperand(0).getType());
    if (op.getNumResults())
      node.outputShape = shapeOf(op.getResult(0).getType());
    else if (op.getNumOperands())
      node.outputShape = node.inputShape;
    if (kind == sim::NodeKind::Input)
      node.inputShape = node.outputShape;
    ids[&op] = id;
    ++index;
  }
  for (Operation &op : network.getBodyBlock()->getOperations())
    for (Value operand : op.getOperands())
      net.connect(ids.lookup(operand.getDefiningOp()), ids.lookup(&op));
  if (idsOut)
    *idsOut = ids;
  if (llvm::Error err = net.finalize())
    return network.emitError("cannot simulate: ")
           << llvm::toString(std::move(err));
  return std::move(net);
}

void axon::applyDiscretization(NetworkOp network, sim::EngineOptions &options) {
  DiscretizationAttr attr = network.getDiscretizationAttr();
  if (!attr)
    return;
  options.dt = attr.getDt().convertToDouble();
  bool fixedPoint = options.profile != sim::Profile::FloatExact &&
                    options.profile != sim::Profile::FloatEuler;
  if (!fixedPoint)
    options.profile = attr.getMethod() == DiscretizationMethod::exact
                          ? sim::Profile::FloatExact
                          : sim::Profile::FloatEuler;
  switch (attr.getReset()) {
  case snn::ResetMode::zero:
    options.reset = sim::ResetMode::Zero;
    break;
  case snn::ResetMode::subtract:
    options.reset = sim::ResetMode::Subtract;
    break;
  case snn::ResetMode::to_v_reset:
    options.reset = sim::ResetMode::ToVReset;
    break;
  }
}

//===- FoldScales.cpp - Fold scale ops into the next synapses --*- C++ -*-===//
//
// --spinn-fold-scales: the first step of the SpiNNaker pipeline, so that
// converted ANNs (IF -> scale(lambda) -> affine) have a population between
// any two synaptic ops.  See Passes.td.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Passes.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNFOLDSCALES
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;

namespace {
struct SpinnFoldScalesPass
    : public spinnaker::impl::SpinnFoldScalesBase<SpinnFoldScalesPass> {
  void runOnOperation() override;
};
} // namespace

/// SpiNNaker needs a population between two synaptic ops, but a converted
/// ANN has `scale(lambda)` after each IF population (each spike carries
/// lambda): fold it into the synaptic op it feeds, W' = W diag(s), which is
/// the same map.  Only the simple case the conversion produces: one input,
/// rank-1 signals, f32 weights, s a scalar or one value per column.
static void foldScales(ModuleOp module) {
  SmallVector<Operation *> synapses;
  module.walk([&](Operation *op) {
    if (isa<snn::AffineOp, snn::LinearOp>(op))
      synapses.push_back(op);
  });
  for (Operation *op : synapses) {
    auto scale = op->getNumOperands() == 1
                     ? op->getOperand(0).getDefiningOp<snn::ScaleOp>()
                     : snn::ScaleOp();
    if (!scale || scale.getInputs().size() != 1)
      continue;
    auto weight = cast<DenseElementsAttr>(op->getAttr("weight"));
    auto type = weight.getType();
    auto inType = dyn_cast<ShapedType>(scale.getInputs()[0].getType());
    DenseElementsAttr s = scale.getScale();
    if (!weight.getElementType().isF32() || type.getRank() != 2 || !inType ||
        inType.getRank() != 1 || inType.getNumElements() != type.getDimSize(1))
      continue;
    int64_t out = type.getDimSize(0), in = type.getDimSize(1);
    if (s.getNumElements() != 1 && s.getNumElements() != in)
      continue;
    SmallVector<double> factors = snn::getElementsAsDouble(s);
    SmallVector<float> values(weight.getValues<float>());
    for (int64_t j = 0; j < out; ++j)
      for (int64_t k = 0; k < in; ++k)
        values[j * in + k] *= (float)factors[factors.size() == 1 ? 0 : k];
    op->setAttr("weight", DenseElementsAttr::get(type, ArrayRef(values)));
    op->setOperand(0, scale.getInputs()[0]);
    if (scale->use_empty())
      scale->erase();
  }
}

void SpinnFoldScalesPass::runOnOperation() { foldScales(getOperation()); }

//===- FoldBatchNorm.cpp - fold batch_norm into synaptic ops ----*- C++ -*-===//
//
// Trained ANNs carry inference-time batch normalization; every target wants
// it folded into the weights so that conversion and quantization see one
// affine map per layer.
//
//===----------------------------------------------------------------------===//

#include "axon/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace axon {
#define GEN_PASS_DEF_SNNFOLDBATCHNORM
#include "axon/Transforms/Passes.h.inc"
} // namespace axon

using namespace mlir;
using namespace axon;
using namespace axon::snn;

namespace {

/// A dense attribute of `values` with `shape` and float `elementType`.
DenseElementsAttr makeDense(ArrayRef<int64_t> shape, Type elementType,
                            ArrayRef<double> values) {
  auto type = RankedTensorType::get(shape, elementType);
  if (elementType.isF64())
    return DenseElementsAttr::get(type, values);
  SmallVector<float> f(values.begin(), values.end());
  return DenseElementsAttr::get(type, ArrayRef(f));
}

struct FoldBatchNormPattern : public OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    if (bn.getInputs().size() != 1)
      return rewriter.notifyMatchFailure(bn, "summed inputs");
    Operation *producer = bn.getInputs()[0].getDefiningOp();
    if (!producer || !producer->hasOneUse() ||
        !isa<AffineOp, LinearOp, Conv1dOp, Conv2dOp>(producer))
      return rewriter.notifyMatchFailure(bn, "not after a synaptic op");
    auto weight = producer->getAttrOfType<DenseElementsAttr>("weight");
    ArrayRef<int64_t> outShape =
        cast<ShapedType>(producer->getResult(0).getType()).getShape();
    // Dimension 0 of the signal must be the synaptic op's output channel.
    if (isa<AffineOp, LinearOp>(producer) && outShape.size() != 1)
      return rewriter.notifyMatchFailure(bn, "channel is not the output row");
    if (!isa<FloatType>(weight.getElementType()))
      return rewriter.notifyMatchFailure(bn, "quantized weights");

    int64_t channels = outShape[0];
    SmallVector<double> w = getElementsAsDouble(weight);
    if (w.size() == 1)
      w.assign(weight.getType().getNumElements(), w[0]);
    int64_t perChannel = w.size() / channels;
    auto bias = producer->getAttrOfType<DenseElementsAttr>("bias");
    double eps = bn.getEpsilon().convertToDouble();
    SmallVector<double> newBias(channels);
    for (int64_t c = 0; c < channels; ++c) {
      double s = getElementAsDouble(bn.getGamma(), c) /
                 std::sqrt(getElementAsDouble(bn.getVar(), c) + eps);
      for (int64_t k = 0; k < perChannel; ++k)
        w[c * perChannel + k] *= s;
      newBias[c] = s * (getElementAsDouble(bias, c) -
                        getElementAsDouble(bn.getMean(), c)) +
                   getElementAsDouble(bn.getBeta(), c);
    }
    Type elt = weight.getElementType();
    DenseElementsAttr newWeight =
        makeDense(weight.getType().getShape(), elt, w);
    DenseElementsAttr newBiasAttr = makeDense({channels}, elt, newBias);

    rewriter.setInsertionPoint(producer);
    Value result;
    if (auto linear = dyn_cast<LinearOp>(producer)) {
      result =
          rewriter.create<AffineOp>(linear.getLoc(), bn.getType(),
                                    linear.getInputs(), newWeight, newBiasAttr);
    } else {
      rewriter.modifyOpInPlace(producer, [&] {
        producer->setAttr("weight", newWeight);
        producer->setAttr("bias", newBiasAttr);
        producer->getResult(0).setType(bn.getType());
      });
      result = producer->getResult(0);
    }
    rewriter.replaceOp(bn, result);
    if (isa<LinearOp>(producer))
      rewriter.eraseOp(producer);
    return success();
  }
};

struct SNNFoldBatchNormPass
    : public axon::impl::SNNFoldBatchNormBase<SNNFoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldBatchNormPattern>(&getContext());
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

//===- TLGOps.cpp - tlg.gate verifier, semantics and folding ----*- C++ -*-===//
//
// The gate's rules (one weight per input, a weight sum that fits in 64 bits
// so evaluation cannot overflow), its evaluation for the net interpreter, and
// the simplifications that are obviously right: constant gates fold, constant
// inputs and zero weights disappear, repeated inputs merge.
//
//===----------------------------------------------------------------------===//

#include "dialects/tlg/TLGOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/MathExtras.h"

#include <limits>

using namespace mlir;
using namespace axon::tlg;

#define GET_OP_CLASSES
#include "dialects/tlg/TLGOps.cpp.inc"

LogicalResult GateOp::verify() {
  ArrayRef<int64_t> weights = getWeights();
  if (weights.size() != getInputs().size())
    return emitOpError("has ")
           << weights.size() << " weights for " << getInputs().size()
           << " inputs; expected one weight per input";
  int64_t total = 0;
  for (int64_t w : weights) {
    if (w == std::numeric_limits<int64_t>::min() ||
        llvm::AddOverflow(total, w < 0 ? -w : w, total))
      return emitOpError("the sum of the absolute weights does not fit in "
                         "64 bits");
  }
  return success();
}

int64_t GateOp::getMinSum() {
  int64_t sum = 0;
  for (int64_t w : getWeights())
    sum += std::min<int64_t>(w, 0);
  return sum;
}

int64_t GateOp::getMaxSum() {
  int64_t sum = 0;
  for (int64_t w : getWeights())
    sum += std::max<int64_t>(w, 0);
  return sum;
}

APInt GateOp::evaluate(ArrayRef<APInt> operands) {
  int64_t sum = 0;
  for (auto [x, w] : llvm::zip(operands, getWeights()))
    if (x.isOne())
      sum += w;
  return APInt(1, sum >= getThreshold());
}

OpFoldResult GateOp::fold(FoldAdaptor adaptor) {
  auto boolAttr = [&](bool value) {
    return IntegerAttr::get(getType(), APInt(1, value));
  };
  if (getThreshold() <= getMinSum())
    return boolAttr(true);
  if (getThreshold() > getMaxSum())
    return boolAttr(false);
  SmallVector<APInt> values;
  for (Attribute attr : adaptor.getInputs()) {
    auto intAttr = llvm::dyn_cast_or_null<IntegerAttr>(attr);
    if (!intAttr)
      return {};
    values.push_back(intAttr.getValue());
  }
  return boolAttr(evaluate(values).isOne());
}

namespace {
/// Drops constant inputs (a constant 1 lowers the threshold by its weight)
/// and zero weights, and merges repeated inputs by adding their weights.
struct SimplifyGateInputs : OpRewritePattern<GateOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(GateOp gate,
                                PatternRewriter &rewriter) const override {
    int64_t threshold = gate.getThreshold();
    llvm::MapVector<Value, int64_t> merged;
    for (auto [x, w] : llvm::zip(gate.getInputs(), gate.getWeights())) {
      APInt value;
      if (matchPattern(x, m_ConstantInt(&value))) {
        if (value.isOne() && llvm::SubOverflow(threshold, w, threshold))
          return failure();
        continue;
      }
      merged[x] += w; // Bounded by the verified sum of |weights|.
    }
    SmallVector<Value> inputs;
    SmallVector<int64_t> weights;
    for (auto [x, w] : merged) {
      if (w == 0)
        continue;
      inputs.push_back(x);
      weights.push_back(w);
    }
    if (inputs.size() == gate.getInputs().size())
      return failure();
    rewriter.modifyOpInPlace(gate, [&] {
      gate->setOperands(inputs);
      gate.setWeights(weights);
      gate.setThreshold(threshold);
    });
    return success();
  }
};
} // namespace

void GateOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                         MLIRContext *context) {
  results.add<SimplifyGateInputs>(context);
}

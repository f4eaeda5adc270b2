//===- XnorPopcount.cpp - XNOR-popcount-compare netlist in `net` ----------===//
//
// The conventional digital implementation of a binarized network, written as
// an RTL designer would: per neuron, XNOR of every input bit with the weight
// bit (constant weights make it a wire or an inverter; zero weights drop the
// input), a balanced popcount adder tree with each sum just wide enough, and
// one unsigned comparison with the folded threshold.  Nothing is shared or
// simplified here beyond that; yosys and ABC see the plain structure.
//
//===----------------------------------------------------------------------===//

#include "targets/threshold/Baseline/Baseline.h"

#include "dialects/net/NetDialect.h"
#include "dialects/net/NetOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace mlir;
using namespace axon;
using namespace axon::threshold;

/// Bits needed for the unsigned value `v` (at least 1).
static unsigned widthFor(uint64_t v) {
  return std::max(1u, unsigned(llvm::Log2_64(v) + 1));
}

namespace {

/// A value with the largest unsigned number it can hold.
struct Sum {
  Value value;
  uint64_t max;
};

/// Emits the arithmetic of one net.module.
class Emitter {
public:
  Emitter(OpBuilder &builder, Location loc, PopcountStyle style)
      : b(builder), loc(loc), style(style) {}

  Value constant(unsigned width, uint64_t v) {
    return b.create<net::ConstantOp>(loc, APInt(width, v));
  }
  Value zext(Value v, unsigned width) {
    if (net::getBitWidth(v) == width)
      return v;
    return b.create<net::ZExtOp>(loc, b.getIntegerType(width), v);
  }
  /// The XNOR of `bit` with the constant weight bit: bit itself for a
  /// positive weight, its complement for a negative one.
  Value xnorWeight(Value bit, bool positive) {
    if (positive)
      return bit;
    return b.create<net::XorOp>(loc, bit, constant(1, 1));
  }
  /// magnitude * lit, as a constant multiplication (yosys reduces it).
  Sum scaled(Value lit, uint64_t magnitude) {
    if (magnitude == 1)
      return {lit, 1};
    unsigned width = widthFor(magnitude);
    Value wide = zext(lit, width);
    Value product = b.create<net::MulOp>(loc, wide, constant(width, magnitude));
    return {product, magnitude};
  }
  /// Balanced adder tree: adjacent terms are added pairwise, level by
  /// level, each sum as wide as its largest value needs.
  Sum addTree(std::vector<Sum> terms) {
    if (terms.empty())
      return {constant(1, 0), 0};
    if (style == PopcountStyle::MultiOperand && terms.size() > 1) {
      uint64_t max = 0;
      for (const Sum &t : terms)
        max += t.max;
      unsigned width = widthFor(max);
      SmallVector<Value> operands;
      for (const Sum &t : terms)
        operands.push_back(zext(t.value, width));
      Value sum = b.create<net::AddOp>(loc, b.getIntegerType(width), operands);
      return {sum, max};
    }
    while (terms.size() > 1) {
      std::vector<Sum> next;
      for (size_t i = 0; i + 1 < terms.size(); i += 2) {
        uint64_t max = terms[i].max + terms[i + 1].max;
        unsigned width = widthFor(max);
        Value sum = b.create<net::AddOp>(loc, zext(terms[i].value, width),
                                         zext(terms[i + 1].value, width));
        next.push_back({sum, max});
      }
      if (terms.size() % 2)
        next.push_back(terms.back());
      terms = std::move(next);
    }
    return terms.front();
  }
  /// A lookup table indexed by `index` (a case statement): a balanced tree
  /// of 2:1 muxes over the index bits; entries past the table's end (index
  /// values that cannot occur) repeat its last entry.
  Value rom(Value index, ArrayRef<uint64_t> table, unsigned width) {
    unsigned bits = net::getBitWidth(index);
    std::map<uint64_t, Value> constants;
    std::vector<Value> level;
    for (uint64_t i = 0; i != (uint64_t(1) << bits); ++i) {
      uint64_t v = table[std::min<uint64_t>(i, table.size() - 1)];
      Value &c = constants[v];
      if (!c)
        c = constant(width, v);
      level.push_back(c);
    }
    for (unsigned bit = 0; bit != bits; ++bit) {
      Value select =
          bits == 1 ? index
                    : b.create<net::ExtractOp>(loc, b.getI1Type(), index, bit);
      std::vector<Value> next;
      for (size_t i = 0; i < level.size(); i += 2)
        next.push_back(
            level[i] == level[i + 1]
                ? level[i]
                : b.create<net::MuxOp>(loc, select, level[i + 1], level[i]));
      level = std::move(next);
    }
    return level.front();
  }
  /// [sum >= k] for an unsigned sum.
  Value atLeast(const Sum &sum, int64_t k) {
    if (k <= 0)
      return constant(1, 1);
    if (uint64_t(k) > sum.max)
      return constant(1, 0);
    unsigned width = net::getBitWidth(sum.value);
    return b.create<net::ICmpOp>(loc, net::ICmpPredicate::uge, sum.value,
                                 constant(width, k));
  }

  /// The popcount of the XNORs of `inputs` with `weights` (weights of any
  /// magnitude: each term is |w| times the XNOR), and the offset N with
  /// popcount = sum_i w_i x_i + N.
  std::pair<Sum, int64_t> xnorPopcount(ArrayRef<Value> inputs,
                                       ArrayRef<int64_t> weights) {
    std::vector<Sum> terms;
    int64_t offset = 0;
    for (auto [input, w] : llvm::zip_equal(inputs, weights)) {
      if (w == 0)
        continue;
      if (w < 0)
        offset += -w;
      terms.push_back(scaled(xnorWeight(input, w > 0), uint64_t(std::abs(w))));
    }
    return {addTree(std::move(terms)), offset};
  }

  OpBuilder &b;
  Location loc;
  PopcountStyle style;
};

} // namespace

/// Weights of one neuron over the (expanded) input bits.
static std::vector<int64_t> expandedWeights(ArrayRef<int64_t> row,
                                            unsigned inputBits) {
  if (inputBits == 0)
    return std::vector<int64_t>(row.begin(), row.end());
  std::vector<int64_t> out;
  for (int64_t w : row)
    for (unsigned bit = 0; bit != inputBits; ++bit)
      out.push_back(w * (int64_t(1) << bit));
  return out;
}

/// Largest popcount value the ArgMax lookup tables index (2^14 entries).
static constexpr uint64_t kMaxTableEntries = (uint64_t(1) << 14) - 1;

/// Emits the ArgMax readout over the last layer's scores: per class, its
/// popcount indexes a lookup table of score ranks; a comparator tree keeps
/// the first class with the largest rank.  Returns null after a diagnostic
/// when a popcount range is too large for a table.
static Value emitArgMax(Emitter &e, const BinaryLayer &layer,
                        ArrayRef<Value> inputs, unsigned inputBits) {
  struct ClassSum {
    Sum popcount;
    std::vector<double> scores; // by popcount value
  };
  std::vector<ClassSum> classes;
  std::vector<double> all;
  NeuronParams defaults;
  for (unsigned o = 0; o != layer.numOutputs; ++o) {
    ArrayRef<int64_t> row(layer.weights.data() + size_t(o) * layer.numInputs,
                          layer.numInputs);
    std::vector<int64_t> w = expandedWeights(row, inputBits);
    auto [sum, offset] = e.xnorPopcount(inputs, w);
    if (sum.max > kMaxTableEntries) {
      emitError(e.loc) << "class " << o << " of the ArgMax readout has "
                       << sum.max + 1 << " popcount values; at most "
                       << kMaxTableEntries + 1
                       << " fit in its score lookup table";
      return {};
    }
    int64_t total = 0;
    for (int64_t x : w)
      total += x;
    const NeuronParams &params =
        layer.neurons.empty() ? defaults : layer.neurons[o];
    ClassSum cls{sum, {}};
    for (uint64_t m = 0; m <= sum.max; ++m) {
      int64_t g = int64_t(m) - offset;
      // +-1 inputs: a = sum w s = 2 G - sum w; integer inputs: a = G.
      int64_t a = inputBits == 0 ? 2 * g - total : g;
      cls.scores.push_back(readoutScore(a, params));
      all.push_back(cls.scores.back());
    }
    classes.push_back(std::move(cls));
  }
  llvm::sort(all);
  all.erase(std::unique(all.begin(), all.end()), all.end());
  unsigned rankWidth = widthFor(all.size() - 1);
  unsigned classWidth = classIndexBits(classes.size());
  auto rankOf = [&](double s) {
    return uint64_t(llvm::lower_bound(all, s) - all.begin());
  };
  // Candidates in class order; a tournament keeps the left (lower-index)
  // one unless the right one's rank is strictly larger.
  std::vector<std::pair<Value, Value>> candidates; // (index, rank)
  for (auto [c, cls] : llvm::enumerate(classes)) {
    std::vector<uint64_t> table;
    for (double s : cls.scores)
      table.push_back(rankOf(s));
    candidates.emplace_back(e.constant(classWidth, c),
                            e.rom(cls.popcount.value, table, rankWidth));
  }
  while (candidates.size() > 1) {
    std::vector<std::pair<Value, Value>> next;
    for (size_t i = 0; i + 1 < candidates.size(); i += 2) {
      auto [li, lr] = candidates[i];
      auto [ri, rr] = candidates[i + 1];
      Value better =
          e.b.create<net::ICmpOp>(e.loc, net::ICmpPredicate::ugt, rr, lr);
      next.emplace_back(e.b.create<net::MuxOp>(e.loc, better, ri, li),
                        e.b.create<net::MuxOp>(e.loc, better, rr, lr));
    }
    if (candidates.size() % 2)
      next.push_back(candidates.back());
    candidates = std::move(next);
  }
  return candidates.front().first;
}

/// Checks the layer sizes against the previous layer's outputs.
static LogicalResult checkShape(const BinarizedNetwork &network,
                                MLIRContext *context) {
  auto fail = [&](const Twine &msg) {
    return emitError(UnknownLoc::get(context)) << msg;
  };
  if (network.layers.empty())
    return fail("the binarized network has no layers");
  for (auto [l, layer] : llvm::enumerate(network.layers)) {
    unsigned expected =
        l == 0 ? layer.numInputs : network.layers[l - 1].numOutputs;
    if (layer.numInputs != expected)
      return fail(llvm::formatv("layer {0} has {1} inputs, expected {2}", l,
                                layer.numInputs, expected));
    if (layer.weights.size() != size_t(layer.numInputs) * layer.numOutputs)
      return fail(llvm::formatv("layer {0} has {1} weights, expected {2}", l,
                                layer.weights.size(),
                                size_t(layer.numInputs) * layer.numOutputs));
    if (!layer.neurons.empty() && layer.neurons.size() != layer.numOutputs)
      return fail(llvm::formatv("layer {0} has {1} neuron parameter sets for "
                                "{2} outputs",
                                l, layer.neurons.size(), layer.numOutputs));
    if (layer.numOutputs == 0)
      return fail(llvm::formatv("layer {0} has no outputs", l));
  }
  if (network.inputBits > 16)
    return fail(llvm::formatv("at most 16 input bits are supported, got {0}",
                              network.inputBits));
  return success();
}

OwningOpRef<ModuleOp>
axon::threshold::buildXnorPopcountNet(const BinarizedNetwork &network,
                                      MLIRContext *context,
                                      const BaselineOptions &options) {
  context->getOrLoadDialect<net::NetDialect>();
  if (failed(checkShape(network, context)))
    return nullptr;
  Location loc = UnknownLoc::get(context);
  OwningOpRef<ModuleOp> top = ModuleOp::create(loc);
  OpBuilder b = OpBuilder::atBlockEnd(top->getBody());

  std::vector<std::string> inputNames;
  for (unsigned i = 0; i != network.layers.front().numInputs; ++i) {
    if (network.inputBits == 0)
      inputNames.push_back(llvm::formatv("x{0}", i).str());
    for (unsigned bit = 0; bit != network.inputBits; ++bit)
      inputNames.push_back(llvm::formatv("x{0}_b{1}", i, bit).str());
  }
  SmallVector<StringRef> inputRefs(inputNames.begin(), inputNames.end());
  SmallVector<Type> inputTypes(inputNames.size(), b.getI1Type());
  auto module =
      b.create<net::NetModuleOp>(loc, options.moduleName, inputRefs, inputTypes,
                                 ArrayRef<StringRef>{}, TypeRange{});
  b.setInsertionPointToEnd(module.getBodyBlock());
  Emitter e(b, loc, options.popcount);

  std::vector<Value> prev(module.getBodyBlock()->args_begin(),
                          module.getBodyBlock()->args_end());
  NeuronParams defaults;
  size_t numSignLayers =
      network.layers.size() - (network.argMaxReadout ? 1 : 0);
  for (size_t l = 0; l != network.layers.size(); ++l) {
    const BinaryLayer &layer = network.layers[l];
    unsigned bits = l == 0 ? network.inputBits : 0;
    std::vector<Value> next;
    for (unsigned o = 0; o != layer.numOutputs; ++o) {
      ArrayRef<int64_t> row(layer.weights.data() + size_t(o) * layer.numInputs,
                            layer.numInputs);
      const NeuronParams &params =
          layer.neurons.empty() ? defaults : layer.neurons[o];
      // Folding validates the parameters for the ArgMax layer too.
      llvm::Expected<FoldedNeuron> folded =
          foldNeuron(row, bits, params, network.signAtZero);
      if (!folded) {
        emitError(loc) << "layer " << l << " neuron " << o << ": "
                       << llvm::toString(folded.takeError());
        return nullptr;
      }
      if (l >= numSignLayers)
        continue;
      if (folded->isConstant) {
        next.push_back(e.constant(1, folded->constantValue));
        continue;
      }
      auto [sum, offset] = e.xnorPopcount(prev, folded->weights);
      next.push_back(e.atLeast(sum, folded->threshold + offset));
    }
    if (l < numSignLayers)
      prev = std::move(next);
  }

  SmallVector<Value> outputs;
  std::vector<std::string> outputNames;
  if (network.argMaxReadout) {
    Value index =
        emitArgMax(e, network.layers.back(), prev,
                   network.layers.size() == 1 ? network.inputBits : 0);
    if (!index)
      return nullptr;
    for (unsigned bit = 0, n = net::getBitWidth(index); bit != n; ++bit) {
      outputs.push_back(
          b.create<net::ExtractOp>(loc, b.getI1Type(), index, bit));
      outputNames.push_back(llvm::formatv("class_b{0}", bit).str());
    }
  } else {
    for (auto [o, v] : llvm::enumerate(prev)) {
      outputs.push_back(v);
      outputNames.push_back(llvm::formatv("y{0}", o).str());
    }
  }
  b.create<net::OutputOp>(loc, outputs);
  SmallVector<StringRef> outputRefs(outputNames.begin(), outputNames.end());
  module.setFunctionTypeAttr(TypeAttr::get(
      b.getFunctionType(inputTypes, ValueRange(outputs).getTypes())));
  module.setOutputNamesAttr(b.getStrArrayAttr(outputRefs));
  if (failed(mlir::verify(*top)))
    return nullptr;
  return top;
}

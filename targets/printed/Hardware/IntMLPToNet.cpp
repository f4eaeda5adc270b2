//===- IntMLPToNet.cpp - Integer MLP to one combinational net.module ------===//
//
// Builds the bespoke circuit of an IntMLP, operation for operation from the
// rules in IntMLP.h, with every wire exactly as wide as the range analysis
// (analyzeRanges) says the value it carries can get.  Because each sum is
// computed modulo 2^width and the exact value always fits, modular adders
// give the exact integers predictInt computes:
//
//   term   = {a[n-1:lo], (t+lo) zeros}, lo = max(k - t, 0)   (a CSD digit)
//   P, N   = sum of the +/- terms (+ the pruned bias on its side)
//   acc    = P - N                          (accBits, two's complement)
//   h      = sign(acc) ? 0 : (|acc[hi:s+bits] ? 2^bits-1 : acc[s+ob-1:s])
//   class  = argmax tree, right subtree wins only when strictly greater
//
// Values that can only be zero (an input whose range is {0}, a neuron whose
// activation is always 0) get no wire at all.  Ops carry NameLocs
// (`x3`, `l0n1_pos`, `h0_1`, ...) that the Verilog exporter turns into
// readable wire names.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Hardware/Hardware.h"

#include "targets/printed/Core/CSD.h"

#include "dialects/net/NetDialect.h"
#include "dialects/net/NetOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace axon;
using namespace axon::printed;

namespace {
/// Emits the ops of one model into the body of `@top`.
class MLPLowering {
public:
  MLPLowering(const IntMLP &model, OpBuilder &builder)
      : model(model), b(builder), ranges(analyzeRanges(model)) {}

  /// Builds the whole circuit from `inp`; returns the class index value.
  Value build(Value inp);

private:
  Location loc(const Twine &name) {
    return NameLoc::get(b.getStringAttr(name));
  }
  Location anon() { return b.getUnknownLoc(); }
  Value constant(unsigned width, uint64_t value) {
    return b.create<net::ConstantOp>(anon(), APInt(width, value));
  }
  Value extract(Value v, unsigned lo, unsigned width) {
    if (lo == 0 && net::getBitWidth(v) == width)
      return v;
    return b.create<net::ExtractOp>(anon(), b.getIntegerType(width), v, lo);
  }
  /// `v` zero-extended or truncated to `width` bits.
  Value resize(Value v, unsigned width);
  /// The pruned partial product `dropLowBits(a << t, k)` at `width` bits, or
  /// null when no bit of `a` survives the pruning.
  Value term(Value a, unsigned t, unsigned k, unsigned width);
  /// Sum of `terms` and `constant` at `width` bits (null for width 0).
  Value sum(ArrayRef<Value> terms, uint64_t constant, unsigned width,
            const Twine &name);
  /// The accumulator P - N of neuron `o` of layer `l`.
  Value neuron(unsigned l, unsigned o, ArrayRef<Value> inputs);
  /// The truncated ReLU of hidden neuron `o` of layer `l` (null if always 0).
  Value activation(unsigned l, unsigned o, Value acc);
  /// Winner (value, index) of the classes [lo, hi).
  std::pair<Value, Value> argmax(ArrayRef<Value> accs, unsigned lo, unsigned hi,
                                 unsigned indexBits);

  const IntMLP &model;
  OpBuilder &b;
  std::vector<LayerRange> ranges;
};
} // namespace

Value MLPLowering::resize(Value v, unsigned width) {
  unsigned w = net::getBitWidth(v);
  if (w == width)
    return v;
  if (w > width)
    return extract(v, 0, width);
  return b.create<net::ZExtOp>(anon(), b.getIntegerType(width), v);
}

Value MLPLowering::term(Value a, unsigned t, unsigned k, unsigned width) {
  unsigned n = net::getBitWidth(a);
  unsigned lo = k > t ? k - t : 0; // lowest bit of `a` that survives
  unsigned zeros = t + lo;
  if (lo >= n || zeros >= width)
    return {};
  // Bits shifted beyond `width` are zero by the range analysis; dropping
  // them keeps the IR free of dead bits.
  unsigned keep = std::min(n - lo, width - zeros);
  Value bits = extract(a, lo, keep);
  if (zeros)
    bits =
        b.create<net::ConcatOp>(anon(), ValueRange{bits, constant(zeros, 0)});
  return resize(bits, width);
}

Value MLPLowering::sum(ArrayRef<Value> terms, uint64_t constant, unsigned width,
                       const Twine &name) {
  if (width == 0)
    return {};
  SmallVector<Value> operands(terms.begin(), terms.end());
  if (constant || operands.empty())
    operands.push_back(this->constant(width, constant));
  if (operands.size() == 1)
    return operands.front();
  return b.create<net::AddOp>(loc(name), operands.front().getType(), operands);
}

Value MLPLowering::neuron(unsigned l, unsigned o, ArrayRef<Value> inputs) {
  const IntLayer &layer = model.layers[l];
  const NeuronRange &r = ranges[l].neurons[o];
  unsigned k = layer.pruneBits[o];
  SmallVector<Value> pos, neg;
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    if (!inputs[i])
      continue;
    for (const CSDDigit &d : toCSD(layer.weight(o, i))) {
      unsigned width = d.sign > 0 ? r.posBits : r.negBits;
      if (Value t = term(inputs[i], d.shift, k, width))
        (d.sign > 0 ? pos : neg).push_back(t);
    }
  }
  int64_t bias = prunedBias(layer.biases[o], k);
  std::string base = llvm::formatv("l{0}n{1}", l, o).str();
  Value p = sum(pos, bias > 0 ? uint64_t(bias) : 0, r.posBits, base + "_pos");
  Value n =
      sum(neg, bias < 0 ? 0 - uint64_t(bias) : 0, r.negBits, base + "_neg");
  // acc fits accBits as a signed number, so P - N modulo 2^accBits is exact.
  unsigned w = r.accBits;
  Value pa = p ? resize(p, w) : constant(w, 0);
  if (!n)
    return pa;
  return b.create<net::SubOp>(loc(base + "_acc"), pa, resize(n, w));
}

Value MLPLowering::activation(unsigned l, unsigned o, Value acc) {
  const IntLayer &layer = model.layers[l];
  const NeuronRange &r = ranges[l].neurons[o];
  unsigned ob = unsignedWidth(ranges[l].outputMax[o]);
  if (ob == 0)
    return {};
  unsigned s = layer.actShift;
  std::string name = llvm::formatv("h{0}_{1}", l, o).str();
  // accMax > 0 here, so acc >> s has ob <= accBits - 1 - s bits.
  Value value = extract(acc, s, ob);
  uint64_t top = (uint64_t(1) << layer.actBits) - 1;
  if ((uint64_t(r.accMax) >> s) > top) {
    // Saturate when any bit above the activation window is set.
    unsigned hi = unsignedWidth(uint64_t(r.accMax)) - 1;
    unsigned from = s + layer.actBits;
    Value above = extract(acc, from, hi - from + 1);
    Value sat =
        b.create<net::ICmpOp>(loc(name + "_sat"), net::ICmpPredicate::ne, above,
                              constant(hi - from + 1, 0));
    value = b.create<net::MuxOp>(anon(), sat, constant(ob, top), value);
  }
  if (r.accMin < 0) {
    // ReLU by the sign bit.
    Value sign = extract(acc, r.accBits - 1, 1);
    value = b.create<net::MuxOp>(anon(), sign, constant(ob, 0), value);
  }
  if (auto *op = value.getDefiningOp())
    op->setLoc(loc(name));
  return value;
}

std::pair<Value, Value> MLPLowering::argmax(ArrayRef<Value> accs, unsigned lo,
                                            unsigned hi, unsigned indexBits) {
  if (hi - lo == 1)
    return {accs[lo], constant(indexBits, lo)};
  unsigned mid = lo + (hi - lo) / 2;
  auto [lv, li] = argmax(accs, lo, mid, indexBits);
  auto [rv, ri] = argmax(accs, mid, hi, indexBits);
  // Strictly greater: on a tie the left (lower) index stays.
  Value gt = b.create<net::ICmpOp>(loc(llvm::formatv("gt{0}_{1}", lo, hi)),
                                   net::ICmpPredicate::sgt, rv, lv);
  // The root only needs the index.
  Value value;
  if (lo != 0 || hi != accs.size())
    value = b.create<net::MuxOp>(loc(llvm::formatv("best{0}_{1}", lo, hi)), gt,
                                 rv, lv);
  Value index = b.create<net::MuxOp>(loc(llvm::formatv("idx{0}_{1}", lo, hi)),
                                     gt, ri, li);
  return {value, index};
}

/// Bits the argmax tree computes the class index at: ceil(log2 C), at least
/// one.
static unsigned classIndexBits(const IntMLP &model) {
  return std::max(1u, unsignedWidth(model.numClasses() - 1));
}

/// Width of the `out` port: the bit length of C, as the published designs
/// (2 bits for 2 or 3 classes, 3 bits for 4 to 7).  The bits above
/// classIndexBits are constant zeros.
static unsigned outputBits(const IntMLP &model) {
  return std::max(1u, unsignedWidth(model.numClasses()));
}

Value MLPLowering::build(Value inp) {
  unsigned nb = model.inputBits;
  SmallVector<Value> inputs;
  for (unsigned f = 0; f < model.numInputs(); ++f)
    inputs.push_back(b.create<net::ExtractOp>(
        loc("x" + Twine(f)), b.getIntegerType(nb), inp, f * nb));
  unsigned last = model.layers.size() - 1;
  SmallVector<Value> accs;
  for (unsigned l = 0; l <= last; ++l) {
    const IntLayer &layer = model.layers[l];
    accs.clear();
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      accs.push_back(neuron(l, o, inputs));
    if (l == last)
      break;
    inputs.clear();
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      inputs.push_back(activation(l, o, accs[o]));
  }
  // Compare all classes at one width.
  unsigned wm = 1;
  for (Value acc : accs)
    wm = std::max(wm, net::getBitWidth(acc));
  for (Value &acc : accs)
    if (net::getBitWidth(acc) < wm)
      acc = b.create<net::SExtOp>(anon(), b.getIntegerType(wm), acc);
  Value index = argmax(accs, 0, accs.size(), classIndexBits(model)).second;
  if (net::getBitWidth(index) < outputBits(model))
    index = b.create<net::ZExtOp>(loc("class_index"),
                                  b.getIntegerType(outputBits(model)), index);
  return index;
}

OwningOpRef<ModuleOp> axon::printed::lowerToNet(const IntMLP &model,
                                                MLIRContext *ctx) {
  ctx->getOrLoadDialect<net::NetDialect>();
  Location unknown = UnknownLoc::get(ctx);
  if (llvm::Error err = model.verify()) {
    emitError(unknown) << "cannot lower the printed MLP to a netlist: "
                       << llvm::toString(std::move(err));
    return {};
  }
  if (model.numInputs() == 0 || model.numClasses() == 0) {
    emitError(unknown) << "cannot lower the printed MLP to a netlist: it "
                          "needs at least one input and one class";
    return {};
  }
  OpBuilder b(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(unknown);
  b.setInsertionPointToEnd(module->getBody());
  Type inType = b.getIntegerType(model.numInputs() * model.inputBits);
  Type outType = b.getIntegerType(outputBits(model));
  auto top = b.create<net::NetModuleOp>(
      NameLoc::get(b.getStringAttr("top")), "top", ArrayRef<StringRef>{"inp"},
      TypeRange{inType}, ArrayRef<StringRef>{"out"}, TypeRange{outType});
  b.setInsertionPointToEnd(top.getBodyBlock());
  MLPLowering lowering(model, b);
  Value out = lowering.build(top.getBodyBlock()->getArgument(0));
  b.create<net::OutputOp>(NameLoc::get(b.getStringAttr("out")),
                          ValueRange{out});
  // The widths above come from the range analysis; a verifier failure here
  // is a bug in this file, reported rather than handed on.
  if (failed(mlir::verify(*module)))
    return {};
  return module;
}

//===- VerilogWriter.cpp - Bench-only behavioural Verilog of an IntMLP ----===//
//
// One continuous assignment per sum, written from the rules in IntMLP.h and
// the widths of the range analysis: each CSD partial product is a
// concatenation {x[msb:k-t], zeros} (self-determined, so no Verilog width
// rule can change its value), positive and negative terms are summed in
// wires of exactly posBits / negBits, the subtraction is taken modulo
// 2^accBits, the ReLU tests the sign bit and saturates on the bits above the
// activation window, and a strict-greater compare chain keeps the lowest
// class index on ties.
//
//===----------------------------------------------------------------------===//

#include "bench/printed/Synth.h"

#include "targets/printed/Core/CSD.h"

#include "llvm/Support/FormatVariadic.h"

using namespace axon::printed;
using namespace axon::printed::bench;
using llvm::formatv;

unsigned axon::printed::bench::classIndexBits(const IntMLP &model) {
  return std::max(1u, unsignedWidth(model.numClasses() - 1));
}

/// `{name[msb:lo], zeros}` for input `name` (width n) shifted by t, pruned
/// by k; empty when no bit survives.
static std::string termExpr(const std::string &name, unsigned n, unsigned t,
                            unsigned k) {
  unsigned lo = k > t ? k - t : 0; // lowest input bit kept
  if (lo >= n)
    return "";
  std::string bits = lo == 0 && n > 1 ? name
                     : n == 1         ? name
                              : formatv("{0}[{1}:{2}]", name, n - 1, lo).str();
  unsigned zeros = t + lo;
  if (zeros == 0)
    return bits;
  return formatv("{{{0}, {1}'d0}", bits, zeros).str();
}

/// Sum of terms plus a constant into a wire of `width` bits.
static void emitSum(llvm::raw_ostream &os, const std::string &name,
                    unsigned width, const std::vector<std::string> &terms,
                    uint64_t constant) {
  if (width == 0)
    return;
  os << formatv("  wire [{0}:0] {1} = ", width - 1, name);
  bool first = true;
  for (const std::string &t : terms) {
    os << (first ? "" : " + ") << t;
    first = false;
  }
  if (constant || first)
    os << (first ? "" : " + ") << formatv("{0}'d{1}", width, constant);
  os << ";\n";
}

static void emitNeuron(llvm::raw_ostream &os, const IntLayer &layer, unsigned l,
                       unsigned o, const LayerRange &lr,
                       const std::vector<std::string> &inputs) {
  const NeuronRange &r = lr.neurons[o];
  unsigned k = layer.pruneBits[o];
  std::vector<std::string> pos, neg;
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    unsigned n = unsignedWidth(lr.inputMax[i]);
    if (n == 0)
      continue;
    for (const CSDDigit &d : toCSD(layer.weight(o, i))) {
      std::string t = termExpr(inputs[i], n, d.shift, k);
      if (!t.empty())
        (d.sign > 0 ? pos : neg).push_back(t);
    }
  }
  int64_t b = prunedBias(layer.biases[o], k);
  std::string base = formatv("l{0}n{1}", l, o).str();
  emitSum(os, base + "p", r.posBits, pos, b > 0 ? uint64_t(b) : 0);
  emitSum(os, base + "n", r.negBits, neg, b < 0 ? uint64_t(-b) : 0);
  os << formatv("  wire signed [{0}:0] {1} = {2} - {3};\n", r.accBits - 1, base,
                r.posBits ? base + "p" : "1'b0",
                r.negBits ? base + "n" : "1'b0");
}

/// Truncated ReLU of hidden neuron o into `h<l>_<o>` (width of outputMax).
static void emitActivation(llvm::raw_ostream &os, const IntLayer &layer,
                           unsigned l, unsigned o, const LayerRange &lr) {
  const NeuronRange &r = lr.neurons[o];
  unsigned ob = unsignedWidth(lr.outputMax[o]);
  if (ob == 0)
    return;
  std::string acc = formatv("l{0}n{1}", l, o).str();
  std::string value =
      formatv("{0}[{1}:{2}]", acc, layer.actShift + ob - 1, layer.actShift)
          .str();
  uint64_t top = (uint64_t(1) << layer.actBits) - 1;
  if (r.accMax > 0 && (uint64_t(r.accMax) >> layer.actShift) > top) {
    unsigned hi = unsignedWidth(uint64_t(r.accMax)) - 1;
    value = formatv("(|{0}[{1}:{2}] ? {3}'d{4} : {5})", acc, hi,
                    layer.actShift + layer.actBits, ob, top, value)
                .str();
  }
  if (r.accMin < 0)
    value = formatv("({0}[{1}] ? {2}'d0 : {3})", acc, r.accBits - 1, ob, value)
                .str();
  os << formatv("  wire [{0}:0] h{1}_{2} = {3};\n", ob - 1, l, o, value);
}

static void emitArgmax(llvm::raw_ostream &os, const IntMLP &model,
                       const LayerRange &lr) {
  unsigned l = static_cast<unsigned>(model.layers.size() - 1);
  unsigned wm = 1, ib = classIndexBits(model);
  for (const NeuronRange &r : lr.neurons)
    wm = std::max(wm, r.accBits);
  for (unsigned c = 0; c < model.numClasses(); ++c)
    os << formatv("  wire signed [{0}:0] v{1} = l{2}n{1};\n", wm - 1, c, l);
  os << formatv("  wire signed [{0}:0] best0 = v0;\n", wm - 1);
  os << formatv("  wire [{0}:0] idx0 = {1}'d0;\n", ib - 1, ib);
  for (unsigned c = 1; c < model.numClasses(); ++c) {
    os << formatv("  wire gt{0} = v{0} > best{1};\n", c, c - 1);
    os << formatv("  wire signed [{0}:0] best{1} = gt{1} ? v{1} : best{2};\n",
                  wm - 1, c, c - 1);
    os << formatv("  wire [{0}:0] idx{1} = gt{1} ? {2}'d{1} : idx{3};\n",
                  ib - 1, c, ib, c - 1);
  }
  os << formatv("  assign out = idx{0};\n", model.numClasses() - 1);
}

void axon::printed::bench::writeVerilog(const IntMLP &model,
                                        llvm::raw_ostream &os) {
  std::vector<LayerRange> ranges = analyzeRanges(model);
  unsigned nb = model.inputBits, ni = model.numInputs();
  os << "// Generated by bench-printed (behavioural, for calibration only).\n";
  os << formatv("module top(inp, out);\n  input [{0}:0] inp;\n"
                "  output [{1}:0] out;\n",
                nb * ni - 1, classIndexBits(model) - 1);
  std::vector<std::string> inputs;
  for (unsigned f = 0; f < ni; ++f) {
    os << formatv("  wire [{0}:0] x{1} = inp[{2}:{3}];\n", nb - 1, f,
                  nb * f + nb - 1, nb * f);
    inputs.push_back(formatv("x{0}", f).str());
  }
  for (unsigned l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    for (unsigned o = 0; o < layer.numOutputs; ++o)
      emitNeuron(os, layer, l, o, ranges[l], inputs);
    if (l + 1 == model.layers.size())
      break;
    inputs.clear();
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      emitActivation(os, layer, l, o, ranges[l]);
      inputs.push_back(formatv("h{0}_{1}", l, o).str());
    }
  }
  emitArgmax(os, model, ranges.back());
  os << "endmodule\n";
}

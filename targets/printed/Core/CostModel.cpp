//===- CostModel.cpp - Analytic EGFET area of a bespoke MLP ---------------===//
//
// Counts adders the way a designer would draw the circuit, column by column,
// then prices them with EGFET cell areas.  A hidden neuron whose activation is
// always 0, or that no live neuron of the next layer reads, costs nothing: the
// emitted circuit does not contain it.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/CostModel.h"

#include "targets/printed/Core/CSD.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cmath>

using namespace axon::printed;

//===----------------------------------------------------------------------===//
// Cells and gates
//===----------------------------------------------------------------------===//

llvm::Expected<CellAreas>
axon::printed::readCellAreasLiberty(llvm::StringRef path) {
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf)
    return llvm::createStringError(buf.getError(),
                                   "cannot read '" + path + "'");
  llvm::StringRef text = (*buf)->getBuffer();
  CellAreas cells;
  std::pair<const char *, double *> wanted[] = {
      {"INVX1", &cells.inv},    {"NAND2X1", &cells.nand2},
      {"NOR2X1", &cells.nor2},  {"AND2X1", &cells.and2},
      {"OR2X1", &cells.or2},    {"XOR2X1", &cells.xor2},
      {"XNOR2X1", &cells.xnor2}};
  for (auto &[name, slot] : wanted) {
    size_t at = text.find((llvm::Twine("cell (") + name + ")").str());
    size_t areaAt = at == llvm::StringRef::npos ? at : text.find("area", at);
    size_t colon =
        areaAt == llvm::StringRef::npos ? areaAt : text.find(':', areaAt);
    if (colon == llvm::StringRef::npos)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     path + ": no area for cell " + name);
    llvm::StringRef num = text.drop_front(colon + 1).ltrim();
    num = num.take_while([](char c) { return std::isdigit(c) || c == '.'; });
    if (num.getAsDouble(*slot) || *slot <= 0)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     path + ": bad area for cell " + name);
  }
  return cells;
}

GateCosts GateCosts::fromCells(const CellAreas &c) {
  GateCosts g;
  g.fullAdder = 2 * c.xor2 + 3 * c.nand2;
  g.fullAdderConst = c.xnor2 + c.or2;
  g.halfAdder = c.xor2 + c.and2;
  g.halfAdderConst = c.inv;
  g.inverter = c.inv;
  g.and2 = c.and2;
  g.or2 = c.or2;
  g.mux2 = 3 * c.nand2 + c.inv;
  g.compareBit = c.inv + 3 * c.nand2 + c.or2;
  g.carryFullAdder = 3 * c.nand2 + c.or2;
  g.carryFullAdderConst = c.or2;
  g.carryHalfAdder = c.and2;
  return g;
}

//===----------------------------------------------------------------------===//
// Bit heaps
//===----------------------------------------------------------------------===//

HeapCount axon::printed::reduceBitHeap(llvm::ArrayRef<unsigned> heights,
                                       uint64_t constant, unsigned width,
                                       unsigned carryOnlyBelow) {
  HeapCount n;
  unsigned carries = 0;
  for (unsigned c = 0; c < width && c < 64; ++c) {
    unsigned v = carries + (c < heights.size() ? heights[c] : 0);
    bool one = (constant >> c) & 1;
    carries = 0;
    while (v + one >= 2) {
      // The adder that leaves a single bit produces this column's result.
      bool carryOnly = v + one <= 3 && c < carryOnlyBelow;
      bool full = v + one >= 3;
      if (full && one)
        ++(carryOnly ? n.carryFullAddersConst : n.fullAddersConst);
      else if (full)
        ++(carryOnly ? n.carryFullAdders : n.fullAdders);
      else if (one)
        ++(carryOnly ? n.carryHalfAddersConst : n.halfAddersConst);
      else
        ++(carryOnly ? n.carryHalfAdders : n.halfAdders);
      // A constant bit is consumed first; FA: 3 -> 1, HA: 2 -> 1.
      v = v + one - (full ? 2 : 1);
      one = false;
      ++carries;
    }
  }
  return n;
}

//===----------------------------------------------------------------------===//
// Neurons
//===----------------------------------------------------------------------===//

namespace {
/// Column heights of a neuron's positive and negative partial products.
struct NeuronHeaps {
  llvm::SmallVector<unsigned, 48> pos, neg;
};
} // namespace

static void addTerm(llvm::SmallVector<unsigned, 48> &heap, unsigned from,
                    unsigned to) {
  if (heap.size() < to)
    heap.resize(to, 0);
  for (unsigned c = from; c < to; ++c)
    ++heap[c];
}

static NeuronHeaps buildHeaps(const IntLayer &layer, unsigned o,
                              llvm::ArrayRef<uint64_t> inputMax) {
  NeuronHeaps h;
  unsigned k = layer.pruneBits[o];
  for (unsigned i = 0; i < layer.numInputs; ++i) {
    unsigned n = unsignedWidth(inputMax[i]);
    int32_t w = layer.weight(o, i);
    if (n == 0 || w == 0)
      continue;
    for (const CSDDigit &d : toCSD(w)) {
      unsigned from = std::max<unsigned>(d.shift, k), to = d.shift + n;
      if (from < to)
        addTerm(d.sign > 0 ? h.pos : h.neg, from, to);
    }
  }
  return h;
}

static uint64_t lowMask(unsigned n) {
  return n >= 64 ? ~0ull : (1ull << n) - 1;
}

/// Lowest column holding a variable bit (64 when there is none).
static unsigned lowestVariable(llvm::ArrayRef<unsigned> heap) {
  for (unsigned c = 0; c < heap.size(); ++c)
    if (heap[c])
      return c;
  return 64;
}

/// P - N as P + ~N + 1 over accBits columns.  A reduced sum is variable from
/// its lowest partial product up to its width; below that it holds its bias
/// bits, and a sum without partial products is a constant.  Constants of P,
/// ~N and the +1 merge into one, so only columns where P or N vary cost.
static HeapCount subtractorCost(const NeuronRange &r, unsigned pLow,
                                unsigned nLow, uint64_t bPos, uint64_t bNeg,
                                unsigned carryOnlyBelow, unsigned &inverters) {
  inverters = 0;
  if (r.negMax == 0 || (pLow >= 64 && nLow >= 64))
    return {};
  unsigned w = r.accBits;
  uint64_t mask = lowMask(w);
  llvm::SmallVector<unsigned, 48> heights(w, 0);
  uint64_t constant = pLow >= 64 ? bPos : bPos & lowMask(pLow);
  for (unsigned c = pLow; c < std::min(r.posBits, w); ++c)
    ++heights[c];
  if (nLow >= 64) {
    constant += (mask + 1 - bNeg) & mask; // -N for a constant N
  } else {
    unsigned nHigh = std::min(r.negBits, w);
    nLow = std::min(nLow, nHigh);
    for (unsigned c = nLow; c < nHigh; ++c)
      ++heights[c];
    inverters = nHigh - nLow;
    // -N = ~Nrow + 1 - (N's constant low bits), Nrow zero outside its
    // variable columns.
    uint64_t ones = lowMask(nLow) | (mask & ~lowMask(nHigh));
    constant += ones + 1 - (bNeg & lowMask(nLow));
  }
  return reduceBitHeap(heights, constant & mask, w, carryOnlyBelow);
}

static double activationCost(const IntLayer &layer, const NeuronRange &r,
                             uint64_t outMax, const GateCosts &g) {
  unsigned outBits = unsignedWidth(outMax);
  double area = 0;
  if (r.accMin < 0)
    area += outBits * g.and2 + g.inverter;
  uint64_t top = (uint64_t(1) << layer.actBits) - 1;
  if (r.accMax > 0 && (uint64_t(r.accMax) >> layer.actShift) > top) {
    unsigned high =
        unsignedWidth(uint64_t(r.accMax)) - (layer.actShift + layer.actBits);
    area += (high > 1 ? high - 1 : 0) * g.or2 + outBits * g.or2;
  }
  return area;
}

static NeuronCost neuronCost(const IntLayer &layer, unsigned o,
                             const LayerRange &lr, bool hidden,
                             const GateCosts &g) {
  NeuronCost cost;
  const NeuronRange &r = lr.neurons[o];
  NeuronHeaps h = buildHeaps(layer, o, lr.inputMax);
  int64_t b = prunedBias(layer.biases[o], layer.pruneBits[o]);
  uint64_t bPos = b > 0 ? uint64_t(b) : 0, bNeg = b < 0 ? uint64_t(-b) : 0;
  // A hidden neuron never reads its accumulator below the activation window:
  // the last adder stage there only propagates carries.
  unsigned unread = hidden ? layer.actShift : 0;
  cost.pos = reduceBitHeap(h.pos, bPos, r.posBits, r.negMax ? 0 : unread);
  cost.neg = reduceBitHeap(h.neg, bNeg, r.negBits);
  unsigned pLow = lowestVariable(h.pos), nLow = lowestVariable(h.neg);
  cost.sub = subtractorCost(r, pLow, nLow, bPos, bNeg, unread, cost.inverters);
  // Bits of the accumulator that can vary: from the lowest partial product
  // to the sign (or the top of the largest value when it cannot be < 0).
  cost.accLow = std::min(pLow, nLow);
  cost.accHigh = r.accMin < 0 ? r.accBits : unsignedWidth(uint64_t(r.accMax));
  if (cost.accLow >= cost.accHigh)
    cost.accLow = cost.accHigh = 0; // constant
  if (hidden)
    cost.activation = activationCost(layer, r, lr.outputMax[o], g);
  cost.area = cost.pos.area(g) + cost.neg.area(g) + cost.sub.area(g) +
              cost.inverters * g.inverter + cost.activation;
  return cost;
}

//===----------------------------------------------------------------------===//
// Whole design
//===----------------------------------------------------------------------===//

/// live[l][o]: neuron o of layer l is in the circuit (all outputs are; a
/// hidden neuron is when it can be nonzero and a live neuron reads it).
static std::vector<std::vector<bool>>
liveNeurons(const IntMLP &model, const std::vector<LayerRange> &ranges) {
  size_t n = model.layers.size();
  std::vector<std::vector<bool>> live(n);
  live[n - 1].assign(model.layers[n - 1].numOutputs, true);
  for (size_t l = n - 1; l-- > 0;) {
    const IntLayer &next = model.layers[l + 1];
    live[l].assign(model.layers[l].numOutputs, false);
    for (unsigned j = 0; j < next.numInputs; ++j) {
      if (ranges[l].outputMax[j] == 0)
        continue;
      for (unsigned o = 0; o < next.numOutputs; ++o)
        if (live[l + 1][o] && next.weight(o, j) != 0)
          live[l][j] = true;
    }
  }
  return live;
}

/// Tournament tree over the class accumulators, lowest index on the left.
/// Each comparator and value multiplexer spans the bits where either operand
/// can vary ([low, high) of each accumulator).
static double argmaxCost(llvm::ArrayRef<std::pair<unsigned, unsigned>> spans,
                         const GateCosts &g) {
  struct Node {
    unsigned low, high, indexBits;
  };
  std::vector<Node> level;
  for (auto [low, high] : spans)
    level.push_back({low, high, 0});
  double area = 0;
  while (level.size() > 1) {
    std::vector<Node> next;
    bool root = level.size() == 2;
    for (size_t i = 0; i + 1 < level.size(); i += 2) {
      Node a = level[i], b = level[i + 1];
      bool aConst = a.high == a.low, bConst = b.high == b.low;
      Node m{aConst   ? b.low
             : bConst ? a.low
                      : std::min(a.low, b.low),
             std::max(a.high, b.high), std::max(a.indexBits, b.indexBits)};
      unsigned w = m.high - m.low;
      area += w * g.compareBit + m.indexBits * g.mux2 + (root ? 0 : w * g.mux2);
      m.indexBits += 1;
      next.push_back(m);
    }
    if (level.size() % 2)
      next.push_back(level.back());
    level.swap(next);
  }
  return area;
}

AreaReport axon::printed::estimateArea(const IntMLP &model,
                                       const GateCosts &gates) {
  AreaReport report;
  if (model.layers.empty())
    return report;
  std::vector<LayerRange> ranges = analyzeRanges(model);
  std::vector<std::vector<bool>> live = liveNeurons(model, ranges);
  // Dead hidden neurons feed the next layer a constant 0.
  for (size_t l = 0; l + 1 < ranges.size(); ++l)
    for (unsigned o = 0; o < live[l].size(); ++o)
      if (!live[l][o])
        ranges[l + 1].inputMax[o] = 0;
  for (size_t l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    bool hidden = l + 1 < model.layers.size();
    report.neurons.emplace_back(layer.numOutputs);
    for (unsigned o = 0; o < layer.numOutputs; ++o) {
      if (!live[l][o])
        continue;
      NeuronCost c = neuronCost(layer, o, ranges[l], hidden, gates);
      report.total += c.area;
      for (const HeapCount *h : {&c.pos, &c.neg, &c.sub}) {
        report.fullAdders += h->fullAdders + h->fullAddersConst +
                             h->carryFullAdders + h->carryFullAddersConst;
        report.halfAdders += h->halfAdders + h->halfAddersConst +
                             h->carryHalfAdders + h->carryHalfAddersConst;
      }
      report.neurons[l][o] = c;
    }
  }
  llvm::SmallVector<std::pair<unsigned, unsigned>, 16> spans;
  for (const NeuronCost &c : report.neurons.back())
    spans.push_back({c.accLow, c.accHigh});
  report.argmax = argmaxCost(spans, gates);
  report.total += report.argmax;
  return report;
}

double axon::printed::estimateAreaTotal(const IntMLP &model,
                                        const GateCosts &gates) {
  return estimateArea(model, gates).total;
}

//===----------------------------------------------------------------------===//
// Stand-alone constant multiplier and calibration
//===----------------------------------------------------------------------===//

ConstantMultiplierCost
axon::printed::costConstantMultiplier(int64_t c, unsigned inputBits,
                                      const GateCosts &gates) {
  ConstantMultiplierCost cost;
  // The sign of c only decides whether the product joins P or N, so the
  // network computes x * |c|, leading digit first: every later digit adds or
  // subtracts x << shift from a running value that stays positive.
  llvm::SmallVector<CSDDigit, 8> digits = toCSD(c < 0 ? -c : c);
  cost.nonZeros = digits.size();
  int64_t xMax = (int64_t(1) << inputBits) - 1, partial = 0;
  for (size_t n = digits.size(), i = n; i-- > 0;) {
    partial += digits[i].sign * (int64_t(1) << digits[i].shift);
    if (i + 1 == n)
      continue;
    bool add = digits[i].sign > 0;
    (add ? cost.adders : cost.subtractors) += 1;
    unsigned w = unsignedWidth(uint64_t(partial * xMax));
    cost.widths.push_back(w);
    // Below the new term's shift the running value passes through.
    unsigned bits = w > digits[i].shift ? w - digits[i].shift : 0;
    cost.area += bits * (gates.fullAdder + (add ? 0 : gates.inverter));
  }
  return cost;
}

/// Weighted least squares of real ~= scale * estimate + offset.
static Calibration weightedFit(llvm::ArrayRef<std::pair<double, double>> pairs,
                               bool relative) {
  Calibration cal;
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (auto [x, y] : pairs) {
    double w = relative && y != 0 ? 1.0 / (y * y) : 1.0;
    sw += w;
    sx += w * x;
    sy += w * y;
    sxx += w * x * x;
    sxy += w * x * y;
  }
  if (pairs.empty())
    return cal;
  double den = sw * sxx - sx * sx;
  if (pairs.size() == 1 || std::fabs(den) <= 1e-12 * sw * sxx) {
    cal.scale = sxx != 0 ? sxy / sxx : 1.0;
    return cal;
  }
  cal.scale = (sw * sxy - sx * sy) / den;
  cal.offset = (sy - cal.scale * sx) / sw;
  return cal;
}

Calibration
Calibration::fit(llvm::ArrayRef<std::pair<double, double>> estimateReal) {
  return weightedFit(estimateReal, /*relative=*/false);
}

Calibration Calibration::fitRelative(
    llvm::ArrayRef<std::pair<double, double>> estimateReal) {
  return weightedFit(estimateReal, /*relative=*/true);
}

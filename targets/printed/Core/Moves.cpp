//===- Moves.cpp - Approximation moves, mutation and crossover ------------===//
//
// The vocabulary of both search phases.  Greedy moves are the three
// approximation techniques applied one coefficient, neuron or layer at a time;
// the genetic phase adds small random retraining steps (weight and bias
// perturbations) so it can recover accuracy that the approximations cost.
//
//===----------------------------------------------------------------------===//

#include "targets/printed/Core/CSD.h"
#include "targets/printed/Core/SearchContext.h"

#include <algorithm>

using namespace axon::printed;

/// Halves a bias with rounding half away from zero (the next layer's inputs
/// halve when a hidden layer drops one more low bit).
static int64_t halveBias(int64_t b) {
  return b >= 0 ? (b + 1) / 2 : -((-b + 1) / 2);
}

std::vector<Move> axon::printed::greedyMoves(const IntMLP &model,
                                             const SearchOptions &opts) {
  std::vector<Move> moves;
  for (unsigned l = 0; l < model.layers.size(); ++l) {
    const IntLayer &layer = model.layers[l];
    for (unsigned o = 0; o < layer.numOutputs && opts.coefficients; ++o)
      for (unsigned i = 0; i < layer.numInputs; ++i) {
        int32_t w = layer.weight(o, i);
        if (w == 0)
          continue;
        moves.push_back({MoveKind::WeightCheaperBelow, l, o, i});
        moves.push_back({MoveKind::WeightCheaperAbove, l, o, i});
        if (csdNonZeros(w) > 1)
          moves.push_back({MoveKind::WeightZero, l, o, i});
        if (csdNonZeros(w) > 2)
          moves.push_back({MoveKind::WeightPowerOfTwo, l, o, i});
      }
    bool hidden = l + 1 < model.layers.size();
    if (opts.coefficients && (!hidden || layer.actShift > 0))
      moves.push_back({MoveKind::LayerHalve, l, 0, 0});
    for (unsigned o = 0; o < layer.numOutputs && opts.pruning; ++o)
      if (layer.pruneBits[o] < opts.maxPruneBits)
        moves.push_back({MoveKind::PruneMore, l, o, 0});
    if (hidden && opts.activations && layer.actBits > opts.minActBits) {
      moves.push_back({MoveKind::ActDropLow, l, 0, 0});
      moves.push_back({MoveKind::ActClampHigh, l, 0, 0});
    }
  }
  return moves;
}

/// Halves every weight and bias of layer `l`; a hidden layer shifts one bit
/// less so its activations keep their scale.  False when impossible.
static bool halveLayer(IntMLP &model, unsigned l) {
  IntLayer &layer = model.layers[l];
  bool hidden = l + 1 < model.layers.size();
  if (hidden && layer.actShift == 0)
    return false;
  for (int32_t &w : layer.weights)
    w = static_cast<int32_t>(halveBias(w));
  for (int64_t &b : layer.biases)
    b = halveBias(b);
  if (hidden)
    --layer.actShift;
  return true;
}

/// Moves hidden layer `l` to (shift + 1, bits - 1), keeping the clamp level.
static void dropActivationLowBit(IntMLP &model, unsigned l) {
  IntLayer &layer = model.layers[l];
  ++layer.actShift;
  --layer.actBits;
  for (int64_t &b : model.layers[l + 1].biases)
    b = halveBias(b);
}

bool axon::printed::applyMove(IntMLP &model, const Move &m,
                              const SearchOptions &opts) {
  IntLayer &layer = model.layers[m.layer];
  switch (m.kind) {
  case MoveKind::WeightCheaperBelow:
  case MoveKind::WeightCheaperAbove: {
    int32_t &w = layer.weight(m.neuron, m.input);
    CheaperNeighbors n =
        cheaperNeighbors(w, -opts.weightLimit, opts.weightLimit);
    std::optional<int64_t> v =
        m.kind == MoveKind::WeightCheaperBelow ? n.below : n.above;
    if (!v)
      return false;
    w = static_cast<int32_t>(*v);
    return true;
  }
  case MoveKind::WeightZero: {
    int32_t &w = layer.weight(m.neuron, m.input);
    bool changed = w != 0;
    w = 0;
    return changed;
  }
  case MoveKind::WeightPowerOfTwo: {
    int32_t &w = layer.weight(m.neuron, m.input);
    int32_t p = static_cast<int32_t>(std::clamp<int64_t>(
        nearestPowerOfTwo(w), -opts.weightLimit, opts.weightLimit));
    bool changed = p != w;
    w = p;
    return changed;
  }
  case MoveKind::LayerHalve:
    return halveLayer(model, m.layer);
  case MoveKind::PruneMore:
    if (layer.pruneBits[m.neuron] >= opts.maxPruneBits)
      return false;
    ++layer.pruneBits[m.neuron];
    return true;
  case MoveKind::ActDropLow:
    if (layer.actBits <= opts.minActBits || m.layer + 1 >= model.layers.size())
      return false;
    dropActivationLowBit(model, m.layer);
    return true;
  case MoveKind::ActClampHigh:
    if (layer.actBits <= opts.minActBits)
      return false;
    --layer.actBits;
    return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Genetic operators
//===----------------------------------------------------------------------===//

namespace {
enum class Gene { Cheaper, Perturb, Zero, Bias, Halve, Prune, Activation };
} // namespace

static Gene pickGene(SplitMix64 &rng, const SearchOptions &opts,
                     bool haveHidden) {
  // Relative frequencies; disabled techniques get none.
  struct Choice {
    Gene gene;
    unsigned weight;
  } table[] = {{Gene::Cheaper, 35},
               {Gene::Perturb, 25},
               {Gene::Zero, 5},
               {Gene::Bias, 20},
               {Gene::Halve, 2},
               {Gene::Prune, opts.pruning ? 10u : 0u},
               {Gene::Activation, opts.activations && haveHidden ? 5u : 0u}};
  unsigned total = 0;
  for (const Choice &c : table)
    total += c.weight;
  uint64_t r = rng.below(total);
  for (const Choice &c : table) {
    if (r < c.weight)
      return c.gene;
    r -= c.weight;
  }
  return Gene::Perturb;
}

static void mutateWeight(IntMLP &model, Gene gene, SplitMix64 &rng,
                         const SearchOptions &opts) {
  size_t total = 0;
  for (const IntLayer &layer : model.layers)
    total += layer.weights.size();
  size_t idx = rng.below(total);
  IntLayer *layer = &model.layers.front();
  for (IntLayer &l : model.layers) {
    if (idx < l.weights.size()) {
      layer = &l;
      break;
    }
    idx -= l.weights.size();
  }
  int32_t &w = layer->weights[idx];
  int32_t lim = opts.weightLimit;
  if (gene == Gene::Zero) {
    w = 0;
  } else if (gene == Gene::Cheaper && w != 0) {
    CheaperNeighbors n = cheaperNeighbors(w, -lim, lim);
    std::optional<int64_t> v = rng.chance(0.5) ? n.below : n.above;
    if (!v)
      v = n.below ? n.below : n.above;
    if (v)
      w = static_cast<int32_t>(*v);
  } else {
    int32_t step = std::max<int32_t>(1, std::abs(w) / 4);
    int32_t delta = static_cast<int32_t>(rng.range(1, step));
    w = std::clamp<int32_t>(rng.chance(0.5) ? w + delta : w - delta, -lim, lim);
  }
}

static void mutateBias(IntMLP &model, SplitMix64 &rng) {
  unsigned l = static_cast<unsigned>(rng.below(model.layers.size()));
  IntLayer &layer = model.layers[l];
  unsigned o = static_cast<unsigned>(rng.below(layer.numOutputs));
  uint64_t inMax = l == 0 ? (1ull << model.inputBits) - 1
                          : (1ull << model.layers[l - 1].actBits) - 1;
  int64_t l1 = 0;
  for (unsigned i = 0; i < layer.numInputs; ++i)
    l1 += std::abs(int64_t(layer.weight(o, i)));
  int64_t step = std::max<int64_t>(1, l1 * int64_t(inMax) / 64);
  int64_t delta = rng.range(1, step);
  layer.biases[o] += rng.chance(0.5) ? delta : -delta;
}

static void mutateActivation(IntMLP &model, SplitMix64 &rng,
                             const SearchOptions &opts) {
  unsigned l = static_cast<unsigned>(rng.below(model.layers.size() - 1));
  IntLayer &layer = model.layers[l];
  switch (rng.below(4)) {
  case 0:
    if (layer.actBits > opts.minActBits)
      dropActivationLowBit(model, l);
    break;
  case 1:
    if (layer.actShift > 0 && layer.actBits < 16) {
      --layer.actShift;
      ++layer.actBits;
      for (int64_t &b : model.layers[l + 1].biases)
        b *= 2;
    }
    break;
  case 2:
    if (layer.actBits > opts.minActBits)
      --layer.actBits;
    break;
  default:
    if (layer.actBits < 16)
      ++layer.actBits;
    break;
  }
}

void axon::printed::mutate(IntMLP &model, SplitMix64 &rng,
                           const SearchOptions &opts) {
  unsigned count = 1;
  while (count < 6 && rng.chance(0.4))
    ++count;
  bool haveHidden = model.layers.size() > 1;
  for (unsigned n = 0; n < count; ++n) {
    Gene gene = pickGene(rng, opts, haveHidden);
    switch (gene) {
    case Gene::Cheaper:
    case Gene::Perturb:
    case Gene::Zero:
      mutateWeight(model, gene, rng, opts);
      break;
    case Gene::Bias:
      mutateBias(model, rng);
      break;
    case Gene::Halve:
      halveLayer(model, static_cast<unsigned>(rng.below(model.layers.size())));
      break;
    case Gene::Prune: {
      unsigned l = static_cast<unsigned>(rng.below(model.layers.size()));
      IntLayer &layer = model.layers[l];
      uint8_t &k = layer.pruneBits[rng.below(layer.numOutputs)];
      if (rng.chance(0.6) && k < opts.maxPruneBits)
        ++k;
      else if (k > 0)
        --k;
      break;
    }
    case Gene::Activation:
      mutateActivation(model, rng, opts);
      break;
    }
  }
}

IntMLP axon::printed::crossover(const IntMLP &a, const IntMLP &b,
                                SplitMix64 &rng) {
  IntMLP child = a;
  for (size_t l = 0; l < child.layers.size(); ++l) {
    IntLayer &cl = child.layers[l];
    const IntLayer &bl = b.layers[l];
    for (unsigned o = 0; o < cl.numOutputs; ++o) {
      if (!rng.chance(0.5))
        continue;
      std::copy_n(bl.weights.begin() + size_t(o) * bl.numInputs, bl.numInputs,
                  cl.weights.begin() + size_t(o) * cl.numInputs);
      cl.biases[o] = bl.biases[o];
      cl.pruneBits[o] = bl.pruneBits[o];
    }
    if (l + 1 < child.layers.size() && rng.chance(0.5)) {
      cl.actShift = bl.actShift;
      cl.actBits = bl.actBits;
    }
  }
  return child;
}

//===- MachineImage.cpp - What a mapping loads onto the machine -*- C++ -*-===//
//
// Builds the replay's MachineImage from spinn IR: vertices and their cores
// and keys, the loaded routing tables, and the synaptic rows every core
// would hold (from the projections, sliced by the vertices' atom ranges).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Replay/MachineImage.h"

#include "axon/Simulate/FixedPoint.h"
#include "dialects/snn/SNNInterfaces.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;
using namespace axon::spinnaker::replay;

std::optional<unsigned> MachineImage::lookupBlock(unsigned vertex,
                                                  uint32_t key) const {
  const std::vector<RowBlock> &list = blocks[vertex];
  for (unsigned i = 0, e = list.size(); i < e; ++i)
    if ((key & list[i].mask) == list[i].key)
      return i;
  return std::nullopt;
}

static constexpr int64_t kMaxDelay = 1 << 16;

static std::string hex(uint32_t x) {
  std::string s;
  llvm::raw_string_ostream(s) << llvm::format_hex(x, 10);
  return s;
}

namespace {

/// Collects synapses per (target vertex, source vertex) before they are
/// turned into row blocks.
struct PendingBlock {
  unsigned target, source;
  std::vector<std::pair<uint32_t, RowSynapse>> synapses; ///< (atom, synapse)
};

struct ImageBuilder {
  ImageBuilder(spinn::MachineOp m, const Machine &model,
               const llvm::StringMap<Operation *> &nodes,
               const sim::Network &simNet,
               const DenseMap<Operation *, sim::NodeId> &ids)
      : m(m), model(model), nodes(nodes), simNet(simNet), ids(ids) {}
  spinn::MachineOp m;
  const Machine &model;
  const llvm::StringMap<Operation *> &nodes;
  const sim::Network &simNet;
  const DenseMap<Operation *, sim::NodeId> &ids;
  MachineImage image;
  llvm::StringMap<unsigned> popIndex;
  std::vector<int> shifts;
  std::vector<PendingBlock> pending;
  DenseMap<std::pair<unsigned, unsigned>, unsigned> pendingIndex;

  LogicalResult readPopulations();
  LogicalResult readVertices();
  LogicalResult readTables();
  LogicalResult readProjection(spinn::ProjectionOp proj);
  void finishBlocks();
  /// The vertex of population `pop` holding neuron `i`.
  unsigned vertexOf(unsigned pop, int64_t i) const {
    const std::vector<unsigned> &vs = image.populations[pop].vertices;
    auto it =
        std::upper_bound(vs.begin(), vs.end(), i, [&](int64_t x, unsigned v) {
          return x < image.vertices[v].lo;
        });
    return *(it - 1);
  }
};

} // namespace

LogicalResult ImageBuilder::readPopulations() {
  for (auto pop : m.getOps<spinn::PopulationOp>()) {
    PopulationInfo info;
    info.op = pop;
    info.name = pop.getSymName().str();
    info.neurons = pop.getNeurons();
    info.snnOp = nodes.lookup(pop.getNode());
    if (!info.snnOp || !ids.count(info.snnOp))
      return pop.emitOpError()
             << "names node '" << pop.getNode() << "', which network '"
             << m.getNetwork() << "' does not have";
    info.simNode = ids.lookup(info.snnOp);
    sim::NodeKind kind = simNet.node(info.simNode).kind;
    info.isInput = kind == sim::NodeKind::Input;
    if (!info.isInput && !sim::isNeuron(kind))
      return pop.emitOpError() << "names node '" << pop.getNode()
                               << "', which is not a neuron population or an "
                                  "input";
    info.spiking = info.isInput || sim::isSpiking(kind);
    if (simNet.node(info.simNode).numOutputs() != info.neurons)
      return pop.emitOpError()
             << "has " << info.neurons << " neurons but node '" << pop.getNode()
             << "' has " << simNet.node(info.simNode).numOutputs();
    popIndex[info.name] = image.populations.size();
    image.populations.push_back(std::move(info));
  }
  return success();
}

LogicalResult ImageBuilder::readVertices() {
  for (auto v : m.getOps<spinn::VertexOp>()) {
    VertexInfo info;
    info.op = v;
    info.name = v.getSymName().str();
    auto pop = popIndex.find(v.getPopulation());
    if (pop == popIndex.end())
      return v.emitOpError()
             << "names unknown population '" << v.getPopulation() << "'";
    info.population = pop->second;
    info.lo = v.getLo();
    info.hi = v.getHi();
    spinn::CoreAttr core = v.getPlacementAttr();
    if (!core)
      return v.emitOpError() << "has no placement: run the mapping pipeline "
                                "before the replay";
    if (!model.inBounds(core.getX(), core.getY()))
      return v.emitOpError() << "is placed on chip (" << core.getX() << ", "
                             << core.getY() << "), outside the machine";
    info.chip = model.chipId({(int)core.getX(), (int)core.getY()});
    info.core = core.getP();
    if (!model.isChipAlive(info.chip) ||
        !model.isCoreAlive(info.chip, info.core))
      return v.emitOpError()
             << "is placed on dead core (" << core.getX() << ", " << core.getY()
             << ", " << core.getP() << ")";
    if (spinn::KeyMaskAttr km = v.getKeyMaskAttr()) {
      info.hasKey = true;
      info.key = km.getKey();
      info.mask = km.getMask();
      if ((uint64_t)(info.size() - 1) & info.mask)
        return v.emitOpError()
               << "has " << info.size() << " atoms, but its mask "
               << hex(info.mask) << " leaves room for fewer";
    }
    unsigned index = image.vertices.size();
    if (!image.vertexOnCore
             .insert({MachineImage::coreId(info.chip, info.core), index})
             .second)
      return v.emitOpError()
             << "shares core (" << core.getX() << ", " << core.getY() << ", "
             << core.getP() << ") with another vertex";
    image.populations[info.population].vertices.push_back(index);
    image.vertices.push_back(std::move(info));
  }
  // The slices of each population must tile its atoms.
  for (PopulationInfo &pop : image.populations) {
    llvm::sort(pop.vertices, [&](unsigned a, unsigned b) {
      return image.vertices[a].lo < image.vertices[b].lo;
    });
    int64_t next = 0;
    for (unsigned v : pop.vertices) {
      if (image.vertices[v].lo != next)
        break;
      next = image.vertices[v].hi;
    }
    if (next != pop.neurons)
      return pop.op.emitOpError()
             << "has " << pop.neurons
             << " neurons, but its vertices do not cover [0, " << pop.neurons
             << ") exactly once";
  }
  return success();
}

LogicalResult ImageBuilder::readTables() {
  for (auto table : m.getOps<spinn::TableOp>()) {
    spinn::ChipAttr chip = table.getChip();
    if (!model.inBounds(chip.getX(), chip.getY()))
      return table.emitOpError() << "is for a chip outside the machine";
    Machine::ChipId id = model.chipId({(int)chip.getX(), (int)chip.getY()});
    ArrayAttr attr = table.getCompressedAttr() ? table.getCompressedAttr()
                                               : table.getEntries();
    std::vector<RoutingEntry> entries;
    for (auto e : attr.getAsRange<spinn::EntryAttr>()) {
      RoutingEntry r;
      r.key = e.getKey();
      r.mask = e.getMask();
      r.route = e.getRoute();
      r.defaultable = e.getDefaultable();
      entries.push_back(r);
    }
    if (entries.size() > model.routerEntries(id))
      return table.emitOpError()
             << "loads " << entries.size() << " entries into a router of "
             << model.routerEntries(id);
    if (!image.tables.insert({id, std::move(entries)}).second)
      return table.emitOpError() << "is the second table of its chip";
  }
  return success();
}

LogicalResult ImageBuilder::readProjection(spinn::ProjectionOp proj) {
  auto pre = popIndex.find(proj.getPre());
  auto post = popIndex.find(proj.getPost());
  if (pre == popIndex.end() || post == popIndex.end())
    return proj.emitOpError() << "names an unknown population";
  const PopulationInfo &prePop = image.populations[pre->second];
  const PopulationInfo &postPop = image.populations[post->second];
  if (!prePop.spiking)
    return proj.emitOpError() << "starts at population '" << prePop.name
                              << "', which does not spike: its output "
                                 "cannot travel as packets";
  if (postPop.isInput)
    return proj.emitOpError() << "ends at input '" << postPop.name << "'";
  // Ring buffers hold max delay + 1 slots per neuron; sPyNNaker itself
  // stops at 16 ticks per core plus delay extensions of at most 144.
  if (proj.getDelay() > kMaxDelay)
    return proj.emitOpError()
           << "has a delay of " << proj.getDelay()
           << " ticks; the replay models at most " << kMaxDelay;
  uint32_t delay = proj.getDelay();
  image.maxDelay = std::max(image.maxDelay, delay);
  unsigned preIdx = pre->second, postIdx = post->second;
  auto add = [&](int64_t p, int64_t q, int32_t weight) {
    unsigned source = vertexOf(preIdx, p), target = vertexOf(postIdx, q);
    auto [it, fresh] =
        pendingIndex.insert({{target, source}, (unsigned)pending.size()});
    if (fresh)
      pending.push_back({target, source, {}});
    const VertexInfo &s = image.vertices[source], &t = image.vertices[target];
    pending[it->second].synapses.push_back(
        {uint32_t(p - s.lo), {uint32_t(q - t.lo), delay, weight}});
  };
  if (proj.getSynapse().empty()) {
    if (prePop.neurons != postPop.neurons)
      return proj.emitOpError()
             << "is one-to-one between populations of " << prePop.neurons
             << " and " << postPop.neurons << " neurons";
    // A spike delivered directly is the value 1.0.
    for (int64_t i = 0; i < prePop.neurons; ++i)
      add(i, i, sim::fixed::kAccumOne);
    return success();
  }
  Operation *op = nodes.lookup(proj.getSynapse());
  auto syn = dyn_cast_or_null<snn::SynapticOpInterface>(op);
  if (!syn || !ids.count(op))
    return proj.emitOpError() << "names synaptic op '" << proj.getSynapse()
                              << "', which the network does not have";
  if (syn.getNumPre() != prePop.neurons || syn.getNumPost() != postPop.neurons)
    return proj.emitOpError()
           << "connects " << prePop.neurons << " to " << postPop.neurons
           << " neurons through '" << proj.getSynapse() << "', which maps "
           << syn.getNumPre() << " to " << syn.getNumPost();
  // Weights as the host writes them into rows: 16-bit with the population's
  // shift for weight matrices, s16.15 multipliers otherwise (the reference
  // simulator's rule, FixedPoint.h).
  sim::NodeId simId = ids.lookup(op);
  bool quantized = sim::isSynaptic(simNet.node(simId).kind);
  unsigned shift = shifts[simId] < 0 ? 0 : unsigned(shifts[simId]);
  syn.forEachSynapse([&](int64_t p, int64_t q, double w) {
    add(p, q,
        quantized ? sim::fixed::weightToInput(
                        sim::fixed::quantizeWeight(w, shift), shift)
                  : sim::fixed::toS1615(w));
  });
  return success();
}

void ImageBuilder::finishBlocks() {
  image.blocks.assign(image.vertices.size(), {});
  for (PendingBlock &p : pending) {
    const VertexInfo &s = image.vertices[p.source];
    RowBlock b;
    b.source = p.source;
    b.key = s.key;
    b.mask = s.mask;
    b.rowStart.assign(s.size() + 1, 0);
    for (auto &[atom, syn] : p.synapses)
      ++b.rowStart[atom + 1];
    for (size_t a = 0; a < (size_t)s.size(); ++a)
      b.rowStart[a + 1] += b.rowStart[a];
    b.synapses.resize(p.synapses.size());
    std::vector<uint32_t> fill(b.rowStart.begin(), b.rowStart.end() - 1);
    for (auto &[atom, syn] : p.synapses)
      b.synapses[fill[atom]++] = syn;
    image.blocks[p.target].push_back(std::move(b));
  }
  image.expected.assign(image.vertices.size(), {});
  for (unsigned t = 0, e = image.vertices.size(); t < e; ++t) {
    llvm::sort(image.blocks[t], [](const RowBlock &a, const RowBlock &b) {
      return a.source < b.source;
    });
    for (unsigned i = 0, n = image.blocks[t].size(); i < n; ++i)
      image.expected[image.blocks[t][i].source].push_back({t, i});
  }
}

FailureOr<MachineImage> axon::spinnaker::replay::buildMachineImage(
    spinn::MachineOp m, const Machine &model,
    const llvm::StringMap<Operation *> &nodes, const sim::Network &simNet,
    const DenseMap<Operation *, sim::NodeId> &ids) {
  ImageBuilder b(m, model, nodes, simNet, ids);
  b.shifts = sim::fixed::spinnakerWeightShifts(simNet);
  if (failed(b.readPopulations()) || failed(b.readVertices()) ||
      failed(b.readTables()))
    return failure();
  for (auto proj : m.getOps<spinn::ProjectionOp>())
    if (failed(b.readProjection(proj)))
      return failure();
  b.finishBlocks();
  // A slice sends packets when some core holds rows for it (a machine-graph
  // edge); a slice whose synapses are all zero sends nothing, as in
  // sPyNNaker.
  for (unsigned v = 0, e = b.image.vertices.size(); v < e; ++v) {
    VertexInfo &info = b.image.vertices[v];
    info.sends = !b.image.expected[v].empty();
    if (info.sends && !info.hasKey)
      return info.op.emitOpError() << "sends spikes but has no key";
  }
  // Biases of the synaptic ops, once per (op, target population): on the
  // machine they are a constant input current of the target neurons.
  b.image.bias.resize(b.image.vertices.size());
  for (unsigned v = 0, e = b.image.vertices.size(); v < e; ++v)
    b.image.bias[v].assign(b.image.vertices[v].size(), 0);
  llvm::DenseSet<std::pair<Operation *, unsigned>> seen;
  for (auto proj : m.getOps<spinn::ProjectionOp>()) {
    if (proj.getSynapse().empty())
      continue;
    Operation *op = nodes.lookup(proj.getSynapse());
    unsigned post = b.popIndex.lookup(proj.getPost());
    if (!seen.insert({op, post}).second)
      continue;
    auto syn = cast<snn::SynapticOpInterface>(op);
    for (unsigned v : b.image.populations[post].vertices) {
      const VertexInfo &info = b.image.vertices[v];
      for (int64_t i = 0; i < info.size(); ++i)
        b.image.bias[v][i] +=
            sim::fixed::toS1615(syn.getBiasValue(info.lo + i));
    }
  }
  return std::move(b.image);
}

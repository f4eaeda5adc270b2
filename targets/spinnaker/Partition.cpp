//===- Partition.cpp - Slice populations into vertices ----------*- C++ -*-===//
//
// PACMAN's partitioning phase: populations are cut into fixed-size slices
// (neurons_per_core, last slice shorter) and every slice is sized with the
// resource model (Resources.h).  The synaptic rows of each slice are counted
// exactly from the network's synaptic ops, per (projection, source vertex)
// block, which is what makes the SDRAM estimate honest; the same blocks say
// which vertices must receive a vertex's spikes (`targets`).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/NetworkGraph.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Resources.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Threading.h"
#include "llvm/ADT/StringSet.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNPARTITION
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

/// The slicing of one machine and the synaptic blocks between slices.
struct Slicing {
  SmallVector<spinn::PopulationOp> pops;
  SmallVector<int64_t> popNpc, popNeurons; ///< per population
  llvm::StringMap<unsigned> popIndex;
  SmallVector<unsigned> firstVertex; ///< per population, + total at the end
  SmallVector<unsigned> vertexPop;
  SmallVector<std::string> vertexName; ///< `<population>_<slice>`, unique
  SmallVector<std::vector<IncomingRows>> incoming;
  SmallVector<SmallVector<unsigned>> targets;

  int64_t npc(unsigned pop) { return pops[pop].getNeuronsPerCore(); }
  unsigned vertexOf(unsigned pop, int64_t atom) {
    return firstVertex[pop] + (unsigned)(atom / npc(pop));
  }
  int64_t sliceLo(unsigned v) {
    unsigned pop = vertexPop[v];
    return (int64_t)(v - firstVertex[pop]) * npc(pop);
  }
  int64_t sliceHi(unsigned v) {
    unsigned pop = vertexPop[v];
    return std::min<int64_t>(sliceLo(v) + npc(pop), pops[pop].getNeurons());
  }
};

struct SpinnPartitionPass
    : public spinnaker::impl::SpinnPartitionBase<SpinnPartitionPass> {
  using SpinnPartitionBase::SpinnPartitionBase;
  void runOnOperation() override;
  LogicalResult partition(spinn::MachineOp machine);
};

} // namespace

/// The blocks one projection contributes: (target vertex, rows) in the
/// order they are appended to `incoming`, and (source, target) pairs for
/// `targets`.
struct ProjectionBlocks {
  std::vector<std::pair<unsigned, IncomingRows>> incoming;
  std::vector<std::pair<unsigned, unsigned>> targets;
};

/// Computes the blocks of one projection: for every target slice, the rows
/// each source slice contributes.  Connections arrive in ascending post
/// order, so a target slice's connections are contiguous.  Reads `s` only,
/// so projections can be sliced in parallel.
static ProjectionBlocks projectionBlocks(const Slicing &s,
                                         spinn::ProjectionOp proj,
                                         Operation *synapse) {
  ProjectionBlocks result;
  unsigned pre = s.popIndex.lookup(proj.getPre());
  unsigned post = s.popIndex.lookup(proj.getPost());
  // Plain integers: attribute lookups per synapse were a measurable cost.
  const int64_t preNpc = s.popNpc[pre], postNpc = s.popNpc[post];
  const int64_t preNeurons = s.popNeurons[pre];
  const unsigned preFirst = s.firstVertex[pre], postFirst = s.firstVertex[post];
  const uint64_t delay = proj.getDelay();
  std::vector<uint32_t> count(preNeurons, 0);
  std::vector<int64_t> touched;
  int64_t current = -1;
  auto flush = [&]() {
    if (current < 0)
      return;
    unsigned target = (unsigned)current;
    // Touched pre atoms grouped by source slice, in ascending slice order.
    llvm::SmallDenseMap<unsigned, IncomingRows> blocks;
    for (int64_t p : touched) {
      unsigned slice = (unsigned)(p / preNpc);
      IncomingRows &b = blocks[preFirst + slice];
      int64_t lo = (int64_t)slice * preNpc;
      b.sourceAtoms = std::min<int64_t>(lo + preNpc, preNeurons) - lo;
      b.maxRowLength = std::max<uint64_t>(b.maxRowLength, count[p]);
      b.synapses += count[p];
      b.delayTicks = delay;
      count[p] = 0;
    }
    touched.clear();
    SmallVector<unsigned> sources;
    for (auto &kv : blocks)
      sources.push_back(kv.first);
    llvm::sort(sources);
    for (unsigned source : sources) {
      result.incoming.push_back({target, blocks[source]});
      result.targets.push_back({source, target});
    }
  };
  forEachConnection(synapse, s.popNeurons[post], [&](int64_t p, int64_t q) {
    int64_t target = postFirst + q / postNpc;
    if (target != current) {
      flush();
      current = target;
    }
    if (count[p]++ == 0)
      touched.push_back(p);
  });
  flush();
  return result;
}

/// Fixed-size slices of every population, in IR order.
static Slicing sliceMachine(spinn::MachineOp m) {
  Slicing s;
  for (auto pop : m.getOps<spinn::PopulationOp>()) {
    s.popIndex[pop.getSymName()] = s.pops.size();
    s.firstVertex.push_back(s.vertexPop.size());
    int64_t n = pop.getNeurons(), npc = pop.getNeuronsPerCore();
    s.popNpc.push_back(npc);
    s.popNeurons.push_back(n);
    for (int64_t lo = 0; lo < n; lo += npc)
      s.vertexPop.push_back(s.pops.size());
    s.pops.push_back(pop);
  }
  s.firstVertex.push_back(s.vertexPop.size());
  s.incoming.resize(s.vertexPop.size());
  s.targets.resize(s.vertexPop.size());
  // Vertex names share the machine's symbol table with the populations: a
  // population called "a_1" must not clash with slice 1 of "a".
  llvm::StringSet<> used;
  for (auto pop : s.pops)
    used.insert(pop.getSymName());
  for (unsigned v = 0, e = s.vertexPop.size(); v < e; ++v) {
    unsigned pop = s.vertexPop[v];
    std::string name =
        (s.pops[pop].getSymName() + "_" + Twine(v - s.firstVertex[pop])).str();
    while (!used.insert(name).second)
      name += "_v";
    s.vertexName.push_back(std::move(name));
  }
  return s;
}

/// Emits "does not fit" on the population's snn op (or the spinn op).
static LogicalResult reportNoFit(Operation *at, spinn::PopulationOp pop,
                                 int64_t lo, int64_t hi, StringRef resource,
                                 uint64_t needed, uint64_t available,
                                 StringRef unit) {
  return at->emitError() << "population '" << pop.getNode()
                         << "' does not fit on a core: slice [" << lo << ", "
                         << hi << ") needs " << needed << " " << unit << " of "
                         << resource << " but " << available
                         << " are available; lower spinn.neurons_per_core "
                            "(now "
                         << pop.getNeuronsPerCore() << ")";
}

LogicalResult SpinnPartitionPass::partition(spinn::MachineOp m) {
  if (!m.getOps<spinn::VertexOp>().empty())
    return m.emitOpError() << "is already partitioned";
  auto net = dyn_cast_or_null<snn::NetworkOp>(
      SymbolTable::lookupSymbolIn(getOperation(), m.getNetwork()));
  if (!net)
    return m.emitOpError() << "names network '" << m.getNetwork()
                           << "', which is not an snn.network of the module";
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  llvm::StringMap<Operation *> nodes = nodesByName(net);

  Slicing s = sliceMachine(m);

  SmallVector<std::pair<spinn::ProjectionOp, Operation *>> projections;
  for (auto proj : m.getOps<spinn::ProjectionOp>()) {
    Operation *synapse = nullptr;
    if (!proj.getSynapse().empty()) {
      synapse = nodes.lookup(proj.getSynapse());
      if (!synapse || !isa<snn::SynapticOpInterface>(synapse))
        return proj.emitOpError()
               << "names synaptic op '" << proj.getSynapse()
               << "', which network '" << m.getNetwork() << "' does not have";
    }
    projections.push_back({proj, synapse});
  }
  // Enumerating synapses is the expensive part: projections in parallel,
  // merged in IR order so the result does not depend on the thread count.
  std::vector<ProjectionBlocks> blocks(projections.size());
  mlir::parallelFor(m.getContext(), 0, projections.size(), [&](size_t i) {
    blocks[i] =
        projectionBlocks(s, projections[i].first, projections[i].second);
  });
  for (ProjectionBlocks &pb : blocks) {
    for (auto &[target, rows] : pb.incoming)
      s.incoming[target].push_back(rows);
    for (auto [source, target] : pb.targets)
      s.targets[source].push_back(target);
    pb = ProjectionBlocks();
  }

  const HardwareSpec &hw = machine->hardware();
  ResourceConstants constants;
  double tickSeconds = timeStepUs * 1e-6;
  uint64_t cycleBudget = (uint64_t)(hw.clockMHz * timeStepUs);
  OpBuilder b = OpBuilder::atBlockEnd(m.getBodyBlock());
  MLIRContext *ctx = m.getContext();
  for (unsigned v = 0, e = s.vertexPop.size(); v < e; ++v) {
    spinn::PopulationOp pop = s.pops[s.vertexPop[v]];
    int64_t lo = s.sliceLo(v), hi = s.sliceHi(v);
    SliceShape shape{(uint64_t)(hi - lo), (uint64_t)pop.getStateWords(),
                     (uint64_t)pop.getParamWords(), pop.getKind() == "input"};
    SliceResources r =
        estimateSlice(constants, shape, s.incoming[v], spikeRate * tickSeconds);
    Operation *at = nodes.lookup(pop.getNode());
    if (!at)
      at = pop;
    if (r.dtcm > hw.dtcmBytes)
      return reportNoFit(at, pop, lo, hi, "DTCM", r.dtcm, hw.dtcmBytes,
                         "bytes");
    if (r.sdram > hw.sdramBytes)
      return reportNoFit(at, pop, lo, hi, "SDRAM", r.sdram, hw.sdramBytes,
                         "bytes");
    if (r.cycles > cycleBudget)
      return reportNoFit(at, pop, lo, hi, "CPU time per tick", r.cycles,
                         cycleBudget, "cycles");
    llvm::sort(s.targets[v]);
    s.targets[v].erase(std::unique(s.targets[v].begin(), s.targets[v].end()),
                       s.targets[v].end());
    SmallVector<Attribute> targets;
    for (unsigned t : s.targets[v])
      targets.push_back(FlatSymbolRefAttr::get(ctx, s.vertexName[t]));
    const std::string &name = s.vertexName[v];
    b.create<spinn::VertexOp>(
        pop.getLoc(), name, pop.getSymName(), lo, hi,
        b.getI64IntegerAttr(r.dtcm), b.getI64IntegerAttr(r.sdram),
        b.getI64IntegerAttr(r.cycles), b.getArrayAttr(targets),
        spinn::CoreAttr(), DenseI32ArrayAttr(), spinn::KeyMaskAttr());
  }
  return success();
}

void SpinnPartitionPass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(partition(m)))
      return signalPassFailure();
}

//===- BenchSpinnakerMap.cpp - Time the SpiNNaker mapping phases -*- C++ -*-=//
//
// The benchmark ladder of ARCHITECTURE.md section 5: `chain` (10 layers, every
// population of a layer projects to every population of the next) and
// `random` (each population projects to min(10, P-1) others drawn from one
// splitmix64 stream seeded with 1), P populations of 1,000 neurons at 256 per
// core.  Synapses are not materialized: every projection is 10% connectivity
// and a block's rows are sized at their mean (ceil(0.1 * target atoms)
// synapses per row), so "partition" times the resource model, not synapse
// enumeration.  The machine graph is built as spinn IR; the other phases are
// the real passes, timed one by one.  Resource limits are not enforced here
// (PACMAN's figures do not either), only reported.
//
// usage: bench-spinnaker-map [max-populations (default 1000)]
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Resources.h"

#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

constexpr int64_t Neurons = 1000, PerCore = 256;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

/// Population-level edges of a family, in the order section 5 fixes.
std::vector<std::pair<int, int>> makeEdges(const std::string &family, int p) {
  std::vector<std::pair<int, int>> edges;
  if (family == "chain") {
    int w = p / 10;
    for (int l = 0; l + 1 < 10; ++l)
      for (int a = 0; a < w; ++a)
        for (int b = 0; b < w; ++b)
          edges.push_back({l * w + a, (l + 1) * w + b});
    return edges;
  }
  uint64_t state = 1;
  int k = std::min(10, p - 1);
  for (int i = 0; i < p; ++i) {
    std::vector<int> chosen;
    while ((int)chosen.size() < k) {
      state += 0x9E3779B97F4A7C15ull;
      uint64_t z = state;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      z ^= z >> 31;
      int j = (int)(z % (uint64_t)p);
      if (j != i && std::find(chosen.begin(), chosen.end(), j) == chosen.end())
        chosen.push_back(j);
    }
    std::sort(chosen.begin(), chosen.end());
    for (int j : chosen)
      edges.push_back({i, j});
  }
  return edges;
}

/// Records pass wall times.
struct PhaseClock : public PassInstrumentation {
  std::map<std::string, double> &out;
  Clock::time_point start;
  explicit PhaseClock(std::map<std::string, double> &out) : out(out) {}
  void runBeforePass(Pass *, Operation *) override { start = Clock::now(); }
  void runAfterPass(Pass *pass, Operation *) override {
    out[pass->getArgument().str()] += secondsSince(start);
  }
};

struct Row {
  double partition = 0;
  std::map<std::string, double> phases;
  uint64_t vertices = 0, chips = 0, before = 0, after = 0, longest = 0;
  uint64_t maxSdram = 0, maxCycles = 0;
  bool ok = false;
};

int slicesOf() { return (int)((Neurons + PerCore - 1) / PerCore); }
int64_t sliceAtoms(int s) {
  return std::min<int64_t>(PerCore, Neurons - (int64_t)s * PerCore);
}

/// Builds the machine graph with resources (the timed "partition").
spinn::MachineOp buildGraph(OpBuilder &b, Location loc, int p,
                            const std::vector<std::pair<int, int>> &edges,
                            Row &row) {
  auto t0 = Clock::now();
  int slices = slicesOf();
  std::vector<std::vector<int>> in(p), out(p);
  for (auto [a, c] : edges) {
    out[a].push_back(c);
    in[c].push_back(a);
  }
  ResourceConstants constants;
  std::vector<SliceResources> res((size_t)p * slices);
  for (int pop = 0; pop < p; ++pop)
    for (int s = 0; s < slices; ++s) {
      std::vector<IncomingRows> rows;
      uint64_t len = (uint64_t)std::ceil(0.1 * sliceAtoms(s));
      for (int pre = 0, e = in[pop].size(); pre < e; ++pre)
        for (int ss = 0; ss < slices; ++ss)
          rows.push_back(
              {(uint64_t)sliceAtoms(ss), len,
               (uint64_t)std::llround(0.1 * sliceAtoms(ss) * sliceAtoms(s)),
               1});
      res[pop * slices + s] = estimateSlice(
          constants, {(uint64_t)sliceAtoms(s), 1, 6, false}, rows, 0.01);
    }
  row.partition = secondsSince(t0);

  // Machine size: enough boards for cores and SDRAM, with margin.
  uint64_t sdram = 0;
  for (const SliceResources &r : res) {
    sdram += r.sdram;
    row.maxSdram = std::max(row.maxSdram, r.sdram);
    row.maxCycles = std::max(row.maxCycles, r.cycles);
  }
  uint64_t boards =
      std::max<uint64_t>((res.size() + 48 * 16 - 1) / (48 * 16),
                         (uint64_t)std::ceil(sdram / (48.0 * 123469792.0)));
  boards = (uint64_t)std::ceil(boards * 1.3) + 1;
  std::string profile = "spinnaker1-boards:" + std::to_string(boards);
  MLIRContext *ctx = b.getContext();
  // Geometry of N boards: the router pass reads it back from the profile.
  auto m = b.create<spinn::MachineOp>(loc, "bench", profile, "bench", 1, 1, 18,
                                      1, ArrayAttr(), ArrayAttr());
  m.getBody().emplaceBlock();
  OpBuilder body = OpBuilder::atBlockEnd(m.getBodyBlock());
  for (int pop = 0; pop < p; ++pop)
    body.create<spinn::PopulationOp>(loc, "p" + std::to_string(pop), "", "lif",
                                     Neurons, PerCore, 1, 6);
  for (auto [a, c] : edges)
    body.create<spinn::ProjectionOp>(loc, "p" + std::to_string(a),
                                     "p" + std::to_string(c), "", 0, 1);
  for (int pop = 0; pop < p; ++pop) {
    SmallVector<Attribute> targets;
    for (int c : out[pop])
      for (int s = 0; s < slices; ++s)
        targets.push_back(FlatSymbolRefAttr::get(
            ctx, "p" + std::to_string(c) + "_" + std::to_string(s)));
    ArrayAttr targetAttr = body.getArrayAttr(targets);
    for (int s = 0; s < slices; ++s) {
      const SliceResources &r = res[pop * slices + s];
      body.create<spinn::VertexOp>(
          loc, "p" + std::to_string(pop) + "_" + std::to_string(s),
          "p" + std::to_string(pop), (int64_t)s * PerCore,
          (int64_t)s * PerCore + sliceAtoms(s), body.getI64IntegerAttr(r.dtcm),
          body.getI64IntegerAttr(r.sdram), body.getI64IntegerAttr(r.cycles),
          targetAttr, spinn::CoreAttr(), DenseI32ArrayAttr(),
          spinn::KeyMaskAttr());
    }
  }
  row.vertices = res.size();
  return m;
}

} // namespace

/// Width/height of a profile, so the machine op verifies.
static bool setGeometry(spinn::MachineOp m);

static Row runOne(const std::string &family, int p) {
  Row row;
  MLIRContext ctx;
  ctx.loadDialect<spinn::SpinnDialect>();
  OpBuilder b(&ctx);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  spinn::MachineOp m = buildGraph(b, loc, p, makeEdges(family, p), row);
  if (!setGeometry(m))
    return row;
  PassManager pm(&ctx);
  pm.enableVerifier(false); // the verifier is not a phase
  pm.addPass(createSpinnPlace());
  pm.addPass(createSpinnRoute());
  pm.addPass(createSpinnAllocateKeys());
  pm.addPass(createSpinnBuildTables());
  pm.addPass(createSpinnCompressTables());
  pm.addPass(createSpinnCheckRouting());
  pm.addInstrumentation(std::make_unique<PhaseClock>(row.phases));
  row.ok = succeeded(pm.run(*module));
  std::set<std::pair<unsigned, unsigned>> chips;
  m.walk([&](spinn::VertexOp v) {
    if (auto c = v.getPlacementAttr())
      chips.insert({c.getX(), c.getY()});
  });
  row.chips = chips.size();
  m.walk([&](spinn::TableOp t) {
    row.before += t.getEntries().size();
    uint64_t after = t.getCompressedAttr() ? t.getCompressedAttr().size() : 0;
    row.after += after;
    row.longest = std::max<uint64_t>(row.longest, t.getEntries().size());
  });
  return row;
}

static bool setGeometry(spinn::MachineOp m) {
  llvm::Expected<Machine> machine = Machine::fromProfile(m.getProfile());
  if (!machine) {
    llvm::errs() << llvm::toString(machine.takeError()) << "\n";
    return false;
  }
  Builder b(m.getContext());
  m.setWidthAttr(b.getI64IntegerAttr(machine->width()));
  m.setHeightAttr(b.getI64IntegerAttr(machine->height()));
  return true;
}

int main(int argc, char **argv) {
  int maxP = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int ladder[] = {10, 50, 100, 250, 1000, 2500, 5000, 10000};
  const char *phases[] = {"spinn-place",           "spinn-route",
                          "spinn-allocate-keys",   "spinn-build-tables",
                          "spinn-compress-tables", "spinn-check-routing"};
  llvm::outs() << "family  pops  neurons    vertices chips  partition  place"
                  "      route      keys       tables     compress   check"
                  "      total(s)  entries->compressed (longest)\n";
  for (const char *family : {"chain", "random"})
    for (int p : ladder) {
      if (p > maxP)
        continue;
      Row row = runOne(family, p);
      double total = row.partition;
      llvm::outs() << llvm::format(
          "%-7s %5d %9lld %8llu %5llu  %9.4f", family, p,
          (long long)p * Neurons, (unsigned long long)row.vertices,
          (unsigned long long)row.chips, row.partition);
      for (const char *ph : phases) {
        total += row.phases[ph];
        llvm::outs() << llvm::format("  %9.4f", row.phases[ph]);
      }
      llvm::outs() << llvm::format(
          "  %9.4f  %llu->%llu (%llu)%s\n", total,
          (unsigned long long)row.before, (unsigned long long)row.after,
          (unsigned long long)row.longest, row.ok ? "" : "  FAILED");
      llvm::outs().flush();
    }
  return 0;
}

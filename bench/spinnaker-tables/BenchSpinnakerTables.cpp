//===- BenchSpinnakerTables.cpp - Routing-table compression benchmark -----===//
//
// Prints, for the shared PACMAN fixture tables, the table length before and
// after default-route removal, after Ordered Covering and after pair merging
// (to the SpiNNaker 1 target of 1023 entries and as far as possible), with
// the time each step takes and the time of the equivalence check; then the
// multicast routing throughput on synthetic workloads.  The numbers go into
// docs/targets/spinnaker-tables.md.
//
// Usage: bench-spinnaker-tables [shared-dir]
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"
#include "targets/spinnaker/Router/Check.h"
#include "targets/spinnaker/Router/Compress.h"
#include "targets/spinnaker/Router/Route.h"
#include "targets/spinnaker/Router/TableIO.h"

#include "axon/Support/SplitMix64.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>

using namespace axon::spinnaker;
using namespace llvm;

namespace {

double nowMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch())
      .count();
}

/// One compression run over a set of tables, summed.
struct Run {
  size_t entries = 0;
  size_t maxEntries = 0;
  double ms = 0;
  double checkMs = 0;
  unsigned failures = 0; ///< tables that did not fit or did not check
};

/// One row of the table: an algorithm, with or without OC's pre-pass.
struct Config {
  const char *name;
  Compressor algorithm;
  bool prePass;
};

const Config Configs[] = {
    {"ordered covering", Compressor::OrderedCovering, false},
    {"pre-pass + OC", Compressor::OrderedCovering, true},
    {"pair merging", Compressor::PairMerge, false},
};

Run compressAll(ArrayRef<RoutingTable> tables, const Config &cfg,
                size_t target) {
  Run r;
  CompressOptions o;
  o.algorithm = cfg.algorithm;
  o.orthogonalPrePass = cfg.prePass;
  o.targetLength = target;
  for (const RoutingTable &t : tables) {
    double t0 = nowMs();
    Expected<CompressResult> c = compressTable(t.entries, o);
    r.ms += nowMs() - t0;
    if (!c) {
      consumeError(c.takeError());
      ++r.failures;
      continue;
    }
    r.entries += c->entries.size();
    r.maxEntries = std::max(r.maxEntries, c->entries.size());
    r.failures += !c->fits;
    t0 = nowMs();
    r.failures += checkCompressedTable(t.entries, c->entries).has_value();
    r.checkMs += nowMs() - t0;
  }
  return r;
}

void benchFixture(StringRef name, ArrayRef<RoutingTable> tables) {
  size_t before = 0, maxBefore = 0, afterDefaults = 0, maxAfter = 0;
  double defaultMs = 0;
  for (const RoutingTable &t : tables) {
    before += t.size();
    maxBefore = std::max(maxBefore, t.size());
    double t0 = nowMs();
    size_t n = removeDefaultRoutes(t.entries).size();
    defaultMs += nowMs() - t0;
    afterDefaults += n;
    maxAfter = std::max(maxAfter, n);
  }
  outs() << formatv("\n{0}: {1} table(s), {2} entries (largest {3}); after "
                    "default removal {4} (largest {5}, {6:f1} ms)\n",
                    name, tables.size(), before, maxBefore, afterDefaults,
                    maxAfter, defaultMs);
  outs() << formatv("  {0,-18} {1,7} {2,10} {3,9} {4,10} {5,9} {6,5}\n",
                    "algorithm", "target", "entries", "largest", "time ms",
                    "check ms", "fail");
  for (size_t target : {size_t(1023), size_t(0)})
    for (const Config &cfg : Configs) {
      Run r = compressAll(tables, cfg, target);
      outs() << formatv("  {0,-18} {1,7} {2,10} {3,9} {4,10:f1} {5,9:f1} "
                        "{6,5}\n",
                        cfg.name, target ? std::to_string(target) : "min",
                        r.entries, r.maxEntries, r.ms, r.checkMs, r.failures);
      outs().flush();
    }
}

using SplitMix = axon::SplitMix64;

/// `n` nets with `k` target cores each; targets within `radius` chips of the
/// source in x and y (0: anywhere).
NetList syntheticNets(const Machine &m, unsigned n, unsigned k, int radius) {
  SplitMix rng{1};
  NetList nets;
  ArrayRef<Machine::ChipId> live = m.liveChips();
  for (unsigned i = 0; i < n; ++i) {
    ChipCoord src = m.coord(live[rng.next() % live.size()]);
    nets.addNet(src, i << 8, 0xffffff00u);
    for (unsigned t = 0; t < k; ++t) {
      ChipCoord c = m.coord(live[rng.next() % live.size()]);
      if (radius) {
        int dx = (int)(rng.next() % (2 * radius + 1)) - radius;
        int dy = (int)(rng.next() % (2 * radius + 1)) - radius;
        c = {(int)((src.x + dx + (int)m.width()) % m.width()),
             (int)((src.y + dy + (int)m.height()) % m.height())};
      }
      nets.addTarget(c, 1 + rng.next() % 16);
    }
  }
  return nets;
}

void benchRouting(StringRef profile, unsigned n, unsigned k, int radius) {
  Expected<Machine> m = Machine::fromProfile(profile);
  if (!m) {
    errs() << toString(m.takeError()) << "\n";
    return;
  }
  NetList nets = syntheticNets(*m, n, k, radius);
  double t0 = nowMs();
  MulticastRouter router(*m);
  Expected<RoutingTrees> trees = router.routeAll(nets);
  double routeMs = nowMs() - t0;
  if (!trees) {
    errs() << toString(trees.takeError()) << "\n";
    return;
  }
  t0 = nowMs();
  std::vector<RoutingTable> tables = buildRoutingTables(*m, nets, *trees);
  double buildMs = nowMs() - t0;
  size_t maxTable = 0;
  for (const RoutingTable &t : tables)
    maxTable = std::max(maxTable, t.size());
  outs() << formatv("  {0,-20} {1,7} {2,3} {3,6} {4,10} {5,9:f1} {6,9:f1} "
                    "{7,12:f0} {8,9}\n",
                    profile, n, k, radius ? std::to_string(radius) : "any",
                    trees->nodes.size(), routeMs, buildMs,
                    n / ((routeMs + buildMs) / 1000.0), maxTable);
}

} // namespace

int main(int argc, char **argv) {
  std::string shared = argc > 1 ? argv[1] : AXON_SHARED_DIR;
  std::string dir = shared + "/fixtures/spinnaker/";
  Expected<std::vector<RoutingEntry>> t1 = readTableCSV(dir + "table1.csv.gz");
  Expected<std::vector<RoutingTable>> m2o =
      readRoutingTablesJSON(dir + "many_to_one.json.gz");
  if (!t1 || !m2o) {
    errs() << "bench-spinnaker-tables: "
           << (t1 ? toString(m2o.takeError()) : toString(t1.takeError()))
           << "\n";
    return 1;
  }
  outs() << "== Routing-table compression (SpiNNaker 1 target: 1023) ==\n";
  benchFixture("table1.csv.gz", {RoutingTable{0, 0, std::move(*t1)}});
  benchFixture("many_to_one.json.gz", *m2o);

  outs() << "\n== Multicast routing (NER + BFS fallback) and table building "
            "==\n";
  outs() << formatv("  {0,-20} {1,7} {2,3} {3,6} {4,10} {5,9} {6,9} {7,12} "
                    "{8,9}\n",
                    "machine", "nets", "k", "radius", "tree nodes", "route ms",
                    "build ms", "nets/s", "max table");
  benchRouting("spinnaker1-boards:3", 100000, 10, 0);
  benchRouting("spinnaker1-boards:3", 100000, 1, 0);
  benchRouting("spinnaker1-1m", 100000, 10, 8);
  benchRouting("spinnaker1-1m", 10000, 10, 0);
  return 0;
}

//===- BenchLadder.cpp - End-to-end SpiNNaker mapping ladder ----*- C++ -*-===//
//
// Generates one seeded snn.network and maps it with compileForSpinnaker, the
// function behind `axonc compile --target=spinnaker1`: conversion,
// partition (synapses enumerated from the weights), place, route, keys,
// tables, compression, check and the output files.  Prints one markdown
// table row: phase times, peak memory (getrusage maxrss), cores against the
// lower bound sum(ceil(neurons / neurons-per-core)), chips, table entries.
// One network per process so maxrss is that network's.
//
// Families (N neurons, 10 layers for the feed-forward ones, 256 per core):
//   ff-all    10 layers of N/1000 populations of 100 neurons; population i
//             of layer l projects all-to-all to population i of layer l+1
//             (splat weights); layer 0 are spike inputs.  ~90 synapses per
//             neuron.
//   ff-10pct  the same with populations of 1,000 neurons and 10%
//             connectivity (Bernoulli(0.1) per pair).  ~90 per neuron.
//   random    N/1000 LIF populations of 1,000; each projects to K =
//             min(10, P-1) others (ARCHITECTURE.md section 5's splitmix64
//             stream, seed 1) with a fixed out-degree of 10 per neuron per
//             projection.  100 per neuron.
// Sparse weight matrices are dense tensors with zeros (what importers
// produce); eight seeded patterns are generated per family and projection k
// uses pattern k mod 8, so the attribute storage stays small (MLIR uniques
// equal attributes) while every projection is a random pattern.
//
// usage: bench-spinnaker-ladder FAMILY NEURONS [--header]
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Compile.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/spinn/SpinnDialect.h"

#include "axon/Support/SplitMix64.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace mlir;
using namespace axon;

namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t PerCore = 256;

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

using axon::SplitMix64;

struct Generated {
  uint64_t populations = 0, projections = 0, synapses = 0, lowerBound = 0;
};

/// Builds snn ops generically (the bench needs no per-op builders).
class NetBuilder {
public:
  NetBuilder(OpBuilder &b, Location loc) : b(b), loc(loc) {}

  Value input(int64_t n) {
    OperationState s(loc, "snn.input");
    s.addTypes(RankedTensorType::get({n}, b.getI1Type()));
    return b.create(s)->getResult(0);
  }
  Operation *lif(int64_t n) {
    auto type = RankedTensorType::get({n}, b.getF32Type());
    auto splat = [&](float v) {
      return DenseElementsAttr::get(type, b.getF32FloatAttr(v));
    };
    OperationState s(loc, "snn.lif");
    s.addTypes(RankedTensorType::get({n}, b.getI1Type()));
    s.addAttribute("tau", splat(0.02f));
    s.addAttribute("r", splat(1.0f));
    s.addAttribute("v_leak", splat(0.0f));
    s.addAttribute("v_threshold", splat(1.0f));
    s.addAttribute("v_reset", splat(0.0f));
    return b.create(s);
  }
  Value linear(Value pre, DenseElementsAttr weight) {
    OperationState s(loc, "snn.linear");
    s.addOperands(pre);
    s.addTypes(RankedTensorType::get({weight.getType().getShape()[0]},
                                     b.getF32Type()));
    s.addAttribute("weight", weight);
    return b.create(s)->getResult(0);
  }

private:
  OpBuilder &b;
  Location loc;
};

/// Eight [n x n] patterns: Bernoulli(0.1) (`fixedOut` = 0) or exactly
/// `fixedOut` posts per pre.  Returns the patterns and their non-zeros.
std::vector<std::pair<DenseElementsAttr, uint64_t>>
makePatterns(OpBuilder &b, int64_t n, unsigned fixedOut) {
  std::vector<std::pair<DenseElementsAttr, uint64_t>> patterns;
  auto type = RankedTensorType::get({n, n}, b.getF32Type());
  for (uint64_t k = 0; k < 8; ++k) {
    SplitMix64 rng{1000 + k};
    std::vector<float> w((size_t)(n * n), 0.0f);
    uint64_t nonZero = 0;
    if (fixedOut == 0) {
      for (float &x : w)
        if (rng.next() % 10 == 0) {
          x = 0.5f;
          ++nonZero;
        }
    } else {
      for (int64_t pre = 0; pre < n; ++pre)
        for (unsigned c = 0; c < fixedOut;) {
          int64_t post = (int64_t)(rng.next() % (uint64_t)n);
          float &x = w[post * n + pre];
          if (x == 0.0f) {
            x = 0.5f;
            ++c;
            ++nonZero;
          }
        }
    }
    patterns.push_back(
        {DenseElementsAttr::get(type, llvm::ArrayRef<float>(w)), nonZero});
  }
  return patterns;
}

/// The network of `family` with about `neurons` neurons.
FailureOr<Generated> generate(OpBuilder &b, Location loc,
                              const std::string &family, int64_t neurons) {
  Generated g;
  NetBuilder nb(b, loc);
  auto count = [&](int64_t n) {
    ++g.populations;
    g.lowerBound += (uint64_t)((n + PerCore - 1) / PerCore);
  };
  if (family == "ff-all" || family == "ff-10pct") {
    bool dense = family == "ff-all";
    int64_t n = dense ? 100 : 1000;
    int64_t width = std::max<int64_t>(1, neurons / (10 * n));
    std::vector<std::pair<DenseElementsAttr, uint64_t>> patterns;
    auto type = RankedTensorType::get({n, n}, b.getF32Type());
    if (dense)
      patterns.push_back({DenseElementsAttr::get(type, b.getF32FloatAttr(0.5f)),
                          (uint64_t)(n * n)});
    else
      patterns = makePatterns(b, n, 0);
    std::vector<Value> layer;
    for (int64_t i = 0; i < width; ++i) {
      layer.push_back(nb.input(n));
      count(n);
    }
    for (int l = 1; l < 10; ++l)
      for (int64_t i = 0; i < width; ++i) {
        auto &[weight, nonZero] = patterns[g.projections % patterns.size()];
        Value current = nb.linear(layer[i], weight);
        Operation *pop = nb.lif(n);
        pop->insertOperands(0, current);
        layer[i] = pop->getResult(0);
        ++g.projections;
        g.synapses += nonZero;
        count(n);
      }
    return g;
  }
  if (family == "random") {
    int64_t n = 1000, p = std::max<int64_t>(2, neurons / n);
    auto patterns = makePatterns(b, n, 10);
    std::vector<Operation *> pops;
    for (int64_t i = 0; i < p; ++i) {
      pops.push_back(nb.lif(n));
      count(n);
    }
    SplitMix64 rng{1};
    int64_t k = std::min<int64_t>(10, p - 1);
    std::vector<std::vector<Value>> inputs(p);
    for (int64_t i = 0; i < p; ++i) {
      std::vector<int64_t> chosen;
      while ((int64_t)chosen.size() < k) {
        int64_t j = (int64_t)(rng.next() % (uint64_t)p);
        if (j != i &&
            std::find(chosen.begin(), chosen.end(), j) == chosen.end())
          chosen.push_back(j);
      }
      std::sort(chosen.begin(), chosen.end());
      for (int64_t j : chosen) {
        auto &[weight, nonZero] = patterns[g.projections % patterns.size()];
        inputs[j].push_back(nb.linear(pops[i]->getResult(0), weight));
        ++g.projections;
        g.synapses += nonZero;
      }
    }
    for (int64_t j = 0; j < p; ++j)
      pops[j]->setOperands(inputs[j]);
    return g;
  }
  llvm::errs() << "unknown family '" << family
               << "' (expected ff-all, ff-10pct or random)\n";
  return failure();
}

/// Boards for `cores` application cores with 30% margin, a multiple of 3
/// (a torus).
unsigned boardsFor(uint64_t cores) {
  uint64_t boards = (uint64_t)((cores * 1.3) / (48 * 16)) + 1;
  return (unsigned)((boards + 2) / 3 * 3);
}

} // namespace

int main(int argc, char **argv) {
  if (argc >= 2 && std::string(argv[1]) == "--header") {
    llvm::outs() << "| network | neurons | synapses | convert | partition | "
                    "place | route | keys | tables | compress | check | "
                    "write | total (s) | peak RSS (MB) | cores / lower bound "
                    "| chips | entries max / total |\n"
                    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                    "---:|---:|---:|---:|---:|---:|\n";
    return 0;
  }
  if (argc < 3) {
    llvm::errs() << "usage: bench-spinnaker-ladder FAMILY NEURONS | --header\n";
    return 1;
  }
  std::string family = argv[1];
  int64_t neurons = std::atoll(argv[2]);

  MLIRContext ctx;
  ctx.loadDialect<snn::SNNDialect, spinn::SpinnDialect>();
  OpBuilder b(&ctx);
  Location loc = b.getUnknownLoc();
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  auto net = b.create<snn::NetworkOp>(loc, "ladder");
  b.setInsertionPointToEnd(net.getBodyBlock());
  auto t0 = Clock::now();
  FailureOr<Generated> g = generate(b, loc, family, neurons);
  if (failed(g))
    return 1;
  double generateSeconds = secondsSince(t0);
  t0 = Clock::now();
  if (failed(verify(*module)))
    return 1;
  double verifySeconds = secondsSince(t0);

  SmallString<128> outDir;
  if (llvm::sys::fs::createUniqueDirectory("bench-ladder", outDir))
    return 1;
  spinnaker::SpinnakerOptions options;
  options.machine =
      "spinnaker1-boards:" + std::to_string(boardsFor(g->lowerBound));
  options.neuronsPerCore = PerCore;
  options.emitIR = false; // printing 10^8 dense weights is not the benchmark
  std::string summary;
  llvm::raw_string_ostream summaryOS(summary);
  t0 = Clock::now();
  bool ok = succeeded(
      spinnaker::compileForSpinnaker(*module, options, outDir, summaryOS));
  double total = secondsSince(t0);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  double peakMB = usage.ru_maxrss / 1024.0;

  SmallString<128> summaryPath(outDir);
  llvm::sys::path::append(summaryPath, "summary.json");
  auto buffer = llvm::MemoryBuffer::getFile(summaryPath);
  llvm::Expected<llvm::json::Value> json =
      buffer ? llvm::json::parse((*buffer)->getBuffer())
             : llvm::Expected<llvm::json::Value>(llvm::createStringError(
                   llvm::inconvertibleErrorCode(), "no summary.json"));
  llvm::sys::fs::remove_directories(outDir);
  if (!ok || !json) {
    if (!json)
      llvm::consumeError(json.takeError());
    llvm::outs() << "| " << family << " | " << neurons << " | FAILED |\n";
    return 1;
  }
  const llvm::json::Object &s = *json->getAsObject();
  const char *phases[] = {"convert-snn-to-spinn",  "spinn-partition",
                          "spinn-place",           "spinn-route",
                          "spinn-allocate-keys",   "spinn-build-tables",
                          "spinn-compress-tables", "spinn-check-routing"};
  double sum = 0;
  llvm::outs() << "| " << family << " | " << neurons << " | " << g->synapses
               << " |";
  for (const char *name : phases) {
    double seconds = 0;
    for (const llvm::json::Value &p : *s.getArray("phases")) {
      const llvm::json::Object &o = *p.getAsObject();
      std::optional<llvm::StringRef> phase = o.getString("name");
      // The scale folding runs before conversion; count it there.
      if (phase == llvm::StringRef(name) ||
          (phase == llvm::StringRef("spinn-fold-scales") &&
           llvm::StringRef(name) == "convert-snn-to-spinn"))
        seconds += o.getNumber("seconds").value_or(0);
    }
    sum += seconds;
    llvm::outs() << llvm::format(" %.2f |", seconds);
  }
  int64_t cores = s.getInteger("cores").value_or(0);
  llvm::outs() << llvm::format(
      " %.2f | %.2f | %.0f | %lld / %llu | %lld | %lld / %lld |\n", total - sum,
      total, peakMB, (long long)cores, (unsigned long long)g->lowerBound,
      (long long)s.getInteger("chips").value_or(0),
      (long long)s.getInteger("longest_table_after").value_or(0),
      (long long)s.getInteger("entries_after").value_or(0));
  llvm::errs() << llvm::format(
      "%s %lld: generate %.2f s, verify %.2f s, %llu populations, %llu "
      "projections, machine %s\n",
      family.c_str(), (long long)neurons, generateSeconds, verifySeconds,
      (unsigned long long)g->populations, (unsigned long long)g->projections,
      options.machine.c_str());
  return 0;
}

//===- ReplayTest.cpp - Machine replay of random mapped networks -*- C++
//-*-===//
//
// Random networks (feed-forward and recurrent, LIF/IF/CubaLIF, sparse mixed-
// sign weights, delay ops, several neurons-per-core settings and machines)
// are mapped by the full pipeline and replayed; the oracle is the reference
// simulator's spinnaker-profile run of the unmapped network, which the
// replay compares spike by spike.  Corrupting the loaded tables or a
// placement must make the replay fail, and a tiny hand-checked network must
// fire exactly when a hand computation says it does.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Replay/Replay.h"
#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/NetworkGraph.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Pipeline.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

/// A random network as snn text: an input, then `layers` spiking
/// populations, each fed by the previous one and sometimes by itself or an
/// earlier one (recurrence), some projections through delay ops.
std::string makeNetwork(std::mt19937 &rng, int layers) {
  std::ostringstream os;
  os.setf(std::ios::fixed); // weights always print as floats ("0.0000")
  os.precision(4);
  os << "snn.network @r attributes {discretization = "
        "#snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {\n";
  std::vector<int> size{std::uniform_int_distribution<int>(4, 40)(rng)};
  for (int l = 0; l < layers; ++l)
    size.push_back(std::uniform_int_distribution<int>(4, 60)(rng));
  os << "  %p0 = snn.input : tensor<" << size[0] << "xi1> loc(\"p0\")\n";
  std::uniform_real_distribution<double> weight(-4.0, 16.0);
  for (int post = 1; post <= layers; ++post) {
    std::vector<std::string> inputs;
    for (int pre = 0; pre <= layers; ++pre) {
      bool forward = pre == post - 1;
      if (!forward && (pre == 0 || rng() % 3 != 0))
        continue;
      std::string name = "w" + std::to_string(pre) + "_" + std::to_string(post);
      double density = forward ? 0.3 : 0.1;
      os << "  %" << name << " = snn.linear %p" << pre << " {weight = dense<[";
      for (int i = 0; i < size[post]; ++i) {
        os << (i ? ", [" : "[");
        for (int j = 0; j < size[pre]; ++j) {
          bool on = std::uniform_real_distribution<double>(0, 1)(rng) < density;
          os << (j ? ", " : "") << (on ? weight(rng) : 0.0);
        }
        os << "]";
      }
      os << "]> : tensor<" << size[post] << "x" << size[pre]
         << "xf32>} : (tensor<" << size[pre] << "xi1>) -> tensor<" << size[post]
         << "xf32> loc(\"" << name << "\")\n";
      std::string value = "%" + name;
      if (rng() % 3 == 0) {
        int ms = std::uniform_int_distribution<int>(1, 5)(rng);
        os << "  %d" << name << " = snn.delay " << value << " {delay = dense<"
           << ms << ".0e-03> : tensor<" << size[post] << "xf32>} : (tensor<"
           << size[post] << "xf32>) -> tensor<" << size[post] << "xf32> loc(\"d"
           << name << "\")\n";
        value = "%d" + name;
      }
      inputs.push_back(value);
    }
    int s = size[post];
    std::string t = "tensor<" + std::to_string(s) + "xf32>";
    const char *kinds[] = {"lif", "if", "cuba_lif"};
    std::string kind = kinds[rng() % 3];
    os << "  %p" << post << " = snn." << kind << " ";
    for (size_t i = 0; i < inputs.size(); ++i)
      os << (i ? ", " : "") << inputs[i];
    if (kind == "lif")
      os << " {tau = dense<0.02> : " << t << ", r = dense<1.0> : " << t
         << ", v_leak = dense<0.0> : " << t;
    else if (kind == "if")
      os << " {r = dense<50.0> : " << t;
    else
      os << " {tau_syn = dense<0.005> : " << t
         << ", tau_mem = dense<0.02> : " << t << ", r = dense<1.0> : " << t
         << ", v_leak = dense<0.0> : " << t << ", w_in = dense<1.0> : " << t;
    os << ", v_threshold = dense<1.0> : " << t
       << ", v_reset = dense<0.0> : " << t << "} : (";
    for (size_t i = 0; i < inputs.size(); ++i)
      os << (i ? ", " : "") << t;
    os << ") -> tensor<" << s << "xi1> loc(\"p" << post << "\")\n";
  }
  os << "  snn.output %p" << layers << " : tensor<" << size[layers]
     << "xi1> loc(\"out\")\n}\n";
  return os.str();
}

class ReplayTest : public ::testing::Test {
protected:
  ReplayTest() { context.loadDialect<snn::SNNDialect, spinn::SpinnDialect>(); }

  /// Parses and maps `text`; null on failure.
  OwningOpRef<ModuleOp> map(const std::string &text, const std::string &npc,
                            const std::string &machine = "spinnaker1") {
    OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(text, &context);
    if (!module)
      return nullptr;
    PassManager pm(&context);
    SpinnakerPipelineOptions options;
    options.neuronsPerCore = std::stoll(npc);
    options.machine = machine;
    buildSpinnakerPipeline(pm, options);
    if (failed(pm.run(*module)))
      return nullptr;
    return module;
  }

  /// Replays the single machine of `module`; collects diagnostics.
  FailureOr<ReplayStats> replay(ModuleOp module, ReplayOptions options,
                                std::string *diagnostics = nullptr) {
    ScopedDiagnosticHandler handler(&context, [&](Diagnostic &d) {
      if (diagnostics)
        *diagnostics += d.str() + "\n";
      return success();
    });
    spinn::MachineOp m = *module.getOps<spinn::MachineOp>().begin();
    auto net = *module.getOps<snn::NetworkOp>().begin();
    FailureOr<Machine> model = getMachine(m);
    if (failed(model))
      return failure();
    return replayMachine(m, net, *model, nodesByName(net), options);
  }

  MLIRContext context;
};

} // namespace

TEST_F(ReplayTest, RandomNetworksReplayIdentically) {
  std::mt19937 rng(2026);
  uint64_t totalSpikes = 0;
  for (int trial = 0; trial < 12; ++trial) {
    std::string text = makeNetwork(rng, 2 + trial % 3);
    std::string npc =
        std::to_string(std::uniform_int_distribution<int>(2, 16)(rng));
    OwningOpRef<ModuleOp> module = map(text, npc);
    ASSERT_TRUE(module) << text;
    ReplayOptions options;
    options.steps = 150;
    options.seed = trial + 1;
    options.rate = 150;
    std::string diags;
    FailureOr<ReplayStats> stats = replay(*module, options, &diags);
    ASSERT_TRUE(succeeded(stats)) << "trial " << trial << ": " << diags << text;
    EXPECT_EQ(stats->steps, 150u);
    EXPECT_GT(stats->inputSpikes, 0u);
    totalSpikes += stats->spikes;
  }
  // The networks are not silent: the comparison is about real traffic.
  EXPECT_GT(totalSpikes, 1000u);
}

TEST_F(ReplayTest, MultiBoardMachine) {
  std::mt19937 rng(7);
  std::string text = makeNetwork(rng, 3);
  // One neuron per core on a three-board machine: every slice is its own
  // vertex, so keys, trees and tables span many chips.
  OwningOpRef<ModuleOp> module = map(text, "1", "spinnaker1-boards:3");
  ASSERT_TRUE(module);
  std::set<std::pair<unsigned, unsigned>> chips;
  for (auto v : (*module)->getRegion(0).getOps<spinn::MachineOp>())
    for (auto vertex : v.getOps<spinn::VertexOp>())
      chips.insert(
          {vertex.getPlacement()->getX(), vertex.getPlacement()->getY()});
  EXPECT_GT(chips.size(), 4u);
  ReplayOptions options;
  options.steps = 200;
  options.rate = 200;
  std::string diags;
  FailureOr<ReplayStats> stats = replay(*module, options, &diags);
  ASSERT_TRUE(succeeded(stats)) << diags;
  EXPECT_GT(stats->spikes, 0u);
  EXPECT_GT(stats->deliveries, stats->packets); // multicast fans out
  // Compression dropped pass-through entries: some packets cross chips by
  // default routing, which the replay must model to deliver them.
  EXPECT_GT(stats->defaultRouted, 0u);
  EXPECT_GT(stats->lookups, stats->routedKeys);
  std::printf("replay: %llu neuron + %llu input spikes, %llu packets, %llu "
              "synaptic events in %.3f s (reference %.3f s)\n",
              (unsigned long long)stats->spikes,
              (unsigned long long)stats->inputSpikes,
              (unsigned long long)stats->packets,
              (unsigned long long)stats->synapticEvents, stats->replaySeconds,
              stats->referenceSeconds);
}

TEST_F(ReplayTest, CorruptedTablesAndPlacementsAreCaught) {
  std::mt19937 rng(11);
  std::string text = makeNetwork(rng, 2);
  ReplayOptions options;
  options.steps = 100;
  options.rate = 500; // every input atom spikes within a few steps
  int caught = 0, tried = 0;
  for (int kind = 0; kind < 3; ++kind) {
    OwningOpRef<ModuleOp> module = map(text, "4");
    ASSERT_TRUE(module);
    spinn::MachineOp m = *module->getOps<spinn::MachineOp>().begin();
    // The first input vertex: its packets surely travel.
    spinn::VertexOp source;
    for (auto v : m.getOps<spinn::VertexOp>())
      if (v.getPopulation() == "p0") {
        source = v;
        break;
      }
    ASSERT_TRUE(source);
    spinn::CoreAttr core = source.getPlacementAttr();
    uint32_t key = source.getKeyMaskAttr().getKey();
    if (kind == 2) {
      // Move the source's first target to a free core of its chip.
      auto targetName = cast<FlatSymbolRefAttr>(source.getTargetsAttr()[0]);
      auto target =
          SymbolTable(m).lookup<spinn::VertexOp>(targetName.getValue());
      spinn::CoreAttr p = target.getPlacementAttr();
      target.setPlacementAttr(
          spinn::CoreAttr::get(&context, p.getX(), p.getY(), 17));
    } else {
      // Break the source chip's entry for the source's key: drop its cores
      // (kind 0) or its links and cores (kind 1: dropped at the source).
      for (auto table : m.getOps<spinn::TableOp>()) {
        if (table.getChip().getX() != core.getX() ||
            table.getChip().getY() != core.getY())
          continue;
        std::vector<RoutingEntry> entries =
            entriesFromAttr(table.getCompressedAttr());
        for (RoutingEntry &e : entries)
          if ((key & e.mask) == e.key) {
            e.route = kind == 0 ? (e.route & 0x3f) : 0;
            if (kind == 1)
              e.key = ~e.mask; // matches nothing of ours
            break;
          }
        table.setCompressedAttr(entriesToAttr(&context, entries));
      }
    }
    ++tried;
    std::string diags;
    if (failed(replay(*module, options, &diags))) {
      ++caught;
      EXPECT_NE(diags.find("replay"), std::string::npos) << diags;
    }
  }
  EXPECT_EQ(caught, tried);
}

TEST_F(ReplayTest, HandComputedSpikeTimes) {
  // One input drives one LIF through w = 30 (tau = 20 ms, threshold 1): a
  // spike at step t gives v = 30 (1 - e^-0.05) = 1.46 > 1 at step t + 1
  // (SpiNNaker's one-tick delivery), so with every input step firing
  // (rate = 1/dt) the LIF fires at every step from step 1: 99 spikes in 100
  // steps, each delivered to one core.
  std::string text = R"(snn.network @one {
  %in = snn.input : tensor<1xi1> loc("in")
  %w = snn.linear %in {weight = dense<[[30.0]]> : tensor<1x1xf32>} : (tensor<1xi1>) -> tensor<1xf32> loc("w")
  %s = snn.lif %w {tau = dense<0.02> : tensor<1xf32>, r = dense<1.0> : tensor<1xf32>, v_leak = dense<0.0> : tensor<1xf32>, v_threshold = dense<1.0> : tensor<1xf32>, v_reset = dense<0.0> : tensor<1xf32>} : (tensor<1xf32>) -> tensor<1xi1> loc("lif")
  snn.output %s : tensor<1xi1> loc("o")
})";
  OwningOpRef<ModuleOp> module = map(text, "256");
  ASSERT_TRUE(module);
  ReplayOptions options;
  options.steps = 100;
  options.rate = 1000;
  FailureOr<ReplayStats> stats = replay(*module, options);
  ASSERT_TRUE(succeeded(stats));
  EXPECT_EQ(stats->inputSpikes, 100u);
  EXPECT_EQ(stats->spikes, 99u);
  EXPECT_EQ(stats->packets, 100u); // the LIF has no projection: not sent
  EXPECT_EQ(stats->deliveries, 100u);
}

//===- MappingPropertyTest.cpp - Random networks, naive oracles -*- C++ -*-===//
//
// Maps random networks (random sizes, neurons per core, sparse random
// weights, recurrent edges) with the pass pipeline squeezed to tiny routers,
// then checks the result against oracles written here from the definitions,
// not from the passes: slices tile each population, cores are unique and
// live, key spaces are disjoint, a vertex targets exactly the slices its
// weights reach, and a packet walked hop by hop through the compressed
// tables (first match, else straight on) reaches exactly those cores.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Passes.h"

#include "dialects/snn/SNNDialect.h"
#include "dialects/spinn/SpinnDialect.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct RandomNet {
  std::vector<int> size, npc;
  /// (pre, post) -> weights[post][pre] in {0, 1}.
  std::map<std::pair<int, int>, std::vector<std::vector<int>>> weights;
  std::string text;
};

RandomNet makeNetwork(std::mt19937 &rng) {
  RandomNet n;
  int pops = std::uniform_int_distribution<int>(2, 5)(rng);
  for (int p = 0; p < pops; ++p) {
    n.size.push_back(std::uniform_int_distribution<int>(1, 300)(rng));
    n.npc.push_back(std::uniform_int_distribution<int>(8, 64)(rng));
  }
  std::ostringstream os;
  os << "snn.network @r {\n  %p0 = snn.input : tensor<" << n.size[0]
     << "xi1> loc(\"p0\")\n";
  for (int post = 1; post < pops; ++post) {
    std::vector<std::string> inputs;
    for (int pre = 0; pre < pops; ++pre) {
      if (pre != post - 1 && rng() % 3 != 0)
        continue; // always the previous layer, sometimes others (cycles too)
      auto &w = n.weights[{pre, post}];
      w.assign(n.size[post], std::vector<int>(n.size[pre], 0));
      for (auto &row : w)
        for (int &x : row)
          x = rng() % 50 == 0;
      std::string name = "w" + std::to_string(pre) + "_" + std::to_string(post);
      os << "  %" << name << " = snn.linear %p" << pre << " {weight = dense<[";
      for (int i = 0; i < n.size[post]; ++i) {
        os << (i ? ", [" : "[");
        for (int j = 0; j < n.size[pre]; ++j)
          os << (j ? ", " : "") << w[i][j] << ".0";
        os << "]";
      }
      os << "]> : tensor<" << n.size[post] << "x" << n.size[pre]
         << "xf32>} : (tensor<" << n.size[pre] << "xi1>) -> tensor<"
         << n.size[post] << "xf32> loc(\"" << name << "\")\n";
      inputs.push_back("%" + name);
    }
    int s = n.size[post];
    os << "  %p" << post << " = snn.if ";
    for (size_t i = 0; i < inputs.size(); ++i)
      os << (i ? ", " : "") << inputs[i];
    os << " {r = dense<1.0> : tensor<" << s << "xf32>, v_threshold = dense<1.0>"
       << " : tensor<" << s << "xf32>, v_reset = dense<0.0> : tensor<" << s
       << "xf32>} : (";
    for (size_t i = 0; i < inputs.size(); ++i)
      os << (i ? ", " : "") << "tensor<" << s << "xf32>";
    os << ") -> tensor<" << s << "xi1> loc(\"p" << post << "\")\n";
  }
  os << "}\n";
  n.text = os.str();
  return n;
}

struct Vertex {
  int pop, lo, hi, x, y, p;
  uint32_t key, mask;
  std::set<std::string> targets;
};

/// Where a packet with `key` from chip (x, y) is delivered (naive walker).
std::set<std::tuple<int, int, int>>
walk(const std::map<std::pair<int, int>,
                    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>>>
         &tables,
     int x, int y, uint32_t key) {
  static const int dx[6] = {1, 1, 0, -1, -1, 0}, dy[6] = {0, 1, 1, 0, -1, -1};
  std::set<std::tuple<int, int, int>> reached;
  std::vector<std::tuple<int, int, int>> work{{x, y, -1}};
  for (int steps = 0; !work.empty() && steps < 10000; ++steps) {
    auto [cx, cy, in] = work.back();
    work.pop_back();
    uint32_t route = 0;
    bool hit = false;
    auto it = tables.find({cx, cy});
    if (it != tables.end())
      for (auto [k, m, r] : it->second)
        if ((key & m) == k) {
          route = r;
          hit = true;
          break;
        }
    if (!hit && in >= 0)
      route = 1u << ((in + 3) % 6);
    for (int c = 0; c < 18; ++c)
      if (route & (1u << (6 + c)))
        reached.insert({cx, cy, c});
    for (int l = 0; l < 6; ++l)
      if (route & (1u << l))
        work.push_back({cx + dx[l], cy + dy[l], (l + 3) % 6});
  }
  return reached;
}

using Tables = std::map<std::pair<int, int>,
                        std::vector<std::tuple<uint32_t, uint32_t, uint32_t>>>;
constexpr unsigned RouterSize = 16;

/// Parses the network, sets per-population neurons per core and runs the
/// phases with routers of RouterSize entries.
OwningOpRef<ModuleOp> mapNetwork(MLIRContext &ctx, const RandomNet &net) {
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(net.text, &ctx);
  if (!module)
    return {};
  int index = 0;
  module->walk([&](Operation *op) {
    if (op->getName().getStringRef() == "snn.if" ||
        op->getName().getStringRef() == "snn.input")
      op->setAttr(
          "spinn.neurons_per_core",
          IntegerAttr::get(IntegerType::get(&ctx, 64), net.npc[index++]));
  });
  PassManager pm(&ctx);
  pm.addPass(createConvertSNNToSpinn());
  pm.addPass(createSpinnPartition());
  pm.addPass(createSpinnPlace());
  pm.addPass(createSpinnRoute());
  pm.addPass(createSpinnAllocateKeys());
  pm.addPass(createSpinnBuildTables());
  SpinnCompressTablesOptions tight;
  tight.targetLength = RouterSize;
  pm.addPass(createSpinnCompressTables(tight));
  if (failed(pm.run(*module)))
    return {};
  return module;
}

void readMapping(ModuleOp module, std::map<std::string, Vertex> &vertices,
                 Tables &tables, bool &shrunk) {
  module->walk([&](spinn::VertexOp v) {
    Vertex &out = vertices[v.getSymName().str()];
    out.pop = std::stoi(v.getPopulation().substr(1).str());
    out.lo = v.getLo();
    out.hi = v.getHi();
    out.x = v.getPlacementAttr().getX();
    out.y = v.getPlacementAttr().getY();
    out.p = v.getPlacementAttr().getP();
    out.key = v.getKeyMaskAttr().getKey();
    out.mask = v.getKeyMaskAttr().getMask();
    for (auto ref : v.getTargets()->getAsRange<FlatSymbolRefAttr>())
      out.targets.insert(ref.getValue().str());
  });
  module->walk([&](spinn::TableOp t) {
    auto &entries = tables[{(int)t.getChip().getX(), (int)t.getChip().getY()}];
    EXPECT_LE(t.getCompressedAttr().size(), RouterSize);
    shrunk |= t.getEntries().size() > RouterSize;
    for (auto e : t.getCompressedAttr().getAsRange<spinn::EntryAttr>())
      entries.push_back({e.getKey(), e.getMask(), e.getRoute()});
  });
}

/// Slices tile each population in order; cores are unique application cores.
void checkSlices(const RandomNet &net,
                 const std::map<std::string, Vertex> &vertices,
                 bool &multiChip) {
  std::vector<int> covered(net.size.size(), 0);
  std::set<std::tuple<int, int, int>> cores;
  for (auto &[name, v] : vertices) {
    EXPECT_LE(v.hi - v.lo, net.npc[v.pop]) << name;
    EXPECT_EQ(v.lo % net.npc[v.pop], 0) << name;
    covered[v.pop] += v.hi - v.lo;
    EXPECT_TRUE(cores.insert({v.x, v.y, v.p}).second) << name;
    multiChip |= v.x != 0 || v.y != 0;
    EXPECT_GE(v.p, 1);
    EXPECT_LE(v.p, 16);
  }
  for (size_t p = 0; p < net.size.size(); ++p)
    EXPECT_EQ(covered[p], net.size[p]);
}

/// Keys are disjoint, targets follow the weights, packets reach the targets.
void checkTraffic(const RandomNet &net,
                  const std::map<std::string, Vertex> &vertices,
                  const Tables &tables) {
  for (auto &[a, va] : vertices) {
    for (auto &[b, vb] : vertices) {
      if (a != b) {
        EXPECT_NE(((va.key ^ vb.key) & va.mask & vb.mask), 0u)
            << a << " and " << b << " share keys";
      }
    }
    EXPECT_EQ(((va.key | (uint32_t)(va.hi - va.lo - 1)) & va.mask), va.key);
    std::set<std::string> expected;
    std::set<std::tuple<int, int, int>> expectedCores;
    for (auto &[b, vb] : vertices) {
      auto it = net.weights.find({va.pop, vb.pop});
      if (it == net.weights.end())
        continue;
      bool any = false;
      for (int post = vb.lo; post < vb.hi && !any; ++post)
        for (int pre = va.lo; pre < va.hi && !any; ++pre)
          any = it->second[post][pre] != 0;
      if (any) {
        expected.insert(b);
        expectedCores.insert({vb.x, vb.y, vb.p});
      }
    }
    EXPECT_EQ(va.targets, expected) << a;
    if (!expected.empty()) {
      EXPECT_EQ(walk(tables, va.x, va.y, va.key), expectedCores) << a;
    }
  }
}

} // namespace

TEST(SpinnakerMappingProperty, RandomNetworksMapCorrectly) {
  std::mt19937 rng(12345);
  // The trials must exercise what they claim to: tables that had to shrink
  // and trees that cross chips.
  bool shrunk = false, multiChip = false;
  for (int trial = 0; trial < 12; ++trial) {
    RandomNet net = makeNetwork(rng);
    MLIRContext ctx;
    ctx.loadDialect<snn::SNNDialect, spinn::SpinnDialect>();
    OwningOpRef<ModuleOp> module = mapNetwork(ctx, net);
    ASSERT_TRUE(module) << "trial " << trial << "\n" << net.text;
    std::map<std::string, Vertex> vertices;
    Tables tables;
    readMapping(*module, vertices, tables, shrunk);
    checkSlices(net, vertices, multiChip);
    checkTraffic(net, vertices, tables);
  }
  EXPECT_TRUE(shrunk);
  EXPECT_TRUE(multiChip);
}

//===- MachineJSONTest.cpp - Machine description parser tests -------------===//
//
// A description with every feature, and one case per error message (the
// messages are part of the user interface).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Machine/Machine.h"

#include "gtest/gtest.h"

using namespace axon::spinnaker;

namespace {

std::string parseError(llvm::StringRef text) {
  llvm::Expected<Machine> m = parseMachineJSON(text);
  if (m)
    return "<parsed>";
  return llvm::toString(m.takeError());
}

TEST(MachineJSONTest, DefaultIsOneBoard) {
  llvm::Expected<Machine> m = parseMachineJSON("{}");
  ASSERT_TRUE(bool(m)) << llvm::toString(m.takeError());
  EXPECT_EQ(m->numLiveChips(), 48u);
}

TEST(MachineJSONTest, EveryFeature) {
  llvm::Expected<Machine> m = parseMachineJSON(R"({
    "width": 6, "height": 4, "wrap": "horizontal", "hardware": "spinnaker1",
    "chips": [{"x": 1, "y": 1, "cores": 17, "applicationCores": 15,
               "sdram": 1000, "routerEntries": 500}],
    "deadChips": [[5, 3]],
    "deadLinks": [[0, 0, 0], {"x": 2, "y": 2, "link": 2, "direction": "out"}],
    "deadCores": [[1, 1, 4]]
  })");
  ASSERT_TRUE(bool(m)) << llvm::toString(m.takeError());
  EXPECT_EQ(m->width(), 6u);
  EXPECT_EQ(m->wrap(), Wrap::Horizontal);
  EXPECT_EQ(m->numLiveChips(), 23u);
  Machine::ChipId c = m->chipId({1, 1});
  EXPECT_EQ(m->numCores(c), 17u);
  EXPECT_EQ(m->sdramBytes(c), 1000u);
  EXPECT_EQ(m->routerEntries(c), 500u);
  // 15 application cores, skipping dead core 4.
  llvm::SmallVector<unsigned, 18> cores = m->applicationCores(c);
  ASSERT_EQ(cores.size(), 15u);
  EXPECT_EQ(cores[3], 5u);
  // [0, 0, 0] kills both directions; the object form kills one.
  EXPECT_FALSE(m->isLinkAlive(m->chipId({0, 0}), East));
  EXPECT_FALSE(m->isLinkAlive(m->chipId({1, 0}), West));
  EXPECT_FALSE(m->isLinkAlive(m->chipId({2, 2}), North));
  EXPECT_TRUE(m->isLinkAlive(m->chipId({2, 3}), South));
  // Horizontal wrap: West of x = 0 is x = 5.
  EXPECT_EQ(m->neighbour(m->chipId({0, 1}), West), m->chipId({5, 1}));
  EXPECT_EQ(m->neighbour(m->chipId({0, 0}), South), Machine::InvalidChip);
}

TEST(MachineJSONTest, ProfileWithFaults) {
  llvm::Expected<Machine> m = parseMachineJSON(
      R"({"profile": "spinnaker1-boards:3", "deadChips": [[11, 11]]})");
  ASSERT_TRUE(bool(m)) << llvm::toString(m.takeError());
  EXPECT_EQ(m->numLiveChips(), 143u);
  EXPECT_EQ(m->neighbour(m->chipId({0, 0}), SouthWest), Machine::InvalidChip);
}

TEST(MachineJSONTest, ErrorMessages) {
  const std::string p = "machine description: ";
  EXPECT_EQ(parseError("[1]"), p + "top level: expected a JSON object");
  EXPECT_EQ(parseError(R"({"widht": 3})"),
            p + "top level: unknown key 'widht'");
  EXPECT_EQ(parseError(R"({"width": 3})"),
            p + "height: 'width' and 'height' must be given together");
  EXPECT_EQ(parseError(R"({"width": 0, "height": 3})"),
            p + "width: 'width' must be an integer in 1..4096");
  EXPECT_EQ(parseError(R"({"width": 3, "height": 3, "wrap": "diagonal"})"),
            p + "wrap: expected true, false, \"none\", \"horizontal\", "
                "\"vertical\" or \"both\"");
  EXPECT_EQ(parseError(R"({"profile": "spinnaker3"})"),
            p + "profile: unknown machine profile 'spinnaker3' (expected one "
                "of: spinnaker1, spinnaker1-boards:N, spinnaker1-1m, "
                "spinnaker2)");
  EXPECT_EQ(parseError(R"({"profile": "spinnaker1", "width": 3, "height": 3})"),
            p + "profile: cannot be combined with 'width'/'height' (use "
                "'hardware' to pick the chip type)");
  EXPECT_EQ(parseError(R"({"deadChips": [[8, 1]]})"),
            p + "deadChips[0]: chip (8, 1) is outside the 8x8 machine");
  EXPECT_EQ(parseError(R"({"deadChips": [[0, 0], [0, 7]]})"),
            p + "deadChips[1]: chip (0, 7) is not part of the machine (no "
                "board covers it)");
  EXPECT_EQ(parseError(R"({"deadChips": [[1]]})"),
            p + "deadChips[0]: expected [x, y]");
  EXPECT_EQ(parseError(R"({"deadLinks": [[1, 1, 6]]})"),
            p + "deadLinks[0]: link 6 of chip (1, 1) is not in 0..5 (E, NE, "
                "N, W, SW, S)");
  EXPECT_EQ(parseError(R"({"deadLinks": [{"x": 1, "y": 1, "link": 0,
                                          "direction": "in"}]})"),
            p + "deadLinks[0]: 'direction' must be \"out\" or \"both\"");
  EXPECT_EQ(parseError(R"({"deadCores": [[2, 2, 18]]})"),
            p + "deadCores[0]: core 18 does not exist on chip (2, 2), which "
                "has 18 cores");
  EXPECT_EQ(parseError(R"({"chips": [{"x": 2, "y": 2, "cores": 40000}]})"),
            p + "chips[0] (chip (2, 2)): 'cores' must be an integer in "
                "2..1024");
  EXPECT_EQ(parseError(R"({"chips": [{"x": 2, "y": 2, "colour": 1}]})"),
            p + "chips[0]: unknown key 'colour'");
  EXPECT_EQ(parseError(R"({"chips": [{"x": 2, "y": 2,
                                      "applicationCores": 18}]})"),
            p + "chips[0] (chip (2, 2)): 'applicationCores' must be an "
                "integer in 0..17");
  EXPECT_EQ(parseError(R"({"deadChips": 3})"),
            p + "deadChips: expected an array");
  // The rest of this message is llvm::json's.
  EXPECT_EQ(parseError("{").rfind(p + "invalid JSON: ", 0), 0u);
}

TEST(MachineJSONTest, MissingFile) {
  llvm::Expected<Machine> m = readMachineJSON("/nonexistent/machine.json");
  ASSERT_FALSE(bool(m));
  EXPECT_NE(llvm::toString(m.takeError())
                .find("cannot read machine "
                      "description"),
            std::string::npos);
}

} // namespace

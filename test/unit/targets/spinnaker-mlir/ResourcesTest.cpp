//===- ResourcesTest.cpp - The per-core resource model ----------*- C++ -*-===//
//
// Every expected number is worked out by hand in the comment beside it from
// the layout documented in Resources.h (sPyNNaker's row format).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Resources.h"

#include <gtest/gtest.h>

using namespace axon::spinnaker;

TEST(SpinnakerResources, DelayStagesFollowTheSixteenTickRowField) {
  ResourceConstants c;
  EXPECT_EQ(delayStages(c, 1), 0u);
  EXPECT_EQ(delayStages(c, 16), 0u); // fits the 4-bit field
  EXPECT_EQ(delayStages(c, 17), 1u); // one delay-extension stage
  EXPECT_EQ(delayStages(c, 32), 1u);
  EXPECT_EQ(delayStages(c, 33), 2u);
}

TEST(SpinnakerResources, SynapticMatrixIsPaddedRowsTimesDelayCopies) {
  ResourceConstants c;
  // 256 rows of (3 header + 10 synapses) words, two copies for delay 20.
  EXPECT_EQ(synapticMatrixBytes(c, {256, 10, 900, 20}), 2u * 256 * 13 * 4);
  // Delay 1: one copy.
  EXPECT_EQ(synapticMatrixBytes(c, {256, 10, 900, 1}), 256u * 13 * 4);
  // No synapses, no matrix.
  EXPECT_EQ(synapticMatrixBytes(c, {256, 0, 0, 1}), 0u);
}

TEST(SpinnakerResources, SourceSliceHasNoBuffersOrRows) {
  ResourceConstants c;
  SliceResources r = estimateSlice(c, {100, 0, 0, true}, {}, 0.5);
  EXPECT_EQ(r.dtcm, 8192u);
  EXPECT_EQ(r.sdram, 8192u);
  EXPECT_EQ(r.cycles, 2000u + 100 * 10);
}

TEST(SpinnakerResources, NeuronSliceChargesStateBuffersAndRows) {
  ResourceConstants c;
  // 100 neurons, 2 state + 5 param words = 28 bytes each.
  // Blocks: 50 rows of max 4 (200 synapses); 10 rows of max 100 (1000
  // synapses) with delay 40 (2 extra stages); an empty block (ignored).
  std::vector<IncomingRows> in = {
      {50, 4, 200, 1}, {10, 100, 1000, 40}, {30, 0, 0, 1}};
  SliceResources r = estimateSlice(c, {100, 2, 5, false}, in, 0.1);
  // DTCM: 8192 + 2800 + 16*2*2*100 + 2 blocks * 16 = 17424.
  EXPECT_EQ(r.dtcm, 8192u + 2800 + 6400 + 32);
  // SDRAM: 8192 + 2800 + 50*7*4 + 3*10*103*4 = 8192 + 2800 + 1400 + 12360.
  EXPECT_EQ(r.sdram, 8192u + 2800 + 1400 + 12360);
  // Cycles: 2000 + 100*(60+40) + ceil(0.1*(50*100 + 200*16 + 10*100 +
  // 1000*16)) = 12000 + ceil(2520.0) = 14520.
  EXPECT_EQ(r.cycles, 14520u);
}

// REQUIRES: python
// The replay on seeded random networks from scripts/gen_replay_networks.py
// (feed-forward chains, recurrent exc/inh with a CubaLIF population, delay
// ops of 1..6 ms before and after synapses and inside a recurrent loop),
// mapped at 8 neurons per core so every network spans several chips.
//
// RUN: %python %axon_src/scripts/gen_replay_networks.py ff --seed 1 > %t.ff1.mlir
// RUN: axon-opt %t.ff1.mlir --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=200 seed=11" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: %python %axon_src/scripts/gen_replay_networks.py ff --seed 2 --scale 2 > %t.ff2.mlir
// RUN: axon-opt %t.ff2.mlir --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=200 seed=12" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: %python %axon_src/scripts/gen_replay_networks.py rec --seed 3 > %t.rec3.mlir
// RUN: axon-opt %t.rec3.mlir --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=300 seed=13" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// The same recurrent network quantized for SpiNNaker first (snn-quantize
// records per-population weight shifts, which both sides must honour):
// RUN: axon-opt %t.rec3.mlir --pass-pipeline="builtin.module(snn.network(snn-quantize{profile=spinnaker}))" 2>/dev/null | axon-opt --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=300 seed=13" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: %python %axon_src/scripts/gen_replay_networks.py rec --seed 4 --scale 2 > %t.rec4.mlir
// RUN: axon-opt %t.rec4.mlir --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=300 seed=14 rate=50" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: %python %axon_src/scripts/gen_replay_networks.py delay --seed 5 > %t.delay5.mlir
// RUN: axon-opt %t.delay5.mlir --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=300 seed=15" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: %python %axon_src/scripts/gen_replay_networks.py delay --seed 6 --scale 3 > %t.delay6.mlir
// RUN: axon-opt %t.delay6.mlir --axon-spinnaker-pipeline="neurons-per-core=4" --spinn-replay-check="steps=300 seed=16" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// A machine with dead chips (1,0), (1,1), (2,1) and dead cores: routes go
// around them, and the replay follows the packets over the live links only.
// RUN: %python %axon_src/scripts/gen_replay_networks.py big --seed 8 --scale 2 > %t.dead.mlir
// RUN: axon-opt %t.dead.mlir --axon-spinnaker-pipeline="neurons-per-core=2 dead-chips=1,0,1,1,2,1 dead-cores=0,0,3,0,1,5" --spinn-replay-check="steps=200 seed=18" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// CHECK: remark: replay: {{[0-9]+}} steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical ({{[1-9][0-9]*}} input spikes, {{[1-9][0-9]*}} deliveries, {{[1-9][0-9]*}} synaptic events
//
// A wide recurrent net at one neuron per core on a three-board machine: 896
// vertices on 56 chips (more than one 48-chip board), with every routing
// table compressed to at most 440 entries (the largest has over 500, so both
// compressors really merge), replayed for each compressor.
// RUN: %python %axon_src/scripts/gen_replay_networks.py big --seed 7 --scale 4 > %t.big.mlir
// RUN: axon-opt %t.big.mlir --convert-snn-to-spinn="machine=spinnaker1-boards:3 neurons-per-core=1" --spinn-partition --spinn-place --spinn-route --spinn-allocate-keys --spinn-build-tables --spinn-compress-tables="target-length=440 algorithm=ordered-covering" --spinn-replay-check="steps=200 seed=17" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=BIG
// RUN: axon-opt %t.big.mlir --convert-snn-to-spinn="machine=spinnaker1-boards:3 neurons-per-core=1" --spinn-partition --spinn-place --spinn-route --spinn-allocate-keys --spinn-build-tables --spinn-compress-tables="target-length=440 algorithm=pair-merge" --spinn-replay-check="steps=200 seed=17" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: remark: replay: 200 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical ({{[1-9][0-9]*}} input spikes, {{[1-9][0-9]*}} deliveries, {{[1-9][0-9]*}} synaptic events on 640 cores)

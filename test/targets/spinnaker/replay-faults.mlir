// Faults the replay must catch: the recurrent example and the digits MLP are
// mapped, one artefact of the mapping is corrupted with sed, and the replay
// must report the fault (not a silent divergence, and never success).
// -mlir-print-debuginfo keeps the node names the spinn IR refers to.
//
// RUN: axon-opt %axon_src/examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline -mlir-print-debuginfo -o %t.rec.mlir
// The uncorrupted mapping replays identically.
// RUN: axon-opt %t.rec.mlir --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=OK
// OK: remark: replay: 100 steps
//
// (0,0)'s compressed entry for the input keys (route 0x100: core 2, exc_0)
// sends them to core 4, which runs nothing:
// RUN: sed 's/-> 0x000100>/-> 0x000400>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOCORE
// NOCORE: error: {{.*}}replay: at step {{[0-9]+}}, packet 0x0000000{{[0-3]}} (atom {{[0-3]}} of vertex 'input_0' on core (0, 0, 1)) is delivered to core (0, 0, 4), which runs no vertex
//
// ... to core 3, the LI readout, which has no row for input keys:
// RUN: sed 's/-> 0x000100>/-> 0x000200>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOROW
// NOROW: is delivered to core (0, 0, 3) of vertex 'readout_0', whose master population table has no row for it
//
// ... to no core at all:
// RUN: sed 's/-> 0x000100>/-> 0x000000>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: of vertex 'input_0' on core (0, 0, 1)) never reaches core (0, 0, 2) of vertex 'exc_0', which holds its synaptic row
//
// ... out of the West link of chip (0, 0), where the board has no chip:
// RUN: sed 's/-> 0x000100>/-> 0x000008>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=LINK
// LINK: is dropped at chip (0, 0): it is sent over link 3, which leads to no live chip
//
// The entry's key no longer matches the input keys: dropped where they start.
// RUN: sed 's/#spinn.entry<0x00000000, 0xfffffff8 -> 0x000100>/#spinn.entry<0x00000020, 0xfffffff8 -> 0x000100>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=DROP
// DROP: (atom {{[0-3]}} of vertex 'input_0' on core (0, 0, 1)) is dropped at its source chip (0, 0): no routing entry matches it
//
// exc_0 is moved to core 6 in the IR, but the tables still route to core 2:
// RUN: sed 's/placement = #spinn.core<0, 0, 2>/placement = #spinn.core<0, 0, 6>/' %t.rec.mlir | not axon-opt --spinn-replay-check -o /dev/null 2>&1 | FileCheck %s --check-prefix=PLACE
// PLACE: is delivered to core (0, 0, 2), which runs no vertex
//
// The input projection's rows claim 2 ticks of delay instead of 1: routing
// is fine, so the spike trains diverge; the first difference is reported.
// (The bundled example never spikes, so this runs with its threshold lowered.)
// RUN: sed "s/v_threshold = dense<1.0>/v_threshold = dense<0.2>/" %axon_src/examples/networks/recurrent_cuba_lif.mlir | axon-opt --axon-spinnaker-pipeline -mlir-print-debuginfo -o %t.rec02.mlir
// RUN: sed 's/spinn.projection @input -> @exc {delay = 1/spinn.projection @input -> @exc {delay = 2/' %t.rec02.mlir | not axon-opt --spinn-replay-check="steps=300 rate=500" -o /dev/null 2>&1 | FileCheck %s --check-prefix=DIVERGE
// DIVERGE: error: {{.*}}replay diverges from the reference at step {{[0-9]+}}: population 'exc' neuron {{[0-7]}} spikes {{(on the machine but not in the reference|in the reference but not on the machine)}}
//
// Two chips (digits MLP at 8 neurons per core: hidden slices on (0, 0) send
// East to the digit cores on (1, 0)).  (1, 0)'s entry for hidden_0's key
// sends it back West, and (0, 0) sends it East again: a loop.
// (r = 1000 so that the hidden layer spikes, see replay-examples.mlir.)
// RUN: sed "s/r = dense<1.0>/r = dense<1000.0>/g" %S/Inputs/digits_mlp_if.mlir | axon-opt --axon-spinnaker-pipeline="neurons-per-core=8" -mlir-print-debuginfo -o %t.d8.mlir
// RUN: sed '/spinn.table <1, 0>/s/0x00000040, 0xfffffff8 -> 0x000180/0x00000040, 0xfffffff8 -> 0x000008/' %t.d8.mlir | not axon-opt --spinn-replay-check="steps=100 rate=200" -o /dev/null 2>&1 | FileCheck %s --check-prefix=LOOP
// LOOP: of vertex 'hidden_0' on core (0, 0, {{[0-9]+}})) arrives at chip (1, 0) twice over the same link: the tables route it in a loop
// RUN: sed '/spinn.table <1, 0>/s/0x00000040, 0xfffffff8 -> 0x000180/0x00000040, 0xfffffff8 -> 0x000008/' %t.d8.mlir | not axon-opt --spinn-replay-check="steps=100 rate=200 hop-limit=1" -o /dev/null 2>&1 | FileCheck %s --check-prefix=HOPS
// HOPS: is still travelling after 1 hops (at chip (0, 0)): the tables route it in a loop

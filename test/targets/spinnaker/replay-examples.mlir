// The machine-level replay on the bundled models: each is mapped by the full
// pipeline, then replayed (packets through the compressed tables, synaptic
// rows, per-core s16.15 neuron updates) and compared spike by spike with the
// reference simulator's spinnaker-profile run of the unmapped network.
//
// The recurrent CubaLIF example (spiking exc population with recurrence and
// an LI readout whose membrane is compared too).  As bundled its steady-state
// input (at most 0.8 per step) stays below the threshold of 1.0, so it never
// spikes: first replayed as is, then with the threshold lowered to 0.2 (sed)
// so that exc spikes and the recurrence and readout carry traffic.
// RUN: axon-opt %axon_src/examples/networks/recurrent_cuba_lif.mlir --axon-spinnaker-pipeline --spinn-replay-check="steps=300 rate=500 seed=1" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=SILENT
// SILENT: remark: replay: 300 steps, 0 spikes, {{[1-9][0-9]*}} packets, identical
// RUN: sed "s/v_threshold = dense<1.0>/v_threshold = dense<0.2>/" %axon_src/examples/networks/recurrent_cuba_lif.mlir | axon-opt --axon-spinnaker-pipeline --spinn-replay-check="steps=300 rate=500 seed=1" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=REC
// RUN: sed "s/v_threshold = dense<1.0>/v_threshold = dense<0.2>/" %axon_src/examples/networks/recurrent_cuba_lif.mlir | axon-opt --axon-spinnaker-pipeline --spinn-replay-check="steps=300 rate=300 seed=2" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=REC
// REC: remark: replay: 300 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical ({{[0-9]+}} input spikes, {{[0-9]+}} deliveries, {{[0-9]+}} synaptic events on 2 cores)
//
// The trained digits MLP converted to IF neurons (Inputs/digits_mlp_if.mlir,
// as in pipeline-digits.mlir): 64 Poisson pixels -> 64 IF -> 10 IF, 4736
// trained weights.  Its IF neurons have r = 1, so at dt = 1 ms a spike moves
// v by 1e-3 of its weight and nothing ever fires; the ANN->SNN conversion
// uses r = 1/dt, so the replay also runs with r = 1000 (sed), where the
// hidden and digit layers spike.
// RUN: axon-opt %S/Inputs/digits_mlp_if.mlir --axon-spinnaker-pipeline --spinn-replay-check="steps=200 rate=100" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=DIGITS-SILENT
// DIGITS-SILENT: remark: replay: 200 steps, 0 spikes, {{[1-9][0-9]*}} packets, identical
// RUN: sed "s/r = dense<1.0>/r = dense<1000.0>/g" %S/Inputs/digits_mlp_if.mlir | axon-opt --axon-spinnaker-pipeline --spinn-replay-check="steps=200 rate=100" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=DIGITS
// DIGITS: remark: replay: 200 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical ({{[0-9]+}} input spikes, {{[0-9]+}} deliveries, {{[1-9][0-9]*}} synaptic events on 2 cores)
// The same at 8 neurons per core: 8 input + 8 hidden + 2 digit cores on two
// chips.
// RUN: sed "s/r = dense<1.0>/r = dense<1000.0>/g" %S/Inputs/digits_mlp_if.mlir | axon-opt --axon-spinnaker-pipeline="neurons-per-core=8" --spinn-replay-check="steps=200 rate=100" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s --check-prefix=DIGITS8
// DIGITS8: remark: replay: 200 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical ({{[0-9]+}} input spikes, {{[0-9]+}} deliveries, {{[1-9][0-9]*}} synaptic events on 10 cores)

// REQUIRES: shared
// The replay on the shared NIR fixtures (imported, mapped, replayed): the
// Norse LIF (input -> affine -> LIF) and the two-neuron NIR graph.
// RUN: axon-translate --import-nir %shared/fixtures/nir/lif/lif_norse.nir | axon-opt --axon-spinnaker-pipeline --spinn-replay-check="steps=500 rate=200 seed=5" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// RUN: axon-translate --import-nir %shared/fixtures/nir/lif/two_lif_neurons.nir | axon-opt --axon-spinnaker-pipeline --spinn-replay-check="steps=500 rate=200 seed=6" -o /dev/null -mlir-print-op-on-diagnostic=false 2>&1 | FileCheck %s
// CHECK: remark: replay: 500 steps, {{[1-9][0-9]*}} spikes, {{[1-9][0-9]*}} packets, identical

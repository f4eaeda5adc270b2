// RUN: axon-opt %s --convert-snn-to-spinn | FileCheck %s
// RUN: axon-opt %s --convert-snn-to-spinn="machine=spinnaker1-boards:3 neurons-per-core=64 dead-chips=1,0 dead-cores=0,0,5" | FileCheck %s --check-prefix=OPTS

// 600 spike inputs drive 600 LIF neurons one-to-one through a scale with a
// 5 ms delay (1 + 5 ticks at dt = 1 ms: SpiNNaker's minimum delay of one
// tick plus the delay op); the LIFs excite each other densely and feed a
// 2-neuron LI readout whose snn op asks for 1 neuron per core.

// CHECK-LABEL: spinn.machine @net_spinnaker
// CHECK-SAME: cores_per_chip = 18 : i64, height = 8 : i64, monitor_cores = 1 : i64, network = "net", profile = "spinnaker1", width = 8 : i64
// CHECK-NEXT: spinn.population @in {kind = "input", neurons = 600 : i64, neurons_per_core = 256 : i64, node = "in", param_words = 0 : i64, state_words = 0 : i64}
// lif: 5 parameters + 1 decay factor per state variable (v).
// CHECK-NEXT: spinn.population @exc {kind = "lif", neurons = 600 : i64, neurons_per_core = 256 : i64, node = "exc", param_words = 6 : i64, state_words = 1 : i64}
// CHECK-NEXT: spinn.population @readout {kind = "li", neurons = 2 : i64, neurons_per_core = 1 : i64, node = "readout", param_words = 4 : i64, state_words = 1 : i64}
// CHECK-NEXT: spinn.projection @in -> @exc {delay = 6 : i64, synapse = "w", synapses = 600 : i64}
// CHECK-NEXT: spinn.projection @exc -> @exc {delay = 1 : i64, synapse = "rec", synapses = 360000 : i64}
// CHECK-NEXT: spinn.projection @exc -> @readout {delay = 1 : i64, synapse = "ro_w", synapses = 1200 : i64}
// CHECK-NOT: spinn.vertex

// OPTS-LABEL: spinn.machine @net_spinnaker
// OPTS-SAME: dead_chips = [#spinn.chip<1, 0>], dead_cores = [#spinn.core<0, 0, 5>]
// OPTS-SAME: height = 12 : i64
// OPTS-SAME: profile = "spinnaker1-boards:3", width = 12 : i64
// OPTS: spinn.population @in {{{.*}}neurons_per_core = 64 : i64
// OPTS: spinn.population @readout {{{.*}}neurons_per_core = 1 : i64
snn.network @net attributes {discretization = #snn.discretization<dt = 1.0e-03, method = exact, reset = zero>} {
  %in = snn.input : tensor<600xi1> loc("in")
  %w = snn.scale %in {scale = dense<2.0> : tensor<600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("w")
  %d = snn.delay %w {delay = dense<5.0e-03> : tensor<600xf32>} : (tensor<600xf32>) -> tensor<600xf32> loc("d")
  %exc = snn.lif %d, %rec {tau = dense<0.01> : tensor<600xf32>, r = dense<1.0> : tensor<600xf32>, v_leak = dense<0.0> : tensor<600xf32>, v_threshold = dense<1.0> : tensor<600xf32>, v_reset = dense<0.0> : tensor<600xf32>} : (tensor<600xf32>, tensor<600xf32>) -> tensor<600xi1> loc("exc")
  %rec = snn.linear %exc {weight = dense<0.01> : tensor<600x600xf32>} : (tensor<600xi1>) -> tensor<600xf32> loc("rec")
  %ro = snn.linear %exc {weight = dense<1.0> : tensor<2x600xf32>} : (tensor<600xi1>) -> tensor<2xf32> loc("ro_w")
  %out = snn.li %ro {tau = dense<0.01> : tensor<2xf32>, r = dense<1.0> : tensor<2xf32>, v_leak = dense<0.0> : tensor<2xf32>, spinn.neurons_per_core = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32> loc("readout")
  snn.output %out : tensor<2xf32> loc("out")
}
